# A small function called from a loop is inlined: the call site guards
# that the global still holds that function, the callee's arithmetic is
# unboxed in the caller's code, and its exits rebuild the callee's frame.
# region: row loop 5
# check-mir: guard r7 is the known function
# check-mir: int.Add
# check-mir: float.Div
# loop-mir-not: step
# check-mir: [in callee at r
# not-ir: strata_t2_step
# check-ir: call ptr @strata_t2_push_frame
def entry(i, j):
    s = i + j
    return 1.0 / (s * (s + 1) // 2 + i + 1)


def row(n, i):
    acc = 0.0
    for j in range(n):
        acc = acc + entry(i, j)
    return acc


for k in range(3):
    row(20, k)
