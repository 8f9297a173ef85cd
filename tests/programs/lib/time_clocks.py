# The clocks can only be checked for types and monotonicity; sleep's
# argument checks are deterministic.
import time

a = time.perf_counter()
b = time.perf_counter()
print(type(a).__name__, a <= b, a > 0)
n1 = time.perf_counter_ns()
n2 = time.perf_counter_ns()
print(type(n1).__name__, n1 <= n2, n1 > 0)
m1 = time.monotonic()
time.sleep(0.01)
m2 = time.monotonic()
print(m2 - m1 >= 0.01, m2 - m1 < 5)
k1 = time.monotonic_ns()
time.sleep(0.002)
k2 = time.monotonic_ns()
print(type(k1).__name__, k2 - k1 >= 2000000)
t0 = time.time()
print(type(t0).__name__, t0 > 1.6e9, time.time_ns() > 1.6e18, type(time.time_ns()).__name__)
p = time.process_time()
x = 0
for i in range(100000):
    x += i
print(time.process_time() >= p, type(time.process_time_ns()).__name__, x)
print(time.sleep(0), time.sleep(False), time.sleep(0.0), time.sleep(1e-6))

start = time.perf_counter()
elapsed = time.perf_counter() - start
print(elapsed >= 0, f'{0.0:.3f}s')

for arg in ['a', None, float('nan'), -1, -0.5, 10**30, 1e30, float('inf'), [1]]:
    try:
        time.sleep(arg)
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
for f in [lambda: time.time(1), lambda: time.sleep(), lambda: time.sleep(1, 2),
          lambda: time.sleep(secs=1), lambda: time.perf_counter(None)]:
    try:
        f()
    except TypeError as e:
        print('TypeError', e)
