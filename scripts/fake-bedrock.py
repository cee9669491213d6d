#!/usr/bin/env python3
"""A local Bedrock Runtime InvokeModel endpoint that really checks SigV4 (moto's Bedrock is a stub).

Every request's signature is recomputed with botocore's SigV4Auth from the headers the client signed;
a mismatch, an unknown access key or a wrong scope gets 403, like AWS. The answer has Titan Image
Generator's shape: {"images": ["<base64 PNG>"], "error": null}.

  fake-bedrock.py [--access-key testing --secret-key testing] [--request-log FILE]
--request-log appends one JSON line per authenticated request, in scripts/testing/aws_request_log.py's
format (access key id, bedrock:InvokeModel, the model's ARN), for scripts/check-iam-actions.
Prints {"endpoint": "http://127.0.0.1:<port>"} when ready; serves until stdin closes.
Control (unsigned): POST /_control/throttle?count=N  -> the next N invocations get 429 ThrottlingException
                    GET  /_control/stats             -> {"invocations": n, "last": {...}}
"""
import argparse, base64, hashlib, hmac, json, struct, sys, threading, uuid, zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit, parse_qsl, unquote

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials


def tiny_png():
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x80\x00")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


class State:
    lock = threading.Lock()
    throttle_remaining = 0
    invocations = 0
    last = None


def expected_signature(handler, body, secret):
    """Recomputes the signature with botocore; returns (signature from the request, expected one)."""
    authorization = handler.headers.get("Authorization", "")
    if not authorization.startswith("AWS4-HMAC-SHA256 "):
        return None, "missing"
    fields = dict(part.strip().split("=", 1) for part in authorization[len("AWS4-HMAC-SHA256 "):].split(","))
    key_id, day, region, service, _ = fields["Credential"].split("/")
    signed = fields["SignedHeaders"].split(";")
    request = AWSRequest(method=handler.command, url=f"http://{handler.headers['Host']}{handler.path}", data=body)
    for name in signed:
        request.headers[name] = ",".join(handler.headers.get_all(name) or [])
    request.context["timestamp"] = handler.headers.get("X-Amz-Date", "")
    token = handler.headers.get("X-Amz-Security-Token")
    auth = SigV4Auth(Credentials(key_id, secret, token), service, region)
    string_to_sign = auth.string_to_sign(request, auth.canonical_request(request))
    return fields["Signature"], auth.signature(string_to_sign, request), key_id, service


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    access_key = secret_key = request_log = None

    def log_message(self, *args):
        pass

    def reply(self, status, payload, error_type=None):
        body = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("x-amzn-RequestId", str(uuid.uuid4()))
        if error_type:
            self.send_header("x-amzn-ErrorType", f"{error_type}:http://internal.amazon.com/coral/com.amazon.bedrock/")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if urlsplit(self.path).path == "/_control/stats":
            with State.lock:
                return self.reply(200, {"invocations": State.invocations, "last": State.last})
        self.reply(404, {"message": "not found"}, "ResourceNotFoundException")

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        url = urlsplit(self.path)
        if url.path == "/_control/throttle":
            with State.lock:
                State.throttle_remaining = int(dict(parse_qsl(url.query)).get("count", "1"))
            return self.reply(200, {"throttle": State.throttle_remaining})
        parts = url.path.split("/")
        if len(parts) != 4 or parts[1] != "model" or parts[3] != "invoke":
            return self.reply(404, {"message": f"no route {url.path}"}, "UnknownOperationException")

        checked = expected_signature(self, body, self.secret_key)
        if checked[0] is None:
            return self.reply(403, {"message": "Missing Authentication Token"}, "MissingAuthenticationTokenException")
        given, expected, key_id, service = checked
        if key_id != self.access_key:
            return self.reply(403, {"message": "The security token included in the request is invalid."},
                              "UnrecognizedClientException")
        if service != "bedrock" or not hmac.compare_digest(given, expected):
            return self.reply(403, {"message": "The request signature we calculated does not match the signature "
                                               "you provided."}, "InvalidSignatureException")
        with State.lock:
            State.invocations += 1
            State.last = {"model_id": unquote(parts[2]), "raw_path": url.path,
                          "content_type": self.headers.get("Content-Type"), "accept": self.headers.get("Accept"),
                          "body_sha256": hashlib.sha256(body).hexdigest(), "body_length": len(body)}
            throttled = State.throttle_remaining > 0
            if throttled:
                State.throttle_remaining -= 1
        self.record(key_id, unquote(parts[2]), 429 if throttled else 200)
        if throttled:
            return self.reply(429, {"message": "Too many requests, please wait before trying again."},
                              "ThrottlingException")
        if self.headers.get("Content-Type") == "application/json":
            try:
                json.loads(body)
            except ValueError:
                return self.reply(400, {"message": "Malformed input request"}, "ValidationException")
        self.reply(200, {"images": [base64.b64encode(tiny_png()).decode()], "error": None})

    def record(self, key_id, model_id, status):
        """The request as IAM authorises it: InvokeModel on the foundation model (authorisation comes before
        throttling, so a throttled call counts too)."""
        if self.request_log is None:
            return
        region = self.headers.get("Authorization", "").split("/")[2]
        line = json.dumps({"accessKeyId": key_id, "service": "bedrock", "status": status, "actions": [
            {"action": "bedrock:InvokeModel", "resource": f"arn:aws:bedrock:{region}::foundation-model/{model_id}"}]})
        with State.lock, open(self.request_log, "a") as log:
            log.write(line + "\n")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--access-key", default="testing")
    parser.add_argument("--secret-key", default="testing")
    parser.add_argument("--request-log")
    args = parser.parse_args()
    Handler.access_key, Handler.secret_key, Handler.request_log = args.access_key, args.secret_key, args.request_log
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(json.dumps({"endpoint": f"http://127.0.0.1:{server.server_address[1]}"}), flush=True)
    sys.stdin.read()


if __name__ == "__main__":
    main()
