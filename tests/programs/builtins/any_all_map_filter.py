# any, all, map, filter (lazy iterators).
print(any([]), all([]), any([0, "", None]), any([0, 1]), all([1, "a", [0]]), all([1, 0]))
print(any(x > 5 for x in range(10)), all(x < 10 for x in range(10)))
m = map(lambda x: x * 2, [1, 2, 3])
print(type(m).__name__, list(m), list(m))
print(list(map(str, range(5))), list(map(int, ["1", "22", "-3"])), list(map(len, ["a", "bb", ""])))
print(list(map(lambda a, b: a + b, [1, 2, 3], [10, 20, 30, 40])), list(map(pow, [2, 3], [5, 2])))
f = filter(lambda x: x % 2, range(10))
print(type(f).__name__, list(f), list(filter(None, [0, 1, "", "x", None, [], [0]])))
print(list(filter(str.isdigit, ["1", "a", "22", "b3"])))
log = []
def noisy(v):
    log.append(v)
    return v > 2
print(any(map(noisy, [1, 2, 3, 4, 5])), log)
log.clear()
print(all(map(noisy, [3, 4, 1, 5])), log)
print(sum(map(lambda v: v * v, filter(lambda v: v % 3 == 0, range(30)))))
words = "the Quick brown Fox".split()
print(list(map(str.upper, words)), list(filter(lambda w: w[0].isupper(), words)))
