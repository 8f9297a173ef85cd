# Default values are evaluated once, at definition time.
calls = []
def make_default():
    calls.append("evaluated")
    return 10
def f(a, b=make_default()):
    return a + b
print(f(1), f(2), f(3, 4), calls)
def append_to(x, acc=[]):
    acc.append(x)
    return acc
print(append_to(1), append_to(2), append_to(3, []), append_to(4))
def safe_append(x, acc=None):
    if acc is None:
        acc = []
    acc.append(x)
    return acc
print(safe_append(1), safe_append(2))
n = 5
def g(x=n):
    return x
n = 6
print(g(), g(7))
def counter(d={"count": 0}):
    d["count"] += 1
    return d["count"]
print(counter(), counter(), counter())
def many(a, b=2, c=3, d=4):
    return (a, b, c, d)
print(many(1), many(1, 20), many(1, 20, 30), many(1, 20, 30, 40))
fs = []
for i in range(3):
    def h(i=i):
        return i * 10
    fs.append(h)
print([fn() for fn in fs])
