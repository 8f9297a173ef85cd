//! Program tests: run every test program through `strata` in several configurations and
//! compare with CPython 3.11's recorded behaviour (see `tests/gen_expected.py`).
//!
//! Layout (all under `tests/`):
//! * `programs/<area>/<name>.py` + `<name>.stdout` (+ `<name>.status` when the exit status is
//!   non-zero: line 1 status, line 2 CPython's last stderr line). `mod_*.py` are modules imported
//!   by the programs next to them, not programs.
//! * `refuse/<name>.py` + hand-written `<name>.expect` (`line: N`, optional `file: mod_x.py`):
//!   Strata must exit 2 with `strata: unsupported: ... at <file>:<N>` on stderr.
//! * `syntax/<name>.py` + generated `.stdout`/`.status` (line 3: CPython's line number):
//!   exit 1, last stderr line starts with `SyntaxError`, stderr mentions `line N`.
//! * `gc_stress.list`: programs (relative to `programs/`) also run with `--gc-stress`.
//!
//! How a test is run: cwd = the script's directory, command =
//! `strata <config flags> <name>.py <args>` where `<args>` come from a first line
//! `# args: a b c` (whitespace-separated), stdin = /dev/null, environment inherited minus
//! `PYTHON*`, plus `PYTHONHASHSEED=0 PYTHONDONTWRITEBYTECODE=1 PYTHONIOENCODING=utf-8`, plus
//! `PYTHONPATH` when a line `# pythonpath: d1:d2` among the first five names directories
//! (relative to the script's directory, made absolute).
//!
//! Environment variables:
//! * `STRATA_BIN` — binary to test (default: the `strata` binary of this crate).
//! * `STRATA_TEST_CONFIGS` — comma-separated subset of `interp,tier1,tier2,default,gcstress,tier2warm,deopt7,osrstress`.
//! * `STRATA_TEST_TIMEOUT` — per-run timeout in seconds (default 60).
//!
//! Usual libtest arguments work: `cargo test --test programs -- interp::values/` filters by
//! name (`<config>::<kind>/<path>`), `--test-threads N`, `--list`, `--exact`, ...

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use libtest_mimic::{Arguments, Failed, Trial};

/// (name, flags passed before the script path)
const CONFIGS: &[(&str, &[&str])] = &[
    ("interp", &["--max-tier", "0"]),
    ("tier1", &["--max-tier", "1", "--tier1-threshold", "0"]),
    (
        "tier2",
        &["--max-tier", "2", "--jit-sync", "--tier2-threshold", "0"],
    ),
    ("default", &[]),
    ("gcstress", &["--gc-stress"]),
    // Tier 2 with profiles gathered first, and its stress modes.
    (
        "tier2warm",
        &[
            "--max-tier",
            "2",
            "--jit-sync",
            "--tier2-threshold",
            "3",
            "--tier2-compile-all",
        ],
    ),
    (
        "deopt7",
        &[
            "--max-tier",
            "2",
            "--jit-sync",
            "--tier2-threshold",
            "1",
            "--deopt-every",
            "7",
            "--tier2-compile-all",
        ],
    ),
    (
        "osrstress",
        &[
            "--max-tier",
            "2",
            "--jit-sync",
            "--tier2-threshold",
            "1",
            "--osr-every-backedge",
        ],
    ),
];

struct Env {
    bin: PathBuf,
    timeout: Duration,
    tests_dir: PathBuf,
}

