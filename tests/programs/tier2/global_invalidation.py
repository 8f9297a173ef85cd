# Globals that look constant (bound once) are folded into tier-2 code; a
# later store to one invalidates that code, and a frame running it leaves
# it right after the store (tests/tier2_events.rs asserts the events).

SCALE = 10
OFFSET = 3


def bump():
    # Small and simple: tier 2 inlines it, so the store happens inside the
    # compiled loop itself.
    global SCALE
    SCALE = 20


def shift():
    # Not inlined (it has an exception handler): the store happens in a
    # call the compiled loop hands to the interpreter.
    global OFFSET
    try:
        OFFSET = OFFSET + 4
    except ValueError:
        pass


def scaled(n):
    t = 0
    i = 0
    while i < n:
        t = t + SCALE * 2 + i
        if i == 60000:
            bump()
        i = i + 1
    return t


def offset(n):
    t = 0.0
    for i in range(n):
        x = i * 0.5
        y = x * x * 0.001 - x / 3.0 + x * 0.25 - 1.5 * x + 2.0 * x
        t = t + OFFSET + y + x * 0.125 - x * 0.0625
        if i == 50000:
            shift()
    return t


print(scaled(100000))
print(scaled(1000))
print(offset(80000))
print(offset(1000))
print(SCALE, OFFSET)
