# raise with classes and instances, raise from, exception chaining attributes.
def f(kind):
    if kind == 0:
        raise ValueError
    if kind == 1:
        raise ValueError("with message")
    if kind == 2:
        raise KeyError("k", 2)
    if kind == 3:
        raise RuntimeError()
    return "ok"
for k in range(5):
    try:
        print(f(k))
    except Exception as e:
        print(type(e).__name__, repr(e), str(e), e.args)
class ParseError(Exception):
    pass
def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise ParseError("cannot parse " + repr(s)) from e
try:
    parse("x7")
except ParseError as e:
    print("ParseError:", e)
    print("cause:", type(e.__cause__).__name__, e.__cause__)
    print("suppress:", e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("no cause") from None
except ValueError as e:
    print(e, e.__cause__, e.__suppress_context__, type(e.__context__).__name__)
try:
    raise IndexError("plain")
except IndexError as e:
    print(e.__cause__, e.__context__)
err = TypeError("stored")
try:
    raise err
except TypeError as e:
    print(e is err)
try:
    raise NotImplementedError("todo")
except RuntimeError as e:
    print("NotImplementedError is a RuntimeError:", e)
