# sys.exit(0) and sys.exit() inside try/finally: finally runs, status 0.
import sys
try:
    print("in try")
    sys.exit(0)
finally:
    print("finally still runs")
print("not reached")
