d = {1: 'a', 2: 'b', 3: 'c', 40: 'd'}
e = {3: 0, 4: 0, 40: 1, 100: 2}
print(d.keys() & e.keys(), d.keys() | e.keys(), d.keys() - e.keys(), d.keys() ^ e.keys())
print(d.keys() & {1, 2, 99}, {1, 2, 99} & d.keys(), d.keys() - [1], [100, 1] - d.keys() if False else 0, {5, 6} | d.keys())
print(d.items() & {(1, 'a'), (2, 'z')}, d.keys() & range(3), type(d.keys() | []).__name__)
try:
    d.keys() | 5
except TypeError as e:
    print(e)
try:
    d.values() | {1}
except TypeError as e:
    print(e)
print(d.keys() == {1, 2, 3, 40}, d.keys() <= {1, 2, 3, 40, 5} if False else 0)
class M:
    def __init__(self, **d): self.d = d
    def keys(self): return list(self.d)
    def __getitem__(self, k): return self.d[k]
m = M(a=1, b=2)
print(dict(m), {**m, "c": 3}, {"z": 0, **m})
d = {}; d.update(m); print(d)
def f(**kw): return kw
print(f(**m), f(x=1, **m))
try:
    f(a=5, **m)
except TypeError as e:
    print(e)
class NotMap: pass
try:
    f(**NotMap())
except TypeError as e:
    print(e)
try:
    {**NotMap()}
except TypeError as e:
    print(e)
try:
    dict(NotMap())
except TypeError as e:
    print(e)
class BadKeys:
    def keys(self): return [1]
    def __getitem__(self, k): return k
try:
    f(**BadKeys())
except TypeError as e:
    print(e)
print(dict(BadKeys()))
