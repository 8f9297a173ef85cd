# return/break/continue inside try blocks guarded by finally.
def ret_in_try():
    try:
        return "from try"
    finally:
        print("finally runs before return")
print(ret_in_try())
def finally_overrides():
    try:
        return 1
    finally:
        return 2
print(finally_overrides())
def finally_swallows():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
print(finally_swallows())
def loop_break():
    out = []
    for i in range(5):
        try:
            if i == 2:
                break
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out
print(loop_break())
def loop_continue():
    out = []
    for i in range(4):
        try:
            if i % 2 == 0:
                continue
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out
print(loop_continue())
def while_return():
    n = 0
    while True:
        try:
            n += 1
            if n == 3:
                return n
        finally:
            print("iteration", n)
print(while_return())
def nested_finally():
    try:
        try:
            return "inner"
        finally:
            print("inner finally")
    finally:
        print("outer finally")
print(nested_finally())
def ret_value_evaluated_first():
    x = [1]
    try:
        return x
    finally:
        x.append(2)
print(ret_value_evaluated_first())
def except_return():
    try:
        raise KeyError("k")
    except KeyError:
        return "from except"
    finally:
        print("finally after except return")
print(except_return())
def break_in_finally():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            break
    return "exception discarded by break, i=%d" % i
print(break_in_finally())
def gen_count():
    total = 0
    for i in range(10):
        try:
            if i > 6:
                return total
        finally:
            total += i
    return -1
print(gen_count())
