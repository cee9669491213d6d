#!/usr/bin/env python3
"""Stands in for the presigned S3 URL that CloudFormation gives a custom resource, for local runs.

    response-url-receiver.py URL_FILE

Listens on a free loopback port, writes its base URL to URL_FILE once it listens, answers the first PUT
with 200 (as S3 does), prints its body (the custom resource's answer, indented) to stdout and exits.
"""
import json
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer


class Receiver(BaseHTTPRequestHandler):
    def do_PUT(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()
        try:
            text = json.dumps(json.loads(body), indent=2)
        except ValueError:
            text = body.decode("utf-8", "replace")
        print(f"PUT {self.path}\n{text}", flush=True)
        self.server.received = True

    def log_message(self, *args):
        pass


server = HTTPServer(("127.0.0.1", 0), Receiver)
server.received = False
with open(sys.argv[1], "w") as url_file:
    url_file.write(f"http://127.0.0.1:{server.server_port}")
while not server.received:
    server.handle_request()
