# PEP 695 generic class (Python 3.12): a SyntaxError in 3.11.
class Box[T]:
    def __init__(self, item):
        self.item = item
print(Box(1).item)
