# Deep mutual recursion and deep recursion through methods.
import sys
sys.setrecursionlimit(100000)
def ping(n):
    return "ping" if n == 0 else pong(n - 1)
def pong(n):
    return "pong" if n == 0 else ping(n - 1)
print(ping(40000), ping(40001))
class Chain:
    def __init__(self, n):
        self.n = n
    def walk(self, k):
        if k == 0:
            return self.n
        return self.walk(k - 1) + 1
print(Chain(7).walk(45000))
def count_nodes(tree):
    if tree is None:
        return 0
    return 1 + count_nodes(tree[0]) + count_nodes(tree[1])
t = None
for i in range(40000):
    t = (t, None)
print(count_nodes(t))
