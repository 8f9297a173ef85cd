//! End-to-end tests of `compile`: errors, limits, and the shape of the code
//! for representative programs (checked through the disassembler's text).

use super::bc::disasm::disassemble;
use super::bc::{CodeUnit, Const, Op};
use super::{compile, FrontendError};

fn dis(src: &str) -> String {
    match compile(src, "t.py") {
        Ok(u) => disassemble(&u),
        Err(e) => panic!("compile failed: {e:?}\n{src}"),
    }
}

fn err(src: &str) -> FrontendError {
    compile(src, "t.py").expect_err("expected an error")
}

/// The unit with this qualname, searched depth-first.
fn unit<'u>(u: &'u CodeUnit, qualname: &str) -> &'u CodeUnit {
    fn find<'u>(u: &'u CodeUnit, q: &str) -> Option<&'u CodeUnit> {
        if u.qualname == q {
            return Some(u);
        }
        u.consts.iter().find_map(|c| match c {
            Const::Code(inner) => find(inner, q),
            _ => None,
        })
    }
    find(u, qualname).unwrap_or_else(|| panic!("no unit {qualname}"))
}

fn ops(u: &CodeUnit) -> Vec<Op> {
    u.insns.iter().map(|i| i.op()).collect()
}

/// Disassembly lines of one unit (its own section only), without line numbers.
fn body_of(text: &str, qualname: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut inside = false;
    for line in text.lines() {
        if line.starts_with("code ") {
            inside = line.starts_with(&format!("code {qualname} ("));
            continue;
        }
        if inside && !line.trim().is_empty() {
            out.push(line.get(13..).unwrap_or(line).trim_end().to_string());
        }
    }
    out
}

#[test]
fn module_unit_shape() {
    let u = compile("x = 1\nprint(x)\n", "m.py").unwrap();
    assert_eq!(u.name, "<module>");
    assert_eq!(u.kind, super::bc::CodeKind::Module);
    assert_eq!(u.filename, "m.py");
    assert_eq!(u.globals, vec!["x", "print"]);
    assert_eq!(u.insns.len(), u.lines.len());
    assert_eq!(*u.lines.first().unwrap(), 1);
    assert!(u.lines.contains(&2));
}

#[test]
fn parameters_are_assigned_and_maybe_unbound_locals_are_checked() {
    let text = dis("def f(a, b):\n    if a:\n        c = 1\n    return a + b + c\n");
    let body = body_of(&text, "f");
    assert_eq!(
        body.iter().filter(|l| l.contains("CheckBound")).count(),
        1,
        "{text}"
    );
    assert!(
        body.iter()
            .any(|l| l.contains("CheckBound") && l.ends_with("c")),
        "{text}"
    );
    assert!(
        body.iter()
            .any(|l| l.starts_with("Add") && l.contains("r0 r1")),
        "{text}"
    );
}

#[test]
fn check_bound_is_learned_and_loops_are_conservative() {
    let text = dis(
        "def f(n):\n    for i in range(n):\n        last = i\n    print(last)\n    print(last)\n",
    );
    let body = body_of(&text, "f");
    assert_eq!(
        body.iter().filter(|l| l.contains("CheckBound")).count(),
        1,
        "{text}"
    );
    let text =
        dis("def f(n):\n    x = 1\n    while n:\n        print(x)\n        del x\n        x = 2\n");
    assert!(
        body_of(&text, "f").iter().any(|l| l.contains("CheckBound")),
        "{text}"
    );
}

#[test]
fn except_name_is_unbound_after_the_handler() {
    let text =
        dis("def f():\n    try:\n        pass\n    except E as e:\n        pass\n    return e\n");
    let body = body_of(&text, "f");
    assert!(body.iter().any(|l| l.starts_with("DeleteLocal")), "{text}");
    assert!(body.iter().any(|l| l.starts_with("CheckBound")), "{text}");
}

