# Range and list iterators step inline (tag, fields and list length read
# on the probed layout); the helper is only the slow path: other
# iterators, the last step, ints outside the inline range.
# region: total loop 5
# check-mir: fornext pc 5
# check-ir: switch i8 %it.tag
# check-ir: it.range.go:
# check-ir: it.list.go:
# check-ir: call i64 @strata_t2_for_next
def total(xs, n):
    t = 0
    for i in range(n):
        for x in xs:
            t = t + x * i
    return t


for k in range(3):
    total([1, 2, 3], 5)
