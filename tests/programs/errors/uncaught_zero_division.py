# ZeroDivisionError at module level after some output.
rates = [4, 2, 1, 0]
for r in rates:
    print(120 // r)
