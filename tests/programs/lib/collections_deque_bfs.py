from collections import deque

# Grid BFS: O(1) popleft matters here.
W, H = 120, 120
walls = set()
for i in range(0, W * H, 7):
    x, y = i % W, i // W
    if (x * 31 + y * 17) % 5 == 0 and (x, y) != (0, 0):
        walls.add((x, y))
dist = {(0, 0): 0}
q = deque([(0, 0)])
while q:
    x, y = q.popleft()
    d = dist[(x, y)]
    for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)):
        nx, ny = x + dx, y + dy
        if 0 <= nx < W and 0 <= ny < H and (nx, ny) not in walls and (nx, ny) not in dist:
            dist[(nx, ny)] = d + 1
            q.append((nx, ny))
print(len(dist), max(dist.values()), dist.get((W - 1, H - 1)))

# Sliding window maximum with a monotonic deque.
data = [(i * 7919) % 1000 for i in range(20000)]
k = 50
win = deque()
out = []
for i, v in enumerate(data):
    while win and data[win[-1]] <= v:
        win.pop()
    win.append(i)
    if win[0] <= i - k:
        win.popleft()
    if i >= k - 1:
        out.append(data[win[0]])
print(len(out), sum(out), out[:10])

# A bounded history.
hist = deque(maxlen=5)
for i in range(100000):
    hist.append(i)
print(hist, sum(hist))

# Josephus with rotate.
people = deque(range(1, 42))
order = []
while people:
    people.rotate(-2)
    order.append(people.popleft())
print(order[-5:])
