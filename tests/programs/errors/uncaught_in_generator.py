# An exception raised inside a generator propagates out of the consuming loop.
def readings():
    for v in [10, 20, 0, 40]:
        yield 100 // v
def consume():
    for r in readings():
        print("reading", r)
consume()
