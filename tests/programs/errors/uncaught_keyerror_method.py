# Uncaught KeyError from a dict lookup inside a method.
class Registry:
    def __init__(self):
        self.entries = {}
    def register(self, key, value):
        self.entries[key] = value
        print("registered", key)
    def lookup(self, key):
        return self.entries[key]
r = Registry()
r.register("alpha", 1)
r.register("beta", 2)
print(r.lookup("alpha"))
print(r.lookup("gamma"))
