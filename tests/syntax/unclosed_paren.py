# Ordinary syntax error: an opening parenthesis never closed.
a = 1
total = (a + 2
print(total)
b = 2
