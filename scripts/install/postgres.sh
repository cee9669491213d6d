#!/usr/bin/env bash
# Installs the PostgreSQL server binaries and openssl (idempotent). scripts/postgres-tls needs initdb,
# pg_ctl, postgres and psql from /usr/lib/postgresql/<version>/bin, and openssl for the certificates.
set -euo pipefail
have_server() { compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; }
if have_server && command -v openssl >/dev/null && command -v psql >/dev/null; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "install/postgres.sh: PostgreSQL is missing and installing it needs root (apt-get install postgresql openssl)" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# The Debian package creates the `postgres` system user the private clusters run as; its own
# cluster (15/main) is left alone: we never start it.
apt-get install -y -qq --no-install-recommends postgresql openssl >/dev/null
have_server || { echo "install/postgres.sh: initdb still missing after apt-get install" >&2; exit 1; }
echo "PostgreSQL installed: $(ls -d /usr/lib/postgresql/*/bin | tail -1)"
