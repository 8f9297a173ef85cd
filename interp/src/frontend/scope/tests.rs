//! Tests of the symbol table and the compile-time checks.

use super::*;
use crate::frontend::parse;

fn table(src: &str) -> Result<SymbolTable, FrontendError> {
    let map = SourceMap::new(src);
    let m = parse::parse(src, &map)?;
    build(&m, &map)
}

fn scope_named<'t>(t: &'t SymbolTable, qualname: &str) -> &'t Scope {
    t.scopes
        .iter()
        .find(|s| s.qualname == qualname)
        .unwrap_or_else(|| panic!("no scope {qualname}"))
}

fn err(src: &str) -> String {
    match table(src) {
        Err(FrontendError::Syntax { msg, .. }) => msg,
        Err(FrontendError::Unsupported { what, .. }) => format!("unsupported: {what}"),
        Ok(_) => "ok".into(),
    }
}

#[test]
fn cells_and_free_variables() {
    let t = table("def f(a):\n    b = 1\n    def g():\n        return a + b + c\n    return g\n")
        .unwrap();
    let f = scope_named(&t, "f");
    assert_eq!(f.cellvars, vec!["a", "b"]);
    let g = scope_named(&t, "f.<locals>.g");
    assert_eq!(g.freevars, vec!["a", "b"]);
    assert_eq!(g.resolve("c"), Resolved::GlobalImplicit);
}

#[test]
fn class_scope_is_skipped_and_super_makes_class_cell() {
    let src = "def f():\n    x = 1\n    class C:\n        x = 2\n        def m(self):\n            return super().m(x)\n    return C\n";
    let t = table(src).unwrap();
    let c = scope_named(&t, "f.<locals>.C");
    assert!(c.needs_class_closure);
    assert_eq!(c.cellvars, vec!["__class__"]);
    assert_eq!(c.freevars, vec!["x"]);
    assert_eq!(c.resolve("x"), Resolved::Local);
    let m = scope_named(&t, "f.<locals>.C.m");
    assert_eq!(m.freevars, vec!["__class__", "x"]);
    assert_eq!(scope_named(&t, "f").cellvars, vec!["x"]);
}

#[test]
fn comprehensions_are_scopes() {
    let t = table("class C:\n    y = 1\n    z = [y for _ in range(3)]\n").unwrap();
    let lc = scope_named(&t, "C.<listcomp>");
    assert_eq!(lc.params, vec![".0"]);
    assert_eq!(lc.resolve("y"), Resolved::GlobalImplicit);
    assert_eq!(lc.resolve("range"), Resolved::GlobalImplicit);
}

#[test]
fn mangling() {
    assert_eq!(mangle(Some("_C"), "__x"), "_C__x");
    assert_eq!(mangle(Some("C"), "__x__"), "__x__");
    assert_eq!(mangle(Some("__"), "__x"), "__x");
    let t = table("class C:\n    def __m(self, __p): return __p\n").unwrap();
    assert_eq!(scope_named(&t, "C.__m").params, vec!["self", "_C__p"]);
    assert!(scope_named(&t, "C").symbol("_C__m").is_some());
}

#[test]
fn compile_time_errors() {
    assert_eq!(
        err("nonlocal x\n"),
        "nonlocal declaration not allowed at module level"
    );
    assert_eq!(
        err("def f():\n    nonlocal x\n"),
        "no binding for nonlocal 'x' found"
    );
    assert_eq!(
        err("def f():\n    x = 1\n    global x\n"),
        "name 'x' is assigned to before global declaration"
    );
    assert_eq!(
        err("def f():\n    print(x)\n    global x\n"),
        "name 'x' is used prior to global declaration"
    );
    assert_eq!(
        err("def f(x):\n    global x\n"),
        "name 'x' is parameter and global"
    );
    assert_eq!(err("return 1\n"), "'return' outside function");
    assert_eq!(err("class C:\n    yield 1\n"), "'yield' outside function");
    assert_eq!(err("break\n"), "'break' outside loop");
    assert_eq!(
        err("for x in y:\n    pass\nelse:\n    continue\n"),
        "'continue' not properly in loop"
    );
    assert_eq!(
        err("def f(a, a): pass\n"),
        "duplicate argument 'a' in function definition"
    );
    assert_eq!(err("f(a=1, a=2)\n"), "keyword argument repeated: a");
    assert_eq!(err("x = *a\n"), "can't use starred expression here");
    assert_eq!(
        err("*a = b\n"),
        "starred assignment target must be in a list or tuple"
    );
    assert_eq!(
        err("a, *b, *c = d\n"),
        "multiple starred expressions in assignment"
    );
    assert_eq!(
        err("def f():\n    from m import *\n"),
        "import * only allowed at module level"
    );
    assert_eq!(
        err("x = [(yield) for y in z]\n"),
        "'yield' inside list comprehension"
    );
    assert_eq!(
        err("x = 1\nfrom __future__ import annotations\n"),
        "from __future__ imports must occur at the beginning of the file"
    );
    assert_eq!(err("\"doc\"\nfrom __future__ import annotations\n"), "ok");
    assert_eq!(err("__debug__ = 1\n"), "cannot assign to __debug__");
    assert_eq!(
        err("try:\n    pass\nexcept:\n    pass\nexcept E:\n    pass\n"),
        "default 'except:' must be last"
    );
}

