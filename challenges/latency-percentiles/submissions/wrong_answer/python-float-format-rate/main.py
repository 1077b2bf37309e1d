"""Wrong answer: formats the float rate with '%.2f', which rounds the binary value half-to-even
(1 of 32 = 3.125 prints 3.12, the statement wants 3.13)."""
import sys
from collections import defaultdict


def main():
    data = sys.stdin.read().split()
    n = int(data[0])
    lat = defaultdict(list)
    errors = defaultdict(int)
    for i in range(n):
        _, method, path, status, latency = data[1 + 5 * i:6 + 5 * i]
        key = (method, path)
        lat[key].append(int(latency))
        if 500 <= int(status) <= 599:
            errors[key] += 1
    out = []
    for key in sorted(lat):
        v = sorted(lat[key])
        c = len(v)
        p50, p90, p99 = (v[(p * c + 99) // 100 - 1] for p in (50, 90, 99))
        rate = 100.0 * errors[key] / c
        out.append("%s %s %d %d %d %d %.2f\n" % (key[0], key[1], c, p50, p90, p99, rate))
    sys.stdout.write("".join(out))


main()
