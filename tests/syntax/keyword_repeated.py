# Keyword argument repeated in a call.
def f(a, b=0):
    return a
print(f(a=1, a=2))
