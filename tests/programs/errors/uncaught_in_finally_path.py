# finally blocks run while an uncaught exception propagates (their output appears first).
def inner():
    try:
        raise RuntimeError("boom in inner")
    finally:
        print("inner cleanup")
def outer():
    try:
        inner()
    finally:
        print("outer cleanup")
outer()
