//! Tier 2's memory over a long run: machine code of retired units is freed,
//! so recompiling does not grow the process.

mod common;

use common::strata;

fn stat(stats: &str, key: &str) -> u64 {
    stats
        .split(&format!("\"{key}\": "))
        .nth(1)
        .and_then(|s| s.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("{key} in --stats: {stats}"))
}

/// Each round redefines `f`; `caller`'s compiled code inlined the previous
/// `f` behind a guard on its identity, so the guard fails, the unit (with
/// an exit budget of 1) is retired and freed, and `caller` is recompiled
/// for the new `f`: one recompile per round.
const REDEFINE: &str = "
import sys
def caller():
    return f() + 1
rounds = int(sys.argv[1])
total = 0
for r in range(rounds):
    def f():
        return r
    total = total + caller() + caller()
print(total)
";

fn recompiles(rounds: u64) -> (u64, u64) {
    let path = std::env::temp_dir().join(format!("strata_redefine_{}.py", std::process::id()));
    std::fs::write(&path, REDEFINE).expect("write program");
    let p = path.to_str().expect("utf-8 path");
    let n = rounds.to_string();
    let (expected, err0, ok0) = strata(&["--max-tier", "0", p, &n]);
    assert!(ok0, "{err0}");
    let (out, err, ok) = strata(&[
        "--jit-sync",
        "--tier2-threshold",
        "1",
        "--tier2-exit-budget",
        "1",
        "--tier2-max-compiles",
        "1000000",
        // Recompile for every new `f` (widening would make the call a
        // plain interpreter step after two rounds and stop recompiling).
        "--tier2-widen-after",
        "0",
        "--opt-level",
        "O1",
        "--stats",
        p,
        &n,
    ]);
    assert!(ok, "{err}");
    assert_eq!(out, expected);
    let compiles = stat(&err, "tier2_compiles");
    let freed = stat(&err, "tier2_units_freed");
    assert!(compiles >= rounds, "{rounds} rounds, {compiles} compiles");
    assert!(freed + 2 >= rounds, "{rounds} rounds, {freed} units freed");
    (compiles, stat(&err, "peak_rss_kb"))
}

#[test]
fn rss_after_10000_recompiles_is_within_5_mb_of_rss_after_1000() {
    let (c1, rss1) = recompiles(1_000);
    let (c10, rss10) = recompiles(10_000);
    assert!(
        rss10 <= rss1 + 5 * 1024,
        "peak RSS {rss1} KB after {c1} compiles, {rss10} KB after {c10}"
    );
}

/// A compiled loop that allocates (a list per iteration, built by an
/// interpreter step) still lets the heap collect: the loop polls at its
/// back edge and, when a collection is due, writes its registers back and
/// collects (before the poll, 3 million lists stayed alive: 248 MB).
#[test]
fn a_compiled_loop_that_allocates_is_collected() {
    let src = "
def f(n):
    t = 0.0
    for i in range(n):
        x = i * 0.5
        t = t + x * x - x / 3.0 + x * 0.25 - 1.5 * x + 2.0 * x
        y = [x, t]
        t = t + y[0] * 0.001
    return t
print(f(3000000))
";
    let (out, err, ok) = strata(&[
        "--jit-sync",
        "--tier2-threshold",
        "100",
        "--stats",
        "-c",
        src,
    ]);
    assert!(ok, "{err}");
    let (expected, err0, ok0) = strata(&["--max-tier", "0", "-c", src]);
    assert!(ok0, "{err0}");
    assert_eq!(out, expected);
    assert!(stat(&err, "tier2_compiles") >= 1, "{err}");
    assert!(stat(&err, "gc_collections") >= 10, "{err}");
    let peak = stat(&err, "peak_rss_kb");
    assert!(peak < 120_000, "peak RSS {peak} KB: {err}");
}
