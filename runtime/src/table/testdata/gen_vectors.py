#!/usr/bin/env python3
"""Generate vectors.txt: CPython 3.11 set/dict behaviour for table/vectors.rs.

Run from anywhere with CPython 3.11:  python3.11 gen_vectors.py
It rewrites vectors.txt next to this file.  Everything is seeded, so the
output is deterministic.

Format (one record per line, space separated):
  v ID HASH CLASS REPR   define value ID: its hash(), an equality class
                         (equal values share a class) and its repr
  case NAME              start a case: all set/dict variables are reset
  Set variables are names; VALUES are value ids; R is 0/1.  Ids >= 2**31
  are "range ints" 1_000_000 + (ID - 2**31), hash = the int, own class.
  new A                  A = set()
  add A V                A.add(V)
  disc A V R             R = V in A; A.discard(V)
  pop A V|-              A.pop() returned V (- : A was empty)
  clear A                A.clear()
  copy A B               A = B.copy()
  or|and|sub|xor A B C   A = B op C            (B, C sets)
  ior|iand|isub|ixor A B A op= B
  iupd A VALUES          A.update(list)
  iand_l A B VALUES      A = B.intersection(list)
  isub_l A B VALUES      A = B.difference(list)
  ixor_l A B VALUES      A = B.symmetric_difference(list)
  iiand_l A VALUES       A.intersection_update(list)
  iisub_l A VALUES       A.difference_update(list)
  iixor_l A VALUES       A.symmetric_difference_update(list)
  fromlist A VALUES      A = set(list)
  le|ge|disj|eq B C R    R = B <= C / B >= C / B.isdisjoint(C) / B == C
  le_l|ge_l|disj_l B R VALUES   issubset / issuperset / isdisjoint (list)
  fromd A X              A = set(X)               (X a dict variable)
  dupd A X               A.update(X)
  dsub A B X             A = B.difference(X)
  dxor A B X             A = B.symmetric_difference(X)
  dixor A X              A.symmetric_difference_update(X)
  size A N               A's hash table has N slots (from sys.getsizeof)
  chk A VALUES           list(A) == VALUES
  dig A LEN DIGEST       len(A) == LEN and digest(list(A)) == DIGEST
  fhash A H              hash(frozenset(A)) == H
  addrange A LO HI STEP  for i in range(LO, HI, STEP): A.add(i)
  discrange A LO HI STEP for i in range(LO, HI, STEP): A.discard(i)
  eqc N                  N __eq__ calls since the previous eqc
  arm N ACT A VALUES     during the next operation, the N-th __eq__ call
                         first performs ACT on set A: clear | pop |
                         add VALUES | discard VALUES (disarmed after the op)
  dnew X                 X = {}
  dset X K V             X[K] = V
  ddel X K R             R = K in X; X.pop(K, None)
  dsetdef X K V RES      X.setdefault(K, V) returned RES
  dpopitem X K V|-       X.popitem() returned (K, V) (- : X was empty)
  dclear X               X.clear()
  dcopy X Y              X = Y.copy()
  dupdate X Y            X.update(Y)
  dsize X N              X's index table has N slots (from sys.getsizeof)
  dchk X K V K V ...     list(X.items())
  ddig X LEN DIGEST      digest over keys then values
"""
import os
import random
import sys

assert sys.version_info[:2] == (3, 11), "needs CPython 3.11"

MASK64 = (1 << 64) - 1
RANGE_BASE = 1 << 31
RANGE_LO = 1_000_000
OUT = []
VALUES = []  # list of (obj, vid)
BUILTIN_IDS = {}  # (type, repr) -> vid
K_IDS = {}  # id(obj) -> vid
CLASS_OF = {}  # vid -> class
KEEP = []  # keep K objects alive so id() stays unique
EQ_CALLS = 0
ARM = None  # (n, action, set name, values) for the next measured op
ARM_SETS = {}  # the current case's set variables


