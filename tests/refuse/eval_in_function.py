# eval deep inside a function body: refused at its own line.
def outer():
    values = [1, 2, 3]
    def inner(expr):
        if expr:
            return (
                eval(expr)
            )
        return None
    return inner("sum(values)")
print(outer())
