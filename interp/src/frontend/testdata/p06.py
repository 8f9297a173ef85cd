a, (b, *c), d = 1, (2, 3, 4, 5), 6
print(a, b, c, d)
x = y = [1, 2, 3]
x[0] = 9
print(y)
p, q = 1, 2
p, q = q, p
print(p, q)
*first, last = range(4)
print(first, last)
l = [1, 2, 3, 4, 5]
print(l[1:3], l[::1][-2:], l[-1])
del l[0]
print(l)
n = 5
n += 3
n *= 2
n -= 1
n //= 3
print(n)
s = "a"
s += "b" * 3
print(s, 1 < 2 < 3, 3 < 2 < 4, 1 < 5 > 2)
print(1 and 2, 0 or "x", None or 0, not 1, 1 if 0 else 2)
t = (1, 2) + (3,)
print(t, len(t), 2 in t, 5 not in t)
print(f"{n} {s!r} {t} [{n:>4}]", f"{'x'}")
d = {"a": 1}
d["b"] = 2
d["a"] += 10
print(d, d["b"])
def unb():
    if False:
        v = 1
    try:
        print(v)
    except NameError as e:
        print("unbound")
unb()
assert n == 5, "n"
try:
    assert n == 8, "n is " + str(n)
except AssertionError as e:
    print("assert", e)
