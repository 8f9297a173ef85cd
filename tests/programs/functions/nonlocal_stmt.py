# nonlocal: rebinding enclosing variables at several levels.
def bank(balance):
    history = []
    def deposit(x):
        nonlocal balance
        balance += x
        history.append(("dep", x))
        return balance
    def withdraw(x):
        nonlocal balance
        if x > balance:
            history.append(("refused", x))
            return balance
        balance -= x
        history.append(("wd", x))
        return balance
    def report():
        return balance, history
    return deposit, withdraw, report
dep, wd, rep = bank(100)
print(dep(50), wd(30), wd(500), dep(5))
print(rep())
def outer():
    x = 1
    def middle():
        def inner():
            nonlocal x
            x *= 10
        inner()
        inner()
        return x
    return middle(), x
print(outer())
def fib_gen_state():
    a, b = 0, 1
    def step():
        nonlocal a, b
        a, b = b, a + b
        return a
    return step
step = fib_gen_state()
print([step() for _ in range(15)])
def counter_pair():
    n = 0
    def up():
        nonlocal n
        n += 1
        return n
    def down():
        nonlocal n
        n -= 1
        return n
    return up, down
up, down = counter_pair()
print(up(), up(), up(), down(), up())
