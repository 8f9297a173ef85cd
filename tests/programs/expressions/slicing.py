# Slicing with steps on lists, tuples, strings and ranges, including negative steps.
a = list(range(20))
print(a[2:15:3], a[15:2:-3], a[::-4], a[-3:], a[:-15], a[-5:-1], a[1::7])
print(a[5:5], a[10:5], a[-1:-5:-1], a[100:0:-6], a[-100::9])
s = "abcdefghijklmnopqrstuvwxyz"
print(s[::2], s[1::2], s[::-1][:5], s[-5::-5], s[3:-3:4])
t = tuple(range(10))
print(t[::3], t[8:1:-2], t[:0])
r = range(100)
print(r[::10], r[90:10:-20], list(r[5:50:15]))
def palin(w):
    return w == w[::-1]
print([w for w in ["level", "strata", "noon", "racecar", "ab"] if palin(w)])
rows = [s[i:i + 5] for i in range(0, len(s), 5)]
print(rows)
print([r[::-1] for r in rows])
n = len(a)
for k in range(0, n + 1, 5):
    print(k, a[:k][-2:], a[k:][:2])
