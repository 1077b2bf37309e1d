"""Stock reservations API: start here. Run it with `python3 main.py`; it listens on port 8080."""
import json
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body are written separately: without this, each body waits for a delayed ACK.
    disable_nagle_algorithm = True

    def send_json(self, status, body, content_type="application/json", headers=()):
        data = json.dumps(body).encode()
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def problem(self, status, title, detail=None):
        self.send_json(status, {"type": "about:blank", "title": title, "status": status, "detail": detail},
                       "application/problem+json")

    def do_GET(self):
        path = urlsplit(self.path).path
        if path == "/health":
            return self.send_json(200, {"status": "up"})
        # TODO: GET /v1/items/{sku}, GET /v1/reservations/{id}
        self.problem(404, "Not Found")

    def do_PUT(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        # TODO: PUT /v1/items/{sku}, with ETag and If-Match
        self.problem(404, "Not Found")

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        # TODO: POST /v1/items/{sku}/reservations
        self.problem(404, "Not Found")

    def do_DELETE(self):
        # TODO: DELETE /v1/reservations/{id}
        self.problem(404, "Not Found")


ThreadingHTTPServer(("0.0.0.0", 8080), Handler).serve_forever()
