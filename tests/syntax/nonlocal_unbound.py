# nonlocal naming a variable that no enclosing function has.
def outer():
    def inner():
        nonlocal missing
        missing = 1
    inner()
