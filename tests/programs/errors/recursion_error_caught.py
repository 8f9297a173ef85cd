# RecursionError can be caught, and the program continues normally afterwards.
import sys
def infinite(n):
    return infinite(n + 1)
try:
    infinite(0)
except RecursionError as e:
    print("caught:", e)
def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n
d = depth(0)
print(d > 100, d < sys.getrecursionlimit())
def count(n):
    return 0 if n == 0 else 1 + count(n - 1)
print(count(500))
try:
    infinite(0)
except RecursionError as e:
    print("caught again:", type(e).__name__)
print(sys.getrecursionlimit())
