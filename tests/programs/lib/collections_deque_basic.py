from collections import deque

d = deque([1, 2, 3])
print(d, len(d), bool(d), bool(deque()))
d.append(4)
d.appendleft(0)
print(d)
print(d.pop(), d.popleft(), d)
d.extend([7, 8])
d.extendleft("ab")
print(d)
d.rotate()
print(d)
d.rotate(-3)
print(d)
d.rotate(11)
print(d)
print(d.count(7), d.count("z"), d.index(7), d.index(3, 2))
d.insert(2, "mid")
d.insert(-100, "first")
d.insert(100, "last")
print(d)
d.remove("mid")
print(d)
d.reverse()
print(d, list(reversed(d)))
print(d[0], d[-1], d[3])
d[0] = "zero"
d[-1] = "end"
del d[1]
print(d)
print(7 in d, 99 in d)
c = d.copy()
c.clear()
print(c, d, len(c))

# maxlen
m = deque(range(10), maxlen=3)
print(m, m.maxlen, deque().maxlen)
m.append(10)
print(m)
m.appendleft(-1)
print(m)
m.extend(range(5))
print(m)
m.extendleft([100, 200])
print(m)
z = deque([1, 2], maxlen=0)
z.append(5)
print(z)

# comparisons and arithmetic
a, b = deque([1, 2, 3]), deque([1, 2, 4])
print(a == b, a != b, a < b, a <= b, a > b, a >= b)
print(a == deque([1, 2, 3]), a == [1, 2, 3], deque() < deque([0]))
print(a + b, a * 2, 2 * a, a * 0, a * -1)
x = deque([1])
x += [2, 3]
x += x
print(x)
y = deque("ab", maxlen=5)
y *= 3
print(y)
print(deque([1, 2, 3], maxlen=4) + deque([4, 5]))
print(list(deque("hello")), tuple(deque([3, 1])), sorted(deque([3, 1, 2])))
print(deque(i * i for i in range(5)))
print(deque(maxlen=2, iterable=[1, 2, 3]))
for i, v in enumerate(deque("xyz")):
    print(i, v)
r = deque([[1], [2]])
r2 = r.copy()
r2[0].append(9)
print(r, r2, r is r2)
dd = deque()
dd.append(dd)
print(dd)
print(repr(deque([None, "s", 1.5, (1,)])))
print(type(deque()), deque)


class MyDeque(deque):
    def peek(self):
        return self[-1]


md = MyDeque([1, 2, 3], 5)
md.append(4)
print(md, md.peek(), len(md), isinstance(md, deque), md.maxlen)
print(type(md.copy()).__name__, md.copy())
print(md + deque([9]))
