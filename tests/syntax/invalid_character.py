# An invalid character in an expression.
a = 1
b = a $ 2
