# if/elif/else chains, truthiness of various values, nested conditions.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n % 2 == 0:
        if n > 100:
            return "big even"
        return "even"
    else:
        return "odd"
for n in [-5, 0, 4, 7, 200, 201]:
    print(n, classify(n))
for v in [0, 1, "", "a", [], [0], {}, None, 0.0, (), (0,), set(), range(0), range(1)]:
    if v:
        print(repr(v), "truthy")
    else:
        print(repr(v), "falsy")
x = 15
if x > 10 and x < 20:
    print("teen")
if not x == 3:
    print("not three")
if x:
    pass
else:
    print("never")
def fizz(n):
    if n % 15 == 0:
        return "FizzBuzz"
    elif n % 3 == 0:
        return "Fizz"
    elif n % 5 == 0:
        return "Buzz"
    return str(n)
print(" ".join(fizz(i) for i in range(1, 31)))
grade = 83
if grade >= 90: print("A")
elif grade >= 80: print("B")
else: print("C")
