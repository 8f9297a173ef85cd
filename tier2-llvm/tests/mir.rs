//! MIR built from real bytecode and profiles: representation inference,
//! guards and steps (the filetests check whole dumps; these check facts).

use runtime::jit::HotSpot;
use runtime::object::Function;
use runtime::ops::cast;
use runtime::Thread;
use tier2_llvm::mir::{self, Inst, Term, Ty};

/// Runs `src` in the interpreter (so quickening records types) and builds
/// the MIR of function `name` at `spot`.
fn region(src: &str, name: &str, spot: HotSpot) -> mir::Region {
    let mut t = Thread::new();
    interp::exec::install_hooks(&mut t, interp::import::import);
    let m = interp::import::load_module(&mut t, "m", "<m>", src)
        .unwrap_or_else(|_| panic!("the program raised"));
    let n = t.intern(name);
    let f = cast::<Function>(m.get(n).expect("defined")).expect("a function");
    let input = tier2_llvm::snapshot::snapshot(f.code, spot, 1);
    mir::build(&input).unwrap_or_else(|e| panic!("no MIR: {e}"))
}

const LOOP: &str = "
def f(n):
    i = 0
    total = 0.0
    while i < n:
        total = total + 0.5
        i = i + 1
    return total
f(10)
";

#[test]
fn a_numeric_loop_stays_unboxed() {
    let r = region(LOOP, "f", HotSpot::Function);
    let text = mir::print(&r);
    for b in r.blocks.iter().filter(|b| b.back_edge) {
        for i in &b.insts {
            assert!(
                !matches!(i, Inst::Box(_) | Inst::Unbox { .. } | Inst::Step { .. }),
                "boxing or a step in the loop: {i:?}\n{text}"
            );
        }
    }
    // The loop header keeps `i` and `n` as ints and `total` as a float.
    let header = r
        .blocks
        .iter()
        .find(|b| matches!(b.term, Term::Branch { .. }))
        .expect("a conditional branch");
    assert_eq!(header.entry[0], Ty::Int, "{text}");
    assert_eq!(header.entry[1], Ty::Int, "{text}");
    assert_eq!(header.entry[2], Ty::Float, "{text}");
    // Entering from the frame unboxes `n` once, with a guard, outside the
    // loop.
    assert!(
        r.blocks
            .iter()
            .filter(|b| !b.back_edge)
            .any(|b| b.insts.iter().any(|i| matches!(
                i,
                Inst::Unbox {
                    reg: 0,
                    to: Ty::Int,
                    ..
                }
            ))),
        "{text}"
    );
}

#[test]
fn a_loop_region_enters_at_its_header() {
    let r = region(LOOP, "f", HotSpot::Loop { header: 2 });
    assert_eq!(r.entry_pc, 2);
    let entry = &r.blocks[r.entry];
    // Everything live at the header comes from the frame.
    assert!(entry
        .entry
        .iter()
        .all(|t| matches!(t, Ty::Frame | Ty::Dead)));
    assert!(matches!(entry.term, Term::Jump(_)));
}

#[test]
fn generic_instructions_become_steps_and_unsupported_ones_leave() {
    let r = region(
        "def g(xs):\n    out = []\n    for x in xs:\n        out.append(str(x))\n    return out\ng([1, 2])\n",
        "g",
        HotSpot::Function,
    );
    let steps = r
        .blocks
        .iter()
        .flat_map(|b| &b.insts)
        .filter(|i| matches!(i, Inst::Step { .. }))
        .count();
    assert!(steps >= 1, "{}", mir::print(&r));
    let mut t = Thread::new();
    interp::exec::install_hooks(&mut t, interp::import::import);
    let m = interp::import::load_module(&mut t, "m", "<m>", "def h():\n    yield 1\n")
        .unwrap_or_else(|_| panic!("raised"));
    let n = t.intern("h");
    let f = cast::<Function>(m.get(n).unwrap()).unwrap();
    let input = tier2_llvm::snapshot::snapshot(f.code, HotSpot::Function, 2);
    // An instruction tier 2 does not compile ends the compiled path with an
    // exit that resumes the interpreter there.
    let r = mir::build(&input).expect("a region");
    let yield_pc = input
        .insns
        .iter()
        .position(|i| i.op() == runtime::bytecode::Op::Yield)
        .expect("a yield") as u32;
    assert!(
        r.exits
            .iter()
            .any(|e| e.pc == yield_pc && e.reason == "not compiled"),
        "{}",
        mir::print(&r)
    );
}
