# frozenset: hashable, usable as dict key and set element.
fs = frozenset([3, 1, 2])
print(fs, len(fs), 2 in fs)
print(frozenset(), frozenset(range(5)))
e = {fs: "first", frozenset([5]): "second"}
print(e[frozenset([1, 2, 3])], e[frozenset({5})])
ss = {frozenset([1, 2]), frozenset([2, 1]), frozenset([3])}
print(len(ss))
print(fs | {10}, fs & {1, 5}, fs - {1}, fs ^ {1, 4})
print(type(fs | {10}).__name__, type({10} | fs).__name__)
print(fs == {1, 2, 3}, fs == frozenset([1, 2, 3]), fs <= {1, 2, 3, 4})
print(hash(frozenset([1, 2, 3])) == hash(frozenset([3, 2, 1])))
states = set()
for a in range(4):
    for b in range(4):
        states.add(frozenset([a, b]))
print(len(states))
print(sorted(sorted(s) for s in states))
subsets = [frozenset()]
for item in [1, 2, 3]:
    subsets = subsets + [s | {item} for s in subsets]
print([sorted(s) for s in subsets])
print(frozenset([1, 2]).union([3]), frozenset([1, 2]).intersection({2}))
