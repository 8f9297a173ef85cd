# Lists and tuples built in a compiled loop: the items go to a buffer on
# the stack and one helper allocates the sequence (no interpreter step).
# region: f loop 3
# check-mir: build_tuple(r
# check-mir: build_list(r
# not-mir: step pc
# check-ir: call i64 @strata_t2_build_seq
def f(n):
    t = 0
    for i in range(n):
        p = (i, i + 1)
        q = [i, p, 3]
        t += len(q)
    return t


f(10)
