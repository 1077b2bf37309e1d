"""Too slow: for every output event, scans the heads of all K streams to find the smallest
(timestamp, stream index). Correct, but O(K * M) Python steps."""
import sys


def main():
    data = sys.stdin.read().split()
    k, w = int(data[0]), int(data[1])
    pos = 2
    names, streams = [], []
    for _ in range(k):
        name, m = data[pos], int(data[pos + 1])
        pos += 2
        names.append(name)
        streams.append([(int(data[pos + 2 * i]), data[pos + 2 * i + 1]) for i in range(m)])
        pos += 2 * m
    idx = [0] * k
    remaining = sum(len(s) for s in streams)
    last = {}
    out = []
    dropped = 0
    while remaining:
        best = -1
        best_t = 0
        for s in range(k):
            if idx[s] < len(streams[s]):
                t = streams[s][idx[s]][0]
                if best < 0 or t < best_t:
                    best, best_t = s, t
        t, eid = streams[best][idx[best]]
        idx[best] += 1
        remaining -= 1
        prev = last.get(eid)
        if prev is not None and t - prev <= w:
            dropped += 1
        else:
            last[eid] = t
            out.append("%d %s %s\n" % (t, names[best], eid))
    out.append("%d\n" % dropped)
    sys.stdout.write("".join(out))


main()
