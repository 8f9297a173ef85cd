#!/usr/bin/env python3
"""Generate the test vectors of runtime/src/num from CPython 3.11.

Run with CPython 3.11 from any directory: `python3 gen_vectors.py`. Writes
tab-separated text files next to this script; the Rust unit tests in the
num module read them with include_str!. Output is deterministic (fixed
seeds). Strings that may hold tabs or arbitrary characters are hex-encoded
UTF-8; floats are written as their IEEE-754 bits in hex; errors as
`!ExceptionName: message` (complex results as `!Unsupported: complex numbers`).
"""

import math
import os
import random
import struct
import sys

assert sys.version_info[:2] == (3, 11), "vectors must come from CPython 3.11"

HERE = os.path.dirname(os.path.abspath(__file__))
INF = float("inf")
NAN = float("nan")


def bits(x):
    return "%x" % struct.unpack("<Q", struct.pack("<d", x))[0]


def from_bits(b):
    return struct.unpack("<d", struct.pack("<Q", b))[0]


def dec(i):
    """Decimal text of any int, ignoring the 4300-digit limit."""
    old = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)
    try:
        return str(i)
    finally:
        sys.set_int_max_str_digits(old)


def hx(s):
    return s.encode("utf-8").hex()


def err(e):
    return "!%s: %s" % (type(e).__name__, e)


def run(f, show):
    try:
        v = f()
    except (ArithmeticError, ValueError) as e:
        return err(e)
    if isinstance(v, complex):
        return "!Unsupported: complex numbers"
    return show(v)


def write(name, lines):
    with open(os.path.join(HERE, name), "w", encoding="utf-8", newline="\n") as f:
        for line in lines:
            f.write(line + "\n")


def interesting_floats(rng, n_random):
    xs = [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, -2.5, 0.1, 0.2, 0.3, 1e16, 1e15,
          9999999999999998.0, 1e17, 1e-4, 1e-5, 0.0001234, 5e-324, -5e-324,
          2.2250738585072014e-308, 2.225073858507201e-308, 1.7976931348623157e308,
          -1.7976931348623157e308, 2.0 ** 53, 2.0 ** 53 + 2, 2.0 ** 63, 2.0 ** 64,
          123456789.0, 1234.5678, 2.675, 0.125, 0.375, 1e22, 1e23, 4.35, 0.045,
          3.14159, 2.718281828459045, 100.0, 1e100, 1e-100, 1e300, 1e-300,
          123.456, -987.654e-10, 0.000999, 999999.5, 9.5, 0.95, 0.0095]
    for k in range(-330, 310):
        xs.append(float("1e%d" % k))
    for k in range(-1074, 1024, 7):
        xs.append(2.0 ** k)
    for _ in range(n_random):
        r = rng.random()
        if r < 0.4:
            b = rng.getrandbits(64)
            x = from_bits(b)
            if math.isfinite(x):
                xs.append(x)
        elif r < 0.6:
            xs.append(rng.uniform(-1, 1) * 10 ** rng.randint(-20, 25))
        elif r < 0.7:
            xs.append(from_bits(rng.getrandbits(52)))  # subnormal
        elif r < 0.8:
            xs.append(round(rng.uniform(-1000, 1000), rng.randint(0, 6)))
        elif r < 0.9:
            xs.append(float(rng.randint(-10 ** rng.randint(1, 20), 10 ** rng.randint(1, 20))))
        else:
            xs.append(rng.randint(1, 999) / 10 ** rng.randint(0, 8))
    return xs


def gen_float_repr():
    rng = random.Random(1)
    xs = interesting_floats(rng, 4000) + [INF, -INF, NAN]
    write("float_repr.txt", ["%s\t%s" % (bits(x), repr(x)) for x in xs])


