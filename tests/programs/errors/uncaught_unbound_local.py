# UnboundLocalError, uncaught.
total = 0
def add(v):
    total += v
    return total
print("adding")
add(5)
