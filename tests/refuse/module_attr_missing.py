# An attribute CPython's module has and Strata lacks is refused, never an AttributeError.
import time
print("before")
print(time.timezone)
