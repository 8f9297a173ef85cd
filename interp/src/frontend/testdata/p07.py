def f():
    try:
        return "try"
    finally:
        print("f finally")
def g():
    try:
        raise ValueError("x")
    finally:
        return "swallowed"
def h():
    x = 0
    while True:
        x += 1
        try:
            if x < 3:
                continue
            break
        finally:
            print("h finally", x)
    return x
def j():
    try:
        pass
    except ValueError as e:
        pass
    try:
        return e
    except NameError:
        return "e unbound"
def k():
    try:
        raise ValueError("v")
    except ValueError as e:
        err = e
    try:
        print(e)
    except NameError:
        print("e deleted after except")
    return err
print(f(), g(), h(), j(), k())
def nested():
    for i in range(3):
        for j in range(3):
            try:
                try:
                    if j == 1:
                        break
                    if i == 1:
                        continue
                finally:
                    print("in", i, j)
            finally:
                print("out", i, j)
    return "ok"
print(nested())
def exc_in_finally():
    try:
        try:
            raise ValueError("first")
        finally:
            raise TypeError("second")
    except TypeError as t:
        print("got", t)
    except ValueError:
        print("wrong")
exc_in_finally()
def reraise_restores():
    try:
        raise ValueError("outer")
    except ValueError:
        try:
            raise KeyError("inner")
        except KeyError:
            pass
        raise
try:
    reraise_restores()
except ValueError as e:
    print("restored", e)
