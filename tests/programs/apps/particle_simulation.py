# Particle simulation in a box with a seeded LCG, elastic wall bounces, pair collisions on a grid,
# plus a bank-queue discrete-event simulation. Prints periodic statistics.
class LCG:
    def __init__(self, seed):
        self.s = seed
    def rand(self):
        self.s = (self.s * 25214903917 + 11) % (1 << 48)
        return self.s / float(1 << 48)
    def randint(self, lo, hi):
        return lo + int(self.rand() * (hi - lo + 1))
class Particle:
    __slots__ = ("x", "y", "vx", "vy", "m", "hits")
    def __init__(self, x, y, vx, vy, m):
        self.x, self.y, self.vx, self.vy, self.m = x, y, vx, vy, m
        self.hits = 0
    def energy(self):
        return 0.5 * self.m * (self.vx * self.vx + self.vy * self.vy)
    def momentum(self):
        return (self.m * self.vx, self.m * self.vy)
SIZE = 100.0
rng = LCG(123456789)
parts = []
for i in range(60):
    parts.append(Particle(rng.rand() * SIZE, rng.rand() * SIZE, rng.rand() * 4 - 2, rng.rand() * 4 - 2, 1.0 + rng.randint(0, 3)))
def total_energy():
    return sum(p.energy() for p in parts)
def step(dt):
    wall = 0
    for p in parts:
        p.x += p.vx * dt
        p.y += p.vy * dt
        if p.x < 0:
            p.x = -p.x
            p.vx = -p.vx
            wall += 1
        elif p.x > SIZE:
            p.x = 2 * SIZE - p.x
            p.vx = -p.vx
            wall += 1
        if p.y < 0:
            p.y = -p.y
            p.vy = -p.vy
            wall += 1
        elif p.y > SIZE:
            p.y = 2 * SIZE - p.y
            p.vy = -p.vy
            wall += 1
    cells = {}
    for idx, p in enumerate(parts):
        key = (int(p.x // 5), int(p.y // 5))
        cells.setdefault(key, []).append(idx)
    collisions = 0
    for key in sorted(cells):
        members = cells[key]
        for a in range(len(members)):
            for b in range(a + 1, len(members)):
                p, q = parts[members[a]], parts[members[b]]
                dx, dy = q.x - p.x, q.y - p.y
                d2 = dx * dx + dy * dy
                if d2 < 4.0 and d2 > 0:
                    dvx, dvy = q.vx - p.vx, q.vy - p.vy
                    dot = dvx * dx + dvy * dy
                    if dot < 0:
                        f = 2 * dot / ((p.m + q.m) * d2)
                        p.vx += f * q.m * dx
                        p.vy += f * q.m * dy
                        q.vx -= f * p.m * dx
                        q.vy -= f * p.m * dy
                        p.hits += 1
                        q.hits += 1
                        collisions += 1
    return wall, collisions
e0 = total_energy()
print("initial energy %.6f" % e0)
walls = cols = 0
for t in range(1, 201):
    w, c = step(0.5)
    walls += w
    cols += c
    if t % 20 == 0:
        px = sum(p.momentum()[0] for p in parts)
        py = sum(p.momentum()[1] for p in parts)
        e = total_energy()
        print("t=%3d walls=%4d collisions=%3d energy=%.6f drift=%.3e px=%+.4f py=%+.4f" % (t, walls, cols, e, (e - e0) / e0, px, py))
busiest = sorted(range(len(parts)), key=lambda i: (-parts[i].hits, i))[:5]
print("busiest particles:", [(i, parts[i].hits) for i in busiest])
hist = [0] * 10
for p in parts:
    speed = (p.vx * p.vx + p.vy * p.vy) ** 0.5
    hist[min(9, int(speed * 2))] += 1
print("speed histogram:", hist)
quad = {}
for p in parts:
    k = ("N" if p.y >= 50 else "S") + ("E" if p.x >= 50 else "W")
    quad[k] = quad.get(k, 0) + 1
print("quadrants:", sorted(quad.items()))
rng = LCG(42)
tellers = [0.0, 0.0, 0.0]
clock = 0.0
waits = []
served_by = [0, 0, 0]
for cust in range(400):
    clock += rng.rand() * 2.0
    service = 1.0 + rng.rand() * 4.0
    t = min(range(3), key=lambda i: (tellers[i], i))
    start = max(clock, tellers[t])
    waits.append(start - clock)
    tellers[t] = start + service
    served_by[t] += 1
    if cust % 50 == 49:
        recent = waits[-50:]
        print("customers %3d: avg wait %.4f max wait %.4f queue-free %d" % (cust + 1, sum(recent) / 50, max(recent), sum(1 for w in recent if w == 0)))
print("served by teller:", served_by, "finish %.3f" % max(tellers))
