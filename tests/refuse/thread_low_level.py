# The low-level thread module is never supported.
import _thread
print(_thread.get_ident())
