# and/or return one of their operands and short-circuit; not returns bool.
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or "default", "" or [] or 0)
print([] and "x", [1] and "x", "a" or "b", None and 1, 0.0 or -0.0)
print(not 0, not 1, not "", not [1], not None)
def side(v):
    print("  side", repr(v))
    return v
r = side(0) and side(1)
print("result", r)
r = side(2) or side(3)
print("result", r)
r = side(None) or side("") or side("last")
print("result", r)
r = side(1) and side(2) and side(0) and side(3)
print("result", r)
name = ""
print(name or "anonymous")
config = {"retries": 0}
print(config.get("retries") or 3, config.get("retries", 3))
items = []
first = items and items[0]
print(repr(first))
items = [9]
print(items and items[0])
print(1 < 2 and "ok" or "bad", 1 > 2 and "ok" or "bad")
x = 5
print(x > 0 and x < 10, x and None, (x or 0) + 1)
print(True and 3, False or 0.0, 3 and True)
