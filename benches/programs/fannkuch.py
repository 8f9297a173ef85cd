# Fannkuch: for every permutation of 0..n-1 (generated with Heap's
# algorithm), repeatedly reverse the prefix whose length is given by the
# first element until 0 comes first; report the most flips and a signed
# checksum of flip counts.
# test-size: 6
import sys


def count_flips(perm):
    p = perm[:]
    flips = 0
    first = p[0]
    while first:
        p[:first + 1] = p[first::-1]
        flips += 1
        first = p[0]
    return flips


def fannkuch(n):
    perm = list(range(n))
    counters = [0] * n
    best = count_flips(perm)
    checksum = best
    index = 1
    i = 1
    while i < n:
        if counters[i] < i:
            if i % 2 == 0:
                perm[0], perm[i] = perm[i], perm[0]
            else:
                c = counters[i]
                perm[c], perm[i] = perm[i], perm[c]
            flips = count_flips(perm)
            if flips > best:
                best = flips
            if index % 2 == 0:
                checksum += flips
            else:
                checksum -= flips
            index += 1
            counters[i] += 1
            i = 1
        else:
            counters[i] = 0
            i += 1
    return best, checksum, index


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 9
    for m in range(3, n):
        print(m, fannkuch(m))
    best, checksum, count = fannkuch(n)
    print("permutations:", count)
    print("checksum:", checksum)
    print("Pfannkuchen(%d) = %d" % (n, best))


main()
