#!/usr/bin/env bash
# Installs moto's server mode, at the version the tests were written against, into <repo>/.tools/moto
# (idempotent). Tests use .tools/moto/bin/moto_server and .tools/moto/bin/python (which also has botocore).
set -euo pipefail
source "$(dirname "$0")/python-tool.sh"
install_python_tool moto 'moto_server --help && python -c "import moto, botocore"' 'moto[server]==5.2.5'
