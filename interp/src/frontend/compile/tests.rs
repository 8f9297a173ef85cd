//! Tests of the code generator: programs in `testdata/` are compiled, checked
//! by the verifier, run on the reference VM (`testvm.rs`) and their output
//! compared with CPython 3.11's (the `.out` files, made with `python3`).

use crate::frontend::testvm::Vm;
use crate::frontend::{compile, verify};

fn run(name: &str, src: &str, expected: &str) {
    let unit = compile(src, name).unwrap_or_else(|e| panic!("{name}: {e:?}"));
    verify(&unit).unwrap_or_else(|e| panic!("{name}: {e}"));
    let mut vm = Vm::new();
    let result = vm.run_module(&unit);
    if let Err(e) = &result {
        vm.out.push_str(&format!("<uncaught {e}>\n"));
    }
    if vm.out != expected {
        let dis = crate::frontend::bc::disasm::disassemble(&unit);
        panic!(
            "{name}: output differs\n--- expected\n{expected}--- got\n{}\n{dis}",
            vm.out
        );
    }
}

macro_rules! program {
    ($test:ident, $file:literal) => {
        #[test]
        fn $test() {
            run(
                $file,
                include_str!(concat!("../testdata/", $file, ".py")),
                include_str!(concat!("../testdata/", $file, ".out")),
            );
        }
    };
}

program!(try_except_else_finally, "p01");
program!(unwinding_through_finally, "p02");
program!(closures_and_cells, "p03");
program!(generators_and_comprehensions, "p04");
program!(classes_super_mangling_calls, "p05");
program!(assignment_operators_fstrings, "p06");
program!(finally_return_break_continue, "p07");

#[test]
fn unbound_local_raises() {
    let src = "def f(c):\n    if c:\n        v = 1\n    return v\ntry:\n    f(0)\nexcept NameError as e:\n    print('unbound', e)\nprint(f(1))\n";
    run(
        "unbound",
        src,
        "unbound cannot access local variable 'v' where it is not associated with a value\n1\n",
    );
}
program!(globals_classes_loops_generators, "p08");
program!(scopes_cells_super_handlers, "p09");
