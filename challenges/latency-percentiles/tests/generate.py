#!/usr/bin/env python3
"""Deterministic test generator for latency-percentiles.

Rewrites every tests/{public,hidden}/*.in and computes the matching .ans with
the Python reference (reference/python/main.py). Run from anywhere:

    python3 tests/generate.py
"""
import os
import random
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REFERENCE = os.path.join(HERE, "..", "reference", "python", "main.py")

METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]
OK_STATUSES = [200, 200, 200, 200, 200, 201, 204, 301, 304, 400, 401, 403, 404, 409, 429, 499]
ERROR_STATUSES = [500, 502, 503, 504, 599]


def render(records):
    lines = [str(len(records))]
    for ts, method, path, status, latency in records:
        lines.append("%d %s %s %d %d" % (ts, method, path, status, latency))
    return "\n".join(lines) + "\n"


def latency(rng, median):
    value = int(rng.lognormvariate(0, 0.8) * median)
    if rng.random() < 0.01:
        value *= rng.randint(5, 40)  # tail: GC pauses, retries, slow downstreams
    return max(0, min(1_000_000, value))


def status(rng, error_rate):
    if rng.random() < error_rate:
        return rng.choice(ERROR_STATUSES)
    return rng.choice(OK_STATUSES)


def timestamps(rng, count, start, spread):
    """Roughly increasing timestamps with jitter (log lines from several hosts)."""
    t = start
    out = []
    for _ in range(count):
        t += rng.randint(0, spread)
        out.append(max(0, t - rng.randint(0, 3 * spread)))
    return out


def assign(rng, endpoints_with_samples, start=1718000000000, spread=40):
    """endpoints_with_samples: list of (method, path, [(status, latency), ...]); shuffles lines."""
    rows = []
    for method, path, samples in endpoints_with_samples:
        for st, lat in samples:
            rows.append((method, path, st, lat))
    rng.shuffle(rows)
    ts = timestamps(rng, len(rows), start, spread)
    return [(t, m, p, s, l) for t, (m, p, s, l) in zip(ts, rows)]


# ---------------------------------------------------------------- public tests

def public_example():
    return """12
1718000000000 GET /api/orders 200 120
1718000000004 POST /api/orders 201 310
1718000000009 GET /health 200 2
1718000000011 GET /api/orders 200 35
1718000000015 GET /api/orders 503 48
1718000000020 DELETE /api/orders/17 404 12
1718000000022 POST /api/orders 201 95
1718000000023 GET /health 200 1
1718000000030 GET /api/orders 200 250
1718000000031 POST /api/orders 504 1800
1718000000038 GET /health 200 2
1718000000040 GET /api/orders 200 41
"""


def public_edge():
    return """17
1718000000900 PUT /v1/cfg 503 9
1718000000100 GET /ab 200 7
1718000000950 GET /a_b 200 4
1718000000300 PUT /v1/cfg 599 0
1718000000301 GET /a 499 1000000
1718000000120 GET /ab 502 8
1718000000400 PUT /v1/cfg 503 5
1718000000000 OPTIONS / 204 0
1718000000500 GET /a/b 200 3
1718000000500 GET /a.b 200 2
1718000000500 GET /a-b 200 1
1718000000777 PUT /v1/cfg 502 0
1718000000778 HEAD /a 200 1
1718000000779 PUT /v1/cfg 504 9
1718000000100 GET /ab 200 7
1718000000780 PUT /v1/cfg 503 0
1718000000781 PUT /v1/cfg 504 5
"""


# ---------------------------------------------------------------- hidden tests

def hidden_single():
    return "1\n0 PATCH /v2/users/me 500 0\n"


def hidden_rank_boundaries():
    """Every group size from 1 to 120 plus a few round ones: exercises ceil(p*n/100)."""
    rng = random.Random(101)
    eps = []
    sizes = list(range(1, 121)) + [150, 199, 200, 201, 300, 400, 999, 1000, 1001]
    for n in sizes:
        path = "/r/%d" % n
        pool = rng.randint(1, 3 * n)  # many duplicates for small pools
        samples = [(status(rng, 0.05), rng.randint(0, pool)) for _ in range(n)]
        eps.append((rng.choice(METHODS), path, samples))
    return render(assign(rng, eps))


def hidden_error_rounding():
    """Group sizes and 5xx counts whose percentage sits exactly on, or next to, a rounding tie."""
    rng = random.Random(202)
    cases = [
        (32, 1), (32, 3), (32, 31), (96, 3), (160, 1), (160, 3), (800, 1), (800, 3),
        (8, 1), (3, 1), (3, 2), (6, 1), (6, 5), (7, 1), (7, 6), (9, 8),
        (11, 1), (64, 1), (400, 1), (1600, 1), (2000, 3),
        (5, 0), (5, 5), (1, 1), (1, 0), (40, 1), (200, 1), (12, 1), (13, 1), (17, 16),
        (480, 1), (4000, 9),
    ]
    eps = []
    for i, (n, e) in enumerate(cases):
        statuses = [rng.choice(ERROR_STATUSES) for _ in range(e)]
        statuses += [rng.choice(OK_STATUSES) for _ in range(n - e)]
        if e:
            statuses[0] = 500  # the lower boundary of 5xx must count
        samples = [(s, latency(rng, 80)) for s in statuses]
        eps.append((METHODS[i % len(METHODS)], "/rate/%d-%d" % (n, e), samples))
    return render(assign(rng, eps))


