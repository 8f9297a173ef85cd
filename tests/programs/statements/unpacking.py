# Tuple/list unpacking, nested and starred, swaps.
a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
(x, y), z = (3, 4), 5
print(x, y, z)
[p, q] = "hi"
print(p, q)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = range(5)
print(init, last)
h, *mid, t = "abcdef"
print(h, mid, t)
u, *v = [9]
print(u, v)
(a, *b), c = [1, 2, 3], 4
print(a, b, c)
((a, b), (c, d)), e = ((1, 2), (3, 4)), 5
print(a, b, c, d, e)
i = j = k = 7
print(i, j, k)
lst = [0, 0, 0]
lst[0], lst[2] = 10, 30
print(lst)
d = {}
d["a"], d["b"] = divmod(17, 5)
print(d)
m = [1, 2, 3]
m[0], m[1], m[2] = m[2], m[0], m[1]
print(m)
for n in range(3):
    q, r = divmod(n * 7, 3)
    print(n, q, r)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    a, *b, c = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b = 5
except TypeError as e:
    print("TypeError:", e)
x = y = []
x.append(1)
print(x, y)
a, (b, *c) = 1, (2, 3, 4)
print(a, b, c)
