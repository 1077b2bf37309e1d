import sys

# The file the candidate's editor opens with: it must run, and do nothing useful yet.
def main():
    lines = sys.stdin.read().split()
    n = int(lines[0])
    # TODO: print the total of the n sizes that follow


main()
