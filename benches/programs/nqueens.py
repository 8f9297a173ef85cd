# N-queens: counts every placement of n non-attacking queens, once with a
# generator-based backtracking search over sets of attacked diagonals and
# once with bitmasks, and checks the two agree.
# test-size: 6
import sys


def solutions(n):
    cols = set()
    diag1 = set()
    diag2 = set()
    placed = []

    def place(row):
        if row == n:
            yield tuple(placed)
            return
        for c in range(n):
            if c in cols or row + c in diag1 or row - c in diag2:
                continue
            cols.add(c)
            diag1.add(row + c)
            diag2.add(row - c)
            placed.append(c)
            yield from place(row + 1)
            placed.pop()
            cols.discard(c)
            diag1.discard(row + c)
            diag2.discard(row - c)

    return place(0)


def count_bits(n):
    full = (1 << n) - 1

    def go(cols, left, right):
        if cols == full:
            return 1
        total = 0
        free = full & ~(cols | left | right)
        while free:
            bit = free & -free
            free -= bit
            total += go(cols | bit, ((left | bit) << 1) & full, (right | bit) >> 1)
        return total

    return go(0, 0, 0)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 11
    for m in range(4, n + 1):
        count = 0
        first = None
        checksum = 0
        for sol in solutions(m):
            if first is None:
                first = sol
            count += 1
            checksum = (checksum * 31 + sum(i * c for i, c in enumerate(sol))) % 1000003
        assert count == count_bits(m)
        print(m, count, first, checksum)


main()
