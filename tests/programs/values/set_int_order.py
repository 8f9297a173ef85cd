# Printing and iterating sets of ints must follow CPython's hash table order.
s = {5, 3, 9, 1, 33, 17, 65}
print(s)
print(list(s), sorted(s))
for x in s:
    print(x, end=" ")
print()
s2 = set()
for i in range(0, 200, 7):
    s2.add(i)
    if i % 35 == 0:
        print(s2)
print(s2, len(s2))
neg = {-1, -2, -3, 0, 1, 2, 3, -100, 100}
print(neg)
big = {2 ** 61 - 1, 2 ** 61, 2 ** 64, 2 ** 100, 10 ** 30, -(2 ** 70), 7}
print(big)
collide = {8, 16, 24, 32, 40, 48, 56}
print(collide)
collide.add(64)
collide.add(1)
print(collide)
mixed = set([1000, 1, 2000, 2, 3000, 3])
print(mixed)
for i in range(10):
    mixed.discard(i * 1000)
print(mixed)
mixed.update(range(30, 0, -4))
print(mixed)
r = set(range(50, 0, -3))
print(r)
mult = {i * 1024 for i in range(12)}
print(mult)
sp = {i * i for i in range(-8, 9)}
print(sp)
pops = {31, 62, 93, 124, 5}
out = []
while pops:
    out.append(pops.pop())
print(out)
