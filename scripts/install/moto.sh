#!/usr/bin/env bash
# Installs moto's server mode, at the version the tests were written against, into <repo>/.tools/moto
# (idempotent). Tests use .tools/moto/bin/moto_server and .tools/moto/bin/python (which also has botocore).
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
venv="$repo/.tools/moto"
if [ -x "$venv/bin/moto_server" ] && "$venv/bin/python" -c 'import moto, botocore' 2>/dev/null; then
    exit 0
fi
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check 'moto[server]==5.2.5'
"$venv/bin/moto_server" --help >/dev/null
echo "moto installed in $venv ($("$venv/bin/python" -c 'import moto; print(moto.__version__)'))"
