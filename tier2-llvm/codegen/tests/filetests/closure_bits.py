# A closure's cells are read and written by pure helpers, int negation and
# bitwise operations are native, and the call through a cell (the callee
# is not known when the region is compiled) is a dynamic call: no
# interpreter step is left.
# region: go
# check-mir: load_closure 0
# check-mir: load_deref
# check-mir: IntNeg
# check-mir: int.And
# check-mir: call pc 27 dynamic
# not-mir: step pc
def make(n):
    full = (1 << n) - 1

    def go(cols, left, right):
        if cols == full:
            return 1
        total = 0
        free = full & ~(cols | left | right)
        while free:
            bit = free & -free
            free -= bit
            total += go(cols | bit, ((left | bit) << 1) & full, (right | bit) >> 1)
        return total

    return go


go = make(6)
go(0, 0, 0)
