#!/usr/bin/env python3
"""Deterministic test generator for merge-event-streams.

Rewrites every tests/{public,hidden}/*.in and computes the matching .ans with
the Python reference (reference/python/main.py). Run from anywhere:

    python3 tests/generate.py
"""
import os
import random
import string
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REFERENCE = os.path.join(HERE, "..", "reference", "python", "main.py")

B36 = string.digits + string.ascii_lowercase


def b36(n):
    s = ""
    while True:
        n, r = divmod(n, 36)
        s = B36[r] + s
        if n == 0:
            return s


def render(w, streams):
    """streams: list of (name, [(ts, event_id), ...]); each list is sorted here (stable)."""
    lines = ["%d %d" % (len(streams), w)]
    for name, events in streams:
        events = sorted(events, key=lambda e: e[0])
        lines.append("%s %d" % (name, len(events)))
        lines.extend("%d %s" % e for e in events)
    return "\n".join(lines) + "\n"


def random_names(rng, count, prefix_choices, length=3):
    names = set()
    while len(names) < count:
        names.add(rng.choice(prefix_choices) + "".join(rng.choice(B36) for _ in range(length)))
    names = sorted(names)
    rng.shuffle(names)  # input order is deliberately not name order
    return names


def with_redeliveries(rng, events, k, rate, max_delay):
    """events: list of (stream, ts, id). Adds at-least-once re-deliveries of earlier events."""
    extra = []
    for _ in range(int(len(events) * rate)):
        s, t, eid = rng.choice(events)
        if rng.random() < 0.5:
            s = rng.randrange(k)  # delivered again through another stream
        extra.append((s, t + rng.randint(0, max_delay), eid))
    return events + extra


def to_streams(names, events):
    per = [[] for _ in names]
    for s, t, eid in events:
        per[s].append((t, eid))
    return list(zip(names, per))


# ---------------------------------------------------------------- public tests

def public_example():
    return """3 100
api-1 4
1000 req-17
1000 req-18
1050 pay-3
1300 req-19
api-2 3
990 req-20
1000 pay-3
1200 pay-3
billing 3
1000 pay-3
1040 inv-8
1300 req-19
"""


def public_edge():
    return """4 10
audit 0
edge-b 4
5 job-1
5 job-2
5 job-1
40 job-1
edge-c 1
0 job-2
gateway 2
5 job-3
16 job-2
"""


# ---------------------------------------------------------------- hidden tests

def hidden_all_empty():
    return "3 5\nq-a 0\nq-b 0\nq-c 0\n"


def hidden_w_zero():
    """W = 0: only re-deliveries with the very same timestamp are duplicates."""
    rng = random.Random(11)
    names = ["zeta", "alpha", "m-1", "beta", "solo"]
    events = []
    for i in range(400):
        t = rng.randint(0, 60)
        eid = "e%d" % rng.randint(0, 80)
        events.append((rng.randrange(len(names)), t, eid))
    return render(0, to_streams(names, events))


def hidden_single_stream():
    rng = random.Random(12)
    events = []
    t = 10**9
    for _ in range(3000):
        t += rng.choice([0, 0, 1, 2, 5, 30])
        events.append((0, t, "k%d" % rng.randint(0, 300)))
    return render(25, to_streams(["only"], events))


def hidden_window_boundary():
    """Occurrence chains with gaps of exactly W, W +/- 1 and chains that only a sliding window
    would swallow."""
    rng = random.Random(13)
    w = 1000
    k = 40
    names = random_names(rng, k, ["node-", "pod-"])
    events = []
    for i in range(2500):
        eid = "msg-%s" % b36(i * 7919 % 1000003)
        t = rng.randint(0, 2_000_000)
        for _ in range(rng.randint(1, 6)):
            events.append((rng.randrange(k), t, eid))
            t += rng.choice([0, 1, w // 2, w - 1, w, w, w + 1, w + 1, 2 * w, 3 * w // 5])
    return render(w, to_streams(names, events))


def hidden_tie_order():
    """Many streams, a tiny time range: almost every event ties with others."""
    rng = random.Random(14)
    k = 300
    names = random_names(rng, k, ["a", "b", "c", "x", "y"], length=2)
    events = []
    for i in range(6000):
        events.append((rng.randrange(k), rng.randint(0, 40), "t%d" % rng.randint(0, 4000)))
    return render(3, to_streams(names, events))


def hidden_big_values():
    """Timestamps near 10^12 and gaps beyond 32-bit range."""
    rng = random.Random(15)
    k = 8
    names = random_names(rng, k, ["dc1-", "dc2-"])
    w = 3_000_000_000
    events = []
    for i in range(4000):
        t = rng.choice([0, 10**12 - rng.randint(0, 10**10), rng.randint(0, 10**12)])
        events.append((rng.randrange(k), t, "big%d" % rng.randint(0, 1500)))
    events = with_redeliveries(rng, events, k, 0.3, 2 * w)
    events = [(s, min(t, 10**12), e) for s, t, e in events]
    return render(w, to_streams(names, events))


def hidden_random_medium():
    rng = random.Random(16)
    k = 60
    names = random_names(rng, k, ["kafka-", "sqs-", "cdc-"])
    events = []
    for i in range(27000):
        events.append((min(k - 1, int(rng.expovariate(1 / 12))), rng.randint(0, 3_600_000),
                       "evt-%s" % b36(rng.randrange(36**5))))
    events = with_redeliveries(rng, events, k, 0.1, 600)
    return render(500, to_streams(names, events))


def hidden_large():
    """K = 1000 partitions, ~140k events, timestamps in a 200 s window (plenty of ties),
    8 % re-deliveries; compact tokens keep input and answer under 3 MB."""
    rng = random.Random(17)
    k = 1000
    names = ["p%d" % i for i in range(k)]
    rng.shuffle(names)
    weights = [rng.paretovariate(1.1) for _ in range(k)]
    streams = rng.choices(range(k), weights=weights, k=139000)
    ids = rng.sample(range(36**3, 36**4), 139000)
    events = [(s, rng.randrange(200_000), b36(i)) for s, i in zip(streams, ids)]
    events = with_redeliveries(rng, events, k, 0.08, 500)
    return render(250, to_streams(names, events))


TESTS = {
    "public/01-example": public_example,
    "public/02-edge": public_edge,
    "hidden/01-all-empty": hidden_all_empty,
    "hidden/02-w-zero": hidden_w_zero,
    "hidden/03-single-stream": hidden_single_stream,
    "hidden/04-window-boundary": hidden_window_boundary,
    "hidden/05-tie-order": hidden_tie_order,
    "hidden/06-big-values": hidden_big_values,
    "hidden/07-random-medium": hidden_random_medium,
    "hidden/08-large": hidden_large,
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
