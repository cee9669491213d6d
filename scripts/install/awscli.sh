#!/usr/bin/env bash
# Installs the AWS CLI (v1, from PyPI) and boto3 into <repo>/.tools/awscli (idempotent), for the tests that
# drive `lambda-local serve` as a user would: .tools/awscli/bin/aws and .tools/awscli/bin/python (boto3).
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
venv="$repo/.tools/awscli"
if [ -x "$venv/bin/aws" ] && "$venv/bin/python" -c 'import boto3, awscli' 2>/dev/null; then
    exit 0
fi
python3 -m venv "$venv"
# awscli pins its botocore; boto3 is left to pick the release that matches it.
"$venv/bin/pip" install --quiet --disable-pip-version-check awscli boto3
"$venv/bin/aws" --version >/dev/null
echo "AWS CLI installed in $venv ($("$venv/bin/aws" --version 2>&1))"
