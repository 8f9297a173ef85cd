from collections import OrderedDict

od = OrderedDict()
print(od, repr(od))
od["b"] = 2
od["a"] = 1
od["c"] = 3
print(od, list(od), list(od.items()), list(od.values()))
od.move_to_end("b")
print(od)
od.move_to_end("c", last=False)
print(od)
od.move_to_end("c", False)
od.move_to_end("b", True)
print(od)
od["d"] = 4
od["a"] = 10
print(od, list(reversed(od)))
print(od.popitem(), od)
print(od.popitem(last=False), od)
print(od.popitem(False), od)
od.update([("x", 1), ("y", 2)], z=3)
print(od)
od.update({"w": 0})
print(od, len(od), "x" in od, od.get("x"))
print(od.pop("x"), od.pop("nope", None), od.setdefault("n", 5), od)
del od["y"]
print(od)
a = OrderedDict([("a", 1), ("b", 2)])
b = OrderedDict([("b", 2), ("a", 1)])
print(a == b, a != b, a == dict(b), dict(b) == a, a == {"a": 1, "b": 2}, a == a.copy(), a != a.copy())
print(OrderedDict(a=1, b=2), OrderedDict({"q": 1, "p": 2}), OrderedDict(a))
print(OrderedDict.fromkeys("abc"), OrderedDict.fromkeys([3, 1, 2], 0))
print(a | {"c": 3}, {"c": 3} | a, type({"c": 3} | a).__name__)
a |= [("z", 26)]
print(a)
a |= {"a": 100}
print(a)
c = a.copy()
c.move_to_end("a")
print(a, c, a == c)
for bad in [lambda: OrderedDict(1, 2), lambda: OrderedDict([1]), lambda: OrderedDict([(1, 2, 3)]), lambda: OrderedDict([[1]]), lambda: OrderedDict(5), lambda: OrderedDict().popitem(), lambda: OrderedDict().move_to_end("x"), lambda: OrderedDict(a=1) | [(1, 2)], lambda: OrderedDict(a=1) < OrderedDict(), lambda: OrderedDict().move_to_end(), lambda: OrderedDict(a=1).popitem(False, 3), lambda: OrderedDict(a=1).move_to_end("a", key="a"), lambda: OrderedDict(a=1).update(1, 2), lambda: OrderedDict.fromkeys()]:
    try:
        print(bad())
    except (TypeError, KeyError, ValueError) as ex:
        print(type(ex).__name__, ex)
class Sub(OrderedDict):
    pass
s = Sub(x=1, y=2)
s.move_to_end("x")
print(s, s.copy(), type(s.copy()).__name__, Sub(), Sub.fromkeys("ab", 1), type(Sub.fromkeys("a")).__name__)
r = OrderedDict()
r["self"] = r
print(r)
nums = OrderedDict((i, i * i) for i in range(10))
for i in range(0, 10, 3):
    nums.move_to_end(i, last=False)
print(nums, list(nums.keys()))
for i in range(10):
    nums.move_to_end(i)
print(nums)
print(isinstance(od, dict), type(od), OrderedDict)
# LRU
cache = OrderedDict()
for k in [1, 2, 3, 1, 4, 2, 5, 1, 6]:
    if k in cache:
        cache.move_to_end(k)
    else:
        cache[k] = str(k)
        if len(cache) > 3:
            print("evict", cache.popitem(last=False))
print(cache)
big = OrderedDict((str(i), i) for i in range(100))
for i in range(0, 100, 7):
    big.move_to_end(str(i), last=i % 2 == 0)
print(list(big)[:20], sum(big.values()), len(big))
