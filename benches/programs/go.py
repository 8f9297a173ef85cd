# Go: flat Monte-Carlo move selection on a 9x9 board.  Each candidate move
# is scored by random play-outs (seeded) that never fill their own eyes;
# captures, suicide and simple ko are enforced; area scoring.
# test-size: 1
import sys
import random

SIZE = 9
W = SIZE + 2
EMPTY, BLACK, WHITE, EDGE = 0, 1, 2, 3
DIRS = (1, -1, W, -W)
KOMI = 6.5


class Board:
    def __init__(self):
        self.cells = [EDGE] * (W * W)
        for r in range(1, SIZE + 1):
            for c in range(1, SIZE + 1):
                self.cells[r * W + c] = EMPTY
        self.points = [r * W + c for r in range(1, SIZE + 1) for c in range(1, SIZE + 1)]
        self.ko = -1
        self.to_move = BLACK
        self.passes = 0
        self.moves = 0

    def copy(self):
        b = Board.__new__(Board)
        b.cells = self.cells[:]
        b.points = self.points
        b.ko = self.ko
        b.to_move = self.to_move
        b.passes = self.passes
        b.moves = self.moves
        return b

    def group(self, start):
        # Returns (stones, has_liberty) of the chain through start.
        cells = self.cells
        colour = cells[start]
        stones = [start]
        seen = {start}
        liberty = False
        i = 0
        while i < len(stones):
            p = stones[i]
            i += 1
            for d in DIRS:
                q = p + d
                v = cells[q]
                if v == EMPTY:
                    liberty = True
                elif v == colour and q not in seen:
                    seen.add(q)
                    stones.append(q)
        return stones, liberty

    def is_eye(self, p, colour):
        cells = self.cells
        for d in DIRS:
            v = cells[p + d]
            if v != colour and v != EDGE:
                return False
        return True

    def play(self, p):
        # Plays at p for the side to move; returns False if illegal.
        if p < 0:
            self.passes += 1
            self.ko = -1
            self.to_move = 3 - self.to_move
            return True
        cells = self.cells
        if cells[p] != EMPTY or p == self.ko:
            return False
        me = self.to_move
        them = 3 - me
        cells[p] = me
        captured = []
        for d in DIRS:
            q = p + d
            if cells[q] == them:
                stones, free = self.group(q)
                if not free:
                    for s in stones:
                        cells[s] = EMPTY
                    captured.extend(stones)
        stones, free = self.group(p)
        if not free:
            cells[p] = EMPTY
            return False
        self.ko = captured[0] if len(captured) == 1 and len(stones) == 1 else -1
        self.passes = 0
        self.moves += 1
        self.to_move = them
        return True

    def score(self):
        # Black's area minus White's, without komi.
        cells = self.cells
        total = 0
        for p in self.points:
            v = cells[p]
            if v == BLACK:
                total += 1
            elif v == WHITE:
                total -= 1
            else:
                owner = 0
                for d in DIRS:
                    owner |= cells[p + d]
                if owner == BLACK or owner == BLACK | EDGE:
                    total += 1
                elif owner == WHITE or owner == WHITE | EDGE:
                    total -= 1
        return total

    def random_move(self):
        cells = self.cells
        me = self.to_move
        empties = [p for p in self.points if cells[p] == EMPTY]
        while empties:
            k = random.randrange(len(empties))
            p = empties[k]
            empties[k] = empties[-1]
            empties.pop()
            if self.is_eye(p, me):
                continue
            if self.play(p):
                return p
        self.play(-1)
        return -1

    def playout(self, limit):
        while self.passes < 2 and self.moves < limit:
            self.random_move()
        return self.score()

    def show(self):
        chars = ".XO#"
        for r in range(1, SIZE + 1):
            print(" ".join(chars[self.cells[r * W + c]] for c in range(1, SIZE + 1)))


def best_move(board, playouts, candidates):
    me = board.to_move
    legal = []
    for p in board.points:
        if board.cells[p] == EMPTY and not board.is_eye(p, me):
            trial = board.copy()
            if trial.play(p):
                legal.append((p, trial))
    # Sample a few candidate moves, then score each by its play-outs.
    chosen = []
    while legal and len(chosen) < candidates:
        chosen.append(legal.pop(random.randrange(len(legal))))
    best, best_rate = -1, -1.0
    for p, trial in chosen:
        wins = 0
        for _ in range(playouts):
            result = trial.copy().playout(trial.moves + 100) - KOMI
            if (result > 0) == (me == BLACK):
                wins += 1
        rate = wins / playouts
        if rate > best_rate:
            best, best_rate = p, rate
    return best, best_rate


def main():
    playouts = int(sys.argv[1]) if len(sys.argv) > 1 else 8
    random.seed(2024)
    board = Board()
    for turn in range(8):
        p, rate = best_move(board, playouts, 12)
        board.play(p)
        print("move", turn + 1, "XO"[turn % 2], (p // W, p % W) if p >= 0 else "pass", "%.3f" % rate)
    board.show()
    final = board.copy().playout(board.moves + 100)
    print("one more playout:", final - KOMI)


main()
