# Deeply nested generator delegation (yield from chains) with a raised limit.
import sys
sys.setrecursionlimit(100000)
def nest(n):
    if n == 0:
        yield "bottom"
        return 0
    r = yield from nest(n - 1)
    return r + 1
g = nest(3000)
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("returned", e.value)
def tree(d):
    if d == 0:
        yield 1
        return
    yield from tree(d - 1)
    yield from tree(d - 1)
print(sum(tree(12)))
