def gen(n):
    total = 0
    for i in range(n):
        got = yield i
        if got:
            total += got
    x = yield from sub()
    print("sub returned", x)
    return total
def sub():
    yield "a"
    yield "b"
    return "done"
g = gen(3)
print(next(g))
print(g.send(10))
print(g.send(5))
print(next(g))
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.args)
print(list(x * 2 for x in range(4)))
print([y for x in range(3) for y in range(x) if y != 1])
print({k: v for k, v in [(1, 2), (3, 4)]})
