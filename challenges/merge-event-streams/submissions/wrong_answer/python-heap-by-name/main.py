"""Wrong answer: heapq.merge over (timestamp, stream name, event id) tuples. Ties are broken by
stream name (and then by event id) instead of by input order."""
import sys
from heapq import merge


def main():
    data = sys.stdin.read().split()
    k, w = int(data[0]), int(data[1])
    pos = 2
    streams = []
    for _ in range(k):
        name, m = data[pos], int(data[pos + 1])
        pos += 2
        streams.append([(int(data[pos + 2 * i]), name, data[pos + 2 * i + 1]) for i in range(m)])
        pos += 2 * m
    last = {}
    out = []
    dropped = 0
    for t, name, eid in merge(*streams):
        prev = last.get(eid)
        if prev is not None and t - prev <= w:
            dropped += 1
        else:
            last[eid] = t
            out.append("%d %s %s\n" % (t, name, eid))
    out.append("%d\n" % dropped)
    sys.stdout.write("".join(out))


main()
