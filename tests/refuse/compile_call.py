# compile is never supported.
code = compile("print(1)", "<string>", "exec")
print(code)
