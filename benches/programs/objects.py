# Allocates small objects and calls a method that returns a new one.
# test-size: 1000
import sys


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def add(self, o):
        return P(self.x + o.x, self.y + o.y)
acc = P(0, 0)
for i in range(int(sys.argv[1]) if len(sys.argv) > 1 else 300000):
    acc = acc.add(P(i, 1.5))
print(acc.x, acc.y)
