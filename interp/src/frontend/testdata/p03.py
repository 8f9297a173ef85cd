def counter():
    n = 0
    def inc(k=1):
        nonlocal n
        n += k
        return n
    return inc
c = counter()
print(c(), c(5), c())
def outer(a):
    b = a * 2
    def mid():
        def inner():
            return a + b
        return inner
    return mid()()
print(outer(3))
fs = [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in fs])
def make():
    x = 1
    def get():
        return x
    x = 2
    return get
print(make()())
def shadow():
    def f():
        return g
    g = 5
    del g
    try:
        f()
    except NameError:
        print("free var deleted")
shadow()
