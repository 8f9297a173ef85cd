//! Tier 2 seen from outside: the events `--log` reports (one line each on
//! stderr) and `--stats`, for programs whose results are also checked.

mod common;

use common::{finish, strata, strata_command};

/// Whether the log `err` has a line starting with `start` and ending with
/// `end`.
fn logged(err: &str, start: &str, end: &str) -> bool {
    err.lines()
        .any(|l| l.starts_with(start) && l.ends_with(end))
}

const OVERFLOW: &str = "
def f(n, step):
    t = 0
    i = 0
    while i < n:
        t = t + step
        i = i + 1
    return t
print(f(10, 1), f(3, 2**46), f(2, 2**47 - 1))
";

#[test]
fn a_running_loop_is_entered_by_osr() {
    let src = "
def spin(n):
    acc = 0.0
    k = 0
    while k < n:
        acc = acc + k * 0.5
        k = k + 1
    return acc
print(spin(200000))
";
    let (out, err, ok) = strata(&[
        "--jit-sync",
        "--tier2-threshold",
        "100",
        "--log=compile,osr",
        "-c",
        src,
    ]);
    assert!(ok, "{err}");
    assert_eq!(out.trim(), "9999950000.0");
    assert!(err.contains("strata: compile: spin (loop at pc"), "{err}");
    assert!(
        err.contains("strata: osr: entered spin (loop at pc"),
        "{err}"
    );
}

#[test]
fn an_int_overflow_guard_exits_and_the_interpreter_finishes_exactly() {
    let (out, err, ok) = strata(&[
        "--jit-sync",
        "--tier2-threshold",
        "1",
        "--log=deopt",
        "-c",
        OVERFLOW,
    ]);
    assert!(ok, "{err}");
    assert_eq!(out.trim(), "10 211106232532992 281474976710654");
    assert!(
        logged(&err, "strata: deopt: f (function), unit ", "(int overflow)"),
        "{err}"
    );
}

#[test]
fn stats_count_compiles_and_exits_and_say_when_llvm_started() {
    let (_, err, ok) = strata(&["--stats", "-c", "pass"]);
    assert!(ok);
    let stats: serde_json::Value = serde_json::from_str(err.lines().last().unwrap()).unwrap();
    assert_eq!(stats["llvm_initialised"], false, "{err}");
    let (_, err, ok) = strata(&[
        "--stats",
        "--jit-sync",
        "--tier2-threshold",
        "1",
        "-c",
        OVERFLOW,
    ]);
    assert!(ok);
    let stats: serde_json::Value = serde_json::from_str(err.lines().last().unwrap()).unwrap();
    assert_eq!(stats["llvm_initialised"], true, "{err}");
    assert!(stats["tier2_compiles"].as_u64().unwrap() >= 2, "{err}");
    assert!(stats["tier2_code_bytes"].as_u64().unwrap() > 0, "{err}");
    assert!(stats["osr_entries"].as_u64().unwrap() >= 1, "{err}");
    let exits = stats["exits"].as_object().expect("exits per guard");
    assert!(
        exits.values().map(|v| v.as_u64().unwrap()).sum::<u64>() >= 2,
        "{err}"
    );
}

#[test]
fn a_region_tier_2_cannot_compile_stays_in_the_interpreter_and_says_so() {
    let src = "
def g(n):
    out = []
    for i in range(n):
        import math
        out.append(math.floor(i))
    return len(out)
print(g(50))
";
    let (out, err, ok) = strata(&[
        "--jit-sync",
        "--tier2-threshold",
        "1",
        "--log=compile",
        "-c",
        src,
    ]);
    assert!(ok, "{err}");
    assert_eq!(out.trim(), "50");
    // The loop body imports a module (not compiled: it would leave the
    // loop's code every iteration), so compiling does not pay.
    assert!(
        err.lines()
            .any(|l| l.starts_with("strata: compile: g (loop at pc ")
                && l.contains("failed, stays at tier 0: not profitable")),
        "{err}"
    );
}

#[test]
fn background_compiles_are_installed_while_the_program_runs() {
    let src = "
def work(n):
    s = 0
    for i in range(n):
        s = s + i % 7
    return s
t = 0
for r in range(4000):
    t = t + work(2000)
print(t)
";
    let (out, err, ok) = strata(&[
        "--tier2-threshold",
        "50",
        "--log=compile",
        "--stats",
        "-c",
        src,
    ]);
    assert!(ok, "{err}");
    assert_eq!(out.trim(), "23980000");
    assert!(err.contains("strata: compile: work ("), "{err}");
    let stats: serde_json::Value = serde_json::from_str(err.lines().last().unwrap()).unwrap();
    assert!(stats["tier2_compiles"].as_u64().unwrap() >= 1, "{err}");
}

