# Digits of pi from an unbounded spigot over big-integer linear fractional
# transformations; prints ten digits a line.
# test-size: 120
import sys


def pi_digits():
    # State (q, r, t) is the matrix [[q, r], [0, t]]; k counts terms.
    q, r, t, k = 1, 0, 1, 1
    while True:
        # Absorb the next term of the series.
        n = 2 * k + 1
        q, r, t = q * k, (2 * q + r) * n, t * n
        k += 1
        if q > r:
            continue
        d = (3 * q + r) // t
        if d != (4 * q + r) // t:
            continue
        yield d
        q, r = 10 * q, 10 * (r - d * t)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 6000
    line = []
    count = 0
    total = 0
    for d in pi_digits():
        line.append(str(d))
        count += 1
        total += d
        if len(line) == 10 or count == n:
            print("%-10s\t:%d" % ("".join(line), count))
            line = []
        if count == n:
            break
    print("digit sum:", total)


main()
