# Module with mutable module-level state shared by all importers.
count = 0
history = []
def bump(tag):
    global count
    count += 1
    history.append(tag)
    return count
