# zip over 1..6 sources that allocate and run Python code between items
# (generators building fresh lists and strings): each tuple must keep the
# items already taken alive while the next source runs (also run under
# --gc-stress), and a short source stops every zip at once.
def gen(tag, n):
    for i in range(n):
        yield [tag, str(i) * 3, {i: tag}]


def summary(rows):
    return [(len(r), [x[0] + x[1] for x in r]) for r in rows[:3]] + [len(rows)]


for width in range(1, 7):
    sources = [gen(chr(97 + k), 40 + k) for k in range(width)]
    rows = list(zip(*sources))
    print(width, summary(rows))
    leftovers = [next(s, None) for s in sources]
    print([l if l is None else l[1] for l in leftovers])

short = zip(gen("x", 3), gen("y", 10), [1, 2, 3, 4])
print(list(short), list(short))
pairs = zip(range(5), (c * 2 for c in "abcde"))
print(dict(pairs))
