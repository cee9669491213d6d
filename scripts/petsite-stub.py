#!/usr/bin/env python3
"""A stand-in for the pet site, for TrafficGenerator's integration tests and local runs.

It answers the thirteen steps of a visit the way the site does (HTML pages, redirects after form posts,
JSON for the script endpoints), hands out a session cookie on the first visit to the home page and refuses
any later request that does not send it back, and records every request it gets.

    petsite-stub.py [--port 0] [--url-file FILE] [--record FILE]

--url-file receives the base URL once the server listens (port 0 picks a free port).
--record appends one JSON line per request.
GET /__stub/requests answers the records so far; POST /__stub/reset forgets records and sessions.
Card numbers are never recorded: only whether one was sent and passes the Luhn check.
"""
import argparse
import os
import json
import secrets
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

SESSION_COOKIE = "PetSiteSession"

# path -> (method, where the fields come from, fields required)
ROUTES = {
    "/": ("GET", "query", []),
    "/Adoption": ("GET", "query", ["petId", "pettype", "petcolor", "userId"]),
    "/Payment": ("GET", "query", ["petId", "pettype", "userId"]),
    "/FoodService": ("GET", "query", []),
    "/FoodService/AddToCart": ("POST", "form", ["foodId", "userId", "quantity"]),
    "/FoodService/GetCartCount": ("GET", "query", ["userId"]),
    "/Checkout/RemoveItem": ("POST", "json", ["foodId", "userId"]),
    "/Checkout/ClearCart": ("POST", "form", ["userId"]),
    "/Checkout": ("GET", "query", ["userId"]),
    "/Checkout/PayAndCheckOut": ("POST", "json", ["cardNumber", "userId"]),
}


def luhn_valid(number):
    digits = [int(c) for c in number if c.isdigit()]
    if len(digits) < 12 or len(digits) != len(number):
        return False
    total = 0
    for index, digit in enumerate(reversed(digits)):
        if index % 2 == 1:
            digit = digit * 2 - 9 if digit > 4 else digit * 2
        total += digit
    return total % 10 == 0


