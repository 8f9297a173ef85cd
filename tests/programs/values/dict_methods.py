# Dict views, iteration while building new dicts, nested dicts, KeyError, clear.
inventory = {"apples": 3, "pears": 0, "plums": 12}
for name, qty in inventory.items():
    print(name, qty)
print(sorted(inventory), sorted(inventory.values()))
keys = inventory.keys()
inventory["cherries"] = 7
print(len(keys), list(keys))
print("plums" in keys, 12 in inventory.values())
filtered = {k: v for k, v in inventory.items() if v}
print(filtered)
inv2 = {v: k for k, v in inventory.items()}
print(inv2)
tree = {"a": {"b": {"c": 1}}, "x": [1, 2, {"y": 3}]}
print(tree, tree["a"]["b"]["c"], tree["x"][2]["y"])
tree["a"]["b"]["d"] = 2
print(tree)
try:
    print(inventory["bananas"])
except KeyError as e:
    print("missing", e, repr(e), e.args)
print(inventory.pop("pears"), inventory.pop("nothing", "none"))
try:
    inventory.pop("nothing")
except KeyError as e:
    print("KeyError", e)
groups = {}
for n in range(20):
    groups.setdefault(n % 3, []).append(n)
print(groups)
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, max(counts, key=counts.get))
print(dict.fromkeys([3, 1, 2], 0), dict.fromkeys("ab"))
d = {1: "a"}
d.clear()
print(d)
merged = dict(inventory)
merged.update([("z", 1), ("apples", 4)])
print(merged)
print(list(reversed(list(merged))))
print({k: v for k, v in sorted(merged.items(), key=lambda kv: kv[1])})
