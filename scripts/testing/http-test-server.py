#!/usr/bin/env python3
"""HTTP (and, with --tls, HTTPS) server for the HTTPClient tests.

Prints one JSON line when ready: {"http": "http://127.0.0.1:P", "https": "https://127.0.0.1:Q", "ca_file": "..."}
and serves until its stdin closes. The HTTPS certificate is issued by a throwaway CA made with openssl.
Routes: /echo (method, path, headers, body), /status/<n>, /delay/<ms>, /redirect/<code>?to=<path>, /loop (redirects to itself),
/set-cookie?<name>=<value>, /bytes/<n>, and a container credentials endpoint: /credentials/<counter>
(answers temporary credentials whose secret is the Authorization header it got) and /credentials-count/<counter>.
"""
import atexit, base64, json, os, shutil, ssl, subprocess, sys, tempfile, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit, parse_qsl


credential_fetches = {}
fetches_lock = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in separate writes; with Nagle on, each response waits for a delayed ACK.
    disable_nagle_algorithm = True

    def log_message(self, *args):
        pass

    def _body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _send(self, status, body=b"", headers=()):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _handle(self):
        url = urlsplit(self.path)
        parts = url.path.strip("/").split("/")
        query = parse_qsl(url.query, keep_blank_values=True)
        body = self._body()
        if parts[0] == "echo":
            reply = {"method": self.command, "path": self.path,
                     "headers": [[k, v] for k, v in self.headers.items()],
                     "body_base64": base64.b64encode(body).decode()}
            self._send(200, json.dumps(reply).encode(), [("Content-Type", "application/json"), ("X-Echo", "a"), ("X-Echo", "b")])
        elif parts[0] == "status":
            self._send(int(parts[1]), f"status {parts[1]}".encode())
        elif parts[0] == "delay":
            time.sleep(int(parts[1]) / 1000)
            self._send(200, b"late")
        elif parts[0] == "redirect":
            target = dict(query).get("to", "/echo")
            self._send(int(parts[1]), b"", [("Location", target)])
        elif parts[0] == "loop":
            self._send(302, b"", [("Location", "/loop")])
        elif parts[0] == "set-cookie":
            self._send(200, b"ok", [("Set-Cookie", f"{k}={v}; Path=/") for k, v in query])
        elif parts[0] == "credentials":
            with fetches_lock:
                credential_fetches[parts[1]] = credential_fetches.get(parts[1], 0) + 1
            reply = {"AccessKeyId": "CONTAINERKEY", "SecretAccessKey": self.headers.get("Authorization", ""),
                     "Token": "container-token", "Expiration": "2099-01-01T00:00:00Z"}
            self._send(200, json.dumps(reply).encode(), [("Content-Type", "application/json")])
        elif parts[0] == "credentials-count":
            with fetches_lock:
                self._send(200, str(credential_fetches.get(parts[1], 0)).encode())
        elif parts[0] == "bytes":
            self._send(200, bytes(i % 256 for i in range(int(parts[1]))), [("Content-Type", "application/octet-stream")])
        else:
            self._send(404, b"no such route")

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = _handle


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 1024


def make_certificates(directory):
    ca_key, ca_cert = f"{directory}/ca.key", f"{directory}/ca.crt"
    key, csr, cert = f"{directory}/server.key", f"{directory}/server.csr", f"{directory}/server.crt"
    ext = f"{directory}/ext.cnf"
    with open(ext, "w") as f:
        f.write("subjectAltName=IP:127.0.0.1,DNS:localhost\n")
    run = lambda *args: subprocess.run(["openssl", *args], check=True, capture_output=True)
    run("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=HTTPClient test CA",
        "-keyout", ca_key, "-out", ca_cert)
    run("req", "-new", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1", "-keyout", key, "-out", csr)
    run("x509", "-req", "-in", csr, "-CA", ca_cert, "-CAkey", ca_key, "-CAcreateserial", "-days", "2",
        "-extfile", ext, "-out", cert)
    return ca_cert, cert, key


def main():
    http = Server(("127.0.0.1", 0), Handler)
    threading.Thread(target=http.serve_forever, daemon=True).start()
    ready = {"http": f"http://127.0.0.1:{http.server_address[1]}"}
    if "--tls" in sys.argv:
        directory = tempfile.mkdtemp(prefix="http-test-tls-")
        atexit.register(shutil.rmtree, directory, True)
        ca_cert, cert, key = make_certificates(directory)
        https = Server(("127.0.0.1", 0), Handler)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
        https.socket = context.wrap_socket(https.socket, server_side=True)
        threading.Thread(target=https.serve_forever, daemon=True).start()
        ready.update(https=f"https://127.0.0.1:{https.server_address[1]}", ca_file=ca_cert)
    print(json.dumps(ready), flush=True)
    sys.stdin.read()  # returns when the test process closes our stdin (or exits)


if __name__ == "__main__":
    main()
