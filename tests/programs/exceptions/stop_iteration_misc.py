# StopIteration handling, exceptions inside generators and comprehensions.
def gen():
    yield 1
    raise ValueError("inside generator")
g = gen()
print(next(g))
try:
    next(g)
except ValueError as e:
    print("ValueError:", e)
print(next(g, "finished after error"))
def bad_gen():
    yield 1
    raise StopIteration("explicit")
try:
    print(list(bad_gen()))
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    [1 // x for x in [1, 0]]
except ZeroDivisionError as e:
    print("ZeroDivisionError in comprehension:", e)
def safe_div(pairs):
    for a, b in pairs:
        try:
            yield a / b
        except ZeroDivisionError:
            yield None
print(list(safe_div([(1, 2), (3, 0), (4, 4)])))
def first_match(items, pred):
    try:
        return next(x for x in items if pred(x))
    except StopIteration:
        return "no match"
print(first_match(range(10), lambda v: v > 6), first_match([], bool))
