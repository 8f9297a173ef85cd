# Two starred targets in one assignment.
values = [1, 2, 3]
*a, *b = values
