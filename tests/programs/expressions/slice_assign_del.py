# Slice assignment (growing, shrinking, extended slices) and slice deletion.
a = list(range(10))
a[2:5] = ["x", "y"]
print(a)
a[1:1] = [100, 200, 300]
print(a)
a[:3] = []
print(a)
a[-2:] = "AB"
print(a)
a[::2] = [0] * len(a[::2])
print(a)
b = list(range(10))
b[::-3] = ["p", "q", "r", "s"]
print(b)
try:
    b[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
c = list(range(12))
del c[::3]
print(c)
del c[1:4]
print(c)
del c[::-2]
print(c)
del c[:]
print(c)
d = [1, 2, 3]
d[len(d):] = [4, 5]
d[:0] = [-1, 0]
print(d)
e = [1, 2, 3, 4, 5]
e[1:4] = range(7, 10)
print(e)
e[3:1] = ["ins"]
print(e)
f = list("hello")
f[1:4] = f[1:4][::-1]
print("".join(f))
g = [[0] * 3 for _ in range(3)]
g[1][:] = [7, 8, 9]
print(g)
h = list(range(6))
h[10:20] = [99]
print(h)
