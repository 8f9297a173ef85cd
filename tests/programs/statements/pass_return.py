# pass in various blocks, return with and without values, early return.
def nothing():
    pass
def implicit():
    x = 1
def bare():
    return
def multi():
    return 1, "two", [3]
def early(n):
    for i in range(n):
        if i * i > n:
            return i
    return -1
class Empty:
    pass
print(nothing(), implicit(), bare(), multi())
a, b, c = multi()
print(a, b, c)
print([early(n) for n in [0, 1, 5, 10, 50, 100]])
for i in range(3):
    pass
while False:
    pass
if True:
    pass
try:
    pass
except Exception:
    pass
print(type(Empty()).__name__)
def returns_func():
    def inner():
        return "inner called"
    return inner
print(returns_func()())
