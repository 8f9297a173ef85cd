print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1], [2], [3])))
print(list(enumerate("abc", start=5)), list(map(pow, [2, 3], [3, 2, 1])), list(filter(lambda x: x > 1, [0, 1, 2, 3])))
class Rev:
    def __len__(self): return 3
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i * 10
print(list(reversed(Rev())), list(reversed(range(1, 10, 3))), list(reversed((1, 2))), list(reversed({1: 2, 3: 4})))
vals = iter([1, 2, 3, 0, 5])
print(list(iter(lambda: next(vals), 0)))
g = (x for x in [])
print(next(g, "default"), next(g, None))
r = range(2, 20, 3)
print(r.start, r.stop, r.step, r[-1], r[1:4], r[::-1], r.index(8), r.count(5), len(r), range(0) == range(5, 5), range(3) == range(0, 3, 1), 8 in r)
print(range(10)[::-2], range(-5, 5)[3:-3], list(range(10, 0, -3)), range(1, 10**20).index(10**19) if True else 0)
try:
    len(range(10**20))
except OverflowError as e:
    print(e)
print(min([3, 1, 2], key=lambda x: -x), max(1, 5, 3, key=lambda x: x % 5), min([], default="empty"), max("b", "a", "c"))
try:
    min([], key=len)
except ValueError as e:
    print(e)
try:
    max(1, 2, default=0)
except TypeError as e:
    print(e)
print(sum([[1], [2]], []), sum([0.1, 0.2, 0.3]), sum(range(5), start=10), sum([1.5, 2, True]))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print(e)
print(any(x > 2 for x in range(5)), all([1, [], 3]), abs(-5), abs(3.5), round(3.14159, 3), divmod(17, 5), pow(2, 10), pow(2, 10, 1000))
print(isinstance(3, (str, int)), issubclass(bool, (str, int)), callable(len), callable(3), hasattr([], "append"), getattr([], "nope", 42))
print(chr(65), ord("A"), hex(255), oct(8), bin(-5), format(5, "b"), int("101", 2), str(12.0), repr("x"), ascii("é"))
print(hash(1) == hash(1.0), id(None) == id(None), type(3).__name__, len({1: 2}), len(set()), sorted({3, 1, 2}), list({1: 2}.items()))
print(list(map(lambda *a: sum(a), [1, 2], [10, 20], [100, 200])), list(zip(*zip([1, 2], [3, 4]))))
print(tuple(reversed("abc")), "".join(sorted("banana")), sorted([-3, 2, -1], key=abs), sorted(["b", "A", "c"], key=str.lower))
e = enumerate([10, 20])
print(next(e), list(e), list(e))
z = zip(range(3), range(3))
print(next(z), list(z))
m = map(str, [1, 2])
print(next(m), list(m))
it = iter([1, 2, 3])
print(list(zip(it, it)))
print(slice(1, 5, 2), slice(3), slice(1, 5).indices(3), [0, 1, 2, 3, 4, 5][slice(1, None, 2)])
print(list(range(5))[slice(-2, None)], "abcdef"[slice(None, None, -2)])
print(str(), int(), float(), list(), tuple(), dict(), bool(), repr(set()), frozenset())
print(object().__class__.__name__, type(object()) is object, isinstance(object(), object), issubclass(type, object))
