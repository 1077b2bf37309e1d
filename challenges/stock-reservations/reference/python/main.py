"""Reference solution of stock-reservations: the standard library's threading HTTP server, one lock."""
import heapq
import itertools
import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

SKU = re.compile(r"[A-Za-z0-9-]{1,32}")
TITLES = {400: "Bad Request", 404: "Not Found", 409: "Conflict", 412: "Precondition Failed",
          422: "Unprocessable Content", 428: "Precondition Required"}


class Problem(Exception):
    def __init__(self, status, detail):
        super().__init__(detail)
        self.status = status


def is_int(value, low, high):
    return type(value) is int and low <= value <= high


class Store:
    """Items and live reservations; expired reservations are dropped, earliest first, whenever the store is used."""

    def __init__(self):
        self.lock = threading.Lock()
        self.items = {}          # sku -> {"sku", "name", "stock", "reserved", "version"}
        self.reservations = {}   # id -> {"id", "sku", "quantity", "expires"}
        self.expiries = []       # heap of (expires, id)
        self.ids = itertools.count(1)

    def expire(self):
        now = time.monotonic()
        while self.expiries and self.expiries[0][0] <= now:
            _, rid = heapq.heappop(self.expiries)
            self.release(rid)

    def release(self, rid):
        reservation = self.reservations.pop(rid, None)
        if reservation is not None:
            self.items[reservation["sku"]]["reserved"] -= reservation["quantity"]
        return reservation

    def put(self, sku, name, stock, if_match):
        with self.lock:
            self.expire()
            item = self.items.get(sku)
            if item is None:
                if if_match is not None:
                    raise Problem(412, "there is no such item to match")
                item = {"sku": sku, "name": name, "stock": stock, "reserved": 0, "version": 1}
                self.items[sku] = item
                return 201, view(item)
            if if_match is None:
                raise Problem(428, "changing an item needs If-Match with its ETag")
            if if_match != etag(item):
                raise Problem(412, "the item has changed since that ETag")
            if stock < item["reserved"]:
                raise Problem(409, "stock cannot drop below the %d reserved" % item["reserved"])
            item.update(name=name, stock=stock, version=item["version"] + 1)
            return 200, view(item)

    def get(self, sku):
        with self.lock:
            self.expire()
            item = self.items.get(sku)
            if item is None:
                raise Problem(404, "no such item")
            return view(item)

    def reserve(self, sku, quantity, ttl):
        with self.lock:
            self.expire()
            item = self.items.get(sku)
            if item is None:
                raise Problem(404, "no such item")
            if quantity > item["stock"] - item["reserved"]:
                raise Problem(409, "only %d available" % (item["stock"] - item["reserved"]))
            rid = "r%d" % next(self.ids)
            expires = time.monotonic() + ttl
            self.reservations[rid] = {"id": rid, "sku": sku, "quantity": quantity, "expires": expires}
            heapq.heappush(self.expiries, (expires, rid))
            item["reserved"] += quantity
            return {"id": rid, "sku": sku, "quantity": quantity}

    def reservation(self, rid, delete):
        with self.lock:
            self.expire()
            reservation = self.release(rid) if delete else self.reservations.get(rid)
            if reservation is None:
                raise Problem(404, "no such live reservation")
            return {"id": rid, "sku": reservation["sku"], "quantity": reservation["quantity"]}


def view(item):
    return dict(item, available=item["stock"] - item["reserved"])


def etag(item):
    return '"%d"' % item["version"]


STORE = Store()


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

    def send_item(self, status, item):
        self.send(status, item, headers=[("ETag", etag(item))])

    def body(self):
        length = int(self.headers.get("Content-Length") or 0)
        try:
            body = json.loads(self.rfile.read(length) if length else b"")
        except ValueError:
            raise Problem(400, "the body is not JSON")
        if not isinstance(body, dict):
            raise Problem(400, "the body must be a JSON object")
        return body

    def handle_one(self, method):
        try:
            self.route(method, urlsplit(self.path).path.split("/")[1:])
        except Problem as problem:
            self.send(problem.status, {"type": "about:blank", "title": TITLES[problem.status],
                                       "status": problem.status, "detail": str(problem)}, "application/problem+json")

    def route(self, method, parts):
        if method == "GET" and parts == ["health"]:
            return self.send(200, {"status": "up"})
        if len(parts) >= 3 and parts[:2] == ["v1", "items"] and SKU.fullmatch(parts[2]):
            sku = parts[2]
            if len(parts) == 3 and method == "PUT":
                body = self.body()
                name, stock = body.get("name"), body.get("stock")
                if not isinstance(name, str) or not 1 <= len(name) <= 100 or not is_int(stock, 0, 1_000_000_000):
                    raise Problem(422, "name must be 1 to 100 characters and stock an integer from 0 to 1000000000")
                return self.send_item(*STORE.put(sku, name, stock, self.headers.get("If-Match")))
            if len(parts) == 3 and method == "GET":
                return self.send_item(200, STORE.get(sku))
            if len(parts) == 4 and parts[3] == "reservations" and method == "POST":
                body = self.body()
                quantity, ttl = body.get("quantity"), body.get("ttl_seconds")
                if not is_int(quantity, 1, 1_000_000) or not is_int(ttl, 1, 3600):
                    raise Problem(422, "quantity must be an integer from 1 to 1000000, ttl_seconds from 1 to 3600")
                reservation = STORE.reserve(sku, quantity, ttl)
                return self.send(201, reservation, headers=[("Location", "/v1/reservations/" + reservation["id"])])
        if len(parts) == 3 and parts[:2] == ["v1", "reservations"] and method in ("GET", "DELETE"):
            reservation = STORE.reservation(parts[2], method == "DELETE")
            return self.send(204) if method == "DELETE" else self.send(200, reservation)
        raise Problem(404, "no such resource")

    def do_GET(self):
        self.handle_one("GET")

    def do_PUT(self):
        self.handle_one("PUT")

    def do_POST(self):
        self.handle_one("POST")

    def do_DELETE(self):
        self.handle_one("DELETE")


ThreadingHTTPServer.daemon_threads = True
ThreadingHTTPServer(("0.0.0.0", 8080), Handler).serve_forever()
