# random.Random instances: independent streams, state, subclasses.
import random

a = random.Random(7)
b = random.Random(7)
c = random.Random()
print(type(a).__name__, isinstance(a, random.Random), type(random.Random).__name__)
print([a.random() for _ in range(3)] == [b.random() for _ in range(3)])
print(a.randint(1, 100), b.randint(1, 100), a.choice("xyz"), b.choice("xyz"))
random.seed(7)
print(random.random(), random.Random(7).random())
r = random.Random(99)
st = r.getstate()
print(type(st).__name__, len(st), st[0], len(st[1]), st[2])
xs = [r.random() for _ in range(5)]
r.setstate(st)
print(xs == [r.random() for _ in range(5)])
r.gauss()
st2 = r.getstate()
print(st2[2] is not None)
g1 = r.gauss()
r.setstate(st2)
print(g1 == r.gauss())
r.seed("seed text")
print(r.random(), r.randrange(1000))
r.seed(12345)
print(r.sample(range(50), 8), r.shuffle([1, 2, 3]))
r.seed(5, version=2)
print(r.random())
random.seed(3)
s = random.getstate()
random.random()
random.setstate(s)
print(random.random())

class Die(random.Random):
    def roll(self):
        return self.randint(1, 6)

d = Die(11)
print([d.roll() for _ in range(12)], isinstance(d, random.Random))

class Seeded(random.Random):
    def __init__(self, n):
        super().__init__(n * 2)
        self.n = n

s = Seeded(4)
print(s.n, s.random() == random.Random(8).random())
print(random.Random(0).getrandbits(200), random.Random(2**64).getrandbits(65))
r = random.Random(1)
words = ["alpha", "beta", "gamma", "delta", "epsilon"]
for _ in range(3):
    r.shuffle(words)
    print(words)
big = list(range(1000))
print(r.sample(big, 5), r.sample(range(10**12), 3))
print(r.choices(words, weights=[5, 1, 1, 1, 1], k=6), r.choices(words, cum_weights=[1, 2, 3, 4, 5], k=2))
