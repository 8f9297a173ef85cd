# args: alpha 42 --flag x=1 -3.5
# Command-line arguments arrive in sys.argv (argv[0] is the script path as given).
import sys
print(len(sys.argv))
print(sys.argv[0])
print(sys.argv[1:])
nums = []
for a in sys.argv[1:]:
    try:
        nums.append(int(a))
    except ValueError:
        try:
            nums.append(float(a))
        except ValueError:
            pass
print(nums, sum(nums))
opts = {}
for a in sys.argv[1:]:
    if "=" in a:
        k, v = a.split("=", 1)
        opts[k] = v
    elif a.startswith("--"):
        opts[a[2:]] = True
print(opts)
