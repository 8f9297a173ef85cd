# %-formatting: %d %s %r %f %.3f %5d %-5s and friends.
print("%d %s %r" % (42, "str", "str"))
print("%f %.3f %.0f %.1f" % (3.14159, 3.14159, 2.5, -0.05))
print("[%5d] [%-5d] [%05d] [%5s] [%-5s] [%.2s]" % (42, 42, 42, "ab", "ab", "abcdef"))
print("%s and %s" % ([1, 2], (3,)), "%s" % None, "%r" % None, "%s" % (("tuple",),))
print("%d%%" % 50, "%x %X %o" % (255, 255, 8), "%e" % 12345.678, "%g %g" % (0.0001, 123456789.0))
print("%d" % 3.99, "%d" % -3.99, "%d" % True, "%s" % True)
print("%.3f" % (2 / 3), "%10.4f|" % 3.14159, "%-10.2f|" % 2.5, "%+d %+d" % (5, -5))
print("%s" % "single", "%s-%s" % ("a", "b"), "no args %%")
print("%d" % (10 ** 30), "%s" % (2 ** 100), "%x" % (2 ** 70))
print("%r %r" % ("it's", 'say "hi"'))
for i in range(5):
    print("%3d: %-8s|%6.2f|%s" % (i, "x" * i, i / 3, [i] * i))
rows = [("alpha", 1.5, 10), ("beta", 22.25, 200), ("gamma", 333.125, 3000)]
for name, val, cnt in rows:
    print("%-8s %8.3f %6d" % (name, val, cnt))
print("%5.1f%%" % 99.44)
