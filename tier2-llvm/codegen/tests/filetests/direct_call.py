# Calls to known functions that cannot be inlined (the function itself,
# recursively; a method with a handler) are direct calls: a guard on the
# function register, then the call helper, no interpreter step.
# region: fib
# count-mir: 2 guard r
# count-mir: 2 call pc
# not-mir: step pc
# check-ir: call i32 @strata_t2_call
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


for k in range(30):
    fib(8)
