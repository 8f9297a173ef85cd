# json: a stdlib module outside the subset.
data = {"a": 1}
from json import dumps
print(dumps(data))
