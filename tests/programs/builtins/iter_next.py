# iter and next on builtin containers, independent iterators, exhausted iterators.
it = iter([10, 20, 30])
print(next(it), next(it), next(it), next(it, "default"))
s = "ab"
i1, i2 = iter(s), iter(s)
print(next(i1), next(i1), next(i2))
d = {"x": 1, "y": 2}
di = iter(d)
print(next(di), list(di))
print(list(iter(range(3))), list(iter((5, 6))), sorted(iter({4, 2, 9})))
t = iter(range(10))
for v in t:
    if v == 3:
        break
print(list(t))
it = iter([1, 2, 3, 4, 5, 6])
print(list(zip(it, it)))
itr = iter([1])
print(iter(itr) is itr)
def chunks(seq, n):
    it = iter(seq)
    while True:
        chunk = []
        for _ in range(n):
            try:
                chunk.append(next(it))
            except StopIteration:
                if chunk:
                    yield chunk
                return
        yield chunk
print(list(chunks(range(11), 4)))
