def f1():
    for i in range(3):
        try:
            pass
        finally:
            if i == 1:
                continue
            print("fin", i)
    return "f1"
print(f1())
def f2():
    for i in range(3):
        try:
            raise ValueError(i)
        except ValueError as e:
            if i == 0:
                continue
            if i == 2:
                break
            print("handled", e)
        finally:
            print("finally", i)
    return i
print(f2())
def f3():
    try:
        try:
            return "inner"
        finally:
            print("inner finally")
    finally:
        print("outer finally")
print(f3())
def f4():
    x = 0
    while True:
        try:
            x += 1
            if x > 2:
                return x
        finally:
            if x == 3:
                print("about to return", x)
print(f4())
def f5():
    try:
        raise KeyError("a")
    except KeyError:
        try:
            raise ValueError("b")
        except ValueError as e:
            return repr(e.__context__)
print(f5())
errs = (KeyError, IndexError)
def f6(i):
    try:
        [][i] if i else {}["k"]
    except errs as e:
        return type(e).__name__
print(f6(0), f6(1))
def f7():
    try:
        raise ValueError("x") from None
    except ValueError as e:
        return e.__cause__, e.__suppress_context__, e.__context__
print(f7())
def f8():
    e = ValueError("orig")
    e.args = ("changed", 2)
    return str(e), repr(e)
print(f8())
def f9():
    try:
        1 / 0
    except ZeroDivisionError as e:
        err = e
    return err.args, type(err).__mro__[1].__name__
print(f9())
def f10():
    r = []
    for i in range(4):
        try:
            if i % 2:
                raise RuntimeError(i)
            r.append(i)
        except RuntimeError as e:
            r.append(-e.args[0])
        else:
            r.append("else")
    return r
print(f10())
class MyErr(Exception):
    def __init__(self, *args):
        super().__init__(*args)
        self.extra = len(args)
try:
    raise MyErr
except MyErr as e:
    print(repr(e), e.extra, e.args)
try:
    raise MyErr(1, 2)
except Exception as e:
    print(repr(e), str(e), e.extra)
def gen():
    try:
        yield 1
        return
    finally:
        print("gen finally")
print(list(gen()))
def nested_finally_exc():
    try:
        try:
            raise ValueError("first")
        finally:
            raise KeyError("second")
    except KeyError as e:
        return repr(e), repr(e.__context__)
print(nested_finally_exc())
def swallow():
    try:
        raise ValueError
    finally:
        return "swallowed"
print(swallow())
try:
    try:
        raise TypeError("t")
    except TypeError:
        raise
except TypeError as e:
    print("reraise", e)
def exc_in_except():
    try:
        raise ValueError("v")
    except ValueError:
        x = undefined_thing
try:
    exc_in_except()
except NameError as e:
    print(e, repr(e.__context__))
print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError), issubclass(RecursionError, RuntimeError), issubclass(UnboundLocalError, NameError), issubclass(StopIteration, Exception), issubclass(GeneratorExit, Exception), issubclass(SystemExit, BaseException))
print(KeyError.__name__, ValueError("a").__class__.__name__, isinstance(KeyError(), LookupError))
e = OverflowError("big")
print(e.args, str(e), AssertionError().args)
