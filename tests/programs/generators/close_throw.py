def inner():
    try:
        yield 1
        yield 2
    except KeyError as e:
        print("inner caught", repr(e))
        yield "recovered"
        return "inner-ret"
    finally:
        print("inner finally")
def outer():
    try:
        r = yield from inner()
        print("r =", r)
        yield "after"
    finally:
        print("outer finally")
g = outer()
print(next(g))
print(g.throw(KeyError("k")))
print(next(g))
print(next(g, "end"))
g = outer(); next(g)
g.close()
print("closed 1")
g = outer(); next(g)
try:
    g.throw(ValueError, "v")
except ValueError as e:
    print("propagated", e)
print(next(g, "exhausted"))
def stopper():
    try:
        yield 1
    except ValueError:
        return 42
g = stopper(); next(g)
try:
    g.throw(ValueError())
except StopIteration as e:
    print("stop value", e.value)
g = stopper()
try:
    g.throw(TypeError("fresh"))
except TypeError as e:
    print("fresh", e)
print(list(g))
def counter():
    i = 0
    while True:
        try:
            v = yield i
        except ValueError as e:
            print("reset", e)
            i = 0
            continue
        i += 1
c = counter()
print(next(c), next(c), next(c), c.throw(ValueError("r")), next(c))
c.close(); c.close()
try:
    next(c)
except StopIteration:
    print("stopped after close")
def gen_with_return():
    try:
        yield 1
    finally:
        return "fin"
g = gen_with_return(); next(g)
g.close()
print("ok")
def deep():
    yield from outer()
g = deep(); next(g)
print(g.throw(KeyError("deep")))
g.close()
def g():
    try:
        yield 1
    except ValueError:
        print("caught in gen")
        yield 2
it = g()
try:
    print(it.throw(ValueError("early")))
except ValueError as e:
    print("propagated", e)
print(list(it))
def h():
    yield from g()
it = h()
try:
    it.throw(ValueError("early2"))
except ValueError as e:
    print("propagated", e)
it = h()
print(next(it), it.throw(ValueError("mid")))
it = g()
it.close()
print(list(it))
it = h(); next(it)
it.close()
print("closed h")
class Sub:
    def __iter__(self): return self
    def __next__(self): return 5
def over_iter():
    try:
        yield from Sub()
    finally:
        print("over_iter finally")
it = over_iter(); print(next(it)); it.close()
it = over_iter(); next(it)
try:
    it.throw(KeyError("k"))
except KeyError as e:
    print("KeyError out", e)
