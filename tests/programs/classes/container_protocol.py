# __len__ __getitem__ __setitem__ __contains__ on a user-defined container.
class Grid:
    def __init__(self, w, h, fill=0):
        self.w = w
        self.h = h
        self.cells = [fill] * (w * h)
    def __len__(self):
        return self.w * self.h
    def __getitem__(self, pos):
        x, y = pos
        if not (0 <= x < self.w and 0 <= y < self.h):
            raise IndexError("grid index out of range")
        return self.cells[y * self.w + x]
    def __setitem__(self, pos, value):
        x, y = pos
        self.cells[y * self.w + x] = value
    def __contains__(self, value):
        return value in self.cells
    def __repr__(self):
        rows = []
        for y in range(self.h):
            rows.append("".join(str(self[x, y]) for x in range(self.w)))
        return "\n".join(rows)
g = Grid(5, 3)
for i in range(5):
    g[i, i % 3] = i + 1
g[0, 2] = 9
print(g)
print(len(g), g[1, 1], 9 in g, 7 in g, 7 not in g)
try:
    g[10, 0]
except IndexError as e:
    print("IndexError:", e)
class Seq:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError(i)
        return i * i
s = Seq(6)
print(list(s), 16 in s, 17 in s, len(s), bool(s), bool(Seq(0)))
for v in s:
    print(v, end=" ")
print()
class SparseVector:
    def __init__(self, size):
        self.size = size
        self.data = {}
    def __getitem__(self, i):
        return self.data.get(i, 0)
    def __setitem__(self, i, v):
        if v:
            self.data[i] = v
        elif i in self.data:
            del self.data[i]
    def __len__(self):
        return self.size
sv = SparseVector(100)
sv[3] = 5
sv[50] = 7
sv[3] = 0
print(sv[3], sv[50], sv[99], len(sv), sv.data)
