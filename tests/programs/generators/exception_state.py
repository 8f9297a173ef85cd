def g():
    try:
        raise ValueError("inside")
    except ValueError:
        yield 1
        raise
def run():
    it = g()
    print(next(it))
    try:
        raise KeyError("outer")
    except KeyError:
        try:
            next(it)
        except ValueError as e:
            print("reraised", repr(e), repr(e.__context__))
run()
def g2():
    try:
        yield 1
    except Exception:
        pass
    raise TypeError("after")
it = g2(); next(it)
try:
    try:
        raise KeyError("ctx")
    except KeyError:
        next(it)
except TypeError as e:
    print(repr(e), repr(e.__context__))
def g3():
    try:
        raise ValueError("v")
    except ValueError:
        yield "in except"
        print("still handling")
    yield "done"
it = g3()
print(next(it))
try:
    raise IndexError("caller")
except IndexError:
    pass
print(next(it))
def g4():
    yield 1
    yield 2
it = g4()
for x in it:
    print("first", x)
    break
for x in it:
    print("second", x)
def reentrant():
    yield next(gen_ref)
gen_ref = reentrant()
try:
    next(gen_ref)
except ValueError as e:
    print(e)
def gen_exc_in_finally():
    try:
        yield 1
    finally:
        raise KeyError("from finally")
it = gen_exc_in_finally(); next(it)
try:
    it.close()
except KeyError as e:
    print("close raised", repr(e))
def nested_gen():
    def inner():
        yield from range(3)
        return "r"
    x = yield from inner()
    yield x
print(list(nested_gen()))
def yf_list():
    r = yield from [1, 2]
    yield r
print(list(yf_list()))
g = (x * x for x in range(5))
print(3 in g, list(g))
def fgen():
    for i in range(3):
        try:
            yield i
        finally:
            print("f", i)
print(list(fgen()))
print([i for i in fgen() if i != 1])
print(sum(fgen()), max(fgen()), sorted(fgen(), reverse=True))
def g():
    for i in range(3):
        try:
            raise ValueError(i)
        except ValueError as e:
            yield e
for e in g():
    try:
        raise KeyError("body")
    except KeyError as k:
        print(repr(k), repr(k.__context__), repr(e))
def h():
    try:
        raise IndexError("h")
    except IndexError:
        yield 1
        yield 2
it = h()
next(it)
try:
    raise TypeError("outside")
except TypeError as t:
    print(repr(t.__context__))
print(next(it))
def inner_raise():
    try:
        raise ValueError("gen-handled")
    except ValueError:
        yield "in handler"
        raise RuntimeError("from gen")
it = inner_raise()
next(it)
try:
    next(it)
except RuntimeError as e:
    print(repr(e), repr(e.__context__))
def plain():
    yield 1
    raise RuntimeError("plain")
it = plain(); next(it)
try:
    raise KeyError("caller")
except KeyError:
    try:
        next(it)
    except RuntimeError as e:
        print(repr(e), repr(e.__context__))
def catcher():
    while True:
        try:
            x = yield
        except Exception as e:
            print("caught", repr(e), repr(e.__context__))
c = catcher(); next(c)
try:
    raise ValueError("ctx")
except ValueError:
    c.throw(TypeError("thrown"))
def reraiser():
    try:
        yield
    except Exception:
        raise
r = reraiser(); next(r)
try:
    r.throw(ZeroDivisionError("z"))
except ZeroDivisionError as e:
    print("rethrown", repr(e), e.__context__)
