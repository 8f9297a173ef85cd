# What each iterator consumes, and when.
from itertools import *

def gen(tag, n):
    for i in range(n):
        print(' ', tag, i)
        yield i

s = islice(gen('s', 10), 2, 6, 2)
print('islice made')
print(next(s))
print(next(s))
try:
    next(s)
except StopIteration:
    print('stop')
print(list(islice(gen('zero', 5), 0)))
print(list(islice(gen('three', 5), 3)))
it = iter(range(10))
print(list(islice(it, 3)), next(it), list(islice(it, 1, 3)), next(it))
c = chain(gen('c1', 2), gen('c2', 1))
print('chain made')
print(list(c))
cf = chain.from_iterable(gen('outer', 0) for _ in range(2))
print(list(cf))
t = takewhile(lambda x: x < 2, gen('tw', 5))
print(list(t), list(t))
d = dropwhile(lambda x: x < 2, gen('dw', 4))
print(list(d))
z = zip_longest(gen('z1', 2), gen('z2', 3))
print(list(z))
p = pairwise(gen('pw', 3))
print(next(p))
print(list(p))
cy = cycle(gen('cy', 2))
print([next(cy) for _ in range(5)])
acc = accumulate(gen('acc', 3), initial=10)
print(next(acc))
print(list(acc))
cm = compress(gen('data', 5), [1, 0, 1])
print(list(cm))
sm = starmap(lambda a, b: a * b, zip(gen('sm', 3), count(5)))
print(list(sm))
ff = filterfalse(lambda x: x == 1, gen('ff', 3))
print(list(ff))
pm = permutations(gen('perm', 3), 2)
print('permutations made')
print(next(pm))
pr = product(gen('p1', 2), gen('p2', 2))
print('product made')
print(list(pr))
def boom():
    yield 1
    raise KeyError('boom')
sl = islice(boom(), 5)
print(next(sl))
try:
    next(sl)
except KeyError as e:
    print('KeyError', e)
print(list(sl))
