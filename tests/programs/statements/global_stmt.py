# global declarations: reading, rebinding, creating module globals from functions.
counter = 0
def incr():
    global counter
    counter += 1
    return counter
for _ in range(5):
    incr()
print(counter)
def make_global():
    global created
    created = "made in function"
make_global()
print(created)
total = 100
def shadow():
    total = 5
    return total
print(shadow(), total)
def read_only():
    return total * 2
print(read_only())
config = {"debug": False}
def toggle():
    config["debug"] = not config["debug"]
toggle()
print(config)
def reset(n):
    global counter, total
    counter, total = n, n * 10
reset(3)
print(counter, total)
x = "module"
def outer():
    x = "outer local"
    def inner():
        global x
        x = "changed by inner"
    inner()
    return x
print(outer(), x)
