# int <-> str conversions of any size, with bases, signs, whitespace and underscores.
print(int("42"), int("-17"), int("  +8  "), int("1_000_000"), int("007"))
print(int("ff", 16), int("FF", 16), int("-0x1A", 16), int("0x1A", 0), int("0o17", 0), int("0b101", 0), int("z", 36), int("777", 8), int("1010", 2))
print(int(3.99), int(-3.99), int(1e20), int(True), int(-0.5))
print(str(2 ** 200))
print(int(str(2 ** 200)) == 2 ** 200)
n = int("9" * 60)
print(n, n + 1, len(str(n + 1)))
f = 1
for i in range(1, 201):
    f *= i
s = str(f)
print(len(s), s[:30], s[-60:])
print(sum(int(c) for c in s))
print(int(s) == f, int("-" + s) == -f)
print(repr(10 ** 25), str(-(10 ** 25)))
print("%x" % 255, "%x" % -255, "%X" % 48879, f"{10:b}", f"{-10:b}", "%x" % 2 ** 100)
print(int("%x" % 3 ** 50, 16) == 3 ** 50, int(f"{7 ** 30:b}", 2) == 7 ** 30, int("0x" + "%x" % 5 ** 40, 16) == 5 ** 40)
for base in [2, 3, 7, 16, 36]:
    x = int("123" if base > 3 else "1011", base)
    print(base, x)
x = 1
for i in range(10):
    x = x * 1000003 + i
    print(str(x), len(str(x)), int(str(x)[::-1]))
for bad in ["", "abc", "1.5", "12a", "0x10", " ", "1__0"]:
    try:
        int(bad)
    except ValueError as e:
        print("ValueError:", e)
print(float("3.25"), float("-1e3"), float("  .5 "), float("1_0.5"), float(10 ** 20), float("1e-3"))
try:
    float("x1")
except ValueError as e:
    print("ValueError:", e)
try:
    float(10 ** 400)
except OverflowError as e:
    print("OverflowError:", e)
