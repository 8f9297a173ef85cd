def f(**kw):
    return kw
def g(a, b=2):
    return a + b
print(f(x=1, **{'y': 2}), f(**{'a': 1}, b=3), g(**{'a': 5}))
for call in [lambda: f(**{'a': 1}, a=2), lambda: f(**{'a': 1}, **{'a': 3}), lambda: g(**[1]), lambda: f(**{1: 2}), lambda: g(1, **{'a': 2})]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
