# Generator expressions: laziness, passing to builtins, nested, conditions.
g = (x * x for x in range(5))
print(type(g).__name__, next(g), next(g), list(g), list(g))
print(sum(x for x in range(101)), max(len(w) for w in "a bb ccc dd".split()))
print(list((i, j) for i in range(3) for j in range(i)))
print(any(x > 3 for x in [1, 2, 5]), all(x > 0 for x in [1, -1]))
print(", ".join(str(i) for i in range(10) if i % 3))
print(sorted((x % 7 for x in range(20)), reverse=True))
print(dict((k, k ** 2) for k in range(5)), tuple(c.upper() for c in "abc"))
evaluated = []
def src(n):
    for i in range(n):
        evaluated.append(i)
        yield i
lazy = (v * 10 for v in src(5))
print(evaluated)
print(next(lazy), evaluated)
print(list(lazy), evaluated)
nested = ((x, y) for x in range(3) if x != 1 for y in "ab")
print(list(nested))
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print(sum(sum(v for v in row) for row in matrix))
print(list(sum(row[i] for row in matrix) for i in range(3)))
x = 10
gen = (x + i for i in range(3))
x = 20
print(list(gen))
first_iter = [1, 2, 3]
gen2 = (v for v in first_iter)
first_iter = [7, 8]
print(list(gen2))
print(min((abs(v - 7), v) for v in [1, 5, 9, 12]))
