"""Reference solution: K-way merge with a binary heap keyed by (timestamp, stream index),
then one pass that drops re-deliveries using the last *kept* timestamp of every event id."""
import sys
from heapq import heapify, heappop, heapreplace


def main():
    data = sys.stdin.buffer.read().split()
    k = int(data[0])
    w = int(data[1])
    pos = 2
    names = []
    tok_lists = []  # timestamp tokens as written (canonical integers), reused for output
    ts_lists = []
    id_lists = []
    for _ in range(k):
        names.append(data[pos])
        m = int(data[pos + 1])
        pos += 2
        end = pos + 2 * m
        toks = data[pos:end:2]
        tok_lists.append(toks)
        ts_lists.append(list(map(int, toks)))
        id_lists.append(data[pos + 1:end:2])
        pos = end

    nxt = [0] * k
    heap = [(ts[0], s) for s, ts in enumerate(ts_lists) if ts]
    heapify(heap)
    last_kept = {}
    out = []
    dropped = 0
    while heap:
        t, s = heap[0]
        i = nxt[s]
        eid = id_lists[s][i]
        t0 = last_kept.get(eid)
        if t0 is not None and t - t0 <= w:
            dropped += 1
        else:
            last_kept[eid] = t
            out.append(b"%s %s %s" % (tok_lists[s][i], names[s], eid))
        i += 1
        nxt[s] = i
        ts = ts_lists[s]
        if i < len(ts):
            heapreplace(heap, (ts[i], s))
        else:
            heappop(heap)
    out.append(b"%d\n" % dropped)
    sys.stdout.buffer.write(b"\n".join(out))


main()
