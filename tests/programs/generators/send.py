# generator.send: coroutine-style generators.
def running_average():
    total = 0.0
    count = 0
    avg = None
    while True:
        value = yield avg
        total += value
        count += 1
        avg = total / count
ra = running_average()
print(next(ra))
for v in [10, 20, 5, 7.5, 100]:
    print(v, ra.send(v))
def echo():
    received = []
    while True:
        x = yield len(received)
        if x == "stop":
            break
        received.append(x)
    yield received
e = echo()
print(e.send(None), e.send("a"), e.send("b"), e.send("c"))
print(e.send("stop"))
def not_started():
    yield 1
g = not_started()
try:
    g.send(5)
except TypeError as ex:
    print("TypeError:", ex)
def state_machine():
    state = "idle"
    while True:
        event = yield state
        if state == "idle" and event == "start":
            state = "running"
        elif state == "running" and event == "pause":
            state = "paused"
        elif state == "paused" and event == "start":
            state = "running"
        elif event == "stop":
            state = "stopped"
sm = state_machine()
next(sm)
for ev in ["start", "pause", "bogus", "start", "stop", "start"]:
    print(ev, "->", sm.send(ev))
def producer_consumer():
    buf = []
    while True:
        item = yield
        buf.append(item * item)
        if len(buf) == 3:
            print("  batch", buf)
            buf = []
pc = producer_consumer()
next(pc)
for i in range(8):
    pc.send(i)
