# String literals, indexing, slicing, concatenation, comparisons, escapes.
s = "Hello, World"
print(s, len(s), s[0], s[-1], s[3:8], s[::-1], s[::2], s[-5:])
print(repr(s), repr("it's"), repr('say "hi"'), repr("both ' and \""))
print(repr("tab\there"), repr("nl\n"), repr("back\\slash"), repr("\x00\x7f"))
print("a" + "b" * 3, 3 * "xy", "" * 5)
print("abc" < "abd", "abc" < "ab", "Z" < "a", "abc" == "abc", "a" != "b")
print("ell" in s, "xyz" not in s, "" in s)
t = """multi
line
string"""
print(t)
print(len(t), t.count("\n"))
u = "caf\u00e9 \u03c0 \u2603 na\u00efve"
print(u, len(u), repr(u))
print(u.upper())
print('single' "adjacent" 'concat')
raw = r"raw\nstring\t"
print(raw, len(raw))
for i, ch in enumerate("strata"):
    print(i, ch, ord(ch))
print(str(123) + str(4.5) + str(None) + str(True))
print("%s|%s" % ("a", "b"))
print("x".join(["1", "2", "3"]))
e = ""
print(repr(e), len(e), bool(e))
print("abc"[1:100], "abc"[5:], "abc"[-100:2])