def gen_float_ops():
    rng = random.Random(2)
    special = [0.0, -0.0, 1.0, -1.0, 2.0, -2.0, 0.5, -0.5, 3.0, 1.5, -1.5, 10.0,
               1e308, -1e308, 1e-308, 5e-324, INF, -INF, NAN, 7.0, -7.0, 0.1, 1e16]
    pairs = [(a, b) for a in special for b in special]
    for _ in range(1500):
        a = rng.choice([rng.uniform(-100, 100), rng.uniform(-1, 1) * 10 ** rng.randint(-10, 10),
                        float(rng.randint(-50, 50))])
        b = rng.choice([rng.uniform(-100, 100), rng.uniform(-1, 1) * 10 ** rng.randint(-10, 10),
                        float(rng.randint(-6, 6)), rng.uniform(-3, 3)])
        pairs.append((a, b))
    lines = []
    r = repr
    for a, b in pairs:
        lines.append("div\t%s\t%s\t%s" % (bits(a), bits(b), run(lambda: a / b, r)))
        lines.append("floordiv\t%s\t%s\t%s" % (bits(a), bits(b), run(lambda: a // b, r)))
        lines.append("mod\t%s\t%s\t%s" % (bits(a), bits(b), run(lambda: a % b, r)))
        lines.append("divmod\t%s\t%s\t%s" % (bits(a), bits(b), run(lambda: divmod(a, b),
                                                              lambda v: "%r,%r" % v)))
        if a < 0 and math.isfinite(a) and math.isfinite(b) and b != math.floor(b):
            shown = "!Unsupported: complex numbers"
        else:
            shown = run(lambda: a ** b, r)
        lines.append("pow\t%s\t%s\t%s" % (bits(a), bits(b), shown))
    write("float_ops.txt", lines)

    lines = []
    ints = [0, 1, -1, 2 ** 53, 2 ** 53 + 1, -(2 ** 53) - 1, 2 ** 63 - 1, -(2 ** 63), 2 ** 64,
            10 ** 20, -(10 ** 20), 10 ** 300, 10 ** 400, -(10 ** 400), 3, -3]
    floats = [0.0, -0.0, 0.5, -0.5, 2.0 ** 53, 2.0 ** 53 + 2, 2.0 ** 63, -(2.0 ** 63), 2.0 ** 64,
              1e20, -1e20, 1e300, INF, -INF, NAN, 3.0, 3.5, -3.5, 2.9, -2.9]
    pairs = [(i, f) for i in ints for f in floats]
    for _ in range(800):
        f = rng.choice(interesting_floats(rng, 1)[-1:] + [rng.uniform(-1e20, 1e20)])
        if rng.random() < 0.5 and math.isfinite(f):
            i = int(f) + rng.choice([-1, 0, 0, 1])
        else:
            i = rng.randint(-(2 ** rng.randint(1, 200)), 2 ** rng.randint(1, 200))
        pairs.append((i, f))
    for i, f in pairs:
        if f != f:
            c = "nan"
        else:
            c = str((i > f) - (i < f))
        t = str(int(f)) if math.isfinite(f) else "-"
        lines.append("%d\t%s\t%s\t%s" % (i, bits(f), c, t))
    write("int_float_cmp.txt", lines)


def rand_int(rng):
    r = rng.random()
    if r < 0.3:
        return rng.randint(-100, 100)
    if r < 0.5:
        return rng.randint(-(2 ** 63), 2 ** 63 - 1)
    if r < 0.65:
        return rng.choice([2 ** 63 - 1, -(2 ** 63), 2 ** 63, -(2 ** 63) - 1, 2 ** 64, 2 ** 62,
                           -(2 ** 62), 2 ** 53 + 1, 2 ** 32]) + rng.randint(-2, 2)
    top = rng.choice([40, 40, 40, 40, 200])
    return rng.randint(-(10 ** rng.randint(19, top)), 10 ** rng.randint(19, top))


def gen_int_ops():
    rng = random.Random(3)
    lines = []

    def add(op, a, b, f, show=str):
        lines.append("%s\t%d\t%d\t%s" % (op, a, b, run(f, show)))

    for _ in range(700):
        a, b = rand_int(rng), rand_int(rng)
        if rng.random() < 0.05:
            b = 0
        add("add", a, b, lambda: a + b)
        add("sub", a, b, lambda: a - b)
        add("mul", a, b, lambda: a * b)
        add("floordiv", a, b, lambda: a // b)
        add("mod", a, b, lambda: a % b)
        add("divmod", a, b, lambda: divmod(a, b), lambda v: "%d,%d" % v)
        add("truediv", a, b, lambda: a / b, repr)
        add("and", a, b, lambda: a & b)
        add("or", a, b, lambda: a | b)
        add("xor", a, b, lambda: a ^ b)
        add("cmp", a, b, lambda: (a > b) - (a < b))
        add("neg", a, 0, lambda: -a)
        add("invert", a, 0, lambda: ~a)
        add("abs", a, 0, lambda: abs(a))
        add("float", a, 0, lambda: float(a), repr)
        add("bitlen", a, 0, lambda: a.bit_length())
        s = rng.choice([0, 1, 5, 63, 64, 65, 100, 1000, rng.randint(-3, 2000)])
        add("lshift", a, s, lambda: a << s)
        add("rshift", a, s, lambda: a >> s)
    # truediv precision: ratios near double boundaries and subnormals
    for _ in range(300):
        a = rng.randint(1, 2 ** rng.randint(1, 1200)) * rng.choice([1, -1])
        b = rng.randint(1, 2 ** rng.randint(1, 1200))
        add("truediv", a, b, lambda: a / b, repr)
        add("float", a, 0, lambda: float(a), repr)
    for e in range(1000, 1080):
        a = 2 ** 60 + rng.randint(0, 2 ** 20)
        b = 2 ** (e + 60)
        add("truediv", a, b, lambda: a / b, repr)
        add("truediv", 3 * a, b, lambda: 3 * a / b, repr)
    for k in range(50):
        a = (2 ** 53 + 1) * 2 ** k + rng.choice([0, 1, -1])
        add("float", a, 0, lambda: float(a), repr)
        add("float", 2 ** 1024 - 2 ** (970 - k % 3), 0, lambda: float(2 ** 1024 - 2 ** (970 - k % 3)), repr)
    for _ in range(400):
        a = rng.choice([rng.randint(-20, 20), rand_int(rng)])
        e = rng.choice([rng.randint(-5, 70), rng.randint(0, 4)])
        if abs(a) > 2 and a.bit_length() * max(e, 0) > 6000:
            e = rng.randint(-3, 3)
        add("pow", a, e, lambda: a ** e, lambda v: repr(v) if isinstance(v, float) else str(v))
    for a, e in [(0, -1), (0, 0), (10 ** 400, -1), (2, -1), (-2, -3), (-1, -5), (1, -10 ** 30),
                 (2, -2000), (10, -400)]:
        add("pow", a, e, lambda: a ** e, lambda v: repr(v) if isinstance(v, float) else str(v))
    for _ in range(400):
        a, b, m = rand_int(rng), rng.randint(-50, 10 ** rng.randint(1, 40)), rand_int(rng)
        if rng.random() < 0.3:
            m = rng.randint(-30, 30)
        lines.append("powmod\t%d\t%d\t-\t%d\t%s" % (a, b, m, run(lambda: pow(a, b, m), str)))
    write("int_ops.txt", lines)


def gen_hash():
    rng = random.Random(4)
    lines = []
    ints = [0, 1, -1, -2, 2 ** 61 - 1, 2 ** 61, 2 ** 61 - 2, -(2 ** 61), 2 ** 64 + 5, 2 ** 63 - 1,
            -(2 ** 63)]
    ints += [rand_int(rng) for _ in range(600)]
    for i in ints:
        lines.append("i\t%d\t%d" % (i, hash(i)))
    fl = interesting_floats(rng, 1500) + [INF, -INF]
    for x in fl:
        lines.append("f\t%s\t%d" % (bits(x), hash(x)))
    for _ in range(300):
        items = [rand_int(rng) if rng.random() < 0.5 else rng.uniform(-1e6, 1e6)
                 for _ in range(rng.randint(0, 6))]
        hs = [hash(v) for v in items]
        lines.append("t\t%s\t%d" % (",".join(map(str, hs)), hash(tuple(items))))
        uniq = list({v: None for v in items})
        hs = [hash(v) for v in uniq]
        lines.append("s\t%s\t%d" % (",".join(map(str, hs)), hash(frozenset(uniq))))
    write("hash.txt", lines)


def gen_round():
    rng = random.Random(5)
    lines = []
    fl = interesting_floats(rng, 1200) + [INF, -INF, NAN]
    for x in fl:
        nds = [None, 0, 1, 2, 3, -1, -2, rng.randint(-320, 330), rng.randint(-20, 20)]
        for nd in rng.sample(nds, 3):
            shown = run(lambda: round(x, nd), lambda v: repr(v) if isinstance(v, float) else str(v))
            lines.append("f\t%s\t%s\t%s" % (bits(x), nd, shown))
    for x in [0.5, 1.5, 2.5, -0.5, -1.5, 2.675, 0.125, 0.375, 1e300, 5e-324, 1.7e308]:
        for nd in [None, 0, 1, 2, 3, -1, -308, -309, 323, 324, -400]:
            shown = run(lambda: round(x, nd), lambda v: repr(v) if isinstance(v, float) else str(v))
            lines.append("f\t%s\t%s\t%s" % (bits(x), nd, shown))
    for _ in range(500):
        a = rand_int(rng)
        nd = rng.choice([rng.randint(-25, 3), rng.randint(-330, 0)])
        lines.append("i\t%d\t%d\t%d" % (a, nd, round(a, nd)))
    for a in [1234, 1250, 1350, -1250, -1251, 5, 15, 25, -25, 0, 95, 50]:
        for nd in [-1, -2, -3, 0, 2]:
            lines.append("i\t%d\t%d\t%d" % (a, nd, round(a, nd)))
    write("round.txt", lines)


def gen_parse():
    rng = random.Random(6)
    lines = []
    ws = ["", " ", "  ", "\t", "\n", "\x0b", "\x0c", "\r", "\u00a0", "\u2003", "\u3000", "\x85",
          "\x1c", "\u200b"]
    signs = ["", "", "+", "-", "--", "+-"]
    prefixes = ["", "", "", "0x", "0X", "0o", "0b", "0B", "0", "0_", "0x_", "0b__"]
    digit_sets = ["0123456789", "01", "01234567", "0123456789abcdefABCDEF",
                  "0123456789abcdefghijklmnopqrstuvwxyzXYZ", "\u0660\u0661\u0662\u0669",
                  "\uff11\uff12", "\u00b2", "_"]
    int_cases = ["abc", "", " ", "1__0", "\n'x\"\t\\", "x'", "x" * 300, "0_0", "00", "010",
                 "0x_1f", "0_x1f", "_1", "1_", "0b", "0b1", "0B1", "0o17", "017", "- 1", "+-1",
                 "+_1", "Z", "z", "1\x00", "٣", "1" * 4301, "1" * 4300 + "x", "1_" * 4301 + "1", "1" * 4300,
                 "0x" + "f" * 3000, "-" + "7" * 4301, "1" * 4301 + "_", "9" * 50, "-0", "+0x10",
                 " 0b_1 ", "12\u00a0", "\u2003-5"]
    for _ in range(900):
        s = rng.choice(ws) + rng.choice(signs) + rng.choice(prefixes)
        ds = rng.choice(digit_sets)
        s += "".join(rng.choice(ds) for _ in range(rng.randint(0, 25)))
        if rng.random() < 0.3:
            s += rng.choice(["_", "__", "x", ".", "e5", " 1"]) + rng.choice(["", "1", "0"])
        s += rng.choice(ws)
        int_cases.append(s)
    for s in int_cases:
        for base in rng.sample([0, 10, 10, 16, 8, 2, 36, 7, 1, 37], 3 if len(s) < 1000 else 1):
            lines.append("int\t%s\t%d\t%s" % (hx(s), base, hx(run(lambda: int(s, base), str))))
    float_cases = ["x", "", "  ", " 1_000.5 ", "1_000.5_", "1._5", "1_e5", "1e_5", "1e5_0", ".5",
                   "5.", ".", "-Infinity", "+nan", "-nAn", "infinit", "in", "1e", "0x10",
                   "1e5000", "-1e-5000", "\u00a01.5\u2003", "inFINity", "+.5e-3", "5.e3", "e3",
                   "1.5e+", "--1", "1_2.3_4e5_6", "1__2", "_1", "1.5 x", "1 5", "\u0661.\u0665",
                   "\u0661_\u0662", "x" * 300, "1e99999999999999999999", "0.1", "1E5", "nan ",
                   " inf", "-0", "00012", "1.7976931348623159e308", "2.4703282292062328e-324",
                   "2.4703282292062327e-324", "x'", "\x1c1"]
    fparts = ["", "1", "12", "0", "1_2", "_", "9" * 30]
    for _ in range(700):
        s = rng.choice(ws) + rng.choice(signs)
        s += rng.choice(fparts) + rng.choice(["", ".", "."]) + rng.choice(fparts)
        if rng.random() < 0.5:
            s += rng.choice(["e", "E", "e+", "e-", "e_"]) + rng.choice(fparts)
        s += rng.choice(ws)
        float_cases.append(s)
    for _ in range(300):
        float_cases.append(repr(rng.uniform(-1, 1) * 10 ** rng.randint(-320, 308)))
        float_cases.append("%.*e" % (rng.randint(0, 30), rng.uniform(0, 10) * 10 ** rng.randint(-330, 310)))
    for s in float_cases:
        lines.append("float\t%s\t%s" % (hx(s), hx(run(lambda: float(s), repr))))
    for cp in list(range(0, 0x3100)) + [0xfeff, 0x180e, 0x200b]:
        lines.append("space\t%d\t%d" % (cp, chr(cp).isspace()))
    import unicodedata
    reprs = ["", "abc", "x'", "x\"", "'\"", "\n'x\"\t\\", "\U0001f600", "\U000e0020", "\U0010fffd"]
    reprs += [chr(cp) for cp in list(range(0, 0x3100, 3)) + list(range(0xe000, 0x10000, 97))
              + list(range(0x10000, 0x110000, 1009)) + [0x600, 0x61c, 0x110bd, 0xe0001]
              if unicodedata.category(chr(cp)) not in ("Cn", "Cs")]
    for t in reprs:
        lines.append("repr\t%s\t%s" % (hx(t), hx(repr(t))))
    write("parse.txt", lines)


def gen_format_spec():
    rng = random.Random(7)
    lines = []
    aligns = ["", "", "", "<", ">", "^", "=", "*<", "0>", "x^", "0=", " >", "\u00e9>", "<<", "0<"]
    signs = ["", "", "+", "-", " "]
    widths = ["", "", "1", "5", "10", "20", "012"]
    groupings = ["", "", "", ",", "_"]
    int_types = ["", "b", "c", "d", "o", "x", "X", "n", "e", "f", "g", "%", "E", "G", "F", "s"]
    float_types = ["", "", "e", "E", "f", "F", "g", "G", "n", "%", "d"]
    precs = ["", "", ".0", ".1", ".2", ".3", ".5", ".10", ".17", ".20", ".30"]

    def spec(types, prec_list):
        return (rng.choice(aligns) + rng.choice(signs) + ("z" if rng.random() < 0.08 else "")
                + ("#" if rng.random() < 0.25 else "") + ("0" if rng.random() < 0.25 else "")
                + rng.choice(widths) + rng.choice(groupings) + rng.choice(prec_list)
                + rng.choice(types))

    fixed_int = ["09,", "08,", "0=10,", "x>10,", "#010x", "#010_x", "_x", "_b", ",x", "05c",
                 "^5c", "+", " ", "=+8", ".2d", "#c", "+c", ",c", "z", "zd", ",n", "_n", "_c",
                 "1" * 30, ",_", "_,", ",,", "xx", "0", "010", "-010", "+010,", "#o", "#b", "#X",
                 "\u0665", "c", "e", ".3e", ",.2f", "_%", "n", "s", "=s", "0<5", "^05", "<05"]
    ints = [0, 1, -1, 5, -5, 42, -42, 65, 255, -255, 1234, -1234, 1234567, 2 ** 40, -(2 ** 63),
            10 ** 30, -(10 ** 30), 0x10ffff, 0x110000, 300000, 2 ** 64, 10 ** 400]
    for v in ints:
        for s in fixed_int:
            lines.append("i\t%s\t%s\t%s" % (dec(v), hx(s), hx(run(lambda: format(v, s), str))))
    for s in ["", "d", "x", "c", "e", "n", ",", "10"]:
        v = 10 ** 5000
        lines.append("i\t%s\t%s\t%s" % (dec(v), hx(s), hx(run(lambda: format(v, s), str))))
    for _ in range(2500):
        v = rng.choice(ints[:-2] + [rand_int(rng) for _ in range(3)] + [rng.randint(0, 200)])
        s = spec(int_types, ["", "", "", ".2"])
        lines.append("i\t%s\t%s\t%s" % (dec(v), hx(s), hx(run(lambda: format(v, s), str))))
    fixed_float = ["", "d", "xx", ".", ".3", ".0", ".1", ".2", ".20", ".17", "#", "#.3", "#g",
                   "=5", "<05", "010", ",", ",f", "010,.2f", "z", "z.2f", "z.2e", "z.2g", "%",
                   ".1%", "#.0%", "n", ".2n", ",n", "1" * 30, "." + "1" * 30, "e", "E", "F", "G",
                   "+", " ", "=+8", "+.3e", ".0e", "#.0e", "#.0f", ".0f", ".50f", ".100e",
                   "_.3f", "^+12,.4f", "c"]
    floats = [0.0, -0.0, 1.0, -1.0, 1.5, 2.5, 0.5, 1234.5, 1e16, 1e20, 123.0, 123456789.0,
              0.0001, 0.00001, 1e-20, -1e-20, -0.0001, 5e-324, 1.7976931348623157e308, INF,
              -INF, NAN, 0.1, 2.675, 100.0, 12345.6789, 123456789012.0, 1e-5, 3.14159]
    for v in floats:
        for s in fixed_float:
            lines.append("f\t%s\t%s\t%s" % (bits(v), hx(s), hx(run(lambda: format(v, s), str))))
    for _ in range(4000):
        v = rng.choice(floats + interesting_floats(rng, 3)[-3:])
        s = spec(float_types, precs)
        lines.append("f\t%s\t%s\t%s" % (bits(v), hx(s), hx(run(lambda: format(v, s), str))))
    strs = ["", "a", "abc", "h\u00e9llo", "x" * 12, "\u4e2d\u6587"]
    fixed_str = ["", "^10", "0>10", "010", "z", " ", "+", "#", ",", "=", "10.2s", ".1", ".0",
                 "<5", ">5", "*^7", "d", "s", "x<3.1s", "\u00e9^9"]
    for v in strs:
        for s in fixed_str:
            lines.append("s\t%s\t%s\t%s" % (hx(v), hx(s), hx(run(lambda: format(v, s), str))))
    for _ in range(400):
        v = rng.choice(strs)
        s = spec(["", "", "s", "d"], ["", "", ".0", ".2", ".5"])
        lines.append("s\t%s\t%s\t%s" % (hx(v), hx(s), hx(run(lambda: format(v, s), str))))
    write("format_spec.txt", lines)


def gen_percent():
    rng = random.Random(8)
    lines = []
    flags = ["", "", "-", "+", " ", "#", "0", "-0", "+0", " 0", "#0", "-#", "+#", "# 0", "0-"]
    widths = ["", "", "1", "5", "8", "12"]
    precs = ["", "", ".0", ".1", ".3", ".5", ".", ".10", ".20"]

    def fmt(conv):
        return "%" + rng.choice(flags) + rng.choice(widths) + rng.choice(precs) + conv

    ints = [0, 1, -1, 5, -5, 42, -42, 255, -255, 8, 65, 1234567, 2 ** 64, -(2 ** 70), 10 ** 30,
            0x10ffff, 0x110000, -65]
    for _ in range(1500):
        v = rng.choice(ints + [rand_int(rng)])
        f = fmt(rng.choice("diuoxX"))
        lines.append("%s\t%d\t%s" % (hx(f + "|"), v, hx(run(lambda: (f + "|") % v, str))))
    for _ in range(200):
        v = rng.choice(ints)
        f = fmt("c")
        lines.append("%s\t%d\t%s" % (hx(f), v, hx(run(lambda: f % v, str))))
    floats = [0.0, -0.0, 1.0, -1.0, 3.14159, -3.14159, 1234.5, 0.00001234, 1e16, 1e-310,
              5e-324, 0.5, 1.5, 2.5, 2.675, 0.1, INF, -INF, NAN, 1e300, 100000.0, 123456.0,
              1234567.0, 15.0]
    for _ in range(2500):
        v = rng.choice(floats + [rng.uniform(-1e6, 1e6), rng.uniform(-1, 1) * 10 ** rng.randint(-30, 30)])
        f = fmt(rng.choice("eEfFgG"))
        lines.append("%s\t%s\t%s" % (hx(f), bits(v), hx(run(lambda: f % v, str))))
    for f in ["%.20f", "%.17g", "%.0f", "%#.0e", "%#.0f", "%#g", "%#.3g", "%g", "%.0g", "%e",
              "%.30e", "%5.2f", "%-+08.2f|", "%0-8.2f|", "%08.2f", "%+08.2f", "% 08.2f", "%05f",
              "%-05f", "%.100f", "%.60e", "%#.30g", "%lf", "%hG", "%Lf"]:
        for v in floats:
            lines.append("%s\t%s\t%s" % (hx(f), bits(v), hx(run(lambda: f % v, str))))
    strs = ["", "a", "ab", "abc", "h\u00e9llo"]
    for _ in range(300):
        v = rng.choice(strs)
        f = fmt("s")
        lines.append("%s\t%s\t%s" % (hx(f + "|"), hx(v), hx(run(lambda: (f + "|") % v, str))))
    for f in ["x%%y%d", "%d%%", "%5d%%", "%ld", "%hi"]:
        v = 7
        lines.append("%s\t%d\t%s" % (hx(f), v, hx(run(lambda: f % v, str))))
    write("percent.txt", lines)


if __name__ == "__main__":
    gen_float_repr()
    gen_float_ops()
    gen_int_ops()
    gen_hash()
    gen_round()
    gen_parse()
    gen_format_spec()
    gen_percent()
