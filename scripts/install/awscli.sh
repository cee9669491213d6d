#!/usr/bin/env bash
# Installs the AWS CLI (v1, from PyPI) and boto3 into <repo>/.tools/awscli (idempotent), for the tests that
# drive `lambda-local serve` as a user would: .tools/awscli/bin/aws and .tools/awscli/bin/python (boto3).
set -euo pipefail
source "$(dirname "$0")/python-tool.sh"
# awscli pins its botocore; boto3 is left to pick the release that matches it.
install_python_tool awscli 'aws --version && python -c "import boto3, awscli"' 'awscli==1.46.3' boto3
