# Unbounded recursion ends in RecursionError, never a crash.
def down(n):
    return down(n + 1) + 1
print("before")
down(0)