def hidden_ascii_order():
    """Paths that only differ in punctuation, prefixes and digits; every method."""
    rng = random.Random(303)
    paths = [
        "/", "/a", "/a-b", "/a.b", "/a/b", "/a_b", "/ab", "/a/", "/a//b", "/a-", "/a.",
        "/api", "/api/v1", "/api/v1/", "/api/v1/users", "/api/v1/users/", "/api/v1/users/10",
        "/api/v1/users/2", "/api/v1/users/me", "/api/v10", "/api/v2", "/api-v1", "/api.v1",
        "/api_v1", "/z", "/0", "/9", "/_", "/-", "/.", "/static/app.js", "/static/app-1.js",
        "/static/app_1.js", "/static/app.1.js",
    ]
    eps = []
    for method in METHODS:
        for path in rng.sample(paths, rng.randint(8, len(paths))):
            n = rng.randint(1, 9)
            samples = [(status(rng, 0.2), latency(rng, 30)) for _ in range(n)]
            eps.append((method, path, samples))
    return render(assign(rng, eps))


def service_paths(rng, count):
    resources = ["users", "orders", "items", "carts", "payments", "invoices", "search",
                 "sessions", "tokens", "reports", "feeds", "images", "webhooks"]
    paths = set()
    while len(paths) < count:
        r = rng.choice(resources)
        shape = rng.randint(0, 3)
        if shape == 0:
            paths.add("/api/v%d/%s" % (rng.randint(1, 3), r))
        elif shape == 1:
            paths.add("/api/v%d/%s/{id}" % (rng.randint(1, 3), r))
        elif shape == 2:
            paths.add("/api/v%d/%s/{id}/%s" % (rng.randint(1, 3), r, rng.choice(resources)))
        else:
            paths.add("/internal/%s/%s" % (r, rng.choice(["sync", "flush", "stats", "rebuild"])))
    return sorted(paths)


def hidden_random_medium():
    rng = random.Random(404)
    paths = service_paths(rng, 120)
    eps = []
    for path in paths:
        for method in rng.sample(METHODS, rng.randint(1, 3)):
            n = max(1, int(rng.paretovariate(1.2) * 15))
            n = min(n, 1500)
            err = rng.choice([0, 0, 0.001, 0.01, 0.05, 0.3])
            median = rng.choice([3, 15, 40, 120, 900])
            eps.append((method, path.replace("{id}", "by-id"),
                        [(status(rng, err), latency(rng, median)) for _ in range(n)]))
    return render(assign(rng, eps))


def hidden_high_cardinality():
    """Un-normalised paths (/users/<id>): tens of thousands of tiny groups."""
    rng = random.Random(505)
    eps = []
    ids = rng.sample(range(1, 10**7), 8000)
    for uid in ids:
        n = rng.choice([1, 1, 1, 2, 2, 3, 4])
        method = rng.choice(["GET", "GET", "GET", "PUT", "DELETE"])
        eps.append((method, "/users/%d" % uid,
                    [(status(rng, 0.02), latency(rng, 25)) for _ in range(n)]))
    eps.append(("GET", "/health", [(200, rng.randint(0, 3)) for _ in range(1500)]))
    return render(assign(rng, eps))


def hidden_large():
    """~105k lines, one hot endpoint with 70k samples; compact fields keep the file under 3 MB."""
    rng = random.Random(606)
    eps = [("GET", "/items", [(status(rng, 0.004), latency(rng, 45)) for _ in range(70000)])]
    for path, method, n, err, median in [
        ("/items", "POST", 9000, 0.02, 120), ("/cart", "GET", 6000, 0.001, 20),
        ("/cart", "PUT", 3000, 0.01, 60), ("/login", "POST", 2500, 0.05, 300),
        ("/health", "GET", 4000, 0.0, 1),
    ]:
        eps.append((method, path, [(status(rng, err), latency(rng, median)) for _ in range(n)]))
    for uid in rng.sample(range(1, 100000), 3000):
        n = rng.choice([1, 1, 2, 3, 4])
        eps.append((rng.choice(["GET", "DELETE"]), "/u/%d" % uid,
                    [(status(rng, 0.03), latency(rng, 30)) for _ in range(n)]))
    return render(assign(rng, eps, start=0, spread=20))


TESTS = {
    "public/01-example": public_example,
    "public/02-edge": public_edge,
    "hidden/01-single": hidden_single,
    "hidden/02-rank-boundaries": hidden_rank_boundaries,
    "hidden/03-error-rounding": hidden_error_rounding,
    "hidden/04-ascii-order": hidden_ascii_order,
    "hidden/05-random-medium": hidden_random_medium,
    "hidden/06-high-cardinality": hidden_high_cardinality,
    "hidden/07-large": hidden_large,
}


def main():
    for name, build in TESTS.items():
        data = build().encode("ascii")
        base = os.path.join(HERE, name)
        with open(base + ".in", "wb") as f:
            f.write(data)
        ans = subprocess.run([sys.executable, REFERENCE], input=data,
                             stdout=subprocess.PIPE, check=True).stdout
        with open(base + ".ans", "wb") as f:
            f.write(ans)
        print("%-28s %9d bytes in, %9d bytes ans" % (name, len(data), len(ans)))


if __name__ == "__main__":
    main()
