# Barnes-Hut-like 2-D gravity: bodies in a rotating disc are inserted into
# a quadtree each step; far cells act through their centre of mass
# (opening angle theta); leapfrog integration; prints momentum, energy and
# a few positions.
# test-size: 40
import sys

THETA = 0.5
SOFT2 = 0.01 * 0.01
G = 1.0


class Body:
    __slots__ = ("x", "y", "vx", "vy", "ax", "ay", "m")

    def __init__(self, x, y, vx, vy, m):
        self.x, self.y, self.vx, self.vy, self.m = x, y, vx, vy, m
        self.ax = self.ay = 0.0


class Cell:
    __slots__ = ("cx", "cy", "half", "body", "kids", "m", "mx", "my")

    def __init__(self, cx, cy, half):
        self.cx, self.cy, self.half = cx, cy, half
        self.body = None
        self.kids = None
        self.m = 0.0
        self.mx = 0.0
        self.my = 0.0

    def quadrant(self, b):
        return (1 if b.x >= self.cx else 0) + (2 if b.y >= self.cy else 0)

    def insert(self, b, depth=0):
        if self.kids is None and self.body is None and self.m == 0.0:
            self.body = b
            self.m = b.m
            self.mx = b.x * b.m
            self.my = b.y * b.m
            return
        if self.kids is None:
            if depth > 40:
                # Coincident bodies: merge into this leaf's mass.
                self.m += b.m
                self.mx += b.x * b.m
                self.my += b.y * b.m
                return
            h = self.half / 2
            self.kids = [Cell(self.cx + (h if q & 1 else -h), self.cy + (h if q & 2 else -h), h) for q in range(4)]
            old = self.body
            self.body = None
            self.kids[self.quadrant(old)].insert(old, depth + 1)
        self.kids[self.quadrant(b)].insert(b, depth + 1)
        self.m += b.m
        self.mx += b.x * b.m
        self.my += b.y * b.m

    def finish(self):
        # Turns the mass moments into centres of mass.
        if self.m > 0.0:
            self.mx /= self.m
            self.my /= self.m
        if self.kids is not None:
            for k in self.kids:
                k.finish()

    def pull(self, b):
        # Acceleration on b; returns (ax, ay, interactions).
        if self.m == 0.0 or self.body is b:
            return 0.0, 0.0, 0
        dx = self.mx - b.x
        dy = self.my - b.y
        d2 = dx * dx + dy * dy + SOFT2
        if self.kids is None or (2 * self.half) * (2 * self.half) < THETA * THETA * d2:
            inv = G * self.m / (d2 * d2 ** 0.5)
            return dx * inv, dy * inv, 1
        ax = ay = 0.0
        count = 0
        for k in self.kids:
            x, y, c = k.pull(b)
            ax += x
            ay += y
            count += c
        return ax, ay, count


class Lcg:
    def __init__(self, seed):
        self.state = seed

    def uniform(self):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) % 18446744073709551616
        return (self.state >> 11) / 9007199254740992.0


def make_disc(n):
    rng = Lcg(7)
    bodies = [Body(0.0, 0.0, 0.0, 0.0, 10.0)]
    for _ in range(n - 1):
        r = 0.1 + 0.9 * rng.uniform()
        # A point on the circle of radius r from a rational parametrisation.
        t = 2.0 * rng.uniform() - 1.0
        c = (1 - t * t) / (1 + t * t)
        s = 2 * t / (1 + t * t)
        if rng.uniform() < 0.5:
            c = -c
        v = (G * 10.0 / r) ** 0.5
        bodies.append(Body(r * c, r * s, -v * s, v * c, 0.01 + 0.01 * rng.uniform()))
    return bodies


def accelerate(bodies):
    size = 0.0
    for b in bodies:
        size = max(size, abs(b.x), abs(b.y))
    root = Cell(0.0, 0.0, size * 1.001 + 1e-9)
    for b in bodies:
        root.insert(b)
    root.finish()
    total = 0
    for b in bodies:
        b.ax, b.ay, c = root.pull(b)
        total += c
    return total


def energy(bodies):
    e = 0.0
    for i, a in enumerate(bodies):
        e += 0.5 * a.m * (a.vx * a.vx + a.vy * a.vy)
        for b in bodies[i + 1:]:
            dx = a.x - b.x
            dy = a.y - b.y
            e -= G * a.m * b.m / (dx * dx + dy * dy + SOFT2) ** 0.5
    return e


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    steps = 10
    dt = 0.001
    bodies = make_disc(n)
    print("energy %.9f" % energy(bodies))
    interactions = accelerate(bodies)
    for step in range(steps):
        for b in bodies:
            b.vx += 0.5 * dt * b.ax
            b.vy += 0.5 * dt * b.ay
            b.x += dt * b.vx
            b.y += dt * b.vy
        interactions += accelerate(bodies)
        for b in bodies:
            b.vx += 0.5 * dt * b.ax
            b.vy += 0.5 * dt * b.ay
    px = sum(b.m * b.vx for b in bodies)
    py = sum(b.m * b.vy for b in bodies)
    print("momentum %.9f %.9f" % (px, py))
    print("energy %.9f" % energy(bodies))
    print("interactions", interactions)
    for b in bodies[:4]:
        print("%.9f %.9f" % (b.x, b.y))


main()
