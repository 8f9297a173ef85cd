//! Fuzzes the front end: thousands of random and mutated inputs must each
//! compile or fail with an error — never panic, never overflow the stack,
//! never report an internal error — and every unit that compiles must pass
//! the structural verifier. Deterministic (fixed-seed xorshift) and bounded
//! to a few seconds.

use interp::frontend::{compile, verify, FrontendError, INTERNAL_ERROR};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::{Duration, Instant};

/// Valid programs covering the subset (and a few refused constructs).
const CORPUS: &[&str] = &[
    "x = 1\nprint(x + 2 * 3 - 4 // 5 % 6 ** 7)\n",
    "def f(a, b=2, *args, c, d=4, **kw):\n    return a, b, args, c, d, kw\nprint(f(1, c=3))\n",
    "def fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\nprint(fib(20))\n",
    "class A:\n    def __init__(self, x):\n        self.x = x\n    def __repr__(self):\n        return f'A({self.x!r})'\nclass B(A):\n    def __init__(self):\n        super().__init__(3)\nprint(B())\n",
    "try:\n    1 / 0\nexcept ZeroDivisionError as e:\n    print('caught', e)\nelse:\n    pass\nfinally:\n    print('done')\n",
    "def g():\n    for i in range(3):\n        try:\n            if i == 1:\n                continue\n            if i == 2:\n                break\n        finally:\n            print(i)\n    else:\n        print('no break')\n    return i\n",
    "def gen(n):\n    total = 0\n    for i in range(n):\n        got = yield i\n        if got:\n            total += got\n    x = yield from range(2)\n    return total\nprint(list(gen(3)))\n",
    "xs = [i * i for i in range(10) if i % 2]\nd = {k: v for k, v in zip('abc', range(3))}\ns = {c for c in 'hello'}\ng = sum(x for x in xs)\n",
    "a, (b, *c), d = 1, (2, 3, 4), 5\nx = y = [1, 2, 3]\nx[1:2] = y[::2]\ndel x[0]\na += 1\nx[0] -= 2\n",
    "def counter():\n    n = 0\n    def inc(k=1):\n        nonlocal n\n        n += k\n        return n\n    return inc\nc = counter()\nprint(c(), c(5))\n",
    "import math\nfrom random import randint, choice as ch\nprint(math.sqrt(2), randint(1, 2))\n",
    "assert 1 < 2 < 3, 'ordering'\nprint(1 if True else 2, not None, 3 and 4 or 5)\nprint(1 in [1], 2 not in [1], None is None, 1 is not None)\n",
    "@staticmethod\ndef f():\n    pass\nclass C:\n    @classmethod\n    def m(cls):\n        return cls\n    @property\n    def p(self):\n        return 1\n",
    "print(f'{1:>5}', f'{\"x\"!s:{3}}', f'{3.14159:.2f}', f'{{}}', f'{x=}')\n",
    "def h(*a, **k):\n    return a, k\nprint(h(*[1, 2], 3, *(4,), x=1, **{'y': 2}))\nprint(h(1, *[], **{}))\n",
    "global_var = 0\ndef setg():\n    global global_var\n    global_var = 5\n    del global_var\n",
    "x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, y]\nt = (*x, *x)\ns = {*x, 1}\nd = {**{}, 'a': 1}\n",
    "while True:\n    n = 1\n    if n:\n        break\nelse:\n    pass\nwhile n < 10:\n    n *= 2\n",
    "raise ValueError('x') from None\n",
    "def f():\n    try:\n        return 1\n    except:\n        raise\n    finally:\n        return 2\n",
    "class Node:\n    __slots__ = ('v', 'next')\n    def __init__(self, v, next=None):\n        self.v, self.next = v, next\n    def __iter__(self):\n        n = self\n        while n is not None:\n            yield n.v\n            n = n.next\n",
    "lam = lambda x, *y, z=1, **w: (x, y, z, w)\nprint((lambda: 1)(), sorted([3, 1, 2], key=lambda v: -v))\n",
    "n = 12345678901234567890123456789 * 0xFFFFFFFFFFFFFFFFFF - 9223372036854775808\nprint(n, -0.0, 1e300 * 1e10, 1_000_000)\n",
    "def outer():\n    x = 1\n    class C:\n        x = 2\n        def m(self):\n            return x\n        y = [x for _ in range(1)]\n    return C\n",
    "try:\n    pass\nexcept (TypeError, ValueError):\n    pass\nexcept Exception as e:\n    print(e)\n",
    "for i, (a, b) in enumerate([(1, 2), (3, 4)]):\n    print(i, a, b)\nfor *a, b in [[1, 2, 3]]:\n    print(a, b)\n",
    "s = 'abc'[::-1] + \"\"\"multi\nline\"\"\" + r'\\raw' + 'caf\\xe9' + '\\N{BULLET}'\nprint(s.upper().split('b'), len(s))\n",
    "x: int = 5\ny: list\nclass P:\n    a: int = 1\n    b: str\ndef f(a: int, *, b: str = 'x') -> None:\n    c: float = 1.0\n",
    "def f(a, /, b, *, c):\n    return a + b + c\nprint(f(1, 2, c=3), f(1, b=2, c=3))\n",
    "with open('f') as fh:\n    pass\n",
    "async def f():\n    await g()\n",
    "match x:\n    case [1, 2]:\n        pass\n",
    "print(eval('1'), (y := 2), 3j, b'bytes')\n",
    "if a:\n    pass\nelif b:\n    pass\nelif c:\n    x = 1\nelse:\n    del d\n",
    "def deco(f):\n    def w(*a, **k):\n        return f(*a, **k)\n    return w\n@deco\n@deco\ndef g(x):\n    return x\n",
    "class E(Exception):\n    pass\ntry:\n    raise E('boom')\nexcept E as err:\n    print(type(err).__name__, err.args)\n",
    "import sys\nsys.setrecursionlimit(10000)\nprint(sys.argv[0:1], end='')\nprint(*range(3), sep=', ')\n",
];

