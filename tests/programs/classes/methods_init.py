# Classes with __init__, instance attributes, methods calling methods, bound methods.
class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.log = []
    def deposit(self, amount):
        self.balance += amount
        self.log.append(("deposit", amount))
        return self
    def withdraw(self, amount):
        if amount > self.balance:
            self.log.append(("refused", amount))
            return False
        self.balance -= amount
        self.log.append(("withdraw", amount))
        return True
    def transfer(self, other, amount):
        if self.withdraw(amount):
            other.deposit(amount)
            return True
        return False
    def summary(self):
        return "%s: %d (%d ops)" % (self.owner, self.balance, len(self.log))
a = Account("ann", 100)
b = Account("bob")
a.deposit(50).deposit(25)
print(a.transfer(b, 120), a.transfer(b, 100))
print(a.summary(), b.summary())
print(a.log)
print(b.log)
m = a.deposit
m(1)
m(2)
print(a.balance)
f = Account.summary
print(f(b))
a.nickname = "annie"
print(a.nickname, hasattr(b, "nickname"))
print(type(a).__name__, type(a) is Account, a.__class__ is Account, a.__class__.__name__)
accounts = [Account("u%d" % i, i * 10) for i in range(5)]
for acc in accounts:
    acc.deposit(acc.balance)
print([acc.balance for acc in accounts])
print(sorted(accounts, key=lambda x: -x.balance)[0].owner)
