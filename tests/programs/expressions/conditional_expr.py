# Conditional expressions, nesting, and lazy evaluation of branches.
def sign(n):
    return "neg" if n < 0 else "zero" if n == 0 else "pos"
print([sign(n) for n in [-3, 0, 8]])
def loud(v):
    print("  evaluating", v)
    return v
print(loud("yes") if True else loud("no"))
print(loud("yes") if False else loud("no"))
x = 7
y = (x * 2 if x > 5 else x / 2) + 1
print(y)
print(["even" if i % 2 == 0 else "odd" for i in range(5)])
print(max(3, 9) if "a" < "b" else min(3, 9))
values = [4, None, 0, "", "x"]
print([v if v else "<empty>" for v in values])
f = (lambda a: a * 2) if x > 3 else (lambda a: a + 2)
print(f(10))
print(1 if [] else 2, 1 if [0] else 2)
