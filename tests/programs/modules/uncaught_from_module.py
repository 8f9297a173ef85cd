# An exception raised inside an imported module's function, uncaught.
from mod_errors import check
print(check(21))
print(check(-1))
