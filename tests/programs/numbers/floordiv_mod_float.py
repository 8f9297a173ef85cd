# Float // and %, including mixed int/float and negative zero results.
vals = [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2.0), (1, 0.3), (-1, 0.3), (0.1, 0.01), (5.0, 0.5), (-0.0, 3), (3, -1e-300)]
for a, b in vals:
    print(a, b, a // b, a % b, divmod(a, b))
print(7 // 2.0, -7 // 2.0, 7 % 2.5, -7 % 2.5, 7.0 % -2.5)
print(1e300 // 1e-10, 1e20 % 3, (-1e20) % 3)
print(-1 % 1e100, 1 % -1e100, 0.0 % 5, -0.0 % 5, 0.0 % -5)
print(2 ** 0.5 // 0.1, 100.0 // 3, 100 % 3.0)
t = 0.0
for i in range(-6, 7):
    t += (i * 0.7) % 1.3
    print(i, (i * 0.7) // 1.3, (i * 0.7) % 1.3)
print(t)
