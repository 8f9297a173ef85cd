from collections import deque


def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


d = deque([1, 2, 3])
attempt("pop empty", lambda: deque().pop())
attempt("popleft empty", lambda: deque().popleft())
attempt("index range", lambda: d[3])
attempt("neg index range", lambda: d[-4])
attempt("str index", lambda: d["a"])
attempt("slice", lambda: d[1:2])
attempt("set range", lambda: d.__setitem__(5, 0))
attempt("del range", lambda: d.__delitem__(-9))
attempt("index missing", lambda: d.index(9))
attempt("index window", lambda: d.index(1, 1))
attempt("remove missing", lambda: d.remove("x"))
attempt("insert full", lambda: deque([1], maxlen=1).insert(0, 2))
attempt("concat list", lambda: d + [4])
attempt("mul str", lambda: d * "x")
attempt("lt list", lambda: d < [1])
attempt("rotate str", lambda: d.rotate("x"))
attempt("hash", lambda: hash(d))
attempt("bad iterable", lambda: deque(5))
attempt("bad maxlen", lambda: deque([], "3"))
attempt("neg maxlen", lambda: deque([], -2))
attempt("too many", lambda: deque([], 1, 2))
attempt("append args", lambda: d.append(1, 2))
attempt("pop args", lambda: d.pop(1))


def set_maxlen():
    d.maxlen = 4


attempt("maxlen set", set_maxlen)

# mutation during iteration
for name, op in [
    ("append", lambda q: q.append(1)),
    ("appendleft", lambda q: q.appendleft(1)),
    ("pop", lambda q: q.pop()),
    ("rotate", lambda q: q.rotate(1)),
    ("setitem", lambda q: q.__setitem__(0, 9)),
    ("reverse", lambda q: q.reverse()),
    ("remove", lambda q: q.remove(2)),
    ("clear", lambda q: q.clear()),
    ("extend empty", lambda q: q.extend([])),
    ("count", lambda q: q.count(1)),
]:
    q = deque([1, 2, 3])
    it = iter(q)
    first = next(it)
    op(q)
    try:
        print(name, first, list(it))
    except RuntimeError as e:
        print(name, "RuntimeError", e)

q = deque([1, 2, 3])
try:
    for x in q:
        if x == 2:
            q.append(4)
except RuntimeError as e:
    print("loop", e)
it = iter(deque([5, 6]))
print(next(it), next(it), next(it, "done"))
rit = reversed(deque([5, 6]))
print(next(rit), next(rit), next(rit, "done"))
