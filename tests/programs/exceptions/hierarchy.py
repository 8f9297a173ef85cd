# The built-in exception hierarchy: issubclass relations and catching by base class.
pairs = [
    (ValueError, Exception), (TypeError, Exception), (KeyError, LookupError), (IndexError, LookupError),
    (LookupError, Exception), (ZeroDivisionError, ArithmeticError), (OverflowError, ArithmeticError),
    (ArithmeticError, Exception), (AttributeError, Exception), (NameError, Exception),
    (UnboundLocalError, NameError), (StopIteration, Exception), (AssertionError, Exception),
    (NotImplementedError, RuntimeError), (RecursionError, RuntimeError), (RuntimeError, Exception),
    (Exception, BaseException), (KeyError, IndexError), (ValueError, TypeError), (StopIteration, RuntimeError),
]
for sub, base in pairs:
    print(sub.__name__, base.__name__, issubclass(sub, base))
def trigger(i):
    if i == 0:
        return [][1]
    if i == 1:
        return {}["missing"]
    if i == 2:
        return 1 / 0
    if i == 3:
        return 2.0 ** 5000
    if i == 4:
        return undefined_name_xyz
    if i == 5:
        return None.attr
    if i == 6:
        return int("nope")
    if i == 7:
        return len(5)
    if i == 8:
        raise NotImplementedError("abstract")
    if i == 9:
        return next(iter([]))
for i in range(10):
    for base in (LookupError, ArithmeticError, RuntimeError, NameError, Exception):
        try:
            trigger(i)
        except base as e:
            print(i, "caught by", base.__name__, "->", type(e).__name__)
            break
        except BaseException as e:
            pass
try:
    raise KeyError("x")
except (IndexError, KeyError) as e:
    print("tuple catch", type(e).__name__)
try:
    try:
        raise IndexError("inner")
    except KeyError:
        print("wrong handler")
except LookupError as e:
    print("propagated to outer:", repr(e))
print(isinstance(ValueError("x"), BaseException), isinstance(SystemExit(), Exception))
print([c.__name__ for c in (ArithmeticError, LookupError) if issubclass(ZeroDivisionError, c)])
