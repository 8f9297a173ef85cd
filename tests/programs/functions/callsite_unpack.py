# Call-site unpacking: f(*t), f(**d), combinations and multiple unpackings.
def f(a, b, c=0, d=0):
    return [a, b, c, d]
t = (1, 2)
d = {"c": 3, "d": 4}
print(f(*t), f(*t, **d), f(*[5, 6, 7]), f(**{"a": 1, "b": 2}))
print(f(0, *(9,), d=1), f(*t, 3, **{"d": 8}))
print(f(*range(4)), f(*"ab"), f(*[1], *[2], c=3))
def g(*args, **kwargs):
    return args, kwargs
print(g(*[1, 2], 3, *(4,), x=1, **{"y": 2}, **{"z": 3}))
print(max(*[3, 9, 2]), min(*(4, 1, 8)), print(*["a", "b"], sep="-"))
args = [[1, 2], [3, 4]]
print(list(zip(*args)))
matrix = [[1, 2, 3], [4, 5, 6]]
print([list(col) for col in zip(*matrix)])
try:
    f(*[1, 2], **{"a": 5})
except TypeError as e:
    print("TypeError:", e)
try:
    f(**{"a": 1, "b": 2, "zz": 3})
except TypeError as e:
    print("TypeError:", e)
def wrapper(*a, **k):
    return f(*a, **k)
print(wrapper(1, 2, d=9))
