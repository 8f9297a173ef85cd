# The infinite and terminating iterators of itertools.
import itertools as it
from itertools import *

print(list(islice(count(), 5)), list(islice(count(10, 3), 4)), list(islice(count(0.5, 0.25), 4)))
print(list(islice(count(2**62, 2**61), 3)), list(islice(count(1.0), 3)), list(islice(count(step=-1), 3)))
print(list(islice(count(0, 0.1), 12)))
print(list(islice('ABCDEFG', 2)), list(islice('ABCDEFG', 2, 4)), list(islice('ABCDEFG', 2, None)))
print(list(islice('ABCDEFG', 0, None, 2)), list(islice(range(10), 1, 8, 3)), list(islice(range(10), None)), list(islice(range(10), None, None, None)))
print(list(islice(cycle('AB'), 7)), list(cycle([])), list(repeat(7, 3)), list(repeat('x', -1)), list(islice(repeat(None), 2)), list(repeat(1, times=2)))
print(list(chain('ab', [1, 2], (), range(2))), list(chain.from_iterable(['ab', 'cd'])), list(chain()), list(chain.from_iterable([])))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3], initial=100)), list(accumulate([3, 1, 4, 1, 5], max)))
print(list(accumulate([], initial=5)), list(accumulate([1, 2, 3], func=lambda a, b: a * b)), list(accumulate(['a', 'b', 'c'])), list(accumulate([])))
print(list(zip_longest('ABCD', 'xy', fillvalue='-')), list(zip_longest()), list(zip_longest([1], [2, 3], [])))
print(list(starmap(pow, [(2, 5), (3, 2)])), list(starmap(max, [[1, 5], [7, 2]])), list(starmap(lambda: 1, [(), ()])))
print(list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, '', 'a', [], [0]])))
print(list(compress('ABCDEF', [1, 0, 1, 0, 1, 1])), list(compress('ABC', [1, 1, 1, 1, 1])), list(compress(range(10), cycle([0, 1]))))
print(list(pairwise('ABCDE')), list(pairwise('A')), list(pairwise([])))
print(dict(zip(count(1), 'abc')), sum(islice(count(1, 2), 100)))
for i, (a, b) in enumerate(zip(count(), repeat('z', 3))):
    print(i, a, b)
total = 0
for x in count(1):
    if x > 1000:
        break
    total += x
print(total)
names = [type(o).__name__ for o in [count(), islice('a', 1), cycle('a'), repeat(1), chain(), accumulate([]),
         zip_longest(), starmap(pow, []), takewhile(bool, []), dropwhile(bool, []), filterfalse(bool, []),
         compress('', ''), pairwise('')]]
print(names)
o = count()
print(iter(o) is o, isinstance(o, it.count), next(o), o.__next__(), next(o))
print(next(count(5)), it.count(3).__next__(), next(repeat('r')))
