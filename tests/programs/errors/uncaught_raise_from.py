# Uncaught exception raised "from" another: the chained traceback ends with the new one.
class StorageError(Exception):
    pass
def read(key):
    store = {"a": 1}
    try:
        return store[key]
    except KeyError as e:
        raise StorageError("no such key: " + key) from e
print(read("a"))
print(read("zz"))
