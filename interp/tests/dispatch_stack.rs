//! The interpreter's dispatch must not grow the native stack: handlers end
//! in sibling calls, and Python calls push VM frames. These tests run on a
//! thread with a 64 KiB stack, where native recursion per instruction or per
//! call would overflow at once.

use interp::run::{run_here, RunOptions};

fn run_on_small_stack(source: &str) -> i32 {
    const STACK: usize = 64 * 1024;
    let opts = RunOptions {
        filename: "<test>".into(),
        source: source.into(),
        argv: vec!["<test>".into()],
        ..Default::default()
    };
    std::thread::Builder::new()
        .stack_size(STACK)
        .spawn(move || run_here(opts, STACK))
        .expect("spawn")
        .join()
        .expect("the VM thread crashed")
}

#[test]
fn a_hundred_million_instructions_on_a_64k_stack() {
    // Four instructions per iteration (compare, branch, add, back edge):
    // 25 million iterations are 10^8 instructions.
    let src = "i = 0\nn = 25_000_000\nwhile i < n:\n    i += 1\nassert i == n\n";
    assert_eq!(run_on_small_stack(src), 0);
}

#[test]
fn deep_python_recursion_on_a_64k_stack() {
    let src = "import sys\nsys.setrecursionlimit(100000)\ndef f(n):\n    return 0 if n == 0 else 1 + f(n - 1)\nassert f(50000) == 50000\n";
    assert_eq!(run_on_small_stack(src), 0);
}

#[test]
fn unbounded_recursion_raises_recursion_error() {
    let src = "def f(n):\n    return f(n + 1)\ntry:\n    f(0)\nexcept RecursionError as e:\n    assert 'maximum recursion depth exceeded' in str(e)\nelse:\n    raise AssertionError('no RecursionError')\n";
    assert_eq!(run_on_small_stack(src), 0);
}

/// Runs `body` 200,000 times on a 64 KiB stack after `setup`: a handler on
/// the path that dispatched with a native call instead of a jump would
/// overflow (or hit the native-stack RecursionError check).
fn loop_on_small_stack(setup: &str, body: &str) {
    let mut src = String::from(setup);
    src.push_str("\nfor i in range(200000):\n");
    for line in body.lines() {
        src.push_str("    ");
        src.push_str(line);
        src.push('\n');
    }
    assert_eq!(run_on_small_stack(&src), 0, "program:\n{src}");
}

#[test]
fn calls_and_returns_run_in_constant_native_stack() {
    loop_on_small_stack(
        "def f(a, b=1, *c, **d):\n    return a + b",
        "f(i)\nf(i, b=2)\nf(*[i, 2], **{})",
    );
}

#[test]
fn method_calls_and_instantiation_run_in_constant_native_stack() {
    loop_on_small_stack("class C:\n    def __init__(self, v):\n        self.v = v\n    def get(self):\n        return self.v", "c = C(i)\nc.get()\nm = c.get\nm()");
}

#[test]
fn closures_run_in_constant_native_stack() {
    loop_on_small_stack(
        "def outer():\n    x = 1\n    def inner(y):\n        return x + y\n    return inner",
        "outer()(i)",
    );
}

#[test]
fn generators_run_in_constant_native_stack() {
    loop_on_small_stack(
        "def gen(n):\n    for k in range(n):\n        yield k\n    return n\ndef sub(n):\n    r = yield from gen(n)\n    return r",
        "for j in gen(2):\n    pass\nsum(sub(2))\nnext(gen(1))\nlist(x for x in range(2))",
    );
}

#[test]
fn exceptions_run_in_constant_native_stack() {
    loop_on_small_stack(
        "def boom(k):\n    raise ValueError(k)",
        "try:\n    boom(i)\nexcept ValueError:\n    pass\ntry:\n    {}[i]\nexcept KeyError as e:\n    pass\nfinally:\n    pass",
    );
}
