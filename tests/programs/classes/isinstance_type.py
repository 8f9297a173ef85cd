# isinstance/issubclass/type/__class__ with builtins and user classes.
class A:
    pass
class B(A):
    pass
class C:
    pass
objs = [1, 1.5, True, "s", [1], (1,), {1: 2}, {1}, None, A(), B(), C(), range(2), frozenset()]
for o in objs:
    print(type(o).__name__, isinstance(o, int), isinstance(o, (list, tuple)), isinstance(o, A), isinstance(o, object))
print(type(B()) is B, type(B()) is A, B().__class__ is B, type(B()) == B)
print(isinstance(True, int), isinstance(1, bool), issubclass(bool, int), issubclass(int, float))
print(issubclass(B, (C, A)), issubclass(B, B), issubclass(A, B))
print(type(1), type("x"), type(None), type(A()), type(A), type(type))
print(type(3)(7.9), type("x")(12), type([])((1, 2)), type(B())().__class__.__name__)
print(isinstance(A, type), isinstance(int, type), isinstance(3, type))
print(str(type(2.0)), repr(type(B())))
def kind(v):
    if isinstance(v, bool):
        return "bool"
    if isinstance(v, int):
        return "int"
    if isinstance(v, float):
        return "float"
    if isinstance(v, str):
        return "str"
    if isinstance(v, (list, tuple)):
        return "seq[" + ",".join(kind(x) for x in v) + "]"
    return "other"
print(kind([1, 2.0, True, "x", (None, [3])]))
print(KeyError.__name__, issubclass(KeyError, LookupError), isinstance(KeyError("k"), Exception))
