# Makes millions of cyclic objects that become garbage at once; the collector
# must reclaim the cycles so peak memory stays small.
# test-size: 3
import sys


class Node:
    def __init__(self, value):
        self.value = value
        self.peer = None


def make_ring(n):
    first = Node(0)
    prev = first
    for i in range(1, n):
        node = Node(i)
        prev.peer = node
        prev = node
    prev.peer = first
    return first


total = 0
for round_ in range(int(sys.argv[1]) if len(sys.argv) > 1 else 400):
    ring = make_ring(10_000)
    total += ring.peer.value
    pair = [[], []]
    pair[0].append(pair[1])
    pair[1].append(pair[0])
print(total)
