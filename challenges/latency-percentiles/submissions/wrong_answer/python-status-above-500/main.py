"""Wrong answer: counts errors with status > 500, so a plain 500 is not counted as 5xx."""
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
        if int(status) > 500:
            errors[key] += 1
    out = []
    for key in sorted(lat):
        v = sorted(lat[key])
        c = len(v)
        p50, p90, p99 = (v[(p * c + 99) // 100 - 1] for p in (50, 90, 99))
        hundredths = (20000 * errors[key] + c) // (2 * c)
        out.append("%s %s %d %d %d %d %d.%02d\n" % (key[0], key[1], c, p50, p90, p99,
                                                   hundredths // 100, hundredths % 100))
    sys.stdout.write("".join(out))


main()
