# / always produces a float, correctly rounded even for big ints.
print(1 / 2, 4 / 2, -3 / 2, 7 / -7, 0 / 5, type(4 / 2))
print(1 / 3, 2 / 3, 10 / 4, 1e10 / 3, 22 / 7)
print(10 ** 20 / 3, 10 ** 30 / 10 ** 10, (2 ** 64 + 1) / 2, 2 ** 1000 / 2 ** 990)
print(1 / 10 ** 20, -(10 ** 25) / 7, (10 ** 400) / (10 ** 399))
print(123456789123456789 / 1000, 9007199254740993 / 1)
acc = 1.0
for i in range(1, 30):
    acc = acc / i + 1 / (i + 1)
    print(i, acc)
h = 0.0
for n in range(1, 1001):
    h += 1 / n
print(h)
x = 5
x /= 2
print(x)
x = 10 ** 40
x /= 10 ** 20
print(x)
