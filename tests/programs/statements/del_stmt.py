# del on names, list items, slices, dict keys, attributes.
x = 5
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)
lst = list(range(10))
del lst[0]
del lst[-1]
print(lst)
del lst[2:4]
print(lst)
del lst[::2]
print(lst)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
try:
    del d["zz"]
except KeyError as e:
    print("KeyError:", e)
class Obj:
    pass
o = Obj()
o.a = 1
o.b = 2
del o.a
print(hasattr(o, "a"), hasattr(o, "b"))
a, b = 1, 2
del a, b
try:
    a
except NameError as e:
    print("NameError:", e)
m = [[1, 2], [3, 4]]
del m[0][1]
print(m)
def f():
    y = 10
    del y
    try:
        return y
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)
print(f())
try:
    del lst[100]
except IndexError as e:
    print("IndexError:", e)
