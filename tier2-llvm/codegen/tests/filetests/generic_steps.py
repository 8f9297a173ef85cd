# What tier 2 does not specialise runs the interpreter's own code for that
# instruction (a step, after writing the frame back), with an exit when it
# raises; range loops use the pure iteration helper.
# region: h
# check-mir: fornext
# check-mir: step
# check-mir: Raise
# check-ir: call i64 @strata_t2_for_next
# check-ir: call i32 @strata_t2_step
def h(words):
    out = ""
    for i in range(len(words)):
        out = out + words[i]
    return out


h(["ab", "cde"])
