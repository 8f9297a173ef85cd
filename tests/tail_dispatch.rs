//! Every interpreter handler must continue with a jump, never a call, so
//! dispatch does not grow the native stack (interp/src/exec/mod.rs,
//! invariants 4 and 5). The 64 KiB-stack tests exercise the common paths;
//! this test checks every handler in the release binary's machine code: no
//! function of `interp::exec` may contain an indirect call through a table
//! (`call *(%reg,%reg,8)`), which is what a dispatch that LLVM failed to
//! turn into a sibling call looks like on x86_64.

#[cfg(target_arch = "x86_64")]
#[test]
fn no_handler_dispatches_with_a_call() {
    use std::process::Command;
    let bin =
        std::env::var("STRATA_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_strata").to_string());
    let out = match Command::new("objdump")
        .args(["-d", "--no-show-raw-insn", &bin])
        .output()
    {
        Ok(o) if o.status.success() => o,
        _ => panic!("objdump (binutils) is needed for this test"),
    };
    let text = String::from_utf8_lossy(&out.stdout);
    let mut current = String::new();
    let mut offenders = Vec::new();
    for line in text.lines() {
        if line.ends_with(">:") {
            current = line.to_string();
            continue;
        }
        let is_table_call = line.contains("call") && line.contains("*(%r") && line.contains(",8)");
        if is_table_call && current.contains("interp4exec") {
            offenders.push(current.clone());
        }
    }
    offenders.dedup();
    assert!(
        offenders.is_empty(),
        "handlers that dispatch with a call:\n{}",
        offenders.join("\n")
    );
}