#[test]
fn return_in_try_finally_inlines_the_finally_body() {
    let src = "def f():\n    try:\n        return g()\n    finally:\n        h()\n";
    let u = compile(src, "t.py").unwrap();
    let f = unit(&u, "f");
    let text = disassemble(f);
    let body = body_of(&text, "f");
    // g() into a temp, then h() inline, then Return of the temp.
    let call_g = body.iter().position(|l| l.contains("; g")).unwrap();
    let call_h = body.iter().position(|l| l.contains("; h")).unwrap();
    let ret = body.iter().position(|l| l.starts_with("Return")).unwrap();
    assert!(call_g < call_h && call_h < ret, "{text}");
    // The inline copy is not protected by the finally handler; the body is.
    let handler = f.insns.iter().position(|i| i.op() == Op::LoadExc).unwrap() as u32;
    let h_pc = f
        .insns
        .iter()
        .position(|i| i.op() == Op::LoadGlobal && f.globals[i.b()] == "h")
        .unwrap() as u32;
    let g_pc = f
        .insns
        .iter()
        .position(|i| i.op() == Op::LoadGlobal && f.globals[i.b()] == "g")
        .unwrap() as u32;
    assert!(
        f.exc_table
            .iter()
            .any(|e| e.handler == handler && e.start <= g_pc && g_pc < e.end),
        "{text}"
    );
    assert!(
        !f.exc_table
            .iter()
            .any(|e| e.handler == handler && e.start <= h_pc && h_pc < e.end),
        "{text}"
    );
    // Three copies of the finally body: inline at the return, normal path, exception path.
    assert_eq!(
        f.insns
            .iter()
            .filter(|i| i.op() == Op::LoadGlobal && f.globals[i.b()] == "h")
            .count(),
        3
    );
}

#[test]
fn exception_table_for_try_except() {
    let src = "try:\n    a()\nexcept E as e:\n    b(e)\nexcept:\n    c()\n";
    let u = compile(src, "t.py").unwrap();
    let text = disassemble(&u);
    assert_eq!(u.exc_table.len(), 4, "{text}");
    let first = u.exc_table[0];
    assert_eq!(u.insns[first.handler as usize].op(), Op::LoadExc, "{text}");
    assert_eq!(first.start, 0, "{text}");
    // Every handler starts with LoadExc, and innermost entries come first.
    for e in &u.exc_table {
        assert_eq!(u.insns[e.handler as usize].op(), Op::LoadExc, "{text}");
        assert!(e.start < e.end);
    }
    let clause = u.exc_table.iter().find(|e| {
        u.insns[e.start as usize..e.end as usize]
            .iter()
            .any(|i| i.op() == Op::LoadGlobal && u.globals[i.b()] == "b")
    });
    let cleanup = clause.expect("named clause body is protected");
    let handler = &u.insns[cleanup.handler as usize..];
    assert_eq!(handler[1].op(), Op::RestoreExc, "{text}");
    assert!(
        handler.iter().take(6).any(|i| i.op() == Op::DeleteGlobal),
        "{text}"
    );
}

#[test]
fn closures_cells_and_free_registers() {
    let src =
        "def outer(a):\n    b = 2\n    def inner():\n        return a + b\n    return inner\n";
    let u = compile(src, "t.py").unwrap();
    let outer = unit(&u, "outer");
    assert_eq!(outer.local_names, vec!["a", "b", "inner"]);
    assert_eq!(outer.cellvars, vec!["a", "b"]);
    assert_eq!(&ops(outer)[..2], &[Op::MakeCell, Op::MakeCell]);
    let text = disassemble(outer);
    let body = body_of(&text, "outer");
    assert!(
        body.iter()
            .any(|l| l.starts_with("MakeFunction") && l.contains("aux=4")),
        "{text}"
    );
    assert!(
        body.iter()
            .any(|l| l.starts_with("Move") && l.ends_with("b=a")),
        "{text}"
    );
    let inner = unit(&u, "outer.<locals>.inner");
    assert_eq!(inner.freevars, vec!["a", "b"]);
    assert_eq!(inner.local_names, vec!["a", "b"]);
    assert_eq!(&ops(inner)[..2], &[Op::LoadClosure, Op::LoadClosure]);
    let derefs: Vec<_> = inner
        .insns
        .iter()
        .filter(|i| i.op() == Op::LoadDeref)
        .collect();
    assert_eq!(derefs.len(), 2);
    assert!(derefs.iter().all(|i| i.aux() == 1));
    let own = unit(&u, "outer");
    assert!(
        own.insns
            .iter()
            .filter(|i| i.op() == Op::StoreDeref)
            .count()
            == 1
    );
}