#[test]
fn bad_tier_flags_are_refused_with_a_message() {
    let (_, err, ok) = strata(&["--opt-level", "O7", "-c", "pass"]);
    assert!(!ok);
    assert!(err.contains("--opt-level must be O1, O2 or O3"), "{err}");
    let (_, err, ok) = strata(&["--log", "everything", "-c", "pass"]);
    assert!(!ok);
    assert!(err.contains("unknown --log category 'everything'"), "{err}");
}

#[test]
fn code_whose_guards_keep_failing_is_retired_and_recompiled_from_the_new_profile() {
    // Compiled for ints, then called with floats: every call leaves through
    // a guard; after the budget the unit is retired and the spot compiled
    // again from the profile that now says "int or float" (too generic to
    // pay, so it stays in the interpreter). Results stay exact throughout.
    let src = "
def f(xs):
    t = 0
    for x in xs:
        t = t + x
    return t
print(f(list(range(100))))
for k in range(2000):
    f([0.5, 1.5])
print(f([0.5] * 5000), f([1, 2, 3]))
";
    let (out, err, ok) = strata(&[
        "--jit-sync",
        "--tier2-threshold",
        "1",
        "--log=invalidate,compile",
        "-c",
        src,
    ]);
    assert!(ok, "{err}");
    assert_eq!(out, "4950\n2500.0 6\n");
    assert!(
        logged(
            &err,
            "strata: invalidate: f (function), unit ",
            "exits; recompiling"
        ),
        "{err}"
    );
    let compiles = err
        .lines()
        .filter(|l| l.starts_with("strata: compile: f (function)"))
        .count();
    assert!(compiles >= 2, "{err}");
}

fn strata_env(env: &[(&str, &str)], args: &[&str]) -> (String, String, bool) {
    finish(strata_command().envs(env.iter().copied()).args(args))
}

const HOT_LOOP: &str = "
def spin(n):
    acc = 0.0
    k = 0
    while k < n:
        acc = acc + k * 0.5
        k = k + 1
    return acc
print(spin(20000))
";

#[test]
fn a_run_that_compiles_nothing_never_opens_the_code_generator() {
    // The plugin path points nowhere: a run that never compiles does not
    // notice, and its memory stays the interpreter's (LLVM is not mapped:
    // linked in, it cost ~33 MB at start-up).
    let (out, err, ok) = strata_env(
        &[("STRATA_TIER2_CODEGEN", "/nonexistent/libtier2_codegen.so")],
        &["--stats", "-c", "print(sum(range(10)))"],
    );
    assert!(ok, "{err}");
    assert_eq!(out.trim(), "45");
    assert!(err.contains("\"llvm_initialised\": false"), "{err}");
    assert!(!err.contains("could not be loaded"), "{err}");
    let peak: u64 = err
        .split("\"peak_rss_kb\": ")
        .nth(1)
        .and_then(|s| s.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|s| s.parse().ok())
        .expect("peak_rss_kb in --stats");
    assert!(peak < 16_000, "strata -c: peak RSS {peak} KB");
}

#[test]
fn a_missing_code_generator_leaves_the_program_in_the_interpreter_and_says_why() {
    let (out, err, ok) = strata_env(
        &[("STRATA_TIER2_CODEGEN", "/nonexistent/libtier2_codegen.so")],
        &[
            "--jit-sync",
            "--tier2-threshold",
            "100",
            "--log=compile",
            "--stats",
            "-c",
            HOT_LOOP,
        ],
    );
    assert!(ok, "{err}");
    assert_eq!(out.trim(), "99995000.0");
    assert!(
        err.contains("failed, stays at tier 0: the tier-2 code generator /nonexistent/libtier2_codegen.so could not be loaded: no such file"),
        "{err}"
    );
    assert!(err.contains("\"llvm_initialised\": false"), "{err}");
}

#[test]
fn a_library_that_is_not_the_code_generator_is_refused() {
    // Any shared library without the build-id symbol (here the C library).
    let libc = [
        "/lib/x86_64-linux-gnu/libc.so.6",
        "/lib/aarch64-linux-gnu/libc.so.6",
    ]
    .into_iter()
    .find(|p| std::path::Path::new(p).exists())
    .expect("a C library");
    let (out, err, ok) = strata_env(
        &[("STRATA_TIER2_CODEGEN", libc)],
        &[
            "--jit-sync",
            "--tier2-threshold",
            "100",
            "--log=compile",
            "-c",
            HOT_LOOP,
        ],
    );
    assert!(ok, "{err}");
    assert_eq!(out.trim(), "99995000.0");
    assert!(err.contains("not a Strata code generator"), "{err}");
}

