# for over sequences, break/continue/else, nested loops, mutation of the loop variable.
for i in range(5):
    if i == 1:
        continue
    print(i)
else:
    print("for-else after full loop")
for i in range(5):
    if i == 3:
        print("breaking at", i)
        break
else:
    print("never printed")
for i in []:
    print("never")
else:
    print("empty loop else")
print("i after loop:", i)
primes = []
for n in range(2, 60):
    for p in primes:
        if p * p > n:
            primes.append(n)
            break
        if n % p == 0:
            break
    else:
        primes.append(n)
print(primes)
for ch in "abc":
    for num in (1, 2):
        if num == 2 and ch == "b":
            continue
        print(ch + str(num), end=" ")
print()
for x in range(3):
    x = x * 100
    print(x)
items = [1, 2, 3]
for it in items:
    if it == 2:
        items.append(4)
    print("item", it)
found = None
for row in [[1, 2], [3, 4], [5, 6]]:
    for v in row:
        if v * v > 10:
            found = v
            break
    if found is not None:
        break
print("found", found)
for k in {"b": 1, "a": 2}:
    print(k)
for t in (1, "two", 3.0, None):
    print(repr(t))
