# Equal ints and floats (and bools) are the same dict/set key; hash values match CPython.
print(hash(51) == hash(51.0), hash(0) == hash(0.0) == hash(False), hash(1) == hash(True))
print(hash(51), hash(51.0), hash(-1), hash(-2), hash(0.5), hash(-0.5), hash(1.5))
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(2 ** 64), hash(-(2 ** 64)), hash(10 ** 30))
print(hash(1e100), hash(2.0 ** 70) == hash(2 ** 70), hash(float("inf")), hash(float("-inf")))
print(hash(123.456), hash(-987.125), hash(1e-10))
d = {}
d[1] = "int one"
d[1.0] = "float one"
d[True] = "bool one"
print(d, len(d))
d[2.0] = "float two"
d[2] = "int two"
print(d)
s = {51, 51.0, 2 ** 70, float(2 ** 70), 0, 0.0, -0.0, False}
print(s, len(s))
cnt = {}
for v in [1, 1.0, 2, 2.5, 2.50, 3, 3.0, 4.0, 4]:
    cnt[v] = cnt.get(v, 0) + 1
print(cnt)
print(51.0 in {51}, 51 in {51.0: 0}, 2 ** 70 in {float(2 ** 70)}, 0.5 in {0, 1})
print({hash((1, 2.0)) == hash((1.0, 2))}, (1, 2) in {(1.0, 2.0)})
print(hash(()), hash((1, 2, 3)), hash(((1, 2), 3)), hash((None is None, 1.5)))
