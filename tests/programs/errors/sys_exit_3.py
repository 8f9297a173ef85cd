# sys.exit(3): exit status 3, output so far is flushed, nothing after runs.
import sys
for i in range(5):
    print("line", i)
def finish(code):
    print("exiting with", code)
    sys.exit(code)
finish(3)
print("never printed")
