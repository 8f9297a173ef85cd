# ValueError from int() of a bad literal, uncaught, after partial output.
for s in ["10", "20", "3x"]:
    print(int(s) * 2)
