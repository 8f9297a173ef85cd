# Compile-time error: break outside a loop.
def f():
    pass
break
