# __iter__ / __next__: iterator classes, iterables returning fresh iterators.
class Span:
    def __init__(self, lo, hi, step=1):
        self.lo, self.hi, self.step = lo, hi, step
    def __iter__(self):
        return SpanIter(self)
class SpanIter:
    def __init__(self, span):
        self.cur = span.lo
        self.span = span
    def __iter__(self):
        return self
    def __next__(self):
        if self.cur >= self.span.hi:
            raise StopIteration
        v = self.cur
        self.cur += self.span.step
        return v
sp = Span(0, 20, 3)
print(list(sp), list(sp), sum(sp), [x * 2 for x in sp])
it = iter(sp)
print(next(it), next(it), list(it))
print(sorted(Span(0, 10, 4), reverse=True), max(Span(5, 9)), 9 in Span(0, 10, 3))
class Fib:
    def __init__(self, limit):
        self.limit = limit
        self.a, self.b = 0, 1
    def __iter__(self):
        return self
    def __next__(self):
        if self.a > self.limit:
            raise StopIteration
        v = self.a
        self.a, self.b = self.b, self.a + self.b
        return v
f = Fib(100)
print(list(f), list(f))
print(list(zip(Fib(10), Span(100, 200, 10))))
print(dict(enumerate(Fib(20))))
class Words:
    def __init__(self, text):
        self.text = text
    def __iter__(self):
        return iter(self.text.split())
w = Words("the quick brown fox")
print(list(w), len(list(w)), "fox" in w)
a, b, *c = Span(1, 6)
print(a, b, c)
