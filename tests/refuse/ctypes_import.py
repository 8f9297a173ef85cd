# C extensions / FFI are never supported.
import ctypes
print(ctypes.sizeof(ctypes.c_int))
