# PEP 695 generic function (Python 3.12): a SyntaxError in 3.11.
def identity(x):
    return x
def first[T](items):
    return items[0]
print(first([1, 2]))
