# slice objects and the slicing protocol on lists, tuples, strings.
s = slice(1, 8, 2)
print(s, s.start, s.stop, s.step)
print(slice(5), slice(None, None, -1), slice(2, None))
data = list(range(12))
print(data[s], tuple(data)[s], "abcdefghijkl"[s])
print(data[slice(None, None, -1)], data[slice(3)], data[slice(-3, None)])
print(data[1:-1:3], data[-1:-10:-2], data[10:2:-3], data[::5])
print(data[100:], data[-100:3], data[5:2], data[2:5:-1])
print("hello"[::-1], "hello"[-2:], "hello"[:-2], (1, 2, 3)[::-1])
print(s == slice(1, 8, 2), s.indices(5), slice(None, None, -1).indices(10))
for st in [None, 1, 2, 3, -1, -2, -4]:
    print(st, data[::st], data[2:9:st], data[9:2:st])
