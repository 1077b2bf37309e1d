"""Wrong: Idempotency-Key is accepted but ignored, so a retried request creates a second link."""
import base64
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
MAX_URL = 2048


class Store:
    def __init__(self):
        self.lock = threading.Lock()
        self.links = []          # in creation order
        self.by_code = {}        # code -> index in links

    def create(self, url, key):
        with self.lock:
            code = encode(len(self.links) + 238328)  # 62**3: every code has at least 4 characters
            link = {"code": code, "url": url, "hits": 0}
            self.by_code[code] = len(self.links)
            self.links.append(link)
            return 201, dict(link)

    def get(self, code):
        with self.lock:
            index = self.by_code.get(code)
            return None if index is None else dict(self.links[index])

    def hit(self, code):
        with self.lock:
            index = self.by_code.get(code)
            if index is None:
                return None
            self.links[index]["hits"] += 1
            return self.links[index]["url"]

    def page(self, start, limit):
        with self.lock:
            items = [dict(link) for link in self.links[start:start + limit]]
            more = start + limit < len(self.links)
            return items, (cursor_for(items[-1]["code"]) if more and items else None)


def encode(number):
    digits = ""
    while number:
        number, digit = divmod(number, 62)
        digits = ALPHABET[digit] + digits
    return digits


def cursor_for(code):
    return base64.urlsafe_b64encode(("after:" + code).encode()).decode().rstrip("=")


def code_of(cursor):
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
    except ValueError:
        return None
    return text[len("after:"):] if text.startswith("after:") else None


def valid_url(url):
    if not isinstance(url, str) or len(url) > MAX_URL:
        return False
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def valid_key(key):
    return 1 <= len(key) <= 64 and all(33 <= ord(c) <= 126 for c in key)


STORE = Store()
PROBLEM_TITLES = {400: "Bad Request", 404: "Not Found", 409: "Conflict", 422: "Unprocessable Content"}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in separate writes; with Nagle's algorithm on, the body waits for the
    # client's delayed ACK (40 ms) on a kept-alive connection.
    disable_nagle_algorithm = True

    def log_message(self, *args):
        pass

    def send(self, status, body=None, content_type="application/json", headers=()):
        data = b"" if body is None else json.dumps(body).encode()
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        if body is not None:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def problem(self, status, detail):
        self.send(status, {"type": "about:blank", "title": PROBLEM_TITLES[status], "status": status,
                           "detail": detail}, "application/problem+json")

    def do_GET(self):
        parts = urlsplit(self.path)
        path = parts.path
        if path == "/health":
            self.send(200, {"status": "up"})
        elif path == "/v1/links":
            self.list(parse_qs(parts.query))
        elif path.startswith("/v1/links/"):
            link = STORE.get(path[len("/v1/links/"):])
            self.send(200, link) if link else self.problem(404, "no such link")
        elif path.startswith("/r/"):
            url = STORE.hit(path[len("/r/"):])
            self.send(302, headers=[("Location", url)]) if url else self.problem(404, "no such link")
        else:
            self.problem(404, "no such resource")

    def list(self, query):
        limit_text = query.get("limit", ["10"])[0]
        if not limit_text.isdigit() or not 1 <= int(limit_text) <= 100:
            return self.problem(400, "limit must be a number from 1 to 100")
        start = 0
        if "cursor" in query:
            index = STORE.by_code.get(code_of(query["cursor"][0]) or "")
            if index is None:
                return self.problem(400, "unknown cursor")
            start = index + 1
        items, next_cursor = STORE.page(start, int(limit_text))
        self.send(200, {"items": items, "next_cursor": next_cursor})

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        if urlsplit(self.path).path != "/v1/links":
            return self.problem(404, "no such resource")
        try:
            body = json.loads(raw)
        except ValueError:
            return self.problem(400, "the body is not JSON")
        if not isinstance(body, dict):
            return self.problem(400, "the body must be a JSON object")
        if not valid_url(body.get("url")):
            return self.problem(422, "url must be an absolute http(s) URL of at most 2048 characters")
        key = self.headers.get("Idempotency-Key")
        if key is not None and not valid_key(key):
            return self.problem(400, "Idempotency-Key must be 1 to 64 visible ASCII characters")
        status, link = STORE.create(body["url"], key)
        if status == 409:
            return self.problem(409, "this Idempotency-Key was used with another body")
        self.send(201, link, headers=[("Location", "/v1/links/" + link["code"])])


ThreadingHTTPServer.daemon_threads = True
ThreadingHTTPServer(("0.0.0.0", 8080), Handler).serve_forever()
