//! The interpreter's profiles: call counts, back-edge counts, branch
//! counts and the state of quickened sites, read through a snapshot.

use interp::profile::{snapshot, SiteProfile};
use runtime::bytecode::Op;
use runtime::object::{Function, Module};
use runtime::ops::cast;
use runtime::Thread;

fn run(src: &str) -> (Box<Thread>, runtime::gc::Gc<Module>) {
    let mut t = Thread::new();
    interp::exec::install_hooks(&mut t, interp::import::import);
    let m = interp::import::load_module(&mut t, "prof", "<prof>", src)
        .unwrap_or_else(|_| panic!("program raised"));
    (t, m)
}

#[test]
fn calls_back_edges_branches_and_sites_are_counted() {
    let src = "
class P:
    def __init__(self, x):
        self.x = x
    def get(self):
        return self.x

def f(n):
    total = 0
    i = 0
    while i < n:
        if i % 3 == 0:
            total += P(i).get()
        i += 1
    return total

for k in range(4):
    f(30)
";
    let (mut t, m) = run(src);
    let name = t.intern("f");
    let f = cast::<Function>(m.get(name).expect("f defined")).expect("a function");
    let s = snapshot(f.code);
    assert_eq!(s.calls, 4);
    assert_eq!(s.back_edges.len(), 1, "{s:?}");
    assert_eq!(s.back_edges[0].1, 4 * 30, "{s:?}");
    // `while i < n` is taken (leaves the loop) once per call; `if i % 3 == 0`
    // skips its body 20 times out of 30.
    let mut branches: Vec<(u32, u32)> = s.branches.iter().map(|b| (b.1, b.2)).collect();
    branches.sort();
    assert_eq!(branches, vec![(4, 120), (80, 40)], "{s:?}");
    assert!(
        s.sites
            .iter()
            .any(|(_, op, p)| *op == Op::LoadMethodCached && *p == SiteProfile::Method),
        "{s:?}"
    );
    // `i < n` and `i % 3 == 0` saw only ints: quickened int compares.
    let int = runtime::object::cache::TYPE_INT;
    assert!(
        s.types
            .iter()
            .any(|&(_, op, bits)| op == Op::LtInt && bits == int),
        "{s:?}"
    );
    assert!(
        s.types
            .iter()
            .any(|&(_, op, bits)| op == Op::EqInt && bits == int),
        "{s:?}"
    );
    let name = t.intern("P");
    let p = cast::<runtime::object::Class>(m.get(name).expect("P")).expect("class");
    let init =
        cast::<Function>(p.dict.get().get(t.names.init).expect("__init__")).expect("function");
    let si = snapshot(init.code);
    assert_eq!(si.calls, 40);
    assert!(
        si.sites
            .iter()
            .any(|(_, op, p)| *op == Op::SetAttrSlot && *p == SiteProfile::Add),
        "{si:?}"
    );
}

#[test]
fn polymorphic_sites_keep_an_entry_per_class_then_go_megamorphic() {
    let src = "
class A:
    def __init__(self):
        self.x = 1
    def m(self):
        return 1
class B(A):
    def m(self):
        return 2
class C(A):
    pass
class D(A):
    def m(self):
        return 4
class E(A):
    def m(self):
        return 5

def get(o):
    return o.x

def call(o):
    return o.m()

objs = [A(), B(), C()]
for k in range(10):
    for o in objs:
        get(o)
many = [A(), B(), C(), D(), E()]
for k in range(10):
    for o in many:
        call(o)
";
    let (mut t, m) = run(src);
    let site = |t: &mut Thread, fname: &str| {
        let name = t.intern(fname);
        let f = cast::<Function>(m.get(name).expect("defined")).expect("a function");
        snapshot(f.code).sites
    };
    // Three classes share the load site: one slot entry each.
    let s = site(&mut t, "get");
    let slot0 = SiteProfile::Slot { slot: 0 };
    assert_eq!(
        s.iter()
            .map(|(_, op, p)| (*op, p.clone()))
            .collect::<Vec<_>>(),
        vec![(
            Op::GetAttrSlot,
            SiteProfile::Poly(vec![slot0.clone(), slot0.clone(), slot0])
        )],
        "{s:?}"
    );
    // Five receiver classes at one method site: more than POLY_MAX, so it
    // misses until it gives up and stays generic.
    let s = site(&mut t, "call");
    assert_eq!(
        s.iter()
            .map(|(_, op, p)| (*op, p.clone()))
            .collect::<Vec<_>>(),
        vec![(Op::LoadMethod, SiteProfile::Megamorphic)],
        "{s:?}"
    );
}
