# Keyword-only parameters after * or *args.
def connect(host, *, port=80, secure=False):
    return "%s:%d%s" % (host, port, " (secure)" if secure else "")
print(connect("a"), connect("b", port=8080), connect("c", secure=True, port=443))
try:
    connect("d", 90)
except TypeError as e:
    print("TypeError:", e)
def required(*, x, y):
    return x - y
print(required(x=10, y=3), required(y=3, x=10))
try:
    required(x=1)
except TypeError as e:
    print("TypeError:", e)
def mixed(a, *rest, key=None, **extra):
    return (a, rest, key, sorted(extra.items()))
print(mixed(1), mixed(1, 2, 3, key="k", z=1, y=2))
def sort_words(words, *, reverse=False, by_len=False):
    if by_len:
        return sorted(words, key=len, reverse=reverse)
    return sorted(words, reverse=reverse)
w = ["pear", "fig", "banana", "kiwi"]
print(sort_words(w), sort_words(w, reverse=True), sort_words(w, by_len=True))