#[test]
fn super_and_class_cell() {
    let src = "class A(B):\n    def m(self, x):\n        return super().m(x)\n";
    let u = compile(src, "t.py").unwrap();
    let body = unit(&u, "A");
    assert_eq!(body.kind, super::bc::CodeKind::ClassBody);
    assert_eq!(body.cellvars, vec!["__class__"]);
    assert!(body.names.contains(&"__classcell__".to_string()));
    assert!(body.names.contains(&"__qualname__".to_string()));
    let n = body.insns.len();
    assert_eq!(body.insns[n - 3].op(), Op::StoreName);
    assert_eq!(body.names[body.insns[n - 3].a()], "__classcell__");
    assert_eq!(body.insns[n - 1].op(), Op::Return);
    let m = unit(&u, "A.m");
    let text = disassemble(m);
    let call = m.insns.iter().find(|i| i.op() == Op::Call).unwrap();
    assert_eq!(call.c(), 2, "{text}");
    assert!(
        m.insns
            .iter()
            .any(|i| i.op() == Op::LoadDeref && i.aux() == 1),
        "{text}"
    );
    // Outside a class, super() stays a plain call.
    let u = compile("def f(self):\n    return super()\n", "t.py").unwrap();
    assert_eq!(
        unit(&u, "f")
            .insns
            .iter()
            .find(|i| i.op() == Op::Call)
            .unwrap()
            .c(),
        0
    );
}

#[test]
fn calls() {
    let text = dis("f(1, k=2)\no.m(1, 2)\ng(*a, **k)\n");
    let body = body_of(&text, "<module>");
    assert!(
        body.iter().any(|l| l.contains("Tuple([Str(\"k\")])")),
        "{text}"
    );
    assert!(
        body.iter()
            .any(|l| l.starts_with("CallKw") && l.ends_with(" 2")),
        "{text}"
    );
    assert!(body.iter().any(|l| l.starts_with("LoadMethod")), "{text}");
    assert!(
        body.iter()
            .any(|l| l.starts_with("CallMethod") && l.ends_with(" 2")),
        "{text}"
    );
    assert!(
        body.iter()
            .any(|l| l.starts_with("CallEx") && l.contains("aux=1")),
        "{text}"
    );
}

#[test]
fn big_and_negative_literals() {
    let u = compile(
        "x = 123456789012345678901234567890\ny = -9223372036854775808\nz = 0xFFFF_FFFF_FFFF_FFFF\n",
        "t.py",
    )
    .unwrap();
    assert!(u.consts.iter().any(
        |c| matches!(c, Const::BigInt(b) if b.to_string() == "123456789012345678901234567890")
    ));
    assert!(u.consts.contains(&Const::Int(i64::MIN)));
    assert!(u
        .consts
        .iter()
        .any(|c| matches!(c, Const::BigInt(b) if b.to_string() == "18446744073709551615")));
    let u = compile("a = 0.0\nb = -0.0\n", "t.py").unwrap();
    assert_eq!(
        u.consts
            .iter()
            .filter(|c| matches!(c, Const::Float(_)))
            .count(),
        2
    );
}

#[test]
fn syntax_errors_have_positions() {
    match err("x = 1\ny = (\n") {
        FrontendError::Syntax { line, .. } => assert!(line >= 2),
        e => panic!("{e:?}"),
    }
    match err("def f():\n    x = 1\n    global x\n") {
        FrontendError::Syntax { line, col, msg } => {
            assert_eq!((line, col), (3, 12));
            assert_eq!(msg, "name 'x' is assigned to before global declaration");
        }
        e => panic!("{e:?}"),
    }
    assert_eq!(
        err("return\n").to_string(),
        "SyntaxError: 'return' outside function"
    );
    assert_eq!(
        err("x = 1\0\n").to_string(),
        "SyntaxError: source code cannot contain null bytes"
    );
    let e = err(&format!("x = {}\n", "1".repeat(4301)));
    assert!(
        e.to_string().contains("Exceeds the limit (4300 digits)"),
        "{e}"
    );
}

