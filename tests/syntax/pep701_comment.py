# PEP 701 comment inside a multi-line f-string expression (Python 3.12): a SyntaxError in 3.11.
x = 5
s = f"""{x  # the value
}"""
print(s)
