//! Every helper the lowering can call is bound in the JIT: a compiled unit
//! naming a missing helper would fail to link at its first compile.

#[test]
fn every_helper_the_lowering_declares_is_bound() {
    let src = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/lower.rs"))
        .expect("lower.rs");
    let bound: Vec<&str> = tier2_llvm::helpers::symbols()
        .iter()
        .map(|(n, _)| *n)
        .collect();
    let mut named = Vec::new();
    for part in src.split('"').skip(1).step_by(2) {
        if part.starts_with("strata_t2_") && !named.contains(&part) {
            named.push(part);
        }
    }
    for c in ["HELPER_STEP", "HELPER_EXIT", "HELPER_OSR"] {
        assert!(src.contains(c));
    }
    assert!(named.len() >= 6, "{named:?}");
    for n in named {
        assert!(
            bound.contains(&n),
            "helper {n} is declared by lower.rs but not bound"
        );
    }
}
