# importlib (dynamic import machinery) is outside the subset.
import importlib
m = importlib.import_module("sys")
print(m)
