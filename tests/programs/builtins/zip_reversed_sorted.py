# zip, reversed, sorted (key, reverse, stability).
print(list(zip([1, 2, 3], "abc")), list(zip([1, 2], "abcd", (True, False, None))), list(zip()))
print(list(zip(range(3))), dict(zip("ab", "xy")))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(5))), list(reversed((1, 2))))
print(sorted([5, 2, 8, 1]), sorted("strata"), sorted([3, 1, 2], reverse=True), sorted((2.5, -1, 3)))
words = ["banana", "Apple", "cherry", "date", "Elder", "fig"]
print(sorted(words), sorted(words, key=len), sorted(words, key=str.lower), sorted(words, key=lambda w: w[-1], reverse=True))
recs = [("b", 2), ("a", 2), ("c", 1), ("a", 1), ("b", 1)]
print(sorted(recs, key=lambda r: r[1]))
print(sorted(recs, key=lambda r: r[0], reverse=True))
print(sorted(recs))
print(sorted({3: "x", 1: "y", 2: "z"}), sorted({3: "x", 1: "y"}.items()))
lst = [4, 1, 3]
res = sorted(lst)
print(lst, res, res is lst)
lst.sort(key=lambda v: -v)
print(lst)
names = ["x" + str(i % 4) for i in range(10)]
print(sorted(enumerate(names), key=lambda p: p[1]))
a, b = zip(*[(1, "a"), (2, "b"), (3, "c")])
print(a, b)
d = {"k1": 3, "k2": 1, "k3": 2}
print(sorted(d, key=d.get), sorted(d.values(), reverse=True))
