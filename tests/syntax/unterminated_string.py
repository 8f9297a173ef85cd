# Unterminated string literal.
a = "fine"
b = "not closed
c = 3
