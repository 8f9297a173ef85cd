def g():
    out = []
    for i in range(6):
        try:
            if i == 1:
                continue
            if i == 4:
                break
            out.append(i)
        finally:
            out.append(-i)
    else:
        out.append(99)
    return out
print(g())
def h():
    try:
        try:
            raise KeyError("k")
        finally:
            print("inner finally")
    except KeyError as e:
        print("caught", repr(e))
    try:
        return 1
    finally:
        print("swallow?")
def k():
    for i in range(3):
        try:
            return i
        finally:
            if i == 0:
                continue
    return -1
print(h(), k())
def m():
    try:
        raise ValueError(1)
    except ValueError:
        try:
            raise TypeError(2)
        except TypeError as t:
            print("inner", t)
        raise
try:
    m()
except ValueError as v:
    print("outer", v)
