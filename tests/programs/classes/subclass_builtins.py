# Subclassing list and dict: extra methods, overridden methods, super() calls.
class History(list):
    def last(self, n):
        return self[-n:]
    def append(self, item):
        super().append(item.upper() if isinstance(item, str) else item)
h = History()
for x in ["a", "b", 3, "d"]:
    h.append(x)
print(h, h.last(2), len(h), isinstance(h, list), type(h).__name__)
h.extend(["e"])
print(h, h + ["z"], sorted(h[:2] + h[4:]))
print(h[1], h[1:3], type(h[1:3]).__name__)
class DefaultDict(dict):
    def __init__(self, factory):
        super().__init__()
        self.factory = factory
    def __getitem__(self, key):
        if key not in self:
            self[key] = self.factory()
        return super().__getitem__(key)
dd = DefaultDict(list)
for word in "apple avocado banana blueberry cherry".split():
    dd[word[0]].append(word)
print(dd, len(dd), dict(dd))
print(sorted(dd.keys()), dd.get("z"), "a" in dd)
class Counter(dict):
    def add(self, items):
        for it in items:
            self[it] = self.get(it, 0) + 1
        return self
    def most_common(self, n):
        return sorted(self.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
c = Counter().add("abracadabra")
print(c, c.most_common(3))
class Matrix(list):
    def __init__(self, rows):
        super().__init__([list(r) for r in rows])
    def transpose(self):
        return Matrix(zip(*self))
    def __repr__(self):
        return "Matrix(" + super().__repr__() + ")"
m = Matrix([[1, 2, 3], [4, 5, 6]])
print(m, m.transpose(), m[1][2], len(m.transpose()))
