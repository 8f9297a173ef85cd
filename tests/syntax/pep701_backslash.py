# PEP 701 backslash inside an f-string expression (Python 3.12): a SyntaxError in 3.11.
words = ["x", "y"]
ok = "fine"
print(f"{'\n'.join(words)}")
