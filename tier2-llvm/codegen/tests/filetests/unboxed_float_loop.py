# A float accumulator and an int counter stay unboxed across the loop: the
# only guard is on entry (n from the frame), and the loop has no boxing,
# no helper steps and one overflow guard (the counter's increment); the loop
# test carries the interpreter's branch profile (100 iterations, 1 exit) as
# LLVM branch weights.
# region: f
# check-mir: unbox r0 to int
# loop-mir-not: box
# loop-mir-not: step
# count-mir: 1 int.Add
# count-mir: 1 float.Add
# check-ir: define i64 @strata_t2_1(ptr %0, ptr %1)
# check-ir: fadd double
# not-ir: strata_t2_step
# check-ir: ret i64
# check-ir: !"branch_weights", i32 100, i32 1
def f(n):
    i = 0
    total = 0.0
    while i < n:
        total = total + 0.5
        i = i + 1
    return total


f(100)