class K:
    """A key whose __eq__ is counted; equal iff same v, hash chosen freely."""

    __slots__ = ("v", "h", "n")

    def __init__(self, v, h, n):
        self.v, self.h, self.n = v, h, n

    def __hash__(self):
        return self.h

    def __eq__(self, other):
        global EQ_CALLS, ARM
        EQ_CALLS += 1
        if ARM is not None and EQ_CALLS == ARM[0]:
            _, act, target, vals = ARM
            ARM = None
            s = ARM_SETS[target]
            if act == "clear":
                s.clear()
            elif act == "pop":
                if s:
                    s.pop()
            elif act == "add":
                for x in vals:
                    s.add(x)
            else:
                for x in vals:
                    s.discard(x)
        return self.v == other.v

    def __repr__(self):
        return "K%d_%d" % (self.v, self.n)


def vid(x):
    """Id of object x, emitting its `v` definition on first sight."""
    if isinstance(x, int) and not isinstance(x, bool) and x >= RANGE_LO and x < RANGE_LO + (1 << 30):
        return RANGE_BASE + (x - RANGE_LO)
    if isinstance(x, K):
        key = id(x)
        if key in K_IDS:
            return K_IDS[key]
        i = len(VALUES)
        VALUES.append((x, i))
        K_IDS[key] = i
        KEEP.append(x)
        cls = 1_000_000 + x.v
        OUT.append("v %d %d %d %r" % (i, x.h, cls, x))
        return i
    key = (type(x).__name__, repr(x).replace(" ", ""))
    if key in BUILTIN_IDS:
        return BUILTIN_IDS[key]
    i = len(VALUES)
    cls = i
    for (y, j) in VALUES:
        if not isinstance(y, K) and y == x:
            cls = CLASS_OF[j]
            break
    VALUES.append((x, i))
    BUILTIN_IDS[key] = i
    CLASS_OF[i] = cls
    OUT.append("v %d %d %d %s" % (i, hash(x), cls, key[1]))
    return i


def ids(xs):
    return [str(vid(x)) for x in xs]


def emit(*parts):
    OUT.append(" ".join(str(p) for p in parts))


def digest(ids_):
    d = 0
    for i in ids_:
        d = (d * 1000003 + i + 1) & MASK64
    return d


SET_BASE_SIZE = sys.getsizeof(set())


def table_size(s):
    """Slots in s's hash table, from its __sizeof__ (smalltable: 8)."""
    extra = sys.getsizeof(s) - SET_BASE_SIZE
    return 8 if extra == 0 else extra // 16


def check(name, s):
    emit("size", name, table_size(s))
    lst = list(s)
    if len(lst) <= 24:
        emit("chk", name, *ids(lst))
    else:
        emit("dig", name, len(lst), digest(vid(x) for x in lst))


DICT_BASE_SIZE = sys.getsizeof({})


