# Uncaught AttributeError raised inside a method.
class Inventory:
    def __init__(self):
        self.items = {"apple": 3}
    def count(self, name):
        return self.items[name]
    def report(self):
        for name in ["apple"]:
            print(name, self.count(name))
        return self.summary_total
inv = Inventory()
print("starting")
inv.report()
