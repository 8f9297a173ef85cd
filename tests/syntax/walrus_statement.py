# An unparenthesised assignment expression as a statement.
y = 2
x := 5
