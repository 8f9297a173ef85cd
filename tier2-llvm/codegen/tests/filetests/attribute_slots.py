# Attribute loads and stores on a monomorphic site use the inline cache's
# slot: the guards (object, instance kind, class, shape, slot present) and
# the slot access are generated inline on the probed object layout, with
# no helper call and no flush of the frame; the class's version is not
# re-checked (the unit is invalidated when it changes); the float
# arithmetic between them is unboxed. The store to the object the load
# just checked is proven: no checks again (and no exit left in the IR).
# region: move loop 1
# check-mir: pure.get_slot 0
# check-mir: float.Mul
# check-mir: pure.set_slot 0 proven
# loop-mir-not: step
# check-ir: %kind = load i8
# check-ir: %class = load i64
# not-ir: %version = load
# check-ir: %shape = load i64
# check-ir: %slot = load i64
# not-ir: @strata_t2_get_slot
# check-ir: store i64
# not-ir: @strata_t2_set_slot
class P:
    def __init__(self):
        self.x = 1.0


def move(p, n):
    k = 0
    while k < n:
        p.x = p.x * 0.999
        k = k + 1
    return p.x


move(P(), 20)
