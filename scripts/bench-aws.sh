#!/usr/bin/env bash
# Prints numbers for the HTTP client and the AWS layer: SigV4 signing rate, HTTP GET rate and latency
# against a local server (Python's, so the server is the limit at high concurrency), and DynamoDB GetItem
# through moto. Usage: scripts/bench-aws.sh  (builds AWSClientsBenchmark in release mode)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
scripts/install/system.sh
scripts/install/moto.sh
swift build -c release --product AWSClientsBenchmark >/dev/null
bench="$(swift build -c release --show-bin-path)/AWSClientsBenchmark"
work="$(mktemp -d)"
trap 'exec 3>&- 4>&-; sleep 0.5; rm -rf "$work"' EXIT

# Each test server runs until its stdin closes (fd 3 and 4 here, closed by the trap).
mkfifo "$work/http.in" "$work/moto.in"
python3 scripts/testing/http-test-server.py < "$work/http.in" > "$work/http.out" & exec 3> "$work/http.in"
.tools/moto/bin/python scripts/testing/moto-server.py < "$work/moto.in" > "$work/moto.out" & exec 4> "$work/moto.in"
for f in http moto; do until [ -s "$work/$f.out" ]; do sleep 0.1; done; done
http="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["http"])' "$work/http.out")"
moto="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["endpoint"])' "$work/moto.out")"

"$bench" sign 200000
"$bench" http "$http/bytes/100" 2000 1
"$bench" http "$http/bytes/100" 5000 50
"$bench" dynamodb "$moto" 1000 1
"$bench" dynamodb "$moto" 2000 20
