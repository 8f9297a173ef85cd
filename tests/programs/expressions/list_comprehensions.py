# List comprehensions with conditions, nesting, and comprehension scoping.
print([x * x for x in range(10)])
print([x for x in range(30) if x % 3 == 0 if x % 2])
print([(x, y) for x in range(4) for y in range(x) if (x + y) % 2])
print([[i * j for j in range(1, 5)] for i in range(1, 4)])
print([c.upper() if c in "aeiou" else c for c in "comprehension"])
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[i] for i in range(3) for row in matrix])
print([[row[i] for row in matrix] for i in range(3)])
print([v for row in matrix for v in row if v % 2 == 0])
x = "outer"
squares = [x for x in range(3)]
print(x, squares)
words = ["alpha", "beta", "gamma", "delta", "epsilon"]
print([(i, w[0], len(w)) for i, w in enumerate(words) if len(w) > 4])
print([w for w in words if "l" in w and not w.endswith("a")])
print(sum([i for i in range(1000) if i % 7 == 3]))
print([[y for y in range(x)] for x in range(5)])
triples = [(a, b, c) for c in range(1, 30) for b in range(1, c) for a in range(1, b) if a * a + b * b == c * c]
print(triples)
n = 3
print([n * k for k in range(n)])
def make():
    base = 100
    return [base + i for i in range(3)]
print(make())
print([f(2) for f in [lambda v: v + 1, lambda v: v * 10]])
