# range objects: repr, len, indexing, slicing, membership, negative steps.
r = range(10)
print(r, range(2, 20, 3), range(5, 0, -1), range(0))
print(len(r), len(range(2, 20, 3)), len(range(5, 0, -1)), len(range(5, 5)), len(range(10, 0)))
print(list(range(2, 20, 3)), list(range(5, 0, -2)), list(range(-3, 3)))
print(r[0], r[-1], r[3], range(2, 20, 3)[2], range(5, 0, -1)[-1])
print(r[2:5], r[::2], r[::-1], list(r[::-3]))
print(5 in r, 10 in r, -1 in r, 8 in range(0, 10, 2), 7 in range(0, 10, 2))
print(list(reversed(range(4))), sum(range(101)), max(range(7)), min(range(3, 9)))
print(range(3) == range(3), range(0) == range(5, 5), range(1, 5) == range(1, 6))
big = range(0, 10 ** 20, 10 ** 18)
print(len(big), big[5], big[-1], 5 * 10 ** 18 in big)
print(r.index(4), range(0, 20, 5).count(10), r.start, r.stop, r.step, range(1, 9, 2).step)
try:
    range(0, 5, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    r[10]
except IndexError as e:
    print("IndexError:", e)
total = 0
for i in range(100, 0, -7):
    total += i
print(total)
print(tuple(range(3)), set(range(3)), [i * 2 for i in range(5)])
