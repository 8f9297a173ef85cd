# After raising the limit, going past it still raises RecursionError (caught), and the VM survives.
import sys
sys.setrecursionlimit(20000)
print(sys.getrecursionlimit())
def f(n):
    return f(n + 1)
try:
    f(0)
except RecursionError as e:
    print("RecursionError:", e)
def g(n):
    return 0 if n == 0 else 1 + g(n - 1)
print(g(15000))
sys.setrecursionlimit(60000)
print(sys.getrecursionlimit(), g(50000))
