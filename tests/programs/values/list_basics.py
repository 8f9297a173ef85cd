# Lists: literals, indexing, mutation, methods, nesting, equality.
a = [3, 1, 4, 1, 5, 9, 2, 6]
print(a, len(a), a[0], a[-1], a[2:5], a[::-1], a[::3])
a.append(5)
a.extend([3, 5])
a.insert(0, 100)
a.insert(-1, 200)
print(a)
print(a.pop(), a.pop(0), a.pop(2), a)
a.remove(1)
print(a, a.index(5), a.count(5))
a.sort()
print(a)
a.sort(reverse=True)
print(a)
a.reverse()
print(a)
b = a.copy()
b[0] = -1
print(a[0], b[0])
a.clear()
print(a, len(a))
m = [[0] * 3 for _ in range(3)]
for i in range(3):
    for j in range(3):
        m[i][j] = i * 3 + j
print(m)
alias = [[0] * 2] * 2
alias[0][0] = 9
print(alias)
print([1, 2] + [3], [0] * 4, [1, 2] * 0)
print([1, 2, 3] == [1, 2, 3], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [] < [0])
print(3 in [1, 2, 3], 4 not in [1, 2, 3])
c = list(range(10))
c[2] = "two"
c[-1] = None
print(c)
nested = [1, [2, [3, [4, []]]]]
print(nested, nested[1][1][1])
x = [1, 2, 3]
y = x
y += [4]
print(x, x is y)
y = y + [5]
print(x, y, x is y)
print(sum([[1], [2, 3]], []))
print(list("abc"), list((1, 2)), list(range(3, 0, -1)))
print(max([4, 8, 1]), min([4, 8, 1]), sorted([3, 2, 1]))
print(repr([1, "a", 2.5, None, (1,), [True]]))
