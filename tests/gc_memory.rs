//! Memory bounds, from `--stats` (peak resident memory and object counts):
//! the collector reclaims cycles; memory owned outside the heap (list
//! storage) triggers collections; builtins that reduce an iterable stream it.

use std::process::Command;

/// Peak RSS of a process that does nothing (`-c pass`): what every run
/// starts with (today mostly the code pages of the statically linked LLVM
/// that its static constructors touch at load), subtracted from the peaks
/// below so they measure what the program itself kept.
fn baseline_kb() -> u64 {
    let (_, stats) = run_stats(&["-c", "pass"]);
    stats["peak_rss_kb"].as_u64().expect("peak_rss_kb")
}

/// Runs `strata --max-tier 0 --stats <args>` (the interpreter's memory,
/// without LLVM's own); returns stdout and the stats JSON.
fn run_stats(args: &[&str]) -> (String, serde_json::Value) {
    let bin =
        std::env::var("STRATA_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_strata").to_string());
    let out = Command::new(bin)
        .args(["--max-tier", "0", "--stats"])
        .args(args)
        .output()
        .expect("run strata");
    assert!(
        out.status.success(),
        "strata failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    let line = stderr.lines().last().expect("stats line");
    let stats = serde_json::from_str(line).expect("stats JSON");
    (String::from_utf8_lossy(&out.stdout).into_owned(), stats)
}

fn peak_kb_of(stats: &serde_json::Value) -> u64 {
    stats["peak_rss_kb"].as_u64().expect("peak_rss_kb")
}

#[test]
fn reductions_over_generators_do_not_keep_the_items() {
    // Three million boxed ints each: kept, they would need > 100 MB.
    let src = "g = lambda: (i * 10**12 for i in range(3_000_000))\n\
               print(sum(g()), min(g()), max(g(), key=lambda v: -v))";
    let (out, stats) = run_stats(&["-c", src]);
    assert_eq!(out.trim(), "4499998500000000000000000 0 0");
    let peak_kb =
        stats["peak_rss_kb"].as_u64().expect("peak_rss_kb") - baseline_kb().min(peak_kb_of(&stats));
    assert!(
        peak_kb < 30 * 1024,
        "peak RSS above start-up {peak_kb} kB: items were kept"
    );
}

#[test]
fn short_lived_lists_are_collected_by_their_storage_size() {
    // Few objects (one list per 2000 floats), much list storage: the
    // object-count threshold alone would let ~400 MB of garbage build up.
    let src = "t = 0\n\
               for i in range(50_000):\n    t += len([0.5] * 2000)\n\
               print(t)";
    let (out, stats) = run_stats(&["-c", src]);
    assert_eq!(out.trim(), "100000000");
    let peak_kb = peak_kb_of(&stats) - baseline_kb().min(peak_kb_of(&stats));
    assert!(peak_kb < 50 * 1024, "peak RSS above start-up {peak_kb} kB");
}

#[test]
fn millions_of_cyclic_objects_stay_under_200_mb() {
    let bin =
        std::env::var("STRATA_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_strata").to_string());
    let out = Command::new(bin)
        .args(["--max-tier", "0", "--stats", "benches/programs/cycles.py"])
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