fn main() {
    let args = Arguments::from_args();
    let tests_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let bin = std::env::var_os("STRATA_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_strata")));
    let timeout = std::env::var("STRATA_TEST_TIMEOUT")
        .ok()
        .map(|s| {
            s.trim()
                .parse::<u64>()
                .expect("STRATA_TEST_TIMEOUT must be a number of seconds")
        })
        .unwrap_or(60);
    let env = Arc::new(Env {
        bin,
        timeout: Duration::from_secs(timeout),
        tests_dir: tests_dir.clone(),
    });

    let selected: Vec<&'static str> = match std::env::var("STRATA_TEST_CONFIGS") {
        Ok(s) if !s.trim().is_empty() => {
            let names: Vec<&str> = s
                .split(',')
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .collect();
            for n in &names {
                assert!(
                    CONFIGS.iter().any(|(c, _)| c == n),
                    "STRATA_TEST_CONFIGS: unknown configuration {n:?} (known: interp, tier1, tier2, default, gcstress, tier2warm, deopt7, osrstress)"
                );
            }
            CONFIGS
                .iter()
                .map(|(c, _)| *c)
                .filter(|c| names.contains(c))
                .collect()
        }
        _ => CONFIGS.iter().map(|(c, _)| *c).collect(),
    };

    let programs = discover(&tests_dir.join("programs"));
    let refusals = discover(&tests_dir.join("refuse"));
    let syntax = discover(&tests_dir.join("syntax"));
    assert!(
        !programs.is_empty(),
        "no test programs found under {}",
        tests_dir.join("programs").display()
    );
    let gc_list = read_gc_list(&tests_dir);
    let known = Arc::new(read_known_failures(&tests_dir));

    let mut trials = Vec::new();
    // A tier that cannot start (e.g. a stale code generator plugin) falls
    // back to the interpreter and every program still passes: this trial
    // makes sure the tier-2 configurations really run tier 2.
    if selected.iter().any(|c| c.starts_with("tier2")) {
        let env = env.clone();
        trials.push(Trial::test("tier2_is_live", move || tier2_is_live(&env)));
    }
    for &config in &selected {
        let flags: Vec<String> = CONFIGS
            .iter()
            .find(|(c, _)| *c == config)
            .unwrap()
            .1
            .iter()
            .map(|s| s.to_string())
            .collect();
        for prog in &programs {
            let rel = rel_name(&tests_dir.join("programs"), prog);
            if config == "gcstress" && !gc_list.contains(&format!("{rel}.py")) {
                continue;
            }
            let (env, flags, prog, known) =
                (env.clone(), flags.clone(), prog.clone(), known.clone());
            trials.push(Trial::test(format!("{config}::{rel}"), move || {
                expect_known(&known, &rel, check_program(&env, &flags, &prog))
            }));
        }
        // Refusals and syntax errors happen before any tier runs: the
        // stress configurations skip them.
        if matches!(config, "gcstress" | "tier2warm" | "deopt7" | "osrstress") {
            continue;
        }
        for prog in &refusals {
            let rel = rel_name(&tests_dir, prog);
            let (env, flags, prog, known) =
                (env.clone(), flags.clone(), prog.clone(), known.clone());
            trials.push(Trial::test(format!("{config}::{rel}"), move || {
                expect_known(&known, &rel, check_refusal(&env, &flags, &prog))
            }));
        }
        for prog in &syntax {
            let rel = rel_name(&tests_dir, prog);
            let (env, flags, prog, known) =
                (env.clone(), flags.clone(), prog.clone(), known.clone());
            trials.push(Trial::test(format!("{config}::{rel}"), move || {
                expect_known(&known, &rel, check_syntax(&env, &flags, &prog))
            }));
        }
    }
    libtest_mimic::run(&args, trials).exit();
}

/// A hot loop under `--jit-sync --tier2-threshold 0` compiles with LLVM.
fn tier2_is_live(env: &Env) -> Result<(), Failed> {
    let out = Command::new(&env.bin)
        .args(["--jit-sync", "--tier2-threshold", "0", "--stats", "-c"])
        .arg("t = 0\nfor i in range(1000):\n    t += i\nprint(t)")
        .output()
        .map_err(|e| Failed::from(format!("running strata: {e}")))?;
    let err = String::from_utf8_lossy(&out.stderr);
    if String::from_utf8_lossy(&out.stdout) != "499500\n"
        || !err.contains("\"llvm_initialised\": true")
        || err.contains("\"tier2_compiles\": 0,")
    {
        return Err(format!("tier 2 did not compile the loop:\n{err}").into());
    }
    Ok(())
}

