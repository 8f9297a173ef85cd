lst = [3, 1, 2]
def k2(x):
    lst.append(x)
    return x
try:
    lst.sort(key=k2)
except ValueError as e:
    print(e)
print(lst)
seen = []
def peek(x):
    seen.append(len(lst))
    return -x
lst.sort(key=peek)
print(lst, seen)
def bad_key(x):
    if x == 2:
        raise KeyError(x)
    return x
data = [5, 4, 3, 2, 1]
try:
    data.sort(key=bad_key)
except KeyError as e:
    print("key failed", e, data)
class Boom:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        if self.v == 7 or o.v == 7:
            raise ValueError("seven")
        return self.v < o.v
    def __repr__(self): return f"B{self.v}"
bs = [Boom(v) for v in [9, 3, 8, 1, 7, 2, 6]]
try:
    bs.sort()
except ValueError as e:
    print(e, bs)
try:
    sorted([1, "a", 2])
except TypeError as e:
    print(e)
