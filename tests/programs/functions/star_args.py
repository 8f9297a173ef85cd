# *args collects extra positionals; **kwargs collects extra keywords.
def total(*args):
    print(type(args).__name__, args)
    return sum(args)
print(total(), total(1), total(1, 2, 3))
def head_tail(first, *rest):
    return first, rest
print(head_tail(1), head_tail(1, 2, 3))
def options(**kwargs):
    return kwargs
print(options(), options(a=1), options(z=26, a=1, m=13))
def everything(a, b=2, *args, c, d=4, **kwargs):
    return "a=%r b=%r args=%r c=%r d=%r kwargs=%r" % (a, b, args, c, d, kwargs)
print(everything(1, c=3))
print(everything(1, 5, 6, 7, c=3, e=5, f=6))
print(everything(a=0, c=0, d=0, x=9))
def fmt(template, *values, sep=", "):
    return template + ": " + sep.join(str(v) for v in values)
print(fmt("nums", 1, 2, 3), fmt("letters", "a", "b", sep="|"))
def count_kwargs(**kw):
    n = 0
    for k, v in kw.items():
        print(" ", k, "=", v)
        n += 1
    return n
print(count_kwargs(alpha=1, beta=[2], gamma={"g": 3}))