/// `known_failures.list`: trials (by name without the configuration, e.g.
/// `values/set_int_order`) that are known to fail today, each with a FIXME
/// reason. Such a trial passes while it still fails, and fails once it
/// passes, so the list can only shrink.
fn read_known_failures(tests_dir: &Path) -> Vec<String> {
    let Ok(text) = fs::read_to_string(tests_dir.join("known_failures.list")) else {
        return Vec::new();
    };
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

fn expect_known(known: &[String], rel: &str, result: Result<(), Failed>) -> Result<(), Failed> {
    if !known.iter().any(|k| k == rel) {
        return result;
    }
    match result {
        Ok(()) => Err(format!(
            "{rel} is listed in tests/known_failures.list but now passes: remove it from the list"
        )
        .into()),
        Err(_) => Ok(()),
    }
}

/// All `*.py` files below `root` that are not `mod_*.py` modules, sorted.
fn discover(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            let name = e.file_name().to_string_lossy().into_owned();
            if p.is_dir() {
                if name != "__pycache__" {
                    stack.push(p);
                }
            } else if name.ends_with(".py") && !name.starts_with("mod_") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn rel_name(base: &Path, prog: &Path) -> String {
    let rel = prog.strip_prefix(base).unwrap_or(prog).with_extension("");
    rel.to_string_lossy().replace('\\', "/")
}

fn read_gc_list(tests_dir: &Path) -> Vec<String> {
    let path = tests_dir.join("gc_stress.list");
    let text = fs::read_to_string(&path).unwrap_or_default();
    let list: Vec<String> = text
        .lines()
        .map(|l| l.split('#').next().unwrap().trim().to_string())
        .filter(|l| !l.is_empty())
        .collect();
    for entry in &list {
        assert!(
            tests_dir.join("programs").join(entry).is_file(),
            "gc_stress.list names {entry:?}, which is not a file under tests/programs/"
        );
    }
    list
}

struct Run {
    status: ExitStatus,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    command: String,
}

/// `# args: a b c` on the first line of the script.
fn script_args(script: &Path) -> Vec<String> {
    let text = fs::read_to_string(script).unwrap_or_default();
    let first = text.lines().next().unwrap_or("");
    let rest = first
        .strip_prefix('#')
        .map(str::trim_start)
        .and_then(|r| r.strip_prefix("args:"));
    rest.map(|r| r.split_whitespace().map(String::from).collect())
        .unwrap_or_default()
}

/// `# pythonpath: d1:d2` among the first five lines, as an absolute `PYTHONPATH` value.
fn script_pythonpath(script: &Path) -> Option<std::ffi::OsString> {
    let text = fs::read_to_string(script).ok()?;
    let dir = fs::canonicalize(script.parent()?).ok()?;
    let line = text.lines().take(5).find_map(|l| {
        l.strip_prefix('#')
            .map(str::trim_start)
            .and_then(|r| r.strip_prefix("pythonpath:"))
    })?;
    std::env::join_paths(line.split(':').map(|d| dir.join(d.trim()))).ok()
}

fn run_strata(env: &Env, flags: &[String], script: &Path) -> Result<Run, Failed> {
    let dir = script.parent().unwrap();
    let file = script.file_name().unwrap().to_string_lossy().into_owned();
    let args = script_args(script);
    let mut cmd = Command::new(&env.bin);
    cmd.args(flags).arg(&file).args(&args).current_dir(dir);
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, _) in std::env::vars_os() {
        if k.to_string_lossy().starts_with("PYTHON") {
            cmd.env_remove(&k);
        }
    }
    cmd.env("PYTHONHASHSEED", "0")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env("PYTHONIOENCODING", "utf-8");
    let pythonpath = script_pythonpath(script);
    if let Some(pp) = &pythonpath {
        cmd.env("PYTHONPATH", pp);
    }
    let command = format!(
        "cd {} && {} {}",
        dir.strip_prefix(env.tests_dir.parent().unwrap())
            .unwrap_or(dir)
            .display(),
        env.bin.display(),
        flags
            .iter()
            .cloned()
            .chain([file])
            .chain(args)
            .collect::<Vec<_>>()
            .join(" ")
    );
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", env.bin.display()))?;
    let mut out_pipe = child.stdout.take().unwrap();
    let mut err_pipe = child.stderr.take().unwrap();
    let out_reader = thread::spawn(move || {
        let mut v = Vec::new();
        let _ = out_pipe.read_to_end(&mut v);
        v
    });
    let err_reader = thread::spawn(move || {
        let mut v = Vec::new();
        let _ = err_pipe.read_to_end(&mut v);
        v
    });
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) => {}
            Err(e) => return Err(format!("waiting for {command}: {e}").into()),
        }
        if start.elapsed() > env.timeout {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!(
                "timed out after {}s (killed): {command}",
                env.timeout.as_secs()
            )
            .into());
        }
        let waited = start.elapsed();
        thread::sleep(if waited < Duration::from_millis(100) {
            Duration::from_millis(2)
        } else {
            Duration::from_millis(20)
        });
    };
    let stdout = out_reader.join().unwrap_or_default();
    let stderr = err_reader.join().unwrap_or_default();
    Ok(Run {
        status,
        stdout,
        stderr,
        command,
    })
}

fn signal_of(status: &ExitStatus) -> Option<i32> {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        status.signal()
    }
    #[cfg(not(unix))]
    {
        let _ = status;
        None
    }
}

