# Decorators: plain, stacked, with arguments, preserving call results, on methods.
def shout(fn):
    def wrapper(*args, **kwargs):
        return str(fn(*args, **kwargs)).upper() + "!"
    return wrapper
@shout
def greet(name):
    return "hello " + name
print(greet("world"))
call_log = []
def logged(fn):
    def wrapper(*args):
        call_log.append((fn.__name__, args))
        return fn(*args)
    return wrapper
@logged
@shout
def whisper(s):
    return s.lower()
print(whisper("QUIET"), call_log)
def repeat(times):
    def deco(fn):
        def wrapper(*args):
            return [fn(*args) for _ in range(times)]
        return wrapper
    return deco
@repeat(3)
def ping(x):
    return "ping %d" % x
print(ping(7))
def register(registry, key):
    def deco(fn):
        registry[key] = fn
        return fn
    return deco
handlers = {}
@register(handlers, "add")
def do_add(a, b):
    return a + b
@register(handlers, "mul")
def do_mul(a, b):
    return a * b
print(sorted(handlers), handlers["add"](2, 3), handlers["mul"](2, 3), do_add(1, 1))
def count_calls(fn):
    def wrapper(*args, **kwargs):
        wrapper.calls += 1
        return fn(*args, **kwargs)
    wrapper.calls = 0
    return wrapper
@count_calls
def work(n):
    return n * 2
for i in range(5):
    work(i)
print(work.calls)
def trace_method(fn):
    def wrapper(self, *args):
        result = fn(self, *args)
        print("  %s%r -> %r" % (fn.__name__, args, result))
        return result
    return wrapper
class Calc:
    def __init__(self, base):
        self.base = base
    @trace_method
    def add(self, x):
        return self.base + x
c = Calc(10)
c.add(5)
c.add(-3)
def bounded(lo, hi):
    def deco(fn):
        def wrapper(x):
            return max(lo, min(hi, fn(x)))
        return wrapper
    return deco
@bounded(0, 100)
def scale(x):
    return x * 10
print([scale(v) for v in [-5, 3, 7, 50]])
