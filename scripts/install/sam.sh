#!/usr/bin/env bash
# Installs AWS SAM CLI into <repo>/.tools/sam (a virtualenv), once. Idempotent.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
venv="$repo/.tools/sam"
if [[ -x "$venv/bin/sam" ]] && "$venv/bin/sam" --version >/dev/null 2>&1; then
    echo "sam: $("$venv/bin/sam" --version)"
    exit 0
fi
python3 -m venv "$venv"
"$venv/bin/pip" install -q --upgrade pip
"$venv/bin/pip" install -q aws-sam-cli
echo "sam: $(SAM_CLI_TELEMETRY=0 "$venv/bin/sam" --version)"
