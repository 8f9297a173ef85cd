class A:
    def __init__(self, **kw):
        self.x = 1
        self.__dict__.update(kw)
    def __repr__(self):
        return f"A({self.__dict__})"
a = A(y=2, z=3)
print(a, a.y, a.z, a.x)
a.__dict__['w'] = 9
print(a.w, hasattr(a, 'w'))
del a.w
print(a.__dict__, hasattr(a, 'w'))
a.q = 5
print(sorted(a.__dict__.items()))
b = A()
print(b.__dict__ is b.__dict__)
