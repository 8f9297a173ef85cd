# pythonpath: pathdir:pathdir/sub
# Modules are found next to the script first, then on PYTHONPATH in order.
import sys
import mod_onpath
from mod_second import SHADOWED
print(mod_onpath.describe(3))
print(SHADOWED)
import mod_geometry
print(mod_onpath.mod_geometry is mod_geometry, sys.argv[0])
try:
    import mod_nowhere
except ImportError as e:
    print(type(e).__name__, e.name)
try:
    from mod_onpath import nothing_here
except ImportError as e:
    print(type(e).__name__, e.name, e.path.endswith("mod_onpath.py"), e.msg.split(" (")[0])
e = ImportError("a", "b", name="n")
print(e.name, e.path, e.msg, e.args)
e = ImportError("only")
print(e.msg, e.name)
e.name = "q"
print(e.name)
try:
    ImportError("a", x=1)
except TypeError as e:
    print(e)
