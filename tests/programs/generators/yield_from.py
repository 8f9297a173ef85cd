# yield from: delegation, return value of subgenerator, nested delegation.
def inner(n):
    for i in range(n):
        yield "inner%d" % i
    return n * 100
def outer():
    r1 = yield from inner(2)
    print("  r1 =", r1)
    r2 = yield from inner(3)
    print("  r2 =", r2)
    yield from [1, 2]
    yield from "ab"
    return r1 + r2
g = outer()
print(list(g))
def collect():
    result = yield from outer()
    yield "outer returned %d" % result
print(list(collect()))
def tree_walk(node):
    if isinstance(node, list):
        for child in node:
            yield from tree_walk(child)
    else:
        yield node
print(list(tree_walk([1, [2, [3, 4], [[5]]], 6, [[[7, [8]]]]])))
def chain(*iters):
    for it in iters:
        yield from it
print(list(chain(range(3), (9, 8), {"k": 1})))
def accumulator():
    total = 0
    while True:
        v = yield
        if v is None:
            return total
        total += v
def driver(values):
    acc = accumulator()
    next(acc)
    for v in values:
        acc.send(v)
    try:
        acc.send(None)
    except StopIteration as e:
        return e.value
print(driver([1, 2, 3, 4]))
def delegating():
    res = yield from accumulator()
    yield "sum=%d" % res
d = delegating()
next(d)
for v in [10, 20, 30]:
    d.send(v)
print(d.send(None))
def depth_first(n, depth):
    yield (depth, n)
    if depth < 3:
        yield from depth_first(n * 2, depth + 1)
        yield from depth_first(n * 2 + 1, depth + 1)
print(list(depth_first(1, 0)))
