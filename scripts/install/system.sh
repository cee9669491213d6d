#!/usr/bin/env bash
# Debian packages every build and test needs. Idempotent: apt runs only when something is missing.
set -euo pipefail

# curl: scripts/local-stack polls its servers with it.
packages=(libcurl4-openssl-dev libssl-dev pkg-config python3-venv zip unzip curl)
missing=()
for p in "${packages[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if ((${#missing[@]})); then
    echo "installing: ${missing[*]}" >&2
    sudo_cmd=(); [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi
command -v swift >/dev/null || { echo "swift is not on PATH (expected the toolchain at /opt/swift)" >&2; exit 1; }
