"""Wrong answer: correct merge, but treats a copy exactly W ms after the kept event as new
(uses t - t0 < W instead of t - t0 <= W)."""
import sys
import heapq


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
    heap = [(st[0][0], s, 0) for s, st in enumerate(streams) if st]
    heapq.heapify(heap)
    last = {}
    out = []
    dropped = 0
    while heap:
        t, s, i = heapq.heappop(heap)
        eid = streams[s][i][1]
        prev = last.get(eid)
        if prev is not None and t - prev < w:
            dropped += 1
        else:
            last[eid] = t
            out.append("%d %s %s\n" % (t, names[s], eid))
        if i + 1 < len(streams[s]):
            heapq.heappush(heap, (streams[s][i + 1][0], s, i + 1))
    out.append("%d\n" % dropped)
    sys.stdout.write("".join(out))


main()
