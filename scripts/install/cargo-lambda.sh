#!/usr/bin/env bash
# Installs cargo-lambda (the PyPI wheel) into <repo>/.tools/cargo-lambda. Idempotent.
# Its `watch --only-lambda-apis` is a second Runtime API emulator, written by others, for the loop tests.
# It needs `cargo` on PATH at run time (only for `cargo metadata`, offline): rustup's or Debian's.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
venv="$root/.tools/cargo-lambda"
version="1.9.2"

if ! "$venv/bin/cargo-lambda" lambda --version 2>/dev/null | grep -q "^cargo-lambda $version"; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "cargo-lambda==$version"
fi

PATH="$HOME/.cargo/bin:$PATH"
if ! command -v cargo >/dev/null; then
    # No rustup toolchain: Debian's cargo is old but runs `cargo metadata` just as well.
    apt-get install -y -q cargo >/dev/null
fi
"$venv/bin/cargo-lambda" lambda --version
