# Dict and set comprehensions (sets of ints only, so printing order is defined).
print({k: k * k for k in range(8)})
print({k: v for k, v in zip("abcde", range(5)) if v % 2 == 0})
words = "the cat sat on the mat with the hat".split()
print({w: words.count(w) for w in words})
print({w: len(w) for w in sorted(words, key=len)})
print({v: k for k, v in {"a": 1, "b": 2, "c": 1}.items()})
print({x % 10 for x in range(0, 100, 7)})
print({x * x for x in range(-5, 6)})
print({(x, y) for x in range(3) for y in range(3) if x <= y})
nested = {i: {j: i * j for j in range(3)} for i in range(3)}
print(nested)
print({i: [j for j in range(i)] for i in range(4)})
print({len(w) for w in words})
print(sorted({w[0] for w in words}))
inv = {}
for k, v in {"x": 1, "y": 2, "z": 1}.items():
    inv.setdefault(v, []).append(k)
print(inv)
grid = {(r, c): r * 3 + c for r in range(3) for c in range(3)}
print(grid)
print({k: v for k, v in grid.items() if k[0] == k[1]})
