# SystemExit is a BaseException: not caught by "except Exception", can be caught explicitly.
import sys
try:
    try:
        sys.exit(4)
    except Exception:
        print("wrong: caught by Exception")
except SystemExit as e:
    print("caught SystemExit with code", e.code)
print(issubclass(SystemExit, Exception), issubclass(SystemExit, BaseException))
sys.exit(2 + 3)
