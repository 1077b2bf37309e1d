import sys

# The author's solution: it must pass every test, and it is the yardstick of the limits.
def main():
    numbers = sys.stdin.buffer.read().split()
    n = int(numbers[0])
    print(sum(int(x) for x in numbers[1:n + 1]))


main()
