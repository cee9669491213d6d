#!/usr/bin/env bash
# Installs what packaging, the static libcurl build and the bare-root test need. Idempotent: installs
# only what is missing, and adds the Debian source entry (for `apt-get source curl`) only once.
set -euo pipefail

packages=(
    dpkg-dev autoconf automake libtool pkg-config make   # apt-get source curl, and its build
    libcurl4-openssl-dev libssl-dev zlib1g-dev libnghttp2-dev   # headers, curl's version, static deps
    zip unzip binutils file                              # zipping and the checks on the bootstrap
    busybox-static dnsmasq-base openssl                  # the bare-root test: shell, DNS, test CA
    ca-certificates
)

# Linked statically into every bootstrap, so each build must embed Debian's latest security update.
embedded=(libssl-dev zlib1g-dev libnghttp2-dev libcurl4-openssl-dev)

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
for p in "${embedded[@]}"; do
    policy=$(apt-cache policy "$p")
    installed=$(awk '/Installed:/ {print $2}' <<< "$policy")
    candidate=$(awk '/Candidate:/ {print $2}' <<< "$policy")
    [[ "$installed" == "$candidate" ]] || missing+=("$p")
done

# deb-src entries for the same archives and suites the system already uses (`apt-get source curl`): the
# same stanzas with `Types: deb-src` where the system lists them in deb822 format (Debian 12's default),
# the same lines with `deb-src` where it has a one-line sources.list (debootstrap's, older installs).
system_list=/etc/apt/sources.list.d/debian.sources
need_update=0
if ! grep -rqs '^Types:.*deb-src' /etc/apt/sources.list.d/ && ! grep -rqs '^deb-src' /etc/apt/sources.list /etc/apt/sources.list.d/; then
    if [ -f "$system_list" ]; then
        sed 's/^Types:.*/Types: deb-src/' "$system_list" > /tmp/debian-src.sources.$$
        src_list=/etc/apt/sources.list.d/debian-src.sources
    elif grep -qs '^deb ' /etc/apt/sources.list; then
        sed -n 's/^deb /deb-src /p' /etc/apt/sources.list > /tmp/debian-src.sources.$$
        src_list=/etc/apt/sources.list.d/debian-src.list
    else
        echo "install/packaging.sh: no Debian archive in /etc/apt to add the source entry for (apt-get source curl)" >&2
        exit 1
    fi
    need_update=1
fi

if (( ${#missing[@]} )) || (( need_update )); then
    sudo_cmd=(); [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
    if (( need_update )); then
        "${sudo_cmd[@]}" install -m 644 /tmp/debian-src.sources.$$ "$src_list"
        rm -f /tmp/debian-src.sources.$$
    fi
    "${sudo_cmd[@]}" apt-get update -qq
    (( ${#missing[@]} )) && DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
echo "packaging tools: ok"
