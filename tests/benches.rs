//! Every benchmark program, at its small test size (`# test-size: N`),
//! prints exactly CPython's output (`benches/expected/`, made by
//! `benches/gen_expected.py`), in the interpreter-only and default
//! configurations. Speed is measured by `benches/run.py`, not here.

use std::path::Path;
use std::process::Command;

#[test]
fn benchmarks_print_cpythons_output_at_test_size() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let bin =
        std::env::var("STRATA_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_strata").to_string());
    let mut names: Vec<_> = std::fs::read_dir(root.join("benches/programs"))
        .expect("benches/programs")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().map(|x| x == "py").unwrap_or(false))
        .collect();
    names.sort();
    assert!(names.len() >= 17, "expected the classic benchmark programs");
    let mut failures = Vec::new();
    for prog in &names {
        let stem = prog.file_stem().unwrap().to_string_lossy().to_string();
        let src = std::fs::read_to_string(prog).expect("read program");
        let size = src
            .lines()
            .find_map(|l| l.strip_prefix("# test-size:"))
            .map(|s| s.trim().to_string())
            .unwrap_or_else(|| panic!("{stem} has no `# test-size:` header"));
        let expected = std::fs::read(root.join("benches/expected").join(format!("{stem}.stdout")))
            .unwrap_or_else(|_| panic!("no expected output for {stem}"));
        for flags in [&["--max-tier", "0"][..], &[][..]] {
            let out = Command::new(&bin)
                .args(flags)
                .arg(prog)
                .arg(&size)
                .output()
                .expect("run strata");
            if !out.status.success() || out.stdout != expected {
                failures.push(format!(
                    "{stem} {flags:?}: exit {:?}\n{}",
                    out.status.code(),
                    String::from_utf8_lossy(&out.stderr)
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "benchmarks that differ from CPython:\n{}",
        failures.join("\n")
    );
}
