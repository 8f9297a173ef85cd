# next() on an exhausted iterator outside any loop: uncaught StopIteration.
it = iter([1, 2])
print(next(it))
print(next(it))
print(next(it))
