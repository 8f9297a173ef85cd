# Chaos game: iterated function systems (a fern and a triangle-and-spiral
# mix) driven by a seeded random stream; points are binned into a grid and
# the fractal is summarised by a checksum and a coarse ASCII picture.
# test-size: 3000
import sys
import math
import random


class Affine:
    def __init__(self, a, b, c, d, e, f, weight):
        self.a, self.b, self.c, self.d, self.e, self.f = a, b, c, d, e, f
        self.weight = weight

    def __call__(self, x, y):
        return self.a * x + self.b * y + self.e, self.c * x + self.d * y + self.f


class Swirl:
    def __init__(self, angle, scale, cx, cy, weight):
        self.cos = math.cos(angle) * scale
        self.sin = math.sin(angle) * scale
        self.cx, self.cy = cx, cy
        self.weight = weight

    def __call__(self, x, y):
        dx, dy = x - self.cx, y - self.cy
        return (self.cx + self.cos * dx - self.sin * dy,
                self.cy + self.sin * dx + self.cos * dy)


class Game:
    def __init__(self, maps, width, height, bounds):
        self.maps = maps
        total = sum(m.weight for m in maps)
        acc = 0.0
        self.cumulative = []
        for m in maps:
            acc += m.weight / total
            self.cumulative.append(acc)
        self.width = width
        self.height = height
        self.bounds = bounds
        self.grid = [[0] * width for _ in range(height)]

    def pick(self):
        r = random.random()
        for m, edge in zip(self.maps, self.cumulative):
            if r < edge:
                return m
        return self.maps[-1]

    def plot(self, x, y):
        x0, y0, x1, y1 = self.bounds
        i = int((x - x0) / (x1 - x0) * self.width)
        j = int((y1 - y) / (y1 - y0) * self.height)
        if 0 <= i < self.width and 0 <= j < self.height:
            self.grid[j][i] += 1

    def run(self, points):
        x, y = random.random(), random.random()
        for k in range(points):
            x, y = self.pick()(x, y)
            if k > 20:
                self.plot(x, y)

    def summary(self, name):
        hit = 0
        checksum = 0
        peak = 0
        for row in self.grid:
            for v in row:
                if v:
                    hit += 1
                    peak = max(peak, v)
                checksum = (checksum * 31 + v) % 1000000007
        print(name, "cells hit", hit, "peak", peak, "checksum", checksum)
        sy = self.height // 10
        sx = self.width // 30
        for j in range(0, self.height, sy):
            line = []
            for i in range(0, self.width, sx):
                s = 0
                for row in self.grid[j:j + sy]:
                    s += sum(row[i:i + sx])
                line.append(" .:oO@"[min(5, s * 5 // (peak * 4 + 1))] if s else " ")
            print("|" + "".join(line).rstrip())


def main():
    points = int(sys.argv[1]) if len(sys.argv) > 1 else 400000
    random.seed(1234)
    fern = Game([
        Affine(0.0, 0.0, 0.0, 0.16, 0.0, 0.0, 0.01),
        Affine(0.85, 0.04, -0.04, 0.85, 0.0, 1.6, 0.85),
        Affine(0.2, -0.26, 0.23, 0.22, 0.0, 1.6, 0.07),
        Affine(-0.15, 0.28, 0.26, 0.24, 0.0, 0.44, 0.07),
    ], 120, 120, (-3.0, 0.0, 3.0, 10.0))
    fern.run(points)
    fern.summary("fern")
    mix = Game([
        Affine(0.5, 0.0, 0.0, 0.5, 0.0, 0.0, 1.0),
        Affine(0.5, 0.0, 0.0, 0.5, 0.5, 0.0, 1.0),
        Affine(0.5, 0.0, 0.0, 0.5, 0.25, 0.5, 1.0),
        Swirl(0.9, 0.6, 0.5, 0.3, 0.5),
    ], 120, 120, (-0.1, -0.1, 1.1, 1.1))
    mix.run(points)
    mix.summary("mix")


main()
