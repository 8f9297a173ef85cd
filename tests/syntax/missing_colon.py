# Ordinary syntax error: missing colon.
x = 3
print(x)
if x > 1
    print("big")
