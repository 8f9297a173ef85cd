# Typical simulation workloads whose results depend on the exact stream.
import random

random.seed(1234)
# Monte Carlo estimate of pi.
inside = 0
for _ in range(20000):
    x, y = random.random(), random.random()
    if x * x + y * y <= 1.0:
        inside += 1
print(inside, 4 * inside / 20000)

# Random walk.
pos = 0
hist = {}
for _ in range(5000):
    pos += random.choice((-1, 1))
    hist[pos] = hist.get(pos, 0) + 1
print(pos, max(hist.values()), min(hist))

# Card games.
suits = "SHDC"
ranks = "23456789TJQKA"
deck = [r + s for s in suits for r in ranks]
for hand in range(3):
    random.shuffle(deck)
    print(sorted(deck[:5]))

# Random graph and dice histogram.
edges = set()
while len(edges) < 15:
    a, b = random.randrange(10), random.randrange(10)
    if a != b:
        edges.add((min(a, b), max(a, b)))
print(sorted(edges))
counts = [0] * 13
for _ in range(3000):
    counts[random.randint(1, 6) + random.randint(1, 6)] += 1
print(counts)
data = [random.gauss(100, 15) for _ in range(1000)]
print(round(sum(data) / len(data), 9), round(max(data), 9), round(min(data), 9))
print(random.sample(range(1, 50), 6))
