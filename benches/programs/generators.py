# Generators: recursive tree walks with yield from, chained generator
# pipelines, generator expressions, and send()-driven accumulators.
# test-size: 300
import sys


class Tree:
    __slots__ = ("left", "value", "right")

    def __init__(self, left, value, right):
        self.left = left
        self.value = value
        self.right = right


def build(lo, hi):
    if lo >= hi:
        return None
    mid = (lo + hi) // 2
    return Tree(build(lo, mid), mid, build(mid + 1, hi))


def inorder(node):
    if node is not None:
        yield from inorder(node.left)
        yield node.value
        yield from inorder(node.right)


def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1


def squares(src):
    for x in src:
        yield x * x


def keep_odd(src):
    for x in src:
        if x & 1:
            yield x


def take(src, k):
    for x in src:
        if k <= 0:
            return
        k -= 1
        yield x


def averager():
    total = 0
    count = 0
    avg = None
    while True:
        value = yield avg
        if value is None:
            return count
        total += value
        count += 1
        avg = total / count


def drive(values):
    gen = averager()
    next(gen)
    last = None
    for v in values:
        last = gen.send(v)
    try:
        gen.send(None)
    except StopIteration as stop:
        return last, stop.value


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 60000
    tree = build(0, 1000)
    walked = 0
    for _ in range(n // 100):
        walked += sum(inorder(tree))
    print("tree", walked)
    piped = sum(take(keep_odd(squares(numbers(n * 20))), n * 5))
    print("pipeline", piped)
    gx = sum(x % 7 for x in (y * 3 for y in range(n * 20)) if x % 2)
    print("genexp", gx)
    print("send", drive(i % 13 for i in range(n * 20)))
    lens = [len(list(take(numbers(k), k // 2))) for k in range(n // 10)]
    print("take", sum(lens))


main()
