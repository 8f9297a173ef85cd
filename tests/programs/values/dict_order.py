# Dicts keep insertion order; updating keeps position; deletion/reinsert moves to end.
d = {}
for k in ["pear", "apple", "fig", "kiwi", "banana"]:
    d[k] = len(k)
print(d)
d["apple"] = 100
print(d)
del d["pear"]
d["pear"] = 0
print(d)
print(list(d), list(d.keys()), list(d.values()), list(d.items()))
n = {5: "a", 3: "b", 9: "c", 1: "d", -4: "e", 2 ** 70: "big", 0.5: "half"}
print(n)
for k in n:
    print(k, n[k])
n.pop(3)
n[3] = "again"
print(n)
sq = {i: i * i for i in range(10, 0, -1)}
print(sq)
m = dict(zip("abc", [1, 2, 3]))
print(m, dict([(1, 2), (3, 4)]), dict(x=1, y=2))
m.update({"d": 4, "a": 0})
m.update(e=5)
print(m)
print(m.setdefault("a", 99), m.setdefault("z", 26), m)
print(m.popitem(), m)
print(m.get("q"), m.get("q", "default"), "a" in m, "q" not in m)
c = m.copy()
c["new"] = 1
print(len(m), len(c))
print({1: 1} == {1: 1.0}, {1: 2, 3: 4} == {3: 4, 1: 2})
print({(1, 2): [1], None: 0, True: "t"})
e = {}
print(e, len(e), bool(e))
big = {}
for i in range(100):
    big[(i * 37) % 101] = i
print(list(big)[:20], sum(big.values()))
for i in range(0, 100, 3):
    del big[(i * 37) % 101]
print(list(big.items())[:10], len(big))
