# Duplicate parameter name.
def ok(a, b):
    return a
def bad(a, b, a):
    return b
