# Process pools are never supported.
def work(x):
    return x * x
import multiprocessing
print(multiprocessing.cpu_count())
