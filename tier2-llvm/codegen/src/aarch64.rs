//! Emitting tier-2 regions as AArch64 objects (the LLVM half of
//! `tier2_llvm::aarch64`, which holds the C header, the helper table and
//! the layout the objects are built with; invariants there).

use crate::lower;
use crate::orc::{OptLevel, Session};
use inkwell::module::Module;
use tier2_llvm::aarch64::{elf_symbols, layout, HELPERS, LIBC, TRIPLE};
use tier2_llvm::layout::Stress;
use tier2_llvm::mir::Region;

/// The AArch64 object (ELF relocatable, generic CPU, PIC) defining
/// `uint64_t name(strata_thread *, strata_frame *)` for `region`; its exit
/// helpers are told unit 0.
pub fn emit_region(region: &Region, name: &str) -> Result<Vec<u8>, String> {
    emit_region_unit(region, name, 0)
}

/// As [`emit_region`], with the unit number the code passes to
/// `strata_t2_exit` and `strata_t2_osr`.
pub fn emit_region_unit(region: &Region, name: &str, unit: u64) -> Result<Vec<u8>, String> {
    let layout = layout();
    let object = Session::emit_object(TRIPLE, OptLevel::O2, &|ctx, module| {
        lower::lower(ctx, module, region, name, unit, &layout, Stress::default())?;
        check_helper_types(module)
    })?;
    let syms = elf_symbols(&object)?;
    if !syms.defined.iter().any(|s| s == name) {
        return Err(format!("the object for {name} does not define it"));
    }
    for s in &syms.undefined {
        if !HELPERS.iter().any(|h| h.name == s) && !LIBC.contains(&s.as_str()) {
            return Err(format!(
                "the object for {name} calls `{s}`, which the C header does not declare (add it to aarch64::HELPERS)"
            ));
        }
    }
    Ok(object)
}

/// The LLVM type of a C type of [`HELPERS`].
fn llvm_type(c: &str) -> &str {
    match c.trim() {
        "uint64_t" | "int64_t" => "i64",
        "uint32_t" | "int32_t" => "i32",
        t if t.ends_with('*') => "ptr",
        t => t,
    }
}

/// Every helper `module` declares has the type its C prototype in
/// [`HELPERS`] says (checked before optimisation, so also for calls LLVM
/// later removes). Unknown names are left to the symbol check.
fn check_helper_types(module: &Module<'_>) -> Result<(), String> {
    for f in module.get_functions() {
        let name = f.get_name().to_string_lossy();
        let Some(h) = HELPERS.iter().find(|h| h.name == name) else {
            continue;
        };
        let ty = f.get_type();
        let got_ret = ty
            .get_return_type()
            .map(|t| t.print_to_string().to_string())
            .unwrap_or_else(|| "void".to_string());
        let got: Vec<String> = ty
            .get_param_types()
            .into_iter()
            .map(|t| t.print_to_string().to_string())
            .collect();
        let want: Vec<&str> = h.params.iter().map(|(t, _)| llvm_type(t)).collect();
        if got_ret != llvm_type(h.ret) || got != want {
            return Err(format!(
                "the lowering calls {name} as {got_ret} ({}), but aarch64::HELPERS declares {} ({})",
                got.join(", "),
                llvm_type(h.ret),
                want.join(", ")
            ));
        }
    }
    Ok(())
}
