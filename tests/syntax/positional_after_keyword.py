# Positional argument after a keyword argument.
def f(a, b):
    return a
x = f(a=1, 2)
