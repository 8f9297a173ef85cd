# permutations, combinations, combinations_with_replacement, product.
from itertools import permutations, combinations, combinations_with_replacement, product

print(list(permutations('ABC')))
print(list(permutations(range(4), 2)))
print(list(permutations([], 0)), list(permutations('AB', 3)), list(permutations('ABC', 0)), list(permutations([])))
print(list(permutations('AB', r=None)), len(list(permutations(range(6)))), len(list(permutations(range(7), 3))))
print(list(combinations('ABCD', 2)))
print(list(combinations(range(5), 3)))
print(list(combinations('AB', 3)), list(combinations([], 0)), list(combinations('ABC', 0)), list(combinations('ABC', r=3)))
print(list(combinations_with_replacement('ABC', 2)))
print(list(combinations_with_replacement([], 2)), list(combinations_with_replacement([], 0)), list(combinations_with_replacement('A', 3)))
print(len(list(combinations(range(12), 5))), len(list(combinations_with_replacement(range(6), 4))))
print(list(product('AB', 'xy')))
print(list(product(range(2), repeat=3)))
print(list(product()), list(product('ab', [])), list(product('ab', repeat=0)), list(product([1, 2], 'c', repeat=2)))
print(sum(1 for _ in product(range(10), repeat=4)))
# pools are copied eagerly: later changes to the source do not show
src = [1, 2, 3]
p = permutations(src, 2)
src.append(4)
print(list(p))
g = (x for x in 'xyz')
pr = product(g, [0])
print(list(g), list(pr))
# the same result object is never reused visibly
res = list(combinations(range(4), 2))
print(res, res[0] is not res[1])
# n-queens with permutations
def queens(n):
    count = 0
    for cols in permutations(range(n)):
        if n == len(set(cols[i] + i for i in range(n))) == len(set(cols[i] - i for i in range(n))):
            count += 1
    return count
print([queens(n) for n in range(1, 8)])
print(max(combinations([5, 3, 9, 1], 3), key=sum))
for bad in [lambda: permutations([], -1), lambda: combinations('abc'), lambda: combinations('abc', -2),
            lambda: product([1], repeat=-1), lambda: permutations(5), lambda: product([1], 2),
            lambda: combinations_with_replacement('ab', 'c')]:
    try:
        bad()
        print('no error')
    except Exception as e:
        print(type(e).__name__, e)
