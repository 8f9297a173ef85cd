# IndexError from a list, uncaught, inside a nested loop.
grid = [[1, 2, 3], [4, 5, 6]]
def neighbours(r, c):
    return grid[r][c + 1] + grid[r + 1][c]
for r in range(2):
    for c in range(2):
        print(r, c, neighbours(r, c))
