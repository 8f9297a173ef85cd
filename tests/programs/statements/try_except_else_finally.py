# try/except/else/finally ordering, multiple handlers, tuple of types, re-raise.
def attempt(kind):
    log = []
    try:
        log.append("try")
        if kind == "value":
            raise ValueError("bad value")
        if kind == "key":
            {}["k"]
        if kind == "zero":
            1 // 0
        log.append("no error")
    except ValueError as e:
        log.append("ValueError " + str(e))
    except (KeyError, IndexError) as e:
        log.append("lookup " + repr(e))
    except Exception as e:
        log.append("other " + type(e).__name__)
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log
for k in ["none", "value", "key", "zero"]:
    print(k, attempt(k))
def reraise():
    try:
        try:
            raise KeyError("inner")
        except KeyError:
            print("handling, then re-raising")
            raise
    except KeyError as e:
        print("outer caught", repr(e))
reraise()
def nested():
    try:
        try:
            1 / 0
        finally:
            print("inner finally")
    except ZeroDivisionError as e:
        print("caught after inner finally:", e)
nested()
def handler_raises():
    try:
        try:
            raise ValueError("first")
        except ValueError:
            raise TypeError("second")
    except TypeError as e:
        print("got", repr(e), "context:", repr(e.__context__))
handler_raises()
try:
    pass
except Exception:
    print("no")
else:
    print("else without error")
e = "before"
try:
    raise ValueError("x")
except ValueError as e:
    print("bound", e)
try:
    print(e)
except NameError as err:
    print("NameError:", err)
results = []
for i in range(6):
    try:
        if i % 2:
            raise IndexError(i)
        results.append(i)
    except IndexError as ex:
        results.append(-ex.args[0])
    finally:
        results.append("f")
print(results)
