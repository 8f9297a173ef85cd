# NameError from a name that is never defined anywhere.
def compute():
    value = 10
    return value * undefined_multiplier_zz
print("computing")
compute()
