# The file system beyond the script and its imports is never available.
lines = []
f = open("data.txt")
print(f.read())
