# Augmented assignment on names, subscripts, attributes; list += mutates in place.
x = 10
x += 5
x -= 3
x *= 4
x //= 5
x %= 7
x **= 3
print(x)
x <<= 4
x >>= 2
x |= 0xF0
x &= 0xAB
x ^= 0x0F
print(x)
f = 1.5
f *= 2
f /= 4
f -= 1
print(f)
s = "ab"
s += "cd"
s *= 2
print(s)
lst = [1]
alias = lst
lst += [2, 3]
lst *= 2
print(lst, alias, lst is alias)
t = (1,)
t2 = t
t += (2,)
print(t, t2, t is t2)
d = {"n": 0}
for i in range(5):
    d["n"] += i
print(d)
m = [[0, 0], [0, 0]]
m[1][0] += 5
m[0][1] -= 2
print(m)
class Box:
    pass
b = Box()
b.v = 1
for i in range(4):
    b.v *= 3
print(b.v)
counter = [0]
def bump():
    counter[0] += 1
    return 0
arr = [10, 20]
arr[bump()] += 1
print(arr, counter)
big = 2 ** 62
big += big
print(big)
big -= 2 ** 63
print(big)
st = {1, 2}
st |= {3}
st -= {1}
print(st)
