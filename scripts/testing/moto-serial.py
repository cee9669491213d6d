#!/usr/bin/env python3
"""moto's server handling one request at a time, for tests of concurrent DynamoDB transactions.

moto_server is threaded, and moto 5.2's TransactWriteItems is not thread-safe: it deep-copies the tables
before writing and restores that copy when a condition fails, so two transactions at once lose each
other's writes or fail with "dictionary changed size during iteration". Served one request at a time,
each call is atomic, as DynamoDB's are. Same ready protocol as moto-server.py: prints
{"endpoint": "http://127.0.0.1:<port>"} when ready, stops when stdin closes.
"""
import json, sys, threading

from werkzeug.serving import make_server
from moto.moto_server.werkzeug_app import DomainDispatcherApplication, MotoRequestHandler, create_backend_app

server = make_server("127.0.0.1", 0, DomainDispatcherApplication(create_backend_app), threaded=False,
                     request_handler=MotoRequestHandler)
threading.Thread(target=server.serve_forever, daemon=True).start()
print(json.dumps({"endpoint": f"http://127.0.0.1:{server.server_port}"}), flush=True)
sys.stdin.read()
server.shutdown()
