import sys


def main():
    data = sys.stdin.read().split()
    n = int(data[0])
    for i in range(n):
        timestamp_ms, method, path, status, latency_ms = data[1 + 5 * i:6 + 5 * i]
        # TODO: group the request by endpoint (method + path)
    # TODO: for each endpoint, sorted by method then path, print
    #       METHOD path count p50 p90 p99 error_rate
    out = []
    sys.stdout.write("".join(out))


main()