class Site:
    """Sessions (cookie -> cart) and the request records, shared by the handler threads."""

    def __init__(self, record_path):
        self.lock = threading.Lock()
        self.sessions = {}
        self.records = []
        self.record_file = open(record_path, "a", buffering=1) if record_path else None

    def new_session(self):
        session = secrets.token_hex(12)
        with self.lock:
            self.sessions[session] = {}
        return session

    def knows(self, session):
        with self.lock:
            return session in self.sessions

    def cart(self, session, update=None):
        with self.lock:
            cart = self.sessions[session]
            if update:
                update(cart)
            return sum(cart.values())

    def record(self, entry):
        line = json.dumps(entry, sort_keys=True)
        with self.lock:
            self.records.append(entry)
            if self.record_file:
                self.record_file.write(line + "\n")

    def reset(self):
        with self.lock:
            self.records = []
            self.sessions = {}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as browsers and curl use it
    server_version = "PetSiteStub/1"
    site = None  # set in main

    def log_message(self, format, *args):
        pass

    def do_GET(self):
        self.handle_request()

    def do_POST(self):
        self.handle_request()

    def handle_request(self):
        url = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        if url.path.startswith("/__stub/"):
            return self.control(url.path)

        cookie = self.session_cookie()
        entry = {
            "method": self.command,
            "path": url.path,
            "query": url.query,
            "cookie": self.headers.get("Cookie"),
            "session": cookie if cookie and self.site.knows(cookie) else None,
            "contentType": self.headers.get("Content-Type"),
            "userAgent": self.headers.get("User-Agent"),
        }
        status, headers, payload = self.answer(url, body, entry)
        entry["status"] = status
        self.site.record(entry)
        self.send(status, headers, payload)

    def answer(self, url, body, entry):
        route = ROUTES.get(url.path)
        if route is None:
            return 404, {}, page("Not found")
        method, source, required = route
        if self.command != method:
            return 405, {"Allow": method}, page("Method not allowed")

        fields, problem = self.fields(source, url.query, body)
        if problem:
            return 400, {}, page(problem)
        if "cardNumber" in fields:
            entry["cardNumberValid"] = luhn_valid(fields.pop("cardNumber"))
            fields["cardNumber"] = "<redacted>"
        entry["fields"] = fields
        missing = [name for name in required if not fields.get(name)]
        if missing:
            return 400, {}, page("missing " + ", ".join(missing))

        headers = {}
        session = entry["session"]
        if session is None:
            if url.path != "/":
                return 403, {}, page("no session: start at the home page")
            session = self.site.new_session()
            entry["newSession"] = session
            headers["Set-Cookie"] = f"{SESSION_COOKIE}={session}; Path=/; HttpOnly"
        user = fields.get("userId", "")

        if url.path == "/FoodService/AddToCart":
            food, quantity = fields["foodId"], int(fields["quantity"])
            self.site.cart(session, lambda cart: cart.__setitem__(food, cart.get(food, 0) + quantity))
            headers["Location"] = f"/FoodService?userId={user}"
            return 302, headers, b""
        if url.path == "/Checkout/ClearCart":
            self.site.cart(session, lambda cart: cart.clear())
            headers["Location"] = f"/Checkout?userId={user}"
            return 303, headers, b""
        if url.path == "/FoodService/GetCartCount":
            return 200, headers, json_body({"count": self.site.cart(session)})
        if url.path == "/Checkout/RemoveItem":
            self.site.cart(session, lambda cart: cart.pop(fields["foodId"], None))
            return 200, headers, json_body({"removed": fields["foodId"], "count": self.site.cart(session)})
        if url.path == "/Checkout/PayAndCheckOut":
            if not entry["cardNumberValid"]:
                return 402, headers, json_body({"error": "card declined"})
            self.site.cart(session, lambda cart: cart.clear())
            return 200, headers, json_body({"orderId": secrets.token_hex(6), "userId": user})
        return 200, headers, page(f"{url.path} for {user or 'guest'}")

    def fields(self, source, query, body):
        try:
            if source == "query":
                return flat(parse_qs(query, keep_blank_values=True)), None
            if source == "form":
                if self.headers.get("Content-Type") != "application/x-www-form-urlencoded":
                    return {}, "expected a form body"
                return flat(parse_qs(body.decode(), keep_blank_values=True)), None
            if not (self.headers.get("Content-Type") or "").startswith("application/json"):
                return {}, "expected a JSON body"
            value = json.loads(body or b"null")
            if not isinstance(value, dict):
                return {}, "expected a JSON object"
            return {key: str(item) for key, item in value.items()}, None
        except (ValueError, UnicodeDecodeError) as error:
            return {}, f"unreadable body: {error}"

    def session_cookie(self):
        for part in (self.headers.get("Cookie") or "").split(";"):
            name, _, value = part.strip().partition("=")
            if name == SESSION_COOKIE:
                return value
        return None

    def control(self, path):
        if path == "/__stub/requests":
            with self.site.lock:
                records = list(self.site.records)
            return self.send(200, {}, json_body(records))
        if path == "/__stub/reset" and self.command == "POST":
            self.site.reset()
            return self.send(200, {}, json_body({"reset": True}))
        return self.send(404, {}, page("unknown control path"))

    def send(self, status, headers, payload):
        self.send_response(status)
        if payload.startswith(b"{") or payload.startswith(b"["):
            self.send_header("Content-Type", "application/json")
        elif payload:
            self.send_header("Content-Type", "text/html; charset=utf-8")
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


def flat(parsed):
    return {key: values[-1] for key, values in parsed.items()}


def page(text):
    return f"<!DOCTYPE html><html><head><title>Pet Site</title></head><body><h1>{text}</h1></body></html>".encode()


def json_body(value):
    return json.dumps(value).encode()


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256  # the default 5 drops connects when many visitors arrive at once


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--url-file")
    parser.add_argument("--record")
    args = parser.parse_args()

    Handler.site = Site(args.record)
    server = Server(("127.0.0.1", args.port), Handler)
    url = f"http://127.0.0.1:{server.server_address[1]}"
    if args.url_file:
        with open(args.url_file + ".tmp", "w") as file:
            file.write(url + "\n")
        os.replace(args.url_file + ".tmp", args.url_file)
    print(f"pet site stub listening on {url}", file=sys.stderr, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