/// Fragments spliced in at random.
const TOKENS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ":",
    ",",
    ";",
    ".",
    "=",
    "==",
    "+",
    "-",
    "*",
    "**",
    "/",
    "//",
    "%",
    "<",
    ">",
    "<=",
    "!=",
    "@",
    "~",
    "^",
    "|",
    "&",
    "<<",
    ">>",
    "->",
    "...",
    "\n",
    "\n    ",
    "\t",
    " ",
    "\\\n",
    "#",
    "'",
    "\"",
    "'''",
    "f'",
    "f\"{",
    "}",
    "rb'",
    "0x",
    "1e5",
    "1_0",
    "0o7",
    "9999999999999999999999",
    "lambda",
    "lambda x:",
    "yield",
    "yield from",
    "await",
    "async",
    "def",
    "class",
    "return",
    "if",
    "elif",
    "else",
    "for",
    "while",
    "in",
    "not",
    "and",
    "or",
    "is",
    "try",
    "except",
    "finally",
    "raise",
    "from",
    "import",
    "as",
    "global",
    "nonlocal",
    "del",
    "pass",
    "break",
    "continue",
    "with",
    "assert",
    "None",
    "True",
    "False",
    "super",
    "__class__",
    "__debug__",
    "*args",
    "**kw",
    ":=",
    "\u{0}",
    "\u{feff}",
    "é",
    "𝔘",
    "\u{202e}",
    "\u{301}",
    "\r",
    "\r\n",
    "\x0c",
    "\\ud800",
    "\\N{",
    "x",
    "_",
    "self",
    "print",
    "eval",
];

/// xorshift64*: deterministic and dependency-free.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

