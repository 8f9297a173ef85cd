//! The collector reclaims cycles: a program that makes four million cyclic
//! objects stays under 200 MB peak resident memory (`--stats` reports it).

use std::process::Command;

#[test]
fn millions_of_cyclic_objects_stay_under_200_mb() {
    let bin =
        std::env::var("STRATA_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_strata").to_string());
    let out = Command::new(bin)
        .args(["--stats", "benches/programs/cycles.py"])
        .output()
        .expect("run strata");
    assert!(
        out.status.success(),
        "strata failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "400");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let line = stderr.lines().last().expect("stats line");
    let stats: serde_json::Value = serde_json::from_str(line).expect("stats JSON");
    let peak_kb = stats["peak_rss_kb"].as_u64().expect("peak_rss_kb");
    let allocated = stats["objects_allocated"]
        .as_u64()
        .expect("objects_allocated");
    assert!(
        allocated >= 4_000_000,
        "expected millions of objects, got {allocated}"
    );
    assert!(
        stats["gc_collections"].as_u64().unwrap_or(0) > 0,
        "no collection ran"
    );
    assert!(
        peak_kb > 0 && peak_kb < 200 * 1024,
        "peak RSS {peak_kb} kB is not under 200 MB"
    );
}
