# str.format with positional, indexed, keyword fields and common specs.
print("{} {} {}".format(1, "two", 3.0))
print("{0} {1} {0}".format("a", "b"))
print("{name} is {age}".format(name="Bo", age=7))
print("{:>6}|{:<6}|{:^6}|".format("r", "l", "c"))
print("{:.2f} {:8.3f} {:08.2f} {:+.1f}".format(3.14159, 2.71828, -1.5, 2.0))
print("{:d} {:5d} {:<5d}| {:x} {:b} {:,}".format(7, 42, 42, 255, 5, 1234567))
print("{!r} {!s}".format("q", "q"))
print("{0[1]} {1[k]}".format([10, 20], {"k": "v"}))
print("{{}} {}".format("braces"))
rows = [(1, "one", 1.0), (22, "twenty-two", 22.5), (333, "three hundred", 333.333)]
for r in rows:
    print("{:>4} {:<14} {:>9.2f}".format(*r))
print("{:*^20}".format(" title "))
print("{:.3}".format("abcdef"), "{:10.3}|".format("abcdef"))
print("{} {}".format(None, [1, 2]))
print("{:e} {:.2%}".format(1234.5, 0.256))
