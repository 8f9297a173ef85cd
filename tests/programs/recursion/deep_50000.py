# With a raised recursion limit, 50,000-deep recursion works.
import sys
sys.setrecursionlimit(100000)
print(sys.getrecursionlimit())
def depth(n):
    if n == 0:
        return 0
    return depth(n - 1) + 1
print(depth(50000))
def sum_to(n):
    return 0 if n == 0 else n + sum_to(n - 1)
print(sum_to(50000))
def build(n):
    return None if n == 0 else (n, build(n - 1))
lst = build(30000)
count = 0
node = lst
while node is not None:
    count += node[0]
    node = node[1]
print(count)
