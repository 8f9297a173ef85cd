# break/continue/return inside except and finally blocks, exceptions in loops.
def scan(values):
    out = []
    for v in values:
        try:
            r = 100 // v
        except ZeroDivisionError:
            out.append("skip-zero")
            continue
        except TypeError:
            out.append("stop-at-type")
            break
        else:
            out.append(r)
        finally:
            out.append("|")
    else:
        out.append("completed")
    return out
print(scan([5, 0, 20, 3]))
print(scan([4, "x", 2]))
def find(d, keys):
    for k in keys:
        try:
            return d[k]
        except KeyError:
            pass
    return None
print(find({"b": 2}, ["a", "b", "c"]), find({}, ["q"]))
def retry_count():
    attempts = 0
    while True:
        attempts += 1
        try:
            if attempts < 4:
                raise ValueError(attempts)
            return attempts
        except ValueError as e:
            print("  retry after", e)
print(retry_count())
def nested_loops():
    found = []
    for i in range(4):
        for j in range(4):
            try:
                if (i * j) % 5 == 3:
                    raise StopIteration
                found.append(i * j)
            except StopIteration:
                break
    return found
print(nested_loops())
count = 0
while count < 10:
    try:
        count += 1
        if count % 3:
            continue
        print("multiple of 3:", count)
    finally:
        if count == 7:
            print("finally at 7")
errors = {}
for s in ["1", "two", "3.0", "", "5"]:
    try:
        int(s)
    except ValueError as e:
        errors[s] = str(e)
print(errors)