#[test]
fn refusals() {
    let cases = [
        ("print(eval('1'))\n", "eval()"),
        ("x = open\n", "open()"),
        ("async def f(): pass\n", "async def"),
        ("with a: pass\n", "with statement"),
        ("match x:\n    case 1: pass\n", "match statement"),
        ("y = (x := 1)\n", "assignment expression (:=)"),
        ("x = 2j\n", "complex literal"),
        ("x = b''\n", "bytes literal"),
        ("import os.path\n", "dotted import"),
        ("from .m import x\n", "relative import"),
        ("class C(metaclass=M): pass\n", "metaclass"),
        ("x = a @ b\n", "matrix multiplication (@)"),
    ];
    for (src, what) in cases {
        match compile(src, "t.py") {
            Err(FrontendError::Unsupported { what: w, line, col }) => {
                assert_eq!(w, what, "{src}");
                assert!(line >= 1 && col >= 1);
            }
            other => panic!("{src}: {other:?}"),
        }
    }
    assert_eq!(err("x = eval\n").to_string(), "unsupported: eval()");
    // Shadowed builtins are ordinary names.
    assert!(compile("def eval(s): return s\nprint(eval('1'))\n", "t.py").is_ok());
    assert!(compile("def f(open):\n    return open()\n", "t.py").is_ok());
    assert!(compile(
        "def f():\n    global input\n    input = 1\nprint(input)\n",
        "t.py"
    )
    .is_ok());
}

#[test]
fn nesting_limits_do_not_crash() {
    let deep_sum = format!("x = {}1\n", "1+".repeat(100_000));
    assert!(matches!(err(&deep_sum), FrontendError::Syntax { .. }));
    let deep_neg = format!("x = {}1\n", "-".repeat(100_000));
    assert!(matches!(err(&deep_neg), FrontendError::Syntax { .. }));
    let ok_parens = format!("x = {}1{}\n", "(".repeat(200), ")".repeat(200));
    assert!(compile(&ok_parens, "t.py").is_ok());
    let bad_parens = format!("x = {}1{}\n", "(".repeat(201), ")".repeat(201));
    assert_eq!(
        err(&bad_parens).to_string(),
        "SyntaxError: too many nested parentheses"
    );
    let mut indents = String::new();
    for i in 0..100 {
        indents.push_str(&format!("{}if x:\n", " ".repeat(i)));
    }
    indents.push_str(&format!("{}pass\n", " ".repeat(100)));
    assert_eq!(
        err(&indents).to_string(),
        "SyntaxError: too many levels of indentation"
    );
    // Long flat shapes are iterated, not recursed.
    let elifs = format!(
        "if x:\n    pass\n{}else:\n    pass\n",
        "elif x:\n    pass\n".repeat(50_000)
    );
    assert!(compile(&elifs, "t.py").is_ok());
    let concat = format!("x = {}\n", "'a' ".repeat(100_000));
    assert!(compile(&concat, "t.py").is_ok());
    // Within CPython's limits, deep expressions compile.
    let sum = format!("x = {}1\n", "1+".repeat(1000));
    assert!(compile(&sum, "t.py").is_ok());
    let lambdas = format!("x = {}1\n", "lambda: ".repeat(500));
    assert!(compile(&lambdas, "t.py").is_ok());
}

#[test]
fn comprehension_units() {
    let u = compile(
        "def f(xs):\n    return {k: v for k, v in xs if k}\n",
        "t.py",
    )
    .unwrap();
    let dc = unit(&u, "f.<locals>.<dictcomp>");
    assert_eq!(dc.name, "<dictcomp>");
    assert_eq!(dc.argcount, 1);
    assert_eq!(dc.local_names[0], ".0");
    let o = ops(dc);
    assert_eq!(o[0], Op::BuildDict);
    assert!(o.contains(&Op::ForIter) && o.contains(&Op::DictSet) && o.contains(&Op::JumpBack));
    let f = unit(&u, "f");
    let o = ops(f);
    let gi = o.iter().position(|&x| x == Op::GetIter).unwrap();
    assert_eq!(o[gi + 1], Op::Call);
    let g = unit(
        &compile("g = (x for x in y)\n", "t.py").unwrap(),
        "<genexpr>",
    )
    .clone();
    assert!(g.is_generator);
    assert!(ops(&g).contains(&Op::Yield));
}

#[test]
fn decorators_apply_innermost_first() {
    let u = compile("@a\n@b\ndef f(): pass\n", "t.py").unwrap();
    let calls: Vec<_> = u.insns.iter().filter(|i| i.op() == Op::Call).collect();
    assert_eq!(calls.len(), 2);
    assert_eq!(calls[0].a(), calls[0].b());
    assert_eq!(calls[0].b(), calls[1].b() + 1);
    assert_eq!(unit(&u, "f").first_line, 1);
}
