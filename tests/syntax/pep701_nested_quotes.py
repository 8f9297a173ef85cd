# PEP 701 f-string reusing the same quotes inside (Python 3.12): a SyntaxError in 3.11.
names = ["a", "b"]
print(f"{", ".join(names)}")
