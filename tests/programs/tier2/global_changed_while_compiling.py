# A global changes after tier 2 snapshotted a function that folded it in,
# while its compile is still in flight: the stale code must never be
# installed (tests/tier2_events.rs runs this with --jit-delay-ms).
import time

LIMIT = 7


def work(n):
    t = 0
    for i in range(n):
        t = t + LIMIT + i % 5
    return t


print(work(30000))
LIMIT = 11
time.sleep(0.3)
total = 0
for r in range(40):
    total = total + work(2000)
print(total)
