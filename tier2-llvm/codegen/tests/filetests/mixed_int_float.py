# Ints meet floats in arithmetic and comparisons without boxing: the int
# converts exactly in the float operation (LLVM `sitofp`), and int / int is
# a float division.
# region: g
# loop-mir-not: box
# loop-mir-not: step
# check-mir: float.Mul
# check-mir: float.Div
# check-ir: sitofp i64
# check-ir: fdiv double
def g(n):
    acc = 0.0
    k = 1
    while k < n:
        acc = acc + k * 0.25 + 1 / k
        k = k + 1
    return acc


g(50)
