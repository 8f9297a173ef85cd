# bool is an int subclass; None is a singleton.
print(True, False, None)
print(True + True, True * 10, False - 1, True / 2, -True)
print(True == 1, False == 0, True is True, None is None)
print(isinstance(True, int), type(True), type(None))
print(repr(True), str(False), repr(None))
print(bool(None), bool(""), bool("a"), bool([]), bool([0]), bool({}), bool(0.0), bool(-0.0), bool(0.1))
print(not None, not 0, not "x")
print(sum([True, True, False, True]))
print(True & False, True | False, True ^ True, ~True)
d = {1: "one", True: "true", 0: "zero", False: "false"}
print(d)
print(len({True, 1, 1.0}), len({False, 0, 0.0}))
def f():
    pass
print(f())
r = f()
print(r is None, r == None, r != None)
x = None
if x is None:
    print("x is None")
print([None, True, False, 1])
print(max(True, 0), min(False, 1), True < 2)