def dict_table_size(d):
    """DK_SIZE of a dict with general (non-str) keys, from its __sizeof__:
    header 32 + index bytes + 24 * USABLE_FRACTION(size); the shared empty
    keys (not counted by __sizeof__) have dk_log2_size 0, i.e. size 1."""
    extra = sys.getsizeof(d) - DICT_BASE_SIZE
    if extra == 0:
        return 1
    for log2 in range(3, 40):
        n = 1 << log2
        ib = log2 if log2 < 8 else log2 + 1 if log2 < 16 else log2 + 2
        if 32 + (1 << ib) + 24 * ((n << 1) // 3) == extra:
            return n
    raise AssertionError("unexpected dict size %d" % extra)


def dcheck(name, d):
    emit("dsize", name, dict_table_size(d))
    items = list(d.items())
    if len(items) <= 10:
        flat = []
        for k, v in items:
            flat += [vid(k), vid(v)]
        emit("dchk", name, *flat)
    else:
        emit("ddig", name, len(items),
             digest([vid(k) for k, _ in items] + [vid(v) for _, v in items]))


def b(x):
    return 1 if x else 0


# ---------------------------------------------------------------------------
# Value pools

INTS = list(range(-12, 70)) + [-1, -2]
COLLIDE = [8 * i for i in range(1, 40)] + [32 * i for i in range(1, 40)] + \
    [1024 * i + 1 for i in range(20)] + [2**20 * i + 3 for i in range(10)]
LARGE = [2**61 + 5, 2**61 - 1, 2**61, 2**61 - 2, 2**62 + 3, 2**64 + 7,
         -(2**61 + 5), -(2**63), 2**63 - 1, 10**18, -10**18, 2**32 + 1,
         2**61 + 1, 2**61 + 9, -(2**61 - 1), 3 * 2**61 + 5]
FLOATS = [0.5, -0.0, 0.0, 1.0, 1.5, 2.5, -0.5, 1e300, -1e300, 1e-300, 3.14,
          float("inf"), float("-inf"), 0.1, 2.0**70, 1e16, 8.0, 16.5, -1.0,
          -2.0, 0.25, 4.0, 1e100, 123456789.0]
TUPLES = [(), (1,), (1, 2), (2, 1), (0,), (-1,), (-2,), (1, (2, 3)),
          (0.5, 1), (1, 2, 3), (8,), (16, 0), ((),), (1.0, 2.0), (-1, -2),
          (2**61 + 5,), (0, 0), (3, 4), (4, 3), (7, 7, 7), (9, 9)]
BUILTIN_POOL = INTS + COLLIDE + LARGE + FLOATS + TUPLES


def rand_list(rng, pool, base, n):
    out = []
    for _ in range(n):
        if base and rng.random() < 0.5:
            out.append(rng.choice(base))
        else:
            out.append(rng.choice(pool))
    return out


SET_NAMES = ["a", "b", "c", "d"]
DICT_NAMES = ["x", "y"]


def random_case(rng, name, pool, nops, count_eq=False):
    global EQ_CALLS, ARM, ARM_SETS
    emit("case", name)
    S = {}
    D = {}
    for n in SET_NAMES:
        S[n] = set()
        emit("new", n)
    for n in DICT_NAMES:
        D[n] = {}
        emit("dnew", n)
    weights = {
        "add": 30, "disc": 10, "pop": 4, "clear": 1, "copy": 3,
        "binop": 10, "ibinop": 8, "listop": 8, "cmp": 5, "dictop": 6,
        "dset": 8, "ddel": 4, "dmisc": 3, "fhash": 1, "iupd": 4,
        "fromlist": 2,
    }
    ops = list(weights)
    wts = [weights[o] for o in ops]

    def measured(fn):
        global EQ_CALLS, ARM
        EQ_CALLS = 0
        r = fn()
        n = EQ_CALLS
        ARM = None
        return r, n

    ARM_SETS = S

    for _ in range(nops):
        op = rng.choices(ops, wts)[0]
        A = rng.choice(SET_NAMES)
        B = rng.choice(SET_NAMES)
        C = rng.choice(SET_NAMES)
        X = rng.choice(DICT_NAMES)
        Y = rng.choice(DICT_NAMES)
        touched = []
        dtouched = []
        line = None
        armed_op = False
        if count_eq and rng.random() < 0.25:
            armed_op = True
            act = rng.choice(["clear", "pop", "add", "add", "discard"])
            target = rng.choice(SET_NAMES)
            vals = []
            if act == "add":
                vals = [rng.choice(pool) for _ in range(rng.choice([1, 1, 3, 12]))]
            elif act == "discard":
                base = list(S[target])
                vals = [rng.choice(base) if base and rng.random() < 0.7
                        else rng.choice(pool) for _ in range(rng.choice([1, 3]))]
            ARM = (rng.randint(1, 6), act, target, vals)
            emit("arm", ARM[0], act, target, *ids(vals))
            # every measured op below disarms; unmeasured ones must too
        if op == "add":
            v = rng.choice(pool)
            line = ["add", A] + ids([v])
            _, n = measured(lambda: S[A].add(v))
            touched = [A]
        elif op == "disc":
            base = list(S[A])
            v = rng.choice(base) if base and rng.random() < 0.7 else rng.choice(pool)
            vi = ids([v])
            armed, ARM = ARM, None
            r = v in S[A]
            ARM = armed
            _, n = measured(lambda: S[A].discard(v))
            # with a mutation armed, the result is only seen in the state
            line = ["disc", A] + vi + ["-" if armed else b(r)]
            touched = [A]
        elif op == "pop":
            if S[A]:
                v = S[A].pop()
                line = ["pop", A] + ids([v])
            else:
                line = ["pop", A, "-"]
            n = 0
            touched = [A]
        elif op == "clear":
            S[A].clear()
            line = ["clear", A]
            n = 0
            touched = [A]
        elif op == "copy":
            S[A] = S[B].copy()
            line = ["copy", A, B]
            n = 0
            touched = [A]
        elif op == "binop":
            o = rng.choice(["or", "and", "sub", "xor"])
            fn = {"or": lambda: S[B] | S[C], "and": lambda: S[B] & S[C],
                  "sub": lambda: S[B] - S[C], "xor": lambda: S[B] ^ S[C]}[o]
            r, n = measured(fn)
            S[A] = r
            line = [o, A, B, C]
            touched = [A]
        elif op == "ibinop":
            o = rng.choice(["ior", "iand", "isub", "ixor"])

            def f():
                if o == "ior":
                    S[A] |= S[B]
                elif o == "iand":
                    S[A] &= S[B]
                elif o == "isub":
                    S[A] -= S[B]
                else:
                    S[A] ^= S[B]
            _, n = measured(f)
            line = [o, A, B]
            touched = [A]
        elif op == "listop":
            o = rng.choice(["iand_l", "isub_l", "ixor_l", "iiand_l",
                            "iisub_l", "iixor_l"])
            lst = rand_list(rng, pool, list(S[B]) + list(S[A]),
                            rng.choice([0, 1, 3, 10, 30]))
            li = ids(lst)
            if o == "iand_l":
                r, n = measured(lambda: S[B].intersection(lst))
                S[A] = r
                line = [o, A, B] + li
            elif o == "isub_l":
                r, n = measured(lambda: S[B].difference(lst))
                S[A] = r
                line = [o, A, B] + li
            elif o == "ixor_l":
                r, n = measured(lambda: S[B].symmetric_difference(lst))
                S[A] = r
                line = [o, A, B] + li
            elif o == "iiand_l":
                _, n = measured(lambda: S[A].intersection_update(lst))
                line = [o, A] + li
            elif o == "iisub_l":
                _, n = measured(lambda: S[A].difference_update(lst))
                line = [o, A] + li
            else:
                _, n = measured(lambda: S[A].symmetric_difference_update(lst))
                line = [o, A] + li
            touched = [A]
        elif op == "cmp":
            o = rng.choice(["le", "ge", "disj", "eq", "le_l", "ge_l", "disj_l"])
            if o.endswith("_l"):
                lst = rand_list(rng, pool, list(S[B]), rng.choice([0, 2, 8, 30]))
                li = ids(lst)
                fn = {"le_l": lambda: S[B].issubset(lst),
                      "ge_l": lambda: S[B].issuperset(lst),
                      "disj_l": lambda: S[B].isdisjoint(lst)}[o]
                r, n = measured(fn)
                line = [o, B, b(r)] + li
            else:
                fn = {"le": lambda: S[B] <= S[C], "ge": lambda: S[B] >= S[C],
                      "disj": lambda: S[B].isdisjoint(S[C]),
                      "eq": lambda: S[B] == S[C]}[o]
                r, n = measured(fn)
                line = [o, B, C, b(r)]
        elif op == "dictop":
            o = rng.choice(["fromd", "dupd", "dsub", "dxor", "dixor"])
            if o == "fromd":
                r, n = measured(lambda: set(D[X]))
                S[A] = r
                line = [o, A, X]
            elif o == "dupd":
                _, n = measured(lambda: S[A].update(D[X]))
                line = [o, A, X]
            elif o == "dsub":
                r, n = measured(lambda: S[B].difference(D[X]))
                S[A] = r
                line = [o, A, B, X]
            elif o == "dxor":
                r, n = measured(lambda: S[B].symmetric_difference(D[X]))
                S[A] = r
                line = [o, A, B, X]
            else:
                _, n = measured(lambda: S[A].symmetric_difference_update(D[X]))
                line = [o, A, X]
            touched = [A]
        elif op == "dset":
            k = rng.choice(pool)
            v = rng.choice(INTS)
            ki, vi = ids([k, v])
            _, n = measured(lambda: D[X].__setitem__(k, v))
            line = ["dset", X, ki, vi]
            dtouched = [X]
        elif op == "ddel":
            base = list(D[X])
            k = rng.choice(base) if base and rng.random() < 0.7 else rng.choice(pool)
            ki = ids([k])[0]
            sentinel = object()
            r, n = measured(lambda: D[X].pop(k, sentinel))
            line = ["ddel", X, ki, b(r is not sentinel)]
            dtouched = [X]
        elif op == "dmisc":
            o = rng.choice(["dsetdef", "dpopitem", "dclear", "dcopy", "dupdate"])
            if o == "dsetdef":
                k = rng.choice(pool)
                v = rng.choice(INTS)
                ki, vi = ids([k, v])
                r, n = measured(lambda: D[X].setdefault(k, v))
                line = [o, X, ki, vi] + ids([r])
            elif o == "dpopitem":
                if D[X]:
                    k, v = D[X].popitem()
                    line = [o, X] + ids([k, v])
                else:
                    line = [o, X, "-"]
                n = 0
            elif o == "dclear":
                D[X].clear()
                line = [o, X]
                n = 0
            elif o == "dcopy":
                D[X] = D[Y].copy()
                line = [o, X, Y]
                n = 0
            else:
                _, n = measured(lambda: D[X].update(D[Y]))
                line = [o, X, Y]
            dtouched = [X]
        elif op == "fhash":
            h = hash(frozenset(S[A]))
            line = ["fhash", A, h]
            n = 0
        elif op == "iupd":
            lst = rand_list(rng, pool, [], rng.choice([1, 3, 10, 40]))
            li = ids(lst)
            _, n = measured(lambda: S[A].update(lst))
            line = ["iupd", A] + li
            touched = [A]
        elif op == "fromlist":
            lst = rand_list(rng, pool, [], rng.choice([0, 2, 5, 20, 60]))
            li = ids(lst)
            r, n = measured(lambda: set(lst))
            S[A] = r
            line = ["fromlist", A] + li
            touched = [A]
        ARM = None
        emit(*line)
        if count_eq:
            emit("eqc", n)
        if armed_op:
            # the mutation may have hit any set
            touched = SET_NAMES
        for t in touched:
            check(t, S[t])
        for t in dtouched:
            dcheck(t, D[t])


def k_case(rng, name, nvals, nops, hash_div):
    """Random case over K objects: equal iff same v, hash v // hash_div,
    several distinct instances per v (identity differs)."""
    pool = []
    for v in range(nvals):
        for inst in range(3):
            pool.append(K(v, v // hash_div, inst))
    random_case(rng, name, pool, nops, count_eq=True)


def structured_cases():
    # Sequential growth, with a check after every insertion.
    for name, seq in [
        ("grow_seq", list(range(200))),
        ("grow_neg", list(range(0, -150, -1))),
        ("grow_stride8", [8 * i for i in range(120)]),
        ("grow_stride1024", [1024 * i for i in range(100)]),
        ("grow_shuffled", random.Random(7).sample(range(1000), 150)),
        ("grow_floats", [i / 4 for i in range(120)]),
        ("grow_tuples", [(i, i % 7) for i in range(120)]),
        ("grow_large", [2**61 + i for i in range(-60, 60)]),
    ]:
        emit("case", name)
        emit("new", "a")
        s = set()
        for x in seq:
            s.add(x)
            emit("add", "a", *ids([x]))
            check("a", s)
        # then discard every third and re-add in reverse: dummies reused
        for x in seq[::3]:
            r = x in s
            s.discard(x)
            emit("disc", "a", *ids([x]), b(r))
        check("a", s)
        for x in reversed(seq[::3]):
            s.add(x)
            emit("add", "a", *ids([x]))
            check("a", s)
        while s:
            x = s.pop()
            emit("pop", "a", *ids([x]))
            if len(s) % 7 == 0:
                check("a", s)
        emit("pop", "a", "-")
        for x in seq[:20]:
            s.add(x)
            emit("add", "a", *ids([x]))
            check("a", s)

    # Size ratios for every binary operation, in both orders.
    rng = random.Random(11)
    sizes = [0, 1, 3, 5, 8, 13, 20, 33, 50, 100, 300]
    uni = list(range(-50, 400)) + [2**61 + i for i in range(50)] + \
        [i + 0.5 for i in range(50)]
    for sa in sizes:
        for sb in sizes:
            emit("case", "ratio_%d_%d" % (sa, sb))
            a = set()
            bb = set()
            emit("new", "a")
            emit("new", "b")
            la = rng.sample(uni, sa)
            lb = rng.sample(la, min(sb // 2, sa)) + rng.sample(uni, sb - min(sb // 2, sa))
            emit("fromlist", "a", *ids(la))
            a = set(la)
            emit("fromlist", "b", *ids(lb))
            bb = set(lb)
            check("a", a)
            check("b", bb)
            # discard a few from each to leave dummies
            for x in la[: sa // 4]:
                a.discard(x)
                emit("disc", "a", *ids([x]), 1)
            check("a", a)
            S = {"a": a, "b": bb}
            for (P, Q) in [("a", "b"), ("b", "a"), ("a", "a")]:
                for o, fn in [("or", lambda p, q: p | q), ("and", lambda p, q: p & q),
                              ("sub", lambda p, q: p - q), ("xor", lambda p, q: p ^ q)]:
                    r = fn(S[P], S[Q])
                    emit(o, "c", P, Q)
                    check("c", r)
                for o in ["le", "ge", "disj", "eq"]:
                    fn = {"le": lambda p, q: p <= q, "ge": lambda p, q: p >= q,
                          "disj": lambda p, q: p.isdisjoint(q), "eq": lambda p, q: p == q}[o]
                    emit(o, P, Q, b(fn(S[P], S[Q])))
                for o in ["ior", "iand", "isub", "ixor"]:
                    c = S[P].copy()
                    emit("copy", "c", P)
                    check("c", c)
                    if o == "ior":
                        c |= S[Q]
                    elif o == "iand":
                        c &= S[Q]
                    elif o == "isub":
                        c -= S[Q]
                    else:
                        c ^= S[Q]
                    emit(o, "c", Q)
                    check("c", c)
            # dict arguments
            d = dict.fromkeys(lb, 0)
            emit("dnew", "x")
            for k in lb:
                emit("dset", "x", *ids([k, 0]))
            for o, fn in [("dsub", lambda: a.difference(d)),
                          ("dxor", lambda: a.symmetric_difference(d))]:
                emit(o, "c", "a", "x")
                check("c", fn())
            c = a.copy()
            emit("copy", "c", "a")
            c.update(d)
            emit("dupd", "c", "x")
            check("c", c)
            emit("fromd", "c", "x")
            check("c", set(d))

    # Big sets: the used > 50000 growth branch, digests only.
    emit("case", "big")
    s = set()
    t = set()
    emit("new", "a")
    emit("new", "b")
    lo = RANGE_LO
    for (name, st, lo_, hi, step) in [("a", s, lo, lo + 60000, 1), ("b", t, lo + 30000, lo + 140000, 3)]:
        st.update(range(lo_, hi, step))
        emit("addrange", name, lo_, hi, step)
        check(name, st)
    for x in range(lo, lo + 60000, 7):
        s.discard(x)
    emit("discrange", "a", lo, lo + 60000, 7)
    check("a", s)
    emit("addrange", "a", lo + 100000, lo + 130000, 1)
    s.update(range(lo + 100000, lo + 130000))
    check("a", s)
    for o, fn in [("or", lambda p, q: p | q), ("and", lambda p, q: p & q),
                  ("sub", lambda p, q: p - q), ("xor", lambda p, q: p ^ q)]:
        emit(o, "c", "a", "b")
        check("c", fn(s, t))
        emit(o, "c", "b", "a")
        check("c", fn(t, s))
    emit("copy", "c", "a")
    check("c", s.copy())
    emit("fhash", "a", hash(frozenset(s)))
    emit("isub", "a", "b")
    s -= t
    check("a", s)


def dict_cases():
    rng = random.Random(5)
    for ci in range(60):
        emit("case", "dict_%d" % ci)
        D = {"x": {}, "y": {}}
        emit("dnew", "x")
        emit("dnew", "y")
        pool = rng.sample(BUILTIN_POOL, rng.choice([5, 20, 60, len(BUILTIN_POOL)]))
        for _ in range(rng.choice([20, 80, 200])):
            X = rng.choice("xy")
            Y = rng.choice("xy")
            r = rng.random()
            if r < 0.5:
                k = rng.choice(pool)
                v = rng.choice(INTS)
                D[X][k] = v
                emit("dset", X, *ids([k, v]))
            elif r < 0.75:
                base = list(D[X])
                k = rng.choice(base) if base and rng.random() < 0.8 else rng.choice(pool)
                sentinel = object()
                emit("ddel", X, *ids([k]), b(D[X].pop(k, sentinel) is not sentinel))
            elif r < 0.82:
                k = rng.choice(pool)
                v = rng.choice(INTS)
                res = D[X].setdefault(k, v)
                emit("dsetdef", X, *ids([k, v, res]))
            elif r < 0.88:
                if D[X]:
                    k, v = D[X].popitem()
                    emit("dpopitem", X, *ids([k, v]))
                else:
                    emit("dpopitem", X, "-")
            elif r < 0.92:
                D[X] = D[Y].copy()
                emit("dcopy", X, Y)
            elif r < 0.96:
                D[X].update(D[Y])
                emit("dupdate", X, Y)
            elif r < 0.97:
                D[X].clear()
                emit("dclear", X)
            else:
                continue
            dcheck(X, D[X])


def main():
    structured_cases()
    rng = random.Random(1234)
    for ci in range(200):
        size = rng.choice([4, 10, 30, 80, 200, len(BUILTIN_POOL)])
        pool = rng.sample(BUILTIN_POOL, min(size, len(BUILTIN_POOL)))
        random_case(rng, "rand_%d" % ci, pool, rng.choice([40, 80, 150]))
    for ci in range(50):
        k_case(rng, "keq_%d" % ci, rng.choice([3, 8, 20, 40]),
               rng.choice([40, 100]), rng.choice([1, 2, 4, 16]))
    dict_cases()
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "vectors.txt"), "w") as f:
        f.write("# generated by gen_vectors.py with CPython %s; do not edit\n"
                % sys.version.split()[0])
        f.write("\n".join(OUT))
        f.write("\n")


if __name__ == "__main__":
    main()
