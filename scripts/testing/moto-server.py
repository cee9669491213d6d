#!/usr/bin/env python3
"""Starts `moto_server -H 127.0.0.1 -p <free port>` from .tools/moto, waits until GET /moto-api/ answers,
prints {"endpoint": "http://127.0.0.1:<port>"} and stops the server when stdin closes.
Extra environment (e.g. INITIAL_NO_AUTH_ACTION_COUNT) passes through to moto."""
import json, os, socket, subprocess, sys, tempfile, time, urllib.request

repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
moto = os.path.join(repo, ".tools", "moto", "bin", "moto_server")
if not os.access(moto, os.X_OK):
    sys.exit(f"{moto} is missing: run scripts/install/moto.sh")

with socket.socket() as probe:
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
# moto logs every request; an unread pipe would fill up and block it, so the log goes to a file.
log = tempfile.TemporaryFile()
server = subprocess.Popen([moto, "-H", "127.0.0.1", "-p", str(port)], stdin=subprocess.DEVNULL,
                          stdout=log, stderr=subprocess.STDOUT)
endpoint = f"http://127.0.0.1:{port}"
deadline = time.monotonic() + 30
while True:
    try:
        urllib.request.urlopen(endpoint + "/moto-api/", timeout=1).read()
        break
    except OSError:
        if server.poll() is not None or time.monotonic() > deadline:
            server.kill()
            log.seek(0)
            sys.exit("moto_server did not start: " + log.read().decode(errors="replace")[-2000:])
        time.sleep(0.02)
print(json.dumps({"endpoint": endpoint}), flush=True)
try:
    sys.stdin.read()
finally:
    # moto keeps everything in memory, so there is nothing to shut down gracefully; werkzeug's threaded
    # server does not always exit on SIGTERM.
    server.kill()
    server.wait()
