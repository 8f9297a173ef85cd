# A global bound once is folded in as a constant (unboxed in the loop);
# the region then tests its invalidation flag after each call that may run
# Python code (here the direct call to `note`, which is not inlined: it
# has a handler).
# region: scaled loop 2
# not-mir: load_global
# check-mir: float 2.5
# check-mir: call pc
# check-mir: check_valid else
# check-mir: (invalidated)
# check-ir: %invalidated = load i8
SCALE = 2.5


def note(x):
    try:
        return x
    except ValueError:
        return 0


def scaled(n):
    t = 0.0
    i = 0
    while i < n:
        t = t + i * SCALE
        if i == 3:
            note(t)
        i = i + 1
    return t


for k in range(3):
    scaled(10)
