counter = 0
def bump():
    global counter
    counter += 1
    return counter
bump(); bump()
print(counter)
class K:
    items = [1, 2, 3]
    doubled = [i * 2 for i in items]
    total = 0
    for i in items:
        total += i
    del i
    def m(self, *, key=None, **extra):
        return key, extra
print(K.doubled, K.total, K().m(key=5, other=6))
def w(n):
    i = 0
    while i < n:
        i += 1
        if i == 10:
            break
    else:
        print("while else", i)
    return i
print(w(3), w(20))
def gen_finally():
    try:
        for i in range(3):
            try:
                yield i
            except ValueError:
                print("never")
            finally:
                print("gen inner finally", i)
    finally:
        print("gen outer finally")
print(list(gen_finally()))
def kw(a, /, b, *, c=3):
    return a, b, c
print(kw(1, 2), kw(1, b=5), kw(1, 2, c=9))
def unpack_err():
    try:
        a, b = [1, 2, 3]
    except ValueError:
        print("too many")
    try:
        a, *b, c = [1]
    except ValueError:
        print("not enough")
unpack_err()
def defaults(x, acc=[]):
    acc.append(x)
    return acc
defaults(1)
print(defaults(2))
def early(xs):
    for x in xs:
        if x > 1:
            return x
    return None
print(early([0, 1, 2, 3]), early([]))
r = []
for i in range(3):
    for j in range(3):
        if j == 2:
            break
        if i == 1:
            continue
        r.append((i, j))
print(r)
def chain(a, b, c):
    return a < b <= c != a
print(chain(1, 2, 2), chain(2, 1, 3), chain(1, 1, 1))
x = 5
def reads_global():
    return x + 1
print(reads_global())
def lam_default():
    fs = []
    for i in range(3):
        fs.append(lambda i=i: i * 10)
    return [f() for f in fs]
print(lam_default())
print([(a, b) for a in range(3) if a for b in range(a)])
