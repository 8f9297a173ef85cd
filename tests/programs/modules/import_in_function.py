# import inside a function body binds a local name; the module is loaded once.
def use():
    import mod_counter
    return mod_counter.bump("fn")
def use_from():
    from mod_counter import count
    return count
print(use(), use(), use_from())
import mod_counter
print(mod_counter.count, mod_counter.history)
