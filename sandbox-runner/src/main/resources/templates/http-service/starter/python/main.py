"""Key-value API: start here. Run it with `python3 main.py`; it listens on port 8080."""
import json
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def send(self, status, body, content_type="application/json"):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        if self.path == "/health":
            return self.send(200, {"status": "up"})
        # TODO: GET /v1/keys/{key}
        self.send(404, {"type": "about:blank", "title": "Not Found", "status": 404}, "application/problem+json")

    def do_PUT(self):
        # TODO: PUT /v1/keys/{key}
        self.send(404, {"type": "about:blank", "title": "Not Found", "status": 404}, "application/problem+json")


ThreadingHTTPServer(("0.0.0.0", 8080), Handler).serve_forever()
