from collections import namedtuple


def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


P = namedtuple("P", "x y z", defaults=[5])
Q = namedtuple("Q", "a b")
attempt("too many", lambda: P(1, 2, 3, 4))
attempt("missing 1", lambda: P(1))
attempt("missing 2", lambda: P())
attempt("missing 3", lambda: namedtuple("T", "a b c")())
attempt("unexpected kw", lambda: P(1, 2, q=1))
attempt("multiple", lambda: P(1, x=2))
attempt("multiple default", lambda: P(1, 2, 3, z=1))
attempt("exact too many", lambda: Q(1, 2, 3))
attempt("exact missing", lambda: Q(b=1))
attempt("bad typename", lambda: namedtuple("1x", "a"))
attempt("keyword field", lambda: namedtuple("X", "a class"))
attempt("underscore", lambda: namedtuple("X", "_a b"))
attempt("duplicate", lambda: namedtuple("X", "a b a"))
attempt("non-str field", lambda: namedtuple("X", ["a", 5]))
attempt("keyword typename", lambda: namedtuple("def", "a"))
attempt("hyphen", lambda: namedtuple("X", "a-b"))
attempt("defaults", lambda: namedtuple("X", "a b", defaults=[1, 2, 3]))
attempt("make", lambda: Q._make([1, 2, 3]))
attempt("make short", lambda: Q._make([1]))
attempt("replace", lambda: Q(1, 2)._replace(c=3))
attempt("replace ok", lambda: Q(1, 2)._replace(b=3, a=0))
attempt("index", lambda: Q(1, 2)[2])
attempt("index missing", lambda: Q(1, 2).index(9))
attempt("hash list", lambda: hash(Q([1], 2)))
attempt("renamed", lambda: namedtuple("X", ["ok", "1bad", "ok"], rename=True)._fields)
attempt("field list", lambda: namedtuple("X", ("u", "v"))(1, 2))
