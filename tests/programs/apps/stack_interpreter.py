# A tiny language: tokenizer, recursive-descent parser, compiler to stack bytecode, and a VM.
SOURCE = """
fn fib(n) {
    if n < 2 { return n; }
    return fib(n - 1) + fib(n - 2);
}
fn gcd(a, b) {
    while b != 0 { let t = b; b = a % b; a = t; }
    return a;
}
fn is_prime(n) {
    if n < 2 { return 0; }
    let d = 2;
    while d * d <= n {
        if n % d == 0 { return 0; }
        d = d + 1;
    }
    return 1;
}
fn pow(b, e) {
    let r = 1;
    while e > 0 { r = r * b; e = e - 1; }
    return r;
}
let i = 0;
while i < 15 { print(fib(i)); i = i + 1; }
print(gcd(1071, 462));
print(gcd(pow(2, 40), pow(6, 20)));
let count = 0;
let n = 0;
while n < 200 { if is_prime(n) { count = count + 1; } n = n + 1; }
print(count);
print(pow(3, 50));
print(-7 / 2);
print(-7 % 3);
print((1 + 2) * (3 + 4) - 10 / 3);
"""
class ParseError(Exception):
    pass
KEYWORDS = {"fn", "let", "if", "else", "while", "return", "print"}
def tokenize(src):
    toks = []
    i = 0
    line = 1
    while i < len(src):
        c = src[i]
        if c == "\n":
            line += 1
            i += 1
        elif c.isspace():
            i += 1
        elif c.isdigit():
            j = i
            while j < len(src) and src[j].isdigit():
                j += 1
            toks.append(("num", int(src[i:j]), line))
            i = j
        elif c.isalpha() or c == "_":
            j = i
            while j < len(src) and (src[j].isalnum() or src[j] == "_"):
                j += 1
            word = src[i:j]
            toks.append(("kw" if word in KEYWORDS else "id", word, line))
            i = j
        else:
            two = src[i:i + 2]
            if two in ("==", "!=", "<=", ">="):
                toks.append(("op", two, line))
                i += 2
            else:
                toks.append(("op", c, line))
                i += 1
    toks.append(("eof", None, line))
    return toks
class Parser:
    def __init__(self, toks):
        self.toks = toks
        self.pos = 0
    def peek(self):
        return self.toks[self.pos]
    def next(self):
        t = self.toks[self.pos]
        self.pos += 1
        return t
    def expect(self, value):
        t = self.next()
        if t[1] != value:
            raise ParseError("line %d: expected %r, got %r" % (t[2], value, t[1]))
        return t
    def program(self):
        items = []
        while self.peek()[0] != "eof":
            items.append(self.statement())
        return items
    def block(self):
        self.expect("{")
        body = []
        while self.peek()[1] != "}":
            body.append(self.statement())
        self.expect("}")
        return body
    def statement(self):
        kind, val, line = self.peek()
        if val == "fn" and kind == "kw":
            self.next()
            name = self.next()[1]
            self.expect("(")
            params = []
            while self.peek()[1] != ")":
                params.append(self.next()[1])
                if self.peek()[1] == ",":
                    self.next()
            self.expect(")")
            return ("fn", name, params, self.block())
        if val == "let":
            self.next()
            name = self.next()[1]
            self.expect("=")
            e = self.expr()
            self.expect(";")
            return ("let", name, e)
        if val == "if":
            self.next()
            cond = self.expr()
            then = self.block()
            other = []
            if self.peek()[1] == "else":
                self.next()
                other = self.block()
            return ("if", cond, then, other)
        if val == "while":
            self.next()
            cond = self.expr()
            return ("while", cond, self.block())
        if val == "return":
            self.next()
            e = self.expr()
            self.expect(";")
            return ("return", e)
        if val == "print":
            self.next()
            self.expect("(")
            e = self.expr()
            self.expect(")")
            self.expect(";")
            return ("print", e)
        if kind == "id" and self.toks[self.pos + 1][1] == "=":
            self.next()
            self.next()
            e = self.expr()
            self.expect(";")
            return ("set", val, e)
        e = self.expr()
        self.expect(";")
        return ("expr", e)
    PREC = [("==", "!="), ("<", "<=", ">", ">="), ("+", "-"), ("*", "/", "%")]
    def expr(self, level=0):
        if level == len(self.PREC):
            return self.unary()
        left = self.expr(level + 1)
        while self.peek()[1] in self.PREC[level] and self.peek()[0] == "op":
            op = self.next()[1]
            right = self.expr(level + 1)
            left = ("bin", op, left, right)
        return left
    def unary(self):
        if self.peek()[1] == "-":
            self.next()
            return ("neg", self.unary())
        return self.primary()
    def primary(self):
        kind, val, line = self.next()
        if kind == "num":
            return ("num", val)
        if kind == "id":
            if self.peek()[1] == "(":
                self.next()
                args = []
                while self.peek()[1] != ")":
                    args.append(self.expr())
                    if self.peek()[1] == ",":
                        self.next()
                self.expect(")")
                return ("call", val, args)
            return ("var", val)
        if val == "(":
            e = self.expr()
            self.expect(")")
            return e
        raise ParseError("line %d: unexpected %r" % (line, val))
