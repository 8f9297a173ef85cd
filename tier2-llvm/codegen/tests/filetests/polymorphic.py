# Sites whose inline caches saw several classes: attribute loads and
# stores and method loads try the cached entries (a constant table in the
# code) by helpers instead of stepping the interpreter.
# region: total loop 8
# check-mir: method_poly 2
# check-mir: get_slot_poly 2
# check-mir: set_slot_poly 2
# check-ir: @poly = private constant [8 x i64]
# not-mir: step pc
class A:
    def __init__(self):
        self.size = 1

    def f(self):
        return 1


class B:
    def __init__(self):
        self.other = 0
        self.size = 2

    def f(self):
        return 2


def total(xs, rounds):
    t = 0
    for k in range(rounds):
        for x in xs:
            t += x.f() + x.size
            x.size = x.size + 1
    return t


total([A(), B()], 10)
