# Module defining an exception hierarchy and a function that raises.
class ModError(Exception):
    pass
def check(v):
    if v < 0:
        raise ModError("negative: %d" % v)
    return v * 2