class Compiler:
    def __init__(self):
        self.code = []
        self.functions = {}
    def emit(self, *ins):
        self.code.append(ins)
        return len(self.code) - 1
    def compile_program(self, items):
        fns = [it for it in items if it[0] == "fn"]
        main = [it for it in items if it[0] != "fn"]
        for st in main:
            self.stmt(st)
        self.emit("halt")
        for fn in fns:
            self.functions[fn[1]] = (len(self.code), fn[2])
            for st in fn[3]:
                self.stmt(st)
            self.emit("push", 0)
            self.emit("ret")
        return self.code
    def stmt(self, st):
        k = st[0]
        if k in ("let", "set"):
            self.expr(st[2])
            self.emit("store", st[1])
        elif k == "print":
            self.expr(st[1])
            self.emit("print")
        elif k == "expr":
            self.expr(st[1])
            self.emit("pop")
        elif k == "return":
            self.expr(st[1])
            self.emit("ret")
        elif k == "if":
            self.expr(st[1])
            jf = self.emit("jz", None)
            for s in st[2]:
                self.stmt(s)
            j = self.emit("jmp", None)
            self.code[jf] = ("jz", len(self.code))
            for s in st[3]:
                self.stmt(s)
            self.code[j] = ("jmp", len(self.code))
        elif k == "while":
            top = len(self.code)
            self.expr(st[1])
            jf = self.emit("jz", None)
            for s in st[2]:
                self.stmt(s)
            self.emit("jmp", top)
            self.code[jf] = ("jz", len(self.code))
    def expr(self, e):
        k = e[0]
        if k == "num":
            self.emit("push", e[1])
        elif k == "var":
            self.emit("load", e[1])
        elif k == "neg":
            self.expr(e[1])
            self.emit("neg")
        elif k == "bin":
            self.expr(e[2])
            self.expr(e[3])
            self.emit("bin", e[1])
        elif k == "call":
            for a in e[2]:
                self.expr(a)
            self.emit("call", e[1], len(e[2]))
def run(code, functions):
    stack = []
    frames = [({}, None)]
    pc = 0
    steps = 0
    ops = {
        "+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b,
        "/": lambda a, b: a // b, "%": lambda a, b: a % b,
        "<": lambda a, b: int(a < b), "<=": lambda a, b: int(a <= b),
        ">": lambda a, b: int(a > b), ">=": lambda a, b: int(a >= b),
        "==": lambda a, b: int(a == b), "!=": lambda a, b: int(a != b),
    }
    out = []
    while True:
        ins = code[pc]
        pc += 1
        steps += 1
        op = ins[0]
        if op == "push":
            stack.append(ins[1])
        elif op == "load":
            env = frames[-1][0]
            stack.append(env[ins[1]] if ins[1] in env else frames[0][0][ins[1]])
        elif op == "store":
            frames[-1][0][ins[1]] = stack.pop()
        elif op == "bin":
            b = stack.pop()
            a = stack.pop()
            stack.append(ops[ins[1]](a, b))
        elif op == "neg":
            stack.append(-stack.pop())
        elif op == "jz":
            if stack.pop() == 0:
                pc = ins[1]
        elif op == "jmp":
            pc = ins[1]
        elif op == "pop":
            stack.pop()
        elif op == "print":
            v = stack.pop()
            out.append(v)
            print("out:", v)
        elif op == "call":
            target, params = functions[ins[1]]
            args = stack[len(stack) - ins[2]:]
            del stack[len(stack) - ins[2]:]
            frames.append((dict(zip(params, args)), pc))
            pc = target
        elif op == "ret":
            _, ret_pc = frames.pop()
            pc = ret_pc
        elif op == "halt":
            return out, steps
toks = tokenize(SOURCE)
print("tokens:", len(toks))
print(toks[:12])
ast = Parser(toks).program()
print("top-level items:", len(ast))
for item in ast[:4]:
    print(" ", item[0], item[1], item[2] if item[0] == "fn" else "")
comp = Compiler()
code = comp.compile_program(ast)
print("instructions:", len(code))
for idx, ins in enumerate(code[:25]):
    print("%4d  %s" % (idx, " ".join(str(x) for x in ins)))
print("functions:", sorted(comp.functions.items()))
out, steps = run(code, comp.functions)
print("outputs:", len(out), "steps:", steps)
print("checksum:", sum(out) % 1000003)
try:
    Parser(tokenize("let x = (1 + ;")).program()
except ParseError as e:
    print("ParseError:", e)
