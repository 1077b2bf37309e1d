import sys


def main():
    data = sys.stdin.read().split()
    k, w = int(data[0]), int(data[1])
    pos = 2
    for s in range(k):
        name, m = data[pos], int(data[pos + 1])
        pos += 2
        for i in range(m):
            timestamp, event_id = int(data[pos]), data[pos + 1]
            pos += 2
            # TODO: keep the event of stream s
    # TODO: merge the streams, drop duplicates, print "<timestamp> <stream-name> <event-id>"
    #       for every kept event and finally the number of dropped events
    out = []
    sys.stdout.write("".join(out))


main()