/// Checks common to every run: no signal death, no Rust panic. Returns the exit code.
fn exit_code(run: &Run) -> Result<i32, Failed> {
    if let Some(sig) = signal_of(&run.status) {
        return Err(format!(
            "killed by signal {sig}\n{}\n{}",
            run.command,
            stderr_tail(&run.stderr)
        )
        .into());
    }
    let code = run.status.code().unwrap_or(-1);
    if code == 101 {
        return Err(format!(
            "exit status 101 (Rust panic)\n{}\n{}",
            run.command,
            stderr_tail(&run.stderr)
        )
        .into());
    }
    Ok(code)
}

fn last_stderr_line(stderr: &[u8]) -> String {
    String::from_utf8_lossy(stderr)
        .lines()
        .rfind(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim_end()
        .to_string()
}

fn stderr_tail(stderr: &[u8]) -> String {
    let text = String::from_utf8_lossy(stderr);
    let lines: Vec<&str> = text.lines().collect();
    let from = lines.len().saturating_sub(15);
    let mut s = String::from("--- stderr (last lines) ---\n");
    for l in &lines[from..] {
        s.push_str(l);
        s.push('\n');
    }
    s
}

fn read_expected(script: &Path) -> Result<(Vec<u8>, Option<Vec<String>>), Failed> {
    let stdout_path = script.with_extension("stdout");
    let stdout = fs::read(&stdout_path).map_err(|_| {
        format!(
            "missing {}: run `python3.11 tests/gen_expected.py`",
            stdout_path.display()
        )
    })?;
    let status = fs::read_to_string(script.with_extension("status"))
        .ok()
        .map(|s| s.lines().map(|l| l.trim_end().to_string()).collect());
    Ok((stdout, status))
}

/// A short diff around the first differing line of expected vs actual stdout.
fn diff(expected: &[u8], actual: &[u8]) -> String {
    let exp = String::from_utf8_lossy(expected);
    let act = String::from_utf8_lossy(actual);
    let e: Vec<&str> = exp.split_inclusive('\n').collect();
    let a: Vec<&str> = act.split_inclusive('\n').collect();
    let first = e
        .iter()
        .zip(a.iter())
        .position(|(x, y)| x != y)
        .unwrap_or(e.len().min(a.len()));
    let mut s = format!(
        "stdout differs (expected {} lines / {} bytes, got {} lines / {} bytes); first difference at line {}\n--- expected\n+++ actual\n@@ line {} @@\n",
        e.len(), expected.len(), a.len(), actual.len(), first + 1, first + 1
    );
    let show = |l: &str| {
        let t = l
            .strip_suffix('\n')
            .map(|t| t.to_string())
            .unwrap_or_else(|| format!("{l}\\ (no newline at end)"));
        if t.len() > 300 {
            format!(
                "{}...",
                &t[..t.char_indices().nth(300).map_or(t.len(), |(i, _)| i)]
            )
        } else {
            t
        }
    };
    for l in &e[first.saturating_sub(2)..first] {
        s.push_str(&format!(" {}\n", show(l)));
    }
    for l in e.iter().skip(first).take(6) {
        s.push_str(&format!("-{}\n", show(l)));
    }
    for l in a.iter().skip(first).take(6) {
        s.push_str(&format!("+{}\n", show(l)));
    }
    s
}

fn check_program(env: &Env, flags: &[String], script: &Path) -> Result<(), Failed> {
    let (exp_stdout, exp_status) = read_expected(script)?;
    let run = run_strata(env, flags, script)?;
    let code = exit_code(&run)?;
    let exp_code: i32 = match &exp_status {
        Some(lines) => lines
            .first()
            .and_then(|l| l.trim().parse().ok())
            .ok_or("malformed .status file")?,
        None => 0,
    };
    let mut problems = Vec::new();
    if code != exp_code {
        problems.push(format!("exit status {code}, expected {exp_code}"));
    }
    if run.stdout != exp_stdout {
        problems.push(diff(&exp_stdout, &run.stdout));
    }
    if exp_code != 0 {
        let want = exp_status
            .as_ref()
            .and_then(|l| l.get(1))
            .cloned()
            .unwrap_or_default();
        let got = last_stderr_line(&run.stderr);
        if got != want {
            problems.push(format!(
                "last stderr line differs\n  expected: {want:?}\n  actual:   {got:?}"
            ));
        }
    }
    if problems.is_empty() {
        return Ok(());
    }
    Err(format!(
        "{}\n{}\n{}",
        run.command,
        problems.join("\n"),
        stderr_tail(&run.stderr)
    )
    .into())
}

/// `line: N` and optional `file: name.py` from a hand-written `.expect` file.
fn read_expect(script: &Path) -> Result<(String, u32), Failed> {
    let path = script.with_extension("expect");
    let text = fs::read_to_string(&path)
        .map_err(|_| format!("missing hand-written {}", path.display()))?;
    let mut file = script.file_name().unwrap().to_string_lossy().into_owned();
    let mut line = None;
    for l in text.lines() {
        let l = l.trim();
        if l.is_empty() || l.starts_with('#') {
            continue;
        }
        if let Some(v) = l.strip_prefix("line:") {
            line = v.trim().parse().ok();
        } else if let Some(v) = l.strip_prefix("file:") {
            file = v.trim().to_string();
        }
    }
    Ok((
        file,
        line.ok_or_else(|| format!("{}: needs a `line: N` entry", path.display()))?,
    ))
}

/// Does `loc` (the text after ` at `) name `file` (possibly with a directory) and `line`,
/// followed by `:COL`, whitespace or the end?
fn location_matches(loc: &str, file: &str, line: u32) -> bool {
    let needle = format!("{file}:{line}");
    let mut from = 0;
    while let Some(i) = loc[from..].find(&needle) {
        let start = from + i;
        let end = start + needle.len();
        let before_ok = start == 0 || loc[..start].ends_with(['/', '\\']);
        let after = loc[end..].chars().next();
        let after_ok = matches!(after, None | Some(':') | Some(' ') | Some('\t'));
        if before_ok && after_ok {
            return true;
        }
        from = start + 1;
    }
    false
}

fn check_refusal(env: &Env, flags: &[String], script: &Path) -> Result<(), Failed> {
    let (file, line) = read_expect(script)?;
    let run = run_strata(env, flags, script)?;
    let code = exit_code(&run)?;
    let stderr = String::from_utf8_lossy(&run.stderr);
    let marker = "strata: unsupported: ";
    let found = stderr.lines().filter(|l| l.contains(marker)).any(|l| {
        let after = &l[l.find(marker).unwrap() + marker.len()..];
        after
            .rfind(" at ")
            .is_some_and(|i| location_matches(after[i + 4..].trim_end(), &file, line))
    });
    let mut problems = Vec::new();
    if code != 2 {
        problems.push(format!("exit status {code}, expected 2 (refusal)"));
    }
    if !found {
        problems.push(format!(
            "stderr lacks `{marker}<construct> at {file}:{line}`"
        ));
    }
    if problems.is_empty() {
        return Ok(());
    }
    Err(format!(
        "{}\n{}\n{}",
        run.command,
        problems.join("\n"),
        stderr_tail(&run.stderr)
    )
    .into())
}

fn check_syntax(env: &Env, flags: &[String], script: &Path) -> Result<(), Failed> {
    let (exp_stdout, exp_status) = read_expected(script)?;
    let exp_line: u32 = exp_status
        .as_ref()
        .and_then(|l| l.get(2))
        .and_then(|l| l.trim().parse().ok())
        .ok_or("malformed .status for a syntax test (line 3 must be the line number)")?;
    let run = run_strata(env, flags, script)?;
    let code = exit_code(&run)?;
    let stderr = String::from_utf8_lossy(&run.stderr);
    let last = last_stderr_line(&run.stderr);
    let needle = format!("line {exp_line}");
    let mentions_line = stderr
        .match_indices(&needle)
        .any(|(i, _)| !stderr[i + needle.len()..].starts_with(|c: char| c.is_ascii_digit()));
    let mut problems = Vec::new();
    if code != 1 {
        problems.push(format!("exit status {code}, expected 1 (SyntaxError)"));
    }
    if !last.starts_with("SyntaxError") {
        problems.push(format!(
            "last stderr line {last:?} does not start with `SyntaxError`"
        ));
    }
    if !mentions_line {
        problems.push(format!("stderr does not mention `{needle}`"));
    }
    if run.stdout != exp_stdout {
        problems.push(diff(&exp_stdout, &run.stdout));
    }
    if problems.is_empty() {
        return Ok(());
    }
    Err(format!(
        "{}\n{}\n{}",
        run.command,
        problems.join("\n"),
        stderr_tail(&run.stderr)
    )
    .into())
}
