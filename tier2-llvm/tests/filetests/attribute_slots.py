# Attribute loads and stores on a monomorphic site use the inline cache's
# slot (pure helpers, no flush of the frame), and the float arithmetic
# between them is unboxed; the loop still takes no generic step.
# region: move loop 1
# check-mir: pure.get_slot 0
# check-mir: float.Mul
# check-mir: pure.set_slot 0
# loop-mir-not: step
# check-ir: call i64 @strata_t2_get_slot
# check-ir: call i32 @strata_t2_set_slot
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
