# `not x` and `x is y` in compiled loops: truth of every builtin kind by a
# helper, instances (whose truth is Python code) through the interpreter,
# identity by the values' bits.


class Flag:
    def __init__(self, on):
        self.on = on

    def __bool__(self):
        return self.on


class Bag:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


def count_false(values, rounds):
    falses = 0
    for r in range(rounds):
        for v in values:
            if not v:
                falses += 1
    return falses


def identities(values, rounds):
    same = 0
    for r in range(rounds):
        prev = None
        for v in values:
            if v is prev:
                same += 1
            if v is not None:
                same += 2
            prev = v
    return same


plain = [0, 1, None, [], [1], "", "a", 0.0, 2.5, (), (1,), {}, {1: 2}, True, False]
print(count_false(plain, 400))
mixed = plain + [Flag(True), Flag(False), Bag(0), Bag(3)]
print(count_false(mixed, 400))
shared = [1, 1, None, None, plain, plain, "x", "x", 2.5]
print(identities(shared, 400))


class Plain:
    pass


class Items(list):
    pass


class Sized(Items):
    def __len__(self):
        return 7


def count_true_branches(values, rounds):
    # `if v:` on instances: a class without __bool__ or __len__ is true,
    # a builtin subclass by its contents, __len__ by the call.
    n = 0
    for r in range(rounds):
        for v in values:
            if v:
                n += 1
            elif v is None:
                n += 100
    return n


print(count_true_branches([Plain(), Items(), Items([1]), Sized(), None, Plain()], 400))
