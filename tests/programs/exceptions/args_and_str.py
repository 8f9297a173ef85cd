# Exception args, str() and repr() for zero, one and several arguments.
cases = [ValueError(), ValueError("one"), ValueError("a", "b"), ValueError(42), ValueError(None),
         KeyError("key"), KeyError(3), KeyError(), KeyError("a", "b"), IndexError("idx"),
         Exception("msg", 1, [2]), RuntimeError(""), StopIteration(5), AssertionError("x")]
for e in cases:
    print(type(e).__name__, "|", str(e), "|", repr(e), "|", e.args)
try:
    raise TypeError("bad", "types")
except TypeError as err:
    print(err.args[0], err.args[1], len(err.args))
print(str(KeyError("it's")), str(KeyError('say "x"')), str(KeyError("")))
print(repr(Exception("quote'd")), repr(Exception()))
msgs = []
for v in ["12", "x", "3.5", ""]:
    try:
        msgs.append(int(v))
    except ValueError as e:
        msgs.append(str(e))
print(msgs)
print("%s / %r" % (ValueError("v"), ValueError("v")))
print(f"{KeyError('k')} {KeyError('k')!r}")
