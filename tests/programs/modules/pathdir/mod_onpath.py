# A module found only through PYTHONPATH (see modules/pythonpath_import.py).
import mod_geometry
NAME = "onpath"


def describe(x):
    return "%s:%r:%s" % (NAME, x, mod_geometry.area_rect(x, 2))
