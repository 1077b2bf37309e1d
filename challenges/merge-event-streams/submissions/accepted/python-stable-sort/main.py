"""Accepted: concatenate the streams in input order and rely on the stability of sorted():
sorting by timestamp alone keeps ties in (stream order, position) order."""
import sys


def main():
    data = sys.stdin.read().split()
    k, w = int(data[0]), int(data[1])
    pos = 2
    times, streams, ids = [], [], []
    names = []
    for s in range(k):
        names.append(data[pos])
        m = int(data[pos + 1])
        pos += 2
        times.extend(int(x) for x in data[pos:pos + 2 * m:2])
        ids.extend(data[pos + 1:pos + 2 * m:2])
        streams.extend([s] * m)
        pos += 2 * m
    order = sorted(range(len(times)), key=times.__getitem__)
    last = {}
    out = []
    dropped = 0
    for i in order:
        t, eid = times[i], ids[i]
        prev = last.get(eid)
        if prev is not None and t - prev <= w:
            dropped += 1
        else:
            last[eid] = t
            out.append("%d %s %s\n" % (t, names[streams[i]], eid))
    out.append("%d\n" % dropped)
    sys.stdout.write("".join(out))


main()
