# A chain of generators processing a stream of generated records.
def records(n):
    seed = 12345
    for i in range(n):
        seed = (seed * 1103515245 + 12345) % 2 ** 31
        yield {"id": i, "value": seed % 1000, "group": seed % 7}
def only_groups(recs, groups):
    for r in recs:
        if r["group"] in groups:
            yield r
def scale(recs, factor):
    for r in recs:
        yield dict(r, value=r["value"] * factor)
def batched(items, size):
    batch = []
    for it in items:
        batch.append(it)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
pipeline = batched(scale(only_groups(records(200), {1, 3, 5}), 3), 8)
for i, b in enumerate(pipeline):
    print(i, len(b), [r["id"] for r in b], sum(r["value"] for r in b))
def moving_avg(values, k):
    window = []
    for v in values:
        window.append(v)
        if len(window) > k:
            window.pop(0)
        yield round(sum(window) / len(window), 3)
vals = [r["value"] for r in records(30)]
print(vals)
print(list(moving_avg(vals, 4)))
def dedupe(items):
    seen = set()
    for x in items:
        if x not in seen:
            seen.add(x)
            yield x
print(list(dedupe(v % 50 for v in vals)))
