# __eq__ __lt__ __le__ __hash__: sorting, min/max, dict keys, sets of user objects.
class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))
    def __eq__(self, other):
        return self.parts == other.parts
    def __lt__(self, other):
        return self.parts < other.parts
    def __le__(self, other):
        return self.parts <= other.parts
    def __hash__(self):
        return hash(self.parts)
    def __repr__(self):
        return "V" + ".".join(str(p) for p in self.parts)
vs = [Version(s) for s in ["1.10.0", "1.2.3", "1.2.10", "0.9", "1.2.3", "2.0"]]
print(sorted(vs))
print(max(vs), min(vs))
print(Version("1.0") < Version("1.0.1"), Version("2.0") <= Version("2.0"), Version("3.1") > Version("3.0"))
print(Version("1.2.3") >= Version("1.2.4"))
print(len(set(vs)), Version("1.2.3") in set(vs), Version("9.9") in set(vs))
d = {Version("1.0"): "first"}
d[Version("1.0")] = "replaced"
print(d)
class Card:
    RANKS = "23456789TJQKA"
    def __init__(self, rank, suit):
        self.rank = rank
        self.suit = suit
    def __eq__(self, other):
        return self.rank == other.rank and self.suit == other.suit
    def __hash__(self):
        return hash((self.rank, self.suit))
    def __lt__(self, other):
        return (Card.RANKS.index(self.rank), self.suit) < (Card.RANKS.index(other.rank), other.suit)
    def __repr__(self):
        return self.rank + self.suit
hand = [Card(r, s) for r, s in ["Kh", "2c", "Ts", "Ah", "2d", "Kc"]]
print(sorted(hand), sorted(hand, reverse=True))
print(Card("K", "h") == Card("K", "h"), Card("K", "h") != Card("K", "c"))
class NoEq:
    pass
x = NoEq()
print(x == x, x != x, x == NoEq())
class OnlyEq:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return self.v == other.v
try:
    hash(OnlyEq(1))
except TypeError as e:
    print("TypeError:", e)
try:
    NoEq() < NoEq()
except TypeError as e:
    print("TypeError:", e)
class Reverse:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v > other.v
    def __repr__(self):
        return "R%d" % self.v
print(sorted([Reverse(3), Reverse(1), Reverse(2)]))
print(Reverse(1) > Reverse(5))
