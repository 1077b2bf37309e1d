"""Accepted: one global sort of (method, path, latency) then a single scan; rate via decimal."""
import sys
from decimal import Decimal, ROUND_HALF_UP


def emit(out, method, path, lats, errors):
    n = len(lats)

    def pct(p):
        rank = -(-p * n // 100)  # ceil(p * n / 100)
        return lats[rank - 1]

    rate = (Decimal(100 * errors) / Decimal(n)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    out.append("%s %s %d %d %d %d %s\n" % (method, path, n, pct(50), pct(90), pct(99), rate))


def main():
    lines = sys.stdin.read().split("\n")
    n = int(lines[0])
    rows = []
    for line in lines[1:n + 1]:
        _, method, path, status, latency = line.split()
        rows.append((method, path, int(latency), status.startswith("5")))
    rows.sort()
    out = []
    cur = None
    lats = []
    errors = 0
    for method, path, latency, is_error in rows:
        if (method, path) != cur:
            if cur is not None:
                emit(out, cur[0], cur[1], lats, errors)
            cur = (method, path)
            lats = []
            errors = 0
        lats.append(latency)
        errors += is_error
    emit(out, cur[0], cur[1], lats, errors)
    sys.stdout.write("".join(out))


main()
