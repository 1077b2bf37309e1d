"""Reference solution: group latencies per endpoint, sort each group once.

Percentiles use the nearest-rank method, r = ceil(p * n / 100), computed with
integers. The 5xx rate is rounded half up in integer hundredths of a percent,
so no floating-point value is ever formatted.
"""
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    end = 1 + 5 * n
    groups = {}
    errors = {}
    for method, path, status, latency in zip(data[2:end:5], data[3:end:5],
                                             data[4:end:5], data[5:end:5]):
        key = (method, path)
        samples = groups.get(key)
        if samples is None:
            samples = groups[key] = []
            errors[key] = 0
        samples.append(int(latency))
        if status[0] == 53:  # b'5': status is 500..599 (always three digits)
            errors[key] += 1

    out = []
    for key in sorted(groups):
        samples = groups[key]
        samples.sort()
        c = len(samples)
        p50 = samples[(50 * c + 99) // 100 - 1]
        p90 = samples[(90 * c + 99) // 100 - 1]
        p99 = samples[(99 * c + 99) // 100 - 1]
        hundredths = (20000 * errors[key] + c) // (2 * c)
        out.append(b"%s %s %d %d %d %d %d.%02d" % (
            key[0], key[1], c, p50, p90, p99, hundredths // 100, hundredths % 100))
    out.append(b"")
    sys.stdout.buffer.write(b"\n".join(out))


main()
