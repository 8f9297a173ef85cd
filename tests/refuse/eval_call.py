# eval is never supported.
a = 20
b = 22
total = eval("a + b")
print(total)
