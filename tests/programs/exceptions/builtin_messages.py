# CPython's messages for common errors raised by the VM itself.
def show(fn):
    try:
        fn()
        print("no error")
    except Exception as e:
        print(type(e).__name__ + ":", e)
class Foo:
    def __init__(self):
        self.a = 1
    def method(self, x):
        return x
int_value = 5
str_value = "abc"
one_float = 1.0
key_str = "x"
show(lambda: [1, 2, 3][3])
show(lambda: [1, 2, 3][-4])
show(lambda: (1, 2)[5])
show(lambda: "abc"[10])
show(lambda: {"a": 1}["b"])
show(lambda: {1: 1}[2])
show(lambda: {(1, 2): 0}[(3, 4)])
show(lambda: 1 / 0)
show(lambda: 1 // 0)
show(lambda: 1 % 0)
show(lambda: 1.0 / 0)
show(lambda: 1.5 // 0.0)
show(lambda: 1.5 % 0.0)
show(lambda: Foo().b)
show(lambda: Foo().method(1, 2))
show(lambda: Foo.nope)
show(lambda: (5).real_part)
show(lambda: "s".nope)
show(lambda: [].nope)
show(lambda: None.x)
show(lambda: undefined_variable_qq)
show(lambda: 1 + "a")
show(lambda: "a" + 1)
show(lambda: [1] + (1,))
show(lambda: 1 - "x")
show(lambda: 1 < "x")
show(lambda: len(3))
show(lambda: int_value())
show(lambda: str_value())
show(lambda: [1, 2][one_float])
show(lambda: "abc"[key_str])
show(lambda: {}[[1]])
show(lambda: {[1]: 2})
show(lambda: {[1]})
show(lambda: hash([]))
show(lambda: int("4.5"))
show(lambda: float("abc"))
