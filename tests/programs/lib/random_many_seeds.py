# Streams over many seeds and argument sizes (bit-exact floats through repr).
import random

out = []
for s in range(200):
    random.seed(s * 7919 - 1000)
    out.append(random.random())
    out.append(random.randrange(1, 2**s + 2))
    out.append(random.randrange(-s - 1, s * 3 + 1, s % 5 + 1))
    out.append(random.randint(-10**s, 10**s))
    out.append(random.getrandbits(s))
    out.append(random.sample(range(s + 5), min(s, 40)))
    out.append(random.choices(range(7), weights=[1, 2.5, 3, 0, 1, 1, 7], k=3))
    out.append(random.gammavariate(0.3 + s / 50, 2.0))
    out.append(random.betavariate(0.5 + s / 100, 0.7))
    out.append(random.vonmisesvariate(s / 10, s / 30))
    out.append(random.weibullvariate(2, 0.5 + s / 100))
    out.append(random.paretovariate(1 + s / 10))
    out.append(random.triangular(0, s + 1, s / 2))
    out.append(random.gauss(s, 2))
    out.append(random.expovariate(s + 1))
    out.append(random.Random(str(s) * s).random())
    out.append(random.Random(s + 0.25).random())
    out.append(random.Random(-s * 2**64).random())
for i, x in enumerate(out):
    if i % 6 == 0:
        print()
    print(x, end=" ")
print()
