# Integer arithmetic in a for loop over a range.
# test-size: 1000
import sys

total = 0
for i in range(int(sys.argv[1]) if len(sys.argv) > 1 else 3000000):
    total += i * i % 7
print(total)
