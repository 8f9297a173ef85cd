//! `strata --dump=bytecode` disassembles a program without running it.

use std::process::Command;

#[test]
fn dump_bytecode_shows_the_register_code() {
    let bin =
        std::env::var("STRATA_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_strata").to_string());
    let src = "def add(a, b):\n    return a + b\nprint(add(1, 2))\n";
    let out = Command::new(bin)
        .args(["--dump=bytecode", "-c", src])
        .output()
        .expect("run strata");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    // The program is not run.
    assert!(
        !text.lines().any(|l| l.trim() == "3"),
        "the program ran:\n{text}"
    );
    assert!(text.contains("code <module>"), "{text}");
    assert!(text.contains("code add"), "{text}");
    assert!(text.contains("locals: a, b"), "{text}");
    let add = text.split("code add (").nth(1).expect("add's code");
    assert!(add.contains("Add") && add.contains("Return"), "{text}");
    assert!(
        text.contains("MakeFunction") && text.contains("Call"),
        "{text}"
    );
}