/// Runs `tests/programs/tier2/<name>.py` from its directory with `args`
/// first; returns (stdout, stderr, ok, CPython's expected stdout).
fn program(name: &str, args: &[&str]) -> (String, String, bool, String) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs/tier2");
    let expected = std::fs::read_to_string(dir.join(format!("{name}.stdout"))).expect("expected");
    let (out, err, ok) = finish(
        strata_command()
            .current_dir(&dir)
            .args(args)
            .arg(format!("{name}.py")),
    );
    (out, err, ok, expected)
}

#[test]
fn code_folding_a_global_is_invalidated_while_a_frame_runs_it_and_the_result_is_right() {
    let (out, err, ok, expected) = program(
        "global_invalidation",
        &[
            "--jit-sync",
            "--tier2-threshold",
            "100",
            "--log=compile,invalidate,deopt",
        ],
    );
    assert!(ok, "{err}");
    assert_eq!(out, expected);
    // The store inside the inlined `bump` and the one in the call to
    // `shift` each invalidate the loop running them: the frame leaves
    // right after the store, and the loop is compiled again.
    for (func, global) in [("scaled", "SCALE"), ("offset", "OFFSET")] {
        let deopt = format!("strata: deopt: {func} (loop at pc");
        assert!(logged(&err, &deopt, "(invalidated)"), "{err}");
        assert!(
            logged(
                &err,
                &format!("strata: invalidate: {func} (loop at pc"),
                &format!("global '{global}' changed; recompiling")
            ),
            "{err}"
        );
    }
}

#[test]
fn code_reading_slots_is_invalidated_by_a_class_change_while_a_frame_runs_it() {
    let (out, err, ok, expected) = program(
        "class_invalidation",
        &[
            "--jit-sync",
            "--tier2-threshold",
            "100",
            "--log=compile,invalidate,deopt",
        ],
    );
    assert!(ok, "{err}");
    assert_eq!(out, expected);
    // `Point.x` becomes a property in a call from the compiled loop (which
    // reads `p.x` from the instance's slot without re-checking the class's
    // version): the frame leaves after the call, and the unit is retired.
    assert!(
        logged(&err, "strata: deopt: sum_x (loop at pc", "(invalidated)"),
        "{err}"
    );
    assert!(
        logged(
            &err,
            "strata: invalidate: sum_x (loop at pc",
            "class 'Point' changed; recompiling"
        ),
        "{err}"
    );
}

#[test]
fn a_global_changed_while_its_compile_was_delayed_and_the_stale_code_was_never_installed() {
    let (out, err, ok, expected) = program(
        "global_changed_while_compiling",
        &[
            "--jit-delay-ms",
            "150",
            "--tier2-threshold",
            "1000",
            "--log=compile,invalidate,osr",
        ],
    );
    assert!(ok, "{err}");
    assert_eq!(out, expected);
    let stale = "strata: invalidate: work (loop at pc 5), unit 1: global 'LIMIT' changed while it compiled; not installed";
    assert!(err.contains(stale), "{err}");
    // Unit 1 never ran: nothing entered it.
    assert!(
        !err.contains("entered work (loop at pc 5), unit 1\n"),
        "{err}"
    );
}

#[test]
fn an_instruction_whose_guard_keeps_failing_is_compiled_generically_after_two_retirements() {
    // `not v` of an instance is Python code (`__bool__`): the compiled
    // `not` leaves for the interpreter each time it meets one. After the
    // unit is retired twice for that exit, the instruction is compiled as
    // an interpreter step, and the third unit runs to the end.
    let src = "
class F:
    def __bool__(self):
        return False

def count(vals, n):
    c = 0
    t = 0.0
    for r in range(n):
        for v in vals:
            y = not v
            if y:
                c = c + 1
            t = t + 0.5 * r - 0.25 * r + 1.5 * c - 0.125 * r
            t = t * 0.5 + r * 0.75 - c * 0.5 + r * r * 0.001 - 2.0
    return c, t

print(count([F(), 1, 0, [], 'a'], 4000))
";
    let (expected, err0, ok0) = strata(&["--max-tier", "0", "-c", src]);
    assert!(ok0, "{err0}");
    let (out, err, ok) = strata(&[
        "--jit-sync",
        "--tier2-threshold",
        "10",
        "--tier2-exit-budget",
        "50",
        "--log=compile,invalidate",
        "-c",
        src,
    ]);
    assert!(ok, "{err}");
    assert_eq!(out, expected);
    assert!(err.contains("is compiled generically from now on"), "{err}");
    assert!(!err.contains("gave up"), "{err}");
    let compiles = err
        .lines()
        .filter(|l| l.starts_with("strata: compile: count (loop at pc") && l.contains("-> unit"))
        .count();
    // Two loops (the inner one first, then the outer), three compiles each
    // at most; the widened third compile is never retired.
    assert!((3..=6).contains(&compiles), "{err}");
    assert!(!err.contains("failed"), "{err}");
}
