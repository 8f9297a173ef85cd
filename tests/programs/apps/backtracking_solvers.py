# Backtracking and dynamic programming: N-queens, a sudoku solver, 0/1 knapsack, edit distance, LIS.
def queens(n):
    solutions = []
    cols = set()
    diag1 = set()
    diag2 = set()
    placement = []
    def place(row):
        if row == n:
            solutions.append(tuple(placement))
            return
        for c in range(n):
            if c in cols or (row - c) in diag1 or (row + c) in diag2:
                continue
            cols.add(c)
            diag1.add(row - c)
            diag2.add(row + c)
            placement.append(c)
            place(row + 1)
            placement.pop()
            cols.discard(c)
            diag1.discard(row - c)
            diag2.discard(row + c)
    place(0)
    return solutions
for n in range(1, 9):
    sols = queens(n)
    print(n, len(sols), sols[:2])
first = queens(8)[0]
for c in first:
    print(" ".join("Q" if i == c else "." for i in range(8)))
PUZZLE = [
    "53..7....", "6..195...", ".98....6.",
    "8...6...3", "4..8.3..1", "7...2...6",
    ".6....28.", "...419..5", "....8..79",
]
grid = [[0 if ch == "." else int(ch) for ch in row] for row in PUZZLE]
def candidates(g, r, c):
    used = set(g[r]) | {g[i][c] for i in range(9)}
    br, bc = 3 * (r // 3), 3 * (c // 3)
    for i in range(br, br + 3):
        for j in range(bc, bc + 3):
            used.add(g[i][j])
    return [v for v in range(1, 10) if v not in used]
nodes = [0]
def solve(g):
    best = None
    for r in range(9):
        for c in range(9):
            if g[r][c] == 0:
                cand = candidates(g, r, c)
                if best is None or len(cand) < len(best[2]):
                    best = (r, c, cand)
    if best is None:
        return True
    r, c, cand = best
    for v in cand:
        nodes[0] += 1
        g[r][c] = v
        if solve(g):
            return True
    g[r][c] = 0
    return False
print("solved:", solve(grid), "nodes:", nodes[0])
for row in grid:
    print(" ".join(str(v) for v in row))
print("rows ok:", all(sorted(row) == list(range(1, 10)) for row in grid))
print("cols ok:", all(sorted(grid[r][c] for r in range(9)) == list(range(1, 10)) for c in range(9)))
items = [(12, 4), (2, 2), (1, 1), (4, 10), (1, 2), (7, 5), (9, 6), (3, 3), (15, 9), (6, 4)]
def knapsack(items, cap):
    best = [[0] * (cap + 1) for _ in range(len(items) + 1)]
    for i, (w, v) in enumerate(items, 1):
        for c in range(cap + 1):
            best[i][c] = best[i - 1][c]
            if w <= c and best[i - 1][c - w] + v > best[i][c]:
                best[i][c] = best[i - 1][c - w] + v
    chosen = []
    c = cap
    for i in range(len(items), 0, -1):
        if best[i][c] != best[i - 1][c]:
            chosen.append(i - 1)
            c -= items[i - 1][0]
    return best[len(items)][cap], sorted(chosen)
for cap in [5, 10, 15, 20, 30, 45]:
    print("knapsack", cap, knapsack(items, cap))
def edit_distance(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
        prev = cur
    return prev[-1]
pairs = [("kitten", "sitting"), ("flaw", "lawn"), ("intention", "execution"), ("", "abc"), ("strata", "stratum")]
for a, b in pairs:
    print("edit(%s, %s) = %d" % (a, b, edit_distance(a, b)))
def lis(seq):
    tails = []
    for x in seq:
        lo, hi = 0, len(tails)
        while lo < hi:
            mid = (lo + hi) // 2
            if tails[mid] < x:
                lo = mid + 1
            else:
                hi = mid
        if lo == len(tails):
            tails.append(x)
        else:
            tails[lo] = x
    return len(tails)
seq = [(i * 7919) % 101 for i in range(60)]
print(seq)
print("LIS length:", lis(seq))
def subsets_sum(nums, target):
    out = []
    def go(i, chosen, total):
        if total == target:
            out.append(list(chosen))
            return
        if i == len(nums) or total > target:
            return
        chosen.append(nums[i])
        go(i + 1, chosen, total + nums[i])
        chosen.pop()
        go(i + 1, chosen, total)
    go(0, [], 0)
    return out
res = subsets_sum([3, 34, 4, 12, 5, 2, 7, 8, 1], 15)
print(len(res), res[:6])
