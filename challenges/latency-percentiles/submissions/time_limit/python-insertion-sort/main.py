"""Too slow: keeps each endpoint's samples sorted with a hand-written insertion step.
Correct, but quadratic in the size of the busiest endpoint."""
import sys


def main():
    data = sys.stdin.read().split()
    n = int(data[0])
    samples = {}
    errors = {}
    for i in range(n):
        _, method, path, status, latency = data[1 + 5 * i:6 + 5 * i]
        key = (method, path)
        v = samples.setdefault(key, [])
        x = int(latency)
        v.append(x)
        j = len(v) - 1
        while j > 0 and v[j - 1] > x:
            v[j] = v[j - 1]
            j -= 1
        v[j] = x
        errors[key] = errors.get(key, 0) + (1 if status.startswith("5") else 0)
    out = []
    for key in sorted(samples):
        v = samples[key]
        c = len(v)
        p50, p90, p99 = (v[(p * c + 99) // 100 - 1] for p in (50, 90, 99))
        h = (20000 * errors[key] + c) // (2 * c)
        out.append("%s %s %d %d %d %d %d.%02d\n" % (key[0], key[1], c, p50, p90, p99,
                                                   h // 100, h % 100))
    sys.stdout.write("".join(out))


main()
