# groupby (groups share the underlying iterator) and tee.
from itertools import groupby, tee, islice, count

for k, g in groupby('AAAABBBCCDAABBB'):
    print(k, list(g))
print([k for k, g in groupby('AAAABBBCCD')], [list(g) for k, g in groupby('AAAABBBCCD')])
for k, g in groupby(sorted(['apple', 'avocado', 'banana', 'blueberry', 'cherry']), key=lambda s: s[0]):
    print(k, list(g))
for k, g in groupby([1, 2, 3, 4, 5, 6, 7], key=lambda x: x // 3):
    print(k, list(g))
g = groupby([1, 1, 2, 2, 3])
k1, g1 = next(g)
k2, g2 = next(g)
print(k1, list(g1), k2, list(g2), type(g).__name__, type(g1).__name__)
g = groupby('aabbbc')
k1, g1 = next(g)
print(k1, next(g1))
k2, g2 = next(g)
print(k2, list(g1), list(g2))
print(list(groupby([])), [(k, len(list(v))) for k, v in groupby('mississippi')])
print([(k, list(v)) for k, v in groupby([1.0, 1, True, 2, 2.0])])

def noisy(items):
    for x in items:
        print('  produce', x)
        yield x

gb = groupby(noisy('aab'))
print('made')
k, grp = next(gb)
print('key', k)
print('first', next(grp))
print('rest', list(grp))
print(next(gb)[0])
print(list(gb))

a, b = tee([1, 2, 3, 4])
print(next(a), next(a), list(b), list(a), type(a).__name__)
print(tee('ab', 0), len(tee('ab', 3)))
x, y, z = tee(noisy('pq'), 3)
print(next(x), next(y), next(x), list(z), list(y))
c1, c2 = tee(count())
print(list(islice(c1, 3)), list(islice(c2, 5)), next(c1))
d1, d2 = tee(iter([10, 20, 30]))
d3, = tee(d1, 1)
print(next(d1), next(d3), list(d2))
try:
    tee([], -1)
except ValueError as e:
    print('ValueError', e)
