# PEP 695 type alias statement (Python 3.12): a SyntaxError in 3.11.
Pair = tuple
type Point = tuple[int, int]
print(Point)
