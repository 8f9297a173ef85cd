# Chained comparisons evaluate each operand once and short-circuit.
x = 5
print(1 < x < 10, 1 < x > 3, 10 > x >= 5, 1 < x < 3, x == 5 == 5.0, 1 <= 1 < 2 <= 2)
print(0 < 1 < 2 < 3 < 4, 0 < 1 < 2 > 3 < 4, 3 > 2 > 1 > 0 > -1)
calls = []
def val(v):
    calls.append(v)
    return v
print(val(1) < val(2) < val(3), calls)
calls.clear()
print(val(3) < val(2) < val(1), calls)
calls.clear()
print(val(1) < val(5) > val(2) == val(2), calls)
print(1 < 2 == 2 < 3, "a" < "b" < "c", [1] < [2] < [3])
print(1 == 1.0 == True, None is None is not False)
a = [1, 2]
b = a
print(a is b is not None, 2 in a in [a], 3 not in a != [])
vals = [0, 5, 10, 15]
print([v for v in vals if 0 < v <= 10])
print(not 1 < 2 < 3, not (1 > 2) < 3)
