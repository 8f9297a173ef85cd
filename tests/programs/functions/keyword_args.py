# Keyword arguments, mixed positional/keyword, errors for bad calls.
def describe(name, age, city="nowhere"):
    return "%s (%d) from %s" % (name, age, city)
print(describe("Ann", 30))
print(describe(age=25, name="Bob"))
print(describe("Cy", city="Oslo", age=41))
print(describe("Di", 22, "Rome"))
def area(width=1, height=1):
    return width * height
print(area(), area(3), area(height=5), area(width=2, height=7))
def f(a, b, c):
    return a * 100 + b * 10 + c
print(f(1, 2, 3), f(c=3, b=2, a=1), f(1, c=3, b=2))
tests = [
    lambda: f(1, 2),
    lambda: f(1, 2, 3, 4),
    lambda: f(1, 2, 3, a=4),
    lambda: f(1, 2, d=4),
    lambda: describe(),
    lambda: describe("x", 1, "y", "z"),
]
for t in tests:
    try:
        t()
    except TypeError as e:
        print("TypeError:", e)
print(sorted([3, 1, 2], reverse=True), "x".join(["a", "b"]))
print(int("101", base=2), dict(a=1, b=2))
