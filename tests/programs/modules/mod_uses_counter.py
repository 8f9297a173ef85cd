# A module that itself imports another local module.
import mod_counter
from mod_counter import bump
def bump_twice(tag):
    bump(tag + "-1")
    return mod_counter.bump(tag + "-2")
