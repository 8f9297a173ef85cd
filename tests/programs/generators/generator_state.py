# Independent generator instances, generators closing over locals, try/except around yield.
def counter(start, step):
    n = start
    while True:
        yield n
        n += step
a = counter(0, 1)
b = counter(100, -10)
print([(next(a), next(b)) for _ in range(5)], next(a), next(b))
def make_gen(factor):
    data = [1, 2, 3]
    def gen():
        for d in data:
            yield d * factor
    data.append(4)
    return gen
g3 = make_gen(3)
print(list(g3()), list(g3()), list(make_gen(-1)()))
def safe_parse(items):
    for it in items:
        try:
            yield int(it)
        except ValueError:
            yield "bad:" + it
print(list(safe_parse(["1", "x", "30", "4.5", "-2"])))
def stop_early(n):
    for i in range(n):
        if i == 3:
            return
        yield i
print(list(stop_early(10)), list(stop_early(2)))
def windows(seq, k):
    for i in range(len(seq) - k + 1):
        yield seq[i:i + k]
print(list(windows([1, 2, 3, 4, 5], 3)), list(windows("abcd", 2)))
def pairs():
    for i in range(3):
        for j in range(i + 1, 4):
            yield i, j
print(list(pairs()), dict(pairs()))
g = counter(1, 2)
total = 0
for v in g:
    total += v
    if v > 50:
        break
print(total, next(g))
gens = [counter(i, i) for i in range(1, 4)]
for _ in range(3):
    print([next(x) for x in gens])
print(list(zip(counter(0, 5), "xyz", stop_early(100))))
def gen_sum_until(limit):
    s = 0
    i = 0
    while s < limit:
        i += 1
        s += i
        yield s
print(list(gen_sum_until(50)), sum(gen_sum_until(1000)))
