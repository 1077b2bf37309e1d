"""The author's solution: it must pass every scenario, and is the yardstick of the latency score."""
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

STORE = {}
LOCK = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in separate writes; with Nagle's algorithm on, the body waits for the
    # client's delayed ACK (40 ms) on a kept-alive connection.
    disable_nagle_algorithm = True

    def log_message(self, *args):
        pass

    def send(self, status, body, content_type="application/json"):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def problem(self, status, title):
        self.send(status, {"type": "about:blank", "title": title, "status": status}, "application/problem+json")

    def key(self):
        return self.path[len("/v1/keys/"):] if self.path.startswith("/v1/keys/") else None

    def do_GET(self):
        if self.path == "/health":
            return self.send(200, {"status": "up"})
        key = self.key()
        with LOCK:
            value = STORE.get(key) if key else None
        if value is None:
            return self.problem(404, "Not Found")
        self.send(200, {"key": key, "value": value})

    def do_PUT(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        key = self.key()
        if not key:
            return self.problem(404, "Not Found")
        try:
            body = json.loads(raw)
        except ValueError:
            body = None
        if not isinstance(body, dict) or not isinstance(body.get("value"), str):
            return self.problem(422, "Unprocessable Content")
        with LOCK:
            created = key not in STORE
            STORE[key] = body["value"]
        self.send(201 if created else 200, {"key": key, "value": body["value"]})


ThreadingHTTPServer.daemon_threads = True
ThreadingHTTPServer(("0.0.0.0", 8080), Handler).serve_forever()
