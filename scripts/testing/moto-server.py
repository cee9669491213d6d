#!/usr/bin/env python3
"""moto's server (threaded, as `moto_server` runs it), run with .tools/moto's python.

  moto-server.py                      a free port; prints {"endpoint": "http://127.0.0.1:<port>"} when ready
                                      and stops when stdin closes (the tests' ChildServer protocol)
  moto-server.py --port N --until-killed      serves on N until SIGTERM (the local stack)
  --request-log FILE                  appends one JSON line per signed request: the access key id and the
                                      IAM actions and resources it needs (scripts/testing/aws_request_log.py)
Extra environment (e.g. INITIAL_NO_AUTH_ACTION_COUNT) passes through to moto.
"""
import argparse, json, os, signal, sys, threading

try:
    from werkzeug.serving import make_server
    from moto.moto_server.werkzeug_app import DomainDispatcherApplication, MotoRequestHandler, create_backend_app
except ImportError:
    sys.exit(f"{sys.executable} has no moto: run this with .tools/moto/bin/python (scripts/install/moto.sh)")

parser = argparse.ArgumentParser()
parser.add_argument("--port", type=int, default=0)
parser.add_argument("--request-log")
parser.add_argument("--until-killed", action="store_true")
args = parser.parse_args()

app = DomainDispatcherApplication(create_backend_app)
if args.request_log:
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from aws_request_log import RequestLog
    app = RequestLog(app, args.request_log)
server = make_server("127.0.0.1", args.port, app, threaded=True, request_handler=MotoRequestHandler)
port = server.server_port
# Read by moto (per request) when it writes URLs that name itself, such as SQS queue URLs; moto_server sets it too.
os.environ.setdefault("MOTO_PORT", str(port))

if args.until_killed:
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    server.serve_forever()
else:
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(json.dumps({"endpoint": f"http://127.0.0.1:{port}"}), flush=True)
    sys.stdin.read()
    # moto keeps everything in memory, so there is nothing to shut down gracefully.
    os._exit(0)
