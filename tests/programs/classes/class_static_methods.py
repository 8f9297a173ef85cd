# classmethod and staticmethod: alternative constructors, calls via class and instance.
class Date:
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
    @classmethod
    def from_string(cls, s):
        y, m, d = s.split("-")
        return cls(int(y), int(m), int(d))
    @staticmethod
    def is_leap(y):
        return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    def __repr__(self):
        return "%s(%04d-%02d-%02d)" % (type(self).__name__, self.y, self.m, self.d)
class EuroDate(Date):
    pass
d = Date.from_string("2024-02-29")
e = EuroDate.from_string("1999-12-31")
print(d, e, type(e).__name__)
print(Date.is_leap(2000), Date.is_leap(1900), d.is_leap(2024), e.is_leap(2023))
print([y for y in range(1890, 1920) if Date.is_leap(y)])
class Registry:
    items = []
    @classmethod
    def add(cls, x):
        cls.items.append(x)
        return len(cls.items)
    @classmethod
    def count(cls):
        return len(cls.items)
print(Registry.add("a"), Registry.add("b"), Registry().add("c"), Registry.count())
class Sub(Registry):
    items = []
print(Sub.add("x"), Sub.count(), Registry.count())
class MathUtil:
    @staticmethod
    def clamp(v, lo, hi):
        return max(lo, min(hi, v))
    @staticmethod
    def mean(*vals):
        return sum(vals) / len(vals)
print(MathUtil.clamp(15, 0, 10), MathUtil().clamp(-5, 0, 10), MathUtil.mean(1, 2, 3, 4))
class Temperature:
    def __init__(self, celsius):
        self.celsius = celsius
    @classmethod
    def from_fahrenheit(cls, f):
        return cls((f - 32) * 5 / 9)
    def fahrenheit(self):
        return self.celsius * 9 / 5 + 32
t = Temperature.from_fahrenheit(212)
print(t.celsius, t.fahrenheit(), Temperature(37).fahrenheit())
