# f-strings: {x}, {x!r}, {x!s}, width/alignment, precision, expressions inside.
name = "Strata"
n = 42
pi = 3.14159265
items = [1, 2, 3]
print(f"hello {name}")
print(f"{name!r} {name!s} {n!r}")
print(f"[{n:>8}] [{n:<8}] [{n:^8}] [{n:08}] [{name:>10}] [{name:<10}] [{name:^11}]")
print(f"{pi:.3f} {pi:.0f} {pi:10.2f} {-pi:.4f} {2.5:.0f} {1e6:.2f}")
print(f"{n * 2} {items[1]} {len(name)} {n if n > 40 else 0} {items} {(1, 2)}")
print(f"{{literal braces}} {n}{{}}")
print(f"{n:d} {n:5d} {-n:5d} {n:x} {n:X} {n:o} {n:b} {255:#x} {n:,} {1234567:,}")
print(f"{pi:.2e} {12345.678:e}")
print(f"{0.1 + 0.2} {1e20} {1/3}")
print(f"{'nested quotes'} {name + '!'}")
for i in range(1, 4):
    print(f"{i:3d} | {i * i:4d} | {i ** 0.5:8.4f} | {'#' * i:<5}|")
rows = [("apple", 3, 0.5), ("banana", 12, 0.25), ("cherry", 100, 7.125)]
for nm, qty, price in rows:
    print(f"{nm:<10}{qty:>5}{price:>9.2f}{qty * price:>10.3f}")
x = None
print(f"{x} {x!r} {True} {[x]}")
width = 7
print(f"{'w':>{width}}|{n:<{width}}|")
class P:
    def __repr__(self):
        return "P()"
    def __str__(self):
        return "p-str"
print(f"{P()} {P()!r} {P()!s}")
print(f"{-0.0} {float('inf')} {n:+d} {-n:+d} {3.0:+.1f}")
