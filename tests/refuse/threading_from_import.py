# Threads are never supported (from-import form).
from threading import Thread, Lock
print(Thread, Lock)
