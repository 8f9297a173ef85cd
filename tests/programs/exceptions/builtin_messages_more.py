# CPython's messages for common errors raised by builtins and methods.
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
show(lambda: "x" * "y")
show(lambda: [] * 1.5)
show(lambda: 2 ** "x")
show(lambda: -"x")
show(lambda: [1] < (1,))
show(lambda: None > 1)
show(lambda: int([1]))
show(lambda: [].pop())
show(lambda: [1].index(5))
show(lambda: "abc".index("z"))
show(lambda: [3].remove(4))
show(lambda: {1}.remove(2))
show(lambda: {}.popitem())
show(lambda: iter(5))
show(lambda: next([1]))
show(lambda: max([]))
show(lambda: min([]))
show(lambda: chr(-1))
show(lambda: ord("ab"))
show(lambda: divmod(5, 0))
show(lambda: "a" in 5)
show(lambda: sum(["a", "b"]))
show(lambda: tuple(5))
show(lambda: sorted([1, "a"]))
show(lambda: abs("x"))
show(lambda: round("x"))
show(lambda: "%d" % "x")
show(lambda: "%s %s" % ("one",))
show(lambda: "%s" % ("a", "b"))
show(lambda: range(1.5))
show(lambda: Foo(1))
show(lambda: dict([1, 2]))
