# expression evaluator with tokenizer, parser, and AST classes
class Token:
    __slots__ = ("kind", "text", "pos")
    def __init__(self, kind, text, pos):
        self.kind, self.text, self.pos = kind, text, pos
    def __repr__(self):
        return f"Token({self.kind!r}, {self.text!r}, {self.pos})"

class ParseError(Exception):
    def __init__(self, msg, pos):
        super().__init__(f"{msg} at {pos}")
        self.pos = pos

def tokenize(src):
    i = 0
    while i < len(src):
        c = src[i]
        if c.isspace():
            i += 1
            continue
        if c.isdigit() or c == ".":
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == "."):
                j += 1
            yield Token("num", src[i:j], i)
            i = j
        elif c.isalpha() or c == "_":
            j = i
            while j < len(src) and (src[j].isalnum() or src[j] == "_"):
                j += 1
            yield Token("name", src[i:j], i)
            i = j
        elif c in "+-*/%^(),=":
            yield Token("op", c, i)
            i += 1
        else:
            raise ParseError(f"bad char {c!r}", i)
    yield Token("eof", "", len(src))

class Node:
    def __eq__(self, other):
        return type(self) is type(other) and self.key() == other.key()
    def __hash__(self):
        return hash((type(self).__name__, self.key()))
class Num(Node):
    def __init__(self, v): self.v = v
    def key(self): return (self.v,)
    def eval(self, env): return self.v
    def __repr__(self): return repr(self.v)
class Var(Node):
    def __init__(self, n): self.n = n
    def key(self): return (self.n,)
    def eval(self, env):
        try:
            return env[self.n]
        except KeyError:
            raise NameError(f"undefined variable {self.n!r}") from None
    def __repr__(self): return self.n
class Bin(Node):
    OPS = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b,
           "/": lambda a, b: a / b, "%": lambda a, b: a % b, "^": lambda a, b: a ** b}
    def __init__(self, op, l, r): self.op, self.l, self.r = op, l, r
    def key(self): return (self.op, self.l, self.r)
    def eval(self, env): return Bin.OPS[self.op](self.l.eval(env), self.r.eval(env))
    def __repr__(self): return f"({self.l!r} {self.op} {self.r!r})"
class Neg(Node):
    def __init__(self, e): self.e = e
    def key(self): return (self.e,)
    def eval(self, env): return -self.e.eval(env)
    def __repr__(self): return f"-{self.e!r}"
class Call(Node):
    FUNCS = {"max": max, "min": min, "abs": abs, "round": round, "sum": lambda *a: sum(a)}
    def __init__(self, f, args): self.f, self.args = f, tuple(args)
    def key(self): return (self.f, self.args)
    def eval(self, env): return Call.FUNCS[self.f](*[a.eval(env) for a in self.args])
    def __repr__(self): return f"{self.f}({', '.join(map(repr, self.args))})"

class Parser:
    PREC = {"+": (1, "L"), "-": (1, "L"), "*": (2, "L"), "/": (2, "L"), "%": (2, "L"), "^": (3, "R")}
    def __init__(self, src):
        self.toks = list(tokenize(src))
        self.i = 0
    @property
    def cur(self): return self.toks[self.i]
    def advance(self):
        t = self.cur; self.i += 1; return t
    def expect(self, text):
        if self.cur.text != text:
            raise ParseError(f"expected {text!r}, got {self.cur.text!r}", self.cur.pos)
        return self.advance()
    def parse(self):
        e = self.expr(0)
        if self.cur.kind != "eof":
            raise ParseError("trailing input", self.cur.pos)
        return e
    def expr(self, minp):
        lhs = self.atom()
        while self.cur.kind == "op" and self.cur.text in self.PREC:
            p, assoc = self.PREC[self.cur.text]
            if p < minp: break
            op = self.advance().text
            rhs = self.expr(p + 1 if assoc == "L" else p)
            lhs = Bin(op, lhs, rhs)
        return lhs
    def atom(self):
        t = self.cur
        if t.kind == "num":
            self.advance()
            return Num(float(t.text) if "." in t.text else int(t.text))
        if t.kind == "name":
            self.advance()
            if self.cur.text == "(":
                self.advance()
                args = []
                if self.cur.text != ")":
                    args.append(self.expr(0))
                    while self.cur.text == ",":
                        self.advance(); args.append(self.expr(0))
                self.expect(")")
                return Call(t.text, args)
            return Var(t.text)
        if t.text == "-":
            self.advance(); return Neg(self.expr(3))
        if t.text == "(":
            self.advance(); e = self.expr(0); self.expect(")"); return e
        raise ParseError(f"unexpected {t.text!r}", t.pos)

env = {"x": 3, "y": 4.5, "big": 2**64}
srcs = ["1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-x ^ 2", "x / 2 + y % 2", "max(x, y, 1) * min(2, 3)",
        "big * big - 1", "round(y) + abs(-7)", "sum(1, 2, 3, x)", "1 +", "(1", "1 $ 2", "z + 1", "7 / (x - 3)",
        "10 % -3", "2 ^ -1", "1.5.2 + 1", "sum()"]
seen = {}
for s in srcs:
    try:
        tree = Parser(s).parse()
        v = tree.eval(env)
        seen.setdefault(tree, []).append(s)
        print(f"{s:<28} => {tree!r:<30} = {v}")
    except ParseError as e:
        print(f"{s:<28} !! parse error: {e} (pos {e.pos})")
    except (NameError, ZeroDivisionError, ValueError) as e:
        print(f"{s:<28} !! {type(e).__name__}: {e}")
print(len(seen), Parser("1+2").parse() == Parser("1 + 2").parse(), Parser("1+2").parse() == Parser("2+1").parse())
print(list(tokenize("a1 + 2.5"))[:3])
