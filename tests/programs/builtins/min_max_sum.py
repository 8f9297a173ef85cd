# min, max (with key and default), sum (with start).
print(min(3, 1, 2), max(3, 1, 2), min([4, -2, 9]), max("hello"), min("b", "a", "c"))
print(max([1, 5, 3], key=lambda v: -v), min(["aaa", "b", "cc"], key=len), max(["aaa", "b", "cc"], key=len))
print(min([], default="empty"), max([], default=None), max([7], default=0))
print(max([(1, "b"), (1, "a"), (0, "z")]), min([[2, 1], [1, 9], [1, 2]]))
print(max([2, 5, 5, 1], key=lambda v: v % 5), min([2.5, 2, 3]), max(1, 1.0), min(1.0, 1))
print(sum([1, 2, 3]), sum([1, 2, 3], 10), sum([0.1] * 10), sum([]), sum(range(1, 101)), sum([[1], [2]], []))
print(sum([2 ** 64, 2 ** 64, -1]), sum([1, 2.5]), sum((True, True, True)), sum([1e100, 1.0, -1e100]))
scores = {"ann": 91, "bob": 78, "cy": 91, "di": 66}
print(max(scores, key=scores.get), min(scores, key=scores.get), max(scores.values()))
print(max(scores.items(), key=lambda kv: (kv[1], kv[0])))
print(sum(v for v in scores.values() if v > 70))
pts = [(3, 4), (-1, 7), (0, 0), (5, -5)]
print(min(pts, key=lambda p: p[0] ** 2 + p[1] ** 2), max(pts, key=lambda p: abs(p[0]) + abs(p[1])))
