# Hexiom-like puzzle: numbered tiles must be placed on a hexagonal board so
# that every tile's number equals how many of its six neighbours hold a
# tile.  Puzzles are generated from seeded layouts; a backtracking search
# with counting bounds finds every solution.
# test-size: 1
import sys


def hex_cells(radius):
    cells = []
    for q in range(-radius, radius + 1):
        for r in range(-radius, radius + 1):
            if abs(q + r) <= radius:
                cells.append((q, r))
    return cells


def neighbours_of(cells):
    index = {c: i for i, c in enumerate(cells)}
    out = []
    for q, r in cells:
        nb = []
        for dq, dr in ((1, 0), (-1, 0), (0, 1), (0, -1), (1, -1), (-1, 1)):
            j = index.get((q + dq, r + dr))
            if j is not None:
                nb.append(j)
        out.append(nb)
    return out


class Lcg:
    def __init__(self, seed):
        self.state = seed

    def next(self, bound):
        self.state = (self.state * 1103515245 + 12345) % 2147483648
        return (self.state >> 8) % bound


def make_puzzle(radius, seed, empties, hint_every):
    cells = hex_cells(radius)
    nbs = neighbours_of(cells)
    rng = Lcg(seed)
    occupied = [True] * len(cells)
    removed = 0
    while removed < empties:
        k = rng.next(len(cells))
        if occupied[k]:
            occupied[k] = False
            removed += 1
    tiles = [0] * 7
    answer = []
    for i in range(len(cells)):
        if occupied[i]:
            v = sum(1 for j in nbs[i] if occupied[j])
            tiles[v] += 1
            answer.append(v)
        else:
            answer.append(-1)
    # A few cells are given, as in the printed puzzles.
    given = [-2] * len(cells)
    for i in range(len(cells)):
        if rng.next(hint_every) == 0:
            given[i] = answer[i]
    return cells, nbs, tiles, given


class Solver:
    def __init__(self, nbs, tiles, order, given):
        self.nbs = nbs
        self.given = given
        self.tiles = tiles[:]
        self.order = order
        self.n = len(nbs)
        self.value = [-2] * self.n      # -2 undecided, -1 empty, else tile number
        self.empties_left = self.n - sum(tiles)
        self.solutions = 0
        self.nodes = 0
        self.first = None

    def consistent(self, i):
        # Checks the bounds of cell i and its neighbours after deciding i.
        value = self.value
        for k in [i] + self.nbs[i]:
            v = value[k]
            if v < 0:
                continue
            filled = 0
            open_ = 0
            for j in self.nbs[k]:
                w = value[j]
                if w >= 0:
                    filled += 1
                elif w == -2:
                    open_ += 1
            if filled > v or filled + open_ < v:
                return False
        return True

    def search(self, depth):
        self.nodes += 1
        if depth == self.n:
            self.solutions += 1
            if self.first is None:
                self.first = self.value[:]
            return
        i = self.order[depth]
        g = self.given[i]
        if g != -2:
            if g == -1:
                if self.empties_left == 0:
                    return
                self.empties_left -= 1
            elif self.tiles[g] == 0:
                return
            else:
                self.tiles[g] -= 1
            self.value[i] = g
            if self.consistent(i):
                self.search(depth + 1)
            if g == -1:
                self.empties_left += 1
            else:
                self.tiles[g] += 1
            self.value[i] = -2
            return
        if self.empties_left > 0:
            self.value[i] = -1
            self.empties_left -= 1
            if self.consistent(i):
                self.search(depth + 1)
            self.empties_left += 1
        limit = len(self.nbs[i])
        for t in range(limit + 1):
            if self.tiles[t]:
                self.tiles[t] -= 1
                self.value[i] = t
                if self.consistent(i):
                    self.search(depth + 1)
                self.tiles[t] += 1
        self.value[i] = -2


def solve(radius, seed, empties, hint_every):
    cells, nbs, tiles, given = make_puzzle(radius, seed, empties, hint_every)
    # Decide cells from the centre outwards.
    order = sorted(range(len(cells)), key=lambda i: (max(abs(cells[i][0]), abs(cells[i][1]), abs(cells[i][0] + cells[i][1])), i))
    s = Solver(nbs, tiles, order, given)
    s.search(0)
    return tiles, s


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 16
    total_nodes = 0
    for seed in range(count):
        # Every fourth puzzle is on the larger board, with more hints.
        radius = 3 if seed % 4 == 3 else 2
        cells = 19 if radius == 2 else 37
        empties = cells // 4 + seed % 5
        tiles, s = solve(radius, seed + 1, empties, 2 if radius == 3 else 4)
        total_nodes += s.nodes
        picture = "".join("." if v < 0 else str(v) for v in s.first)
        print("puzzle", seed, "tiles", tiles, "solutions", s.solutions, "nodes", s.nodes, picture)
    print("total nodes", total_nodes)


main()