fn mutate(rng: &mut Rng, src: &str) -> String {
    let mut bytes = src.as_bytes().to_vec();
    let rounds = 1 + rng.below(4);
    for _ in 0..rounds {
        let len = bytes.len().max(1);
        match rng.below(9) {
            0 => {
                // Byte flip.
                if !bytes.is_empty() {
                    let i = rng.below(bytes.len());
                    bytes[i] ^= 1 << rng.below(8);
                }
            }
            1 => {
                // Deletion of a range.
                let i = rng.below(len);
                let j = (i + 1 + rng.below(16)).min(bytes.len());
                if i < j {
                    bytes.drain(i..j);
                }
            }
            2 => {
                // Duplication of a range.
                let i = rng.below(len);
                let j = (i + 1 + rng.below(40)).min(bytes.len());
                if i < j {
                    let chunk = bytes[i..j].to_vec();
                    let at = rng.below(bytes.len() + 1);
                    bytes.splice(at..at, chunk);
                }
            }
            3 => {
                // Splice with another corpus program.
                let other = rng.pick(CORPUS).as_bytes();
                let i = rng.below(bytes.len() + 1);
                let j = rng.below(other.len() + 1);
                bytes.truncate(i);
                bytes.extend_from_slice(&other[j..]);
            }
            4 | 5 => {
                // Token insertion.
                let tok = rng.pick(TOKENS).as_bytes().to_vec();
                let at = rng.below(bytes.len() + 1);
                bytes.splice(at..at, tok);
            }
            6 => {
                // Swap two lines.
                let mut lines: Vec<Vec<u8>> =
                    bytes.split(|&b| b == b'\n').map(|l| l.to_vec()).collect();
                if lines.len() > 1 {
                    let a = rng.below(lines.len());
                    let b = rng.below(lines.len());
                    lines.swap(a, b);
                }
                bytes = lines.join(&b'\n');
            }
            7 => {
                // Re-indent a line.
                let at = rng.below(bytes.len() + 1);
                let spaces = vec![b' '; rng.below(9)];
                bytes.splice(at..at, spaces);
            }
            _ => {
                // Random printable garbage.
                let at = rng.below(bytes.len() + 1);
                let junk: Vec<u8> = (0..1 + rng.below(6))
                    .map(|_| 32 + rng.below(95) as u8)
                    .collect();
                bytes.splice(at..at, junk);
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Pathological shapes: deep nesting, long chains, huge literals.
fn deep(rng: &mut Rng) -> String {
    let n = [10, 150, 199, 200, 201, 1000, 2500, 3500, 20_000, 100_000][rng.below(10)];
    match rng.below(15) {
        0 => format!("x = {}1{}\n", "(".repeat(n), ")".repeat(n)),
        1 => format!("x = {}1{}\n", "[".repeat(n), "]".repeat(n)),
        2 => format!("x = {}1\n", "-".repeat(n)),
        3 => format!("x = {}1\n", "1+".repeat(n)),
        4 => format!("x = {}1\n", "not ".repeat(n)),
        5 => format!("x = {}1\n", "lambda: ".repeat(n)),
        6 => format!("x = {}1\n", "2**".repeat(n)),
        7 => format!("x = {}y\n", "y if y else ".repeat(n)),
        8 => format!("x = a{}\n", ".b".repeat(n)),
        9 => format!("x = f{}\n", "()".repeat(n)),
        10 => {
            let n = n.min(150);
            let mut s = String::new();
            for i in 0..n {
                s.push_str(&" ".repeat(i));
                s.push_str(if i % 2 == 0 {
                    "if x:\n"
                } else {
                    "for y in z:\n"
                });
            }
            s.push_str(&" ".repeat(n));
            s.push_str("pass\n");
            s
        }
        11 => format!("x = {}\n", "9".repeat(n.min(20_000))),
        12 => format!(
            "x = {}1{}\n",
            "f'{".repeat(n.min(300)),
            "}'".repeat(n.min(300))
        ),
        13 if rng.below(2) == 0 => format!("if x:\n    pass\n{}", "elif y:\n    z = 1\n".repeat(n)),
        _ => format!("x = [{}]\n", "-1, ".repeat(n)),
    }
}

fn random_tokens(rng: &mut Rng) -> String {
    let n = rng.below(60);
    (0..n)
        .map(|_| rng.pick(TOKENS))
        .collect::<Vec<_>>()
        .join(if rng.below(2) == 0 { " " } else { "" })
}

/// Outcome counts: compiled, syntax error, refused.
#[derive(Default, Debug)]
struct Stats {
    ok: usize,
    syntax: usize,
    refused: usize,
}

fn check(src: &str, stats: &mut Stats) {
    let outcome = catch_unwind(AssertUnwindSafe(|| compile(src, "fuzz.py")));
    match outcome {
        Err(_) => panic!("front end panicked on {src:?}"),
        Ok(Ok(unit)) => {
            if let Err(e) = verify(&unit) {
                panic!("malformed code ({e}) for {src:?}");
            }
            stats.ok += 1;
        }
        Ok(Err(FrontendError::Syntax { msg, line, col })) => {
            assert_ne!(msg, INTERNAL_ERROR, "internal error on {src:?}");
            assert!(line >= 1 && col >= 1, "bad position for {src:?}");
            stats.syntax += 1;
        }
        Ok(Err(FrontendError::Unsupported { what, line, col })) => {
            assert!(
                !what.is_empty() && line >= 1 && col >= 1,
                "bad refusal for {src:?}"
            );
            stats.refused += 1;
        }
    }
}

#[test]
fn corpus_compiles_or_is_refused() {
    for src in CORPUS {
        match compile(src, "corpus.py") {
            Ok(unit) => verify(&unit).unwrap_or_else(|e| panic!("{e}\n{src}")),
            Err(FrontendError::Unsupported { .. }) => {}
            Err(e) => panic!("{e:?}\n{src}"),
        }
    }
}

#[test]
fn fuzz_front_end() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let budget = Duration::from_secs(4);
    let start = Instant::now();
    let mut count = 0usize;
    let mut stats = Stats::default();
    while count < 20_000 && (count < 2_000 || start.elapsed() < budget) {
        let src = match rng.below(10) {
            0 => deep(&mut rng),
            1 => random_tokens(&mut rng),
            _ => {
                let base = rng.pick(CORPUS);
                mutate(&mut rng, base)
            }
        };
        check(&src, &mut stats);
        count += 1;
    }
    eprintln!("{count} inputs in {:?}: {stats:?}", start.elapsed());
    assert!(count >= 2_000, "only {count} inputs ran");
}
