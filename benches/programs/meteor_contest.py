# Meteor-contest-like tiling search: pentominoes (each used at most once,
# in all rotations and reflections) are fitted onto 5 x w boards encoded as
# bitmasks; the search always fills the lowest empty cell.  Counts the
# tilings and prints the first and last as letter grids.
# test-size: 3
import sys

PIECES = {
    "F": ((1, 0), (2, 0), (0, 1), (1, 1), (1, 2)),
    "I": ((0, 0), (0, 1), (0, 2), (0, 3), (0, 4)),
    "L": ((0, 0), (0, 1), (0, 2), (0, 3), (1, 3)),
    "N": ((1, 0), (1, 1), (0, 2), (1, 2), (0, 3)),
    "P": ((0, 0), (1, 0), (0, 1), (1, 1), (0, 2)),
    "T": ((0, 0), (1, 0), (2, 0), (1, 1), (1, 2)),
    "U": ((0, 0), (2, 0), (0, 1), (1, 1), (2, 1)),
    "V": ((0, 0), (0, 1), (0, 2), (1, 2), (2, 2)),
    "W": ((0, 0), (0, 1), (1, 1), (1, 2), (2, 2)),
    "X": ((1, 0), (0, 1), (1, 1), (2, 1), (1, 2)),
    "Y": ((1, 0), (0, 1), (1, 1), (1, 2), (1, 3)),
    "Z": ((0, 0), (1, 0), (1, 1), (1, 2), (2, 2)),
}


def orientations(cells):
    found = []
    shape = list(cells)
    for flip in range(2):
        for turn in range(4):
            shape = [(y, -x) for x, y in shape]
            mx = min(x for x, y in shape)
            my = min(y for x, y in shape)
            norm = sorted((x - mx, y - my) for x, y in shape)
            if norm not in found:
                found.append(norm)
        shape = [(-x, y) for x, y in shape]
    return found


def placements(width, height):
    # For every cell, the (piece, mask) pairs whose lowest cell is that cell.
    by_cell = [[] for _ in range(width * height)]
    for letter in sorted(PIECES):
        for shape in orientations(PIECES[letter]):
            # The lowest cell in (row, column) order anchors the shape.
            ax, ay = min(shape, key=lambda p: (p[1], p[0]))
            for row in range(height):
                for col in range(width):
                    mask = 0
                    ok = True
                    for x, y in shape:
                        c, r = col + x - ax, row + y - ay
                        if not (0 <= c < width and 0 <= r < height):
                            ok = False
                            break
                        mask |= 1 << (r * width + c)
                    if ok:
                        by_cell[row * width + col].append((letter, mask))
    return by_cell


class Search:
    def __init__(self, width, height):
        self.width = width
        self.height = height
        self.full = (1 << (width * height)) - 1
        self.by_cell = placements(width, height)
        self.used = set()
        self.stack = []
        self.count = 0
        self.first = None
        self.last = None

    def run(self, board):
        if board == self.full:
            self.count += 1
            if self.first is None:
                self.first = self.stack[:]
            self.last = self.stack[:]
            return
        cell = 0
        while board >> cell & 1:
            cell += 1
        for letter, mask in self.by_cell[cell]:
            if mask & board or letter in self.used:
                continue
            self.used.add(letter)
            self.stack.append((letter, mask))
            self.run(board | mask)
            self.stack.pop()
            self.used.remove(letter)

    def picture(self, stack):
        grid = ["?"] * (self.width * self.height)
        for letter, mask in stack:
            for i in range(len(grid)):
                if mask >> i & 1:
                    grid[i] = letter
        return ["".join(grid[r * self.width:(r + 1) * self.width]) for r in range(self.height)]


def main():
    widest = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    for width in range(2, widest + 1):
        s = Search(width, 5)
        s.run(0)
        print("5 x %d: %d tilings" % (width, s.count))
        if s.count:
            for a, b in zip(s.picture(s.first), s.picture(s.last)):
                print("   ", a, " ", b)


main()
