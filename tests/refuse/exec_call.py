# exec is never supported.
x = 1
exec("x = 2")
print(x)
