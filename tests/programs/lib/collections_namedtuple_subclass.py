from collections import namedtuple


class Vec(namedtuple("Vec", "x y")):
    def norm(self):
        return (self.x * self.x + self.y * self.y) ** 0.5

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def scaled(self, k):
        return self._replace(x=self.x * k, y=self.y * k)


v = Vec(3, 4)
print(v, v.norm(), v + Vec(1, 1), v.scaled(2))
print(isinstance(v, tuple), type(v).__name__, v._fields, v._asdict())
print(v == (3, 4), hash(v) == hash((3, 4)), len(v), list(v))
v.tag = "extra"
print(v.tag)


class Card(namedtuple("Card", "rank suit")):
    __slots__ = ()

    def __str__(self):
        return f"{self.rank} of {self.suit}"

    @property
    def is_face(self):
        return self.rank in ("J", "Q", "K")


cards = [Card(r, s) for s in ("hearts", "spades") for r in ("9", "J")]
for c in cards:
    print(c, repr(c), c.is_face)
print(sorted(cards))
try:
    cards[0].extra = 1
except AttributeError as e:
    print("AttributeError", e)


class Pt(namedtuple("Pt", "x y")):
    def __new__(cls, x, y=0):
        return super().__new__(cls, x * 10, y)


print(Pt(1), Pt(1, 2), Pt._make([5, 6]))
Node = namedtuple("Node", "value children")
tree = Node(1, [Node(2, []), Node(3, [Node(4, [])])])


def total(n):
    return n.value + sum(total(c) for c in n.children)


print(total(tree), tree)