#[test]
fn statically_nested_blocks_limit_matches_cpython() {
    let nest = |n: usize, head: &str| {
        let mut s = String::new();
        for i in 0..n {
            s.push_str(&format!("{}{head}\n", " ".repeat(i)));
        }
        s.push_str(&format!("{}pass\n", " ".repeat(n)));
        s
    };
    assert_eq!(err(&nest(20, "for x in y:")), "ok");
    assert_eq!(
        err(&nest(21, "while x:")),
        "too many statically nested blocks"
    );
    assert_eq!(err(&nest(60, "if x:")), "ok");
    let handlers = |n: usize| {
        let mut s = String::new();
        for i in 0..n {
            s.push_str(&format!(
                "{0}try:\n{0} pass\n{0}except E as e:\n",
                " ".repeat(i)
            ));
        }
        s.push_str(&format!("{}pass\n", " ".repeat(n)));
        s
    };
    assert_eq!(err(&handlers(10)), "ok");
    assert_eq!(err(&handlers(11)), "too many statically nested blocks");
}

#[test]
fn refusals_yield_to_later_syntax_errors() {
    assert_eq!(err("with a: pass\n"), "unsupported: with statement");
    assert_eq!(err("with a: pass\nbreak\n"), "'break' outside loop");
    assert_eq!(err("x = 1j\n"), "unsupported: complex literal");
    assert_eq!(err("x = b'a'\n"), "unsupported: bytes literal");
    assert_eq!(err("import a.b\n"), "unsupported: dotted import");
    assert_eq!(err("from . import b\n"), "unsupported: relative import");
    assert_eq!(
        err("class C(metaclass=M): pass\n"),
        "unsupported: metaclass"
    );
    assert_eq!(
        err("x = '\\ud800'\n"),
        "unsupported: surrogate in string literal"
    );
    assert_eq!(
        err("x = '\\U0000DC00'\n"),
        "unsupported: surrogate in string literal"
    );
    assert_eq!(err("x = '\\ufffd'\n"), "ok");
}

#[test]
fn qualnames() {
    let src = "def f():\n    def g(): pass\n    class D:\n        def m(self): pass\n    h = lambda: 0\ndef o():\n    global q\n    def q(): pass\n";
    let t = table(src).unwrap();
    for q in [
        "f.<locals>.g",
        "f.<locals>.D",
        "f.<locals>.D.m",
        "f.<locals>.<lambda>",
        "q",
    ] {
        scope_named(&t, q);
    }
}

#[test]
fn module_hooks_are_refused() {
    let at = |src: &str| match table(src) {
        Err(FrontendError::Unsupported { what, line, col }) => (what, line, col),
        other => panic!("{src:?}: {:?}", other.err()),
    };
    let getattr = "module __getattr__".to_string();
    assert_eq!(
        at("# PEP 562\ndef __getattr__(name):\n    return name\n"),
        (getattr.clone(), 2, 1)
    );
    assert_eq!(
        at("@deco\n\ndef __dir__():\n    return []\n"),
        ("module __dir__".to_string(), 3, 1)
    );
    assert_eq!(at("if x:\n    __getattr__ = f\n"), (getattr.clone(), 2, 5));
    assert_eq!(at("from m import f as __getattr__\n").0, getattr);
    assert_eq!(at("for __dir__ in x: pass\n").0, "module __dir__");
    assert_eq!(
        at("def f():\n    global __getattr__\n    def __getattr__(n): pass\n"),
        (getattr, 3, 5)
    );
    // Class attributes, locals and other dunders are fine.
    assert_eq!(
        err("class C:\n    def __getattr__(self, n): pass\n    __dir__ = None\n"),
        "ok"
    );
    assert_eq!(
        err("def f():\n    __getattr__ = 1\n    def __dir__(): pass\n"),
        "ok"
    );
    assert_eq!(err("def __getattribute__(n): pass\n"), "ok");
    assert_eq!(err("print(__getattr__)\n"), "ok");
}
