# Exceptions crossing function frames, handlers at different depths, cleanup order.
trace = []
def level3(v):
    trace.append("enter3")
    try:
        if v == 0:
            raise ValueError("zero")
        return 10 // v
    finally:
        trace.append("finally3")
def level2(v):
    trace.append("enter2")
    try:
        return level3(v) + 1
    except TypeError:
        trace.append("never")
    finally:
        trace.append("finally2")
def level1(v):
    try:
        return level2(v)
    except ValueError as e:
        trace.append("caught1 " + str(e))
        return -1
for v in [5, 0]:
    trace.clear()
    print(v, level1(v), trace)
def retry(fn, attempts):
    for i in range(attempts):
        try:
            return fn(i)
        except ArithmeticError as e:
            print("  attempt", i, "failed:", type(e).__name__, e)
    return "gave up"
print(retry(lambda i: 10 / (i - 2) if i < 3 else 1, 5))
print(retry(lambda i: 1 / 0, 2))
def process(items):
    out = []
    for it in items:
        try:
            out.append(int(it))
        except ValueError:
            try:
                out.append(float(it))
            except ValueError:
                out.append(None)
    return out
print(process(["1", "2.5", "x", "-7", "1e3", ""]))
def exc_in_finally():
    try:
        try:
            raise KeyError("original")
        finally:
            raise ValueError("from finally")
    except Exception as e:
        return repr(e) + " context=" + repr(e.__context__)
print(exc_in_finally())
def catch_and_return_exc():
    try:
        {}[1]
    except KeyError as e:
        return e
err = catch_and_return_exc()
print(type(err).__name__, err.args)
