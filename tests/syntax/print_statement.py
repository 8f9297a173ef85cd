# Python 2 print statement.
x = "hello"
print x
