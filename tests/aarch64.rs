//! Tier-2 code for AArch64, run under qemu (issue 4, part 7).
//!
//! One Python program with a few small functions runs under
//! `strata --emit-aarch64=DIR --tier2-threshold 20`: the interpreter runs
//! it (its output must equal a `--max-tier 0` run: the mode prints nothing
//! extra) and the functions' regions become AArch64 objects, their MIR and
//! `strata_regions.h`. The program's own output is the interpreter's
//! result for each case below.
//!
//! A C harness, generated here from the header's helper table, stubs every
//! helper (the step says "raised", or aborts where no step may run; the
//! exit helper records the exit taken in the thread stub; pure helpers
//! miss), calls each case's region on a register array of NaN-boxed
//! arguments and prints the exit and the registers. It is built with
//! `aarch64-linux-gnu-gcc -static` together with every emitted object and
//! run with `qemu-aarch64`. Then:
//!
//! * a returned value must equal the interpreter's result;
//! * an int overflow must leave through the exit of the instruction that
//!   overflowed, with the loop's registers written back as an exact
//!   simulation says;
//! * a wrong-typed argument must leave through its type guard's exit, with
//!   the exit kind and pc the MIR gives, and the frame as it was;
//! * a raising step must leave through that step's raise exit.
//!
//! `llvm-objdump-19 -d -r --no-show-raw-insn` of three objects is compared
//! with `tests/aarch64/golden/*.txt` (rewritten with `STRATA_BLESS=1`).
//! The cross compiler, qemu and llvm-objdump are required (CI installs them
//! with scripts/install-deps.sh): a missing tool fails the test.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use tier2_llvm::aarch64::HELPERS;

const FUNCTIONS: &str = "
def isum(n, step):
    s = 0
    i = 0
    while i < n:
        s = s + i * step
        i = i + 1
    return s


def fsum(n, x):
    acc = 0.0
    k = 0.0
    i = 0
    while i < n:
        acc = acc + x * k
        k = k + 1.0
        i = i + 1
    return acc


def classify(n, lo, hi):
    c = 0
    i = 0
    while i < n:
        if lo <= i < hi:
            c = c + 1
        elif i == hi or i > 2 * hi:
            c = c + 10
        else:
            c = c - 1
        i = i + 1
    return c


def powsum(n):
    t = 0
    i = 0
    while i < n:
        t = t + i ** 2
        i = i + 1
    return t


def fpow(n, x):
    t = 0.0
    k = 1.0
    i = 0
    while i < n:
        t = t + (x * k) ** 0.5
        k = k + 1.0
        i = i + 1
    return t


for _ in range(30):
    isum(10, 3)
    fsum(10, 0.5)
    classify(50, 10, 20)
    powsum(5)
    fpow(10, 0.5)
";

/// Objects whose disassembly is kept as golden output.
const GOLDEN: &[&str] = &["isum", "fsum", "classify"];

#[derive(Copy, Clone, Debug)]
enum Arg {
    Int(i64),
    Float(f64),
}

impl Arg {
    fn python(self) -> String {
        match self {
            Arg::Int(i) => i.to_string(),
            // Rust's `{:?}` is the shortest text that reads back exactly.
            Arg::Float(f) => format!("{f:?}"),
        }
    }
    fn c(self) -> String {
        match self {
            Arg::Int(i) => format!("strata_box_int(INT64_C({i}))"),
            Arg::Float(f) => format!("UINT64_C({:#018x})", f.to_bits()),
        }
    }
    fn bits(self) -> u64 {
        match self {
            Arg::Int(i) => (0xFFFA << 48) | (i as u64 & ((1 << 48) - 1)),
            Arg::Float(f) => f.to_bits(),
        }
    }
}

#[derive(Copy, Clone, Debug)]
enum Expect {
    /// Returns what the interpreter prints.
    Value,
    /// `isum` overflows: leaves at the overflowing instruction.
    Overflow,
    /// The argument in this register has the wrong type: its guard fails.
    TypeGuard(usize),
    /// The generic step raises (the stub says so).
    Raise,
}

struct Case {
    name: &'static str,
    func: &'static str,
    /// Enter the function's loop region at its header (OSR) instead of
    /// the function's region; `args` are then every local's value.
    osr: bool,
    args: &'static [Arg],
    expect: Expect,
    /// The interpreter's expression for the result (default: the call).
    python: Option<&'static str>,
}

const CASES: &[Case] = &[
    Case {
        name: "isum_small",
        func: "isum",
        osr: false,
        args: &[Arg::Int(100), Arg::Int(3)],
        expect: Expect::Value,
        python: None,
    },
    Case {
        name: "isum_negative",
        func: "isum",
        osr: false,
        args: &[Arg::Int(1000), Arg::Int(-77)],
        expect: Expect::Value,
        python: None,
    },
    Case {
        name: "isum_empty",
        func: "isum",
        osr: false,
        args: &[Arg::Int(0), Arg::Int(5)],
        expect: Expect::Value,
        python: None,
    },
    Case {
        name: "isum_overflow",
        func: "isum",
        osr: false,
        args: &[Arg::Int(200), Arg::Int(1 << 40)],
        expect: Expect::Overflow,
        python: None,
    },
    Case {
        name: "isum_overflow_mul",
        func: "isum",
        osr: false,
        args: &[Arg::Int(3), Arg::Int((1 << 47) - 1)],
        expect: Expect::Overflow,
        python: None,
    },
    Case {
        name: "fsum_tenth",
        func: "fsum",
        osr: false,
        args: &[Arg::Int(1000), Arg::Float(0.1)],
        expect: Expect::Value,
        python: None,
    },
    Case {
        name: "fsum_negative",
        func: "fsum",
        osr: false,
        args: &[Arg::Int(37), Arg::Float(-2.75e-3)],
        expect: Expect::Value,
        python: None,
    },
    Case {
        name: "classify",
        func: "classify",
        osr: false,
        args: &[Arg::Int(50), Arg::Int(10), Arg::Int(20)],
        expect: Expect::Value,
        python: None,
    },
    Case {
        name: "classify_wide",
        func: "classify",
        osr: false,
        args: &[Arg::Int(300), Arg::Int(-5), Arg::Int(7)],
        expect: Expect::Value,
        python: None,
    },
    Case {
        name: "isum_osr",
        func: "isum",
        osr: true,
        // n, step, s, i at the loop header.
        args: &[Arg::Int(100), Arg::Int(3), Arg::Int(1000), Arg::Int(40)],
        expect: Expect::Value,
        python: Some("1000 + sum([k * 3 for k in range(40, 100)])"),
    },
    Case {
        name: "isum_float_step",
        func: "isum",
        osr: false,
        args: &[Arg::Int(10), Arg::Float(1.5)],
        expect: Expect::TypeGuard(1),
        python: None,
    },
    Case {
        name: "fsum_int_x",
        func: "fsum",
        osr: false,
        args: &[Arg::Int(5), Arg::Int(2)],
        expect: Expect::TypeGuard(1),
        python: None,
    },
    Case {
        // Float powers call libm's pow (linked statically with -lm).
        name: "fpow_roots",
        func: "fpow",
        osr: false,
        args: &[Arg::Int(50), Arg::Float(0.75)],
        expect: Expect::Value,
        python: None,
    },
    Case {
        name: "powsum_raise",
        func: "powsum",
        osr: false,
        args: &[Arg::Int(10)],
        expect: Expect::Raise,
        python: None,
    },
];

fn tool(name: &str) -> String {
    match Command::new(name).arg("--version").output() {
        Ok(o) if o.status.success() => name.to_string(),
        _ => panic!(
            "`{name}` is missing: the AArch64 test needs gcc-aarch64-linux-gnu, qemu-user and \
             llvm-19 (scripts/install-deps.sh installs them)"
        ),
    }
}

fn run(cmd: &mut Command) -> (String, String) {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("running {cmd:?}: {e}"));
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    );
    assert!(
        out.status.success(),
        "{cmd:?} failed ({}):\n{stdout}\n{stderr}",
        out.status
    );
    (stdout, stderr)
}

/// One line of the harness's output.
#[derive(Debug)]
struct Outcome {
    kind: u64,
    pc: u32,
    /// The exit number the exit helper saw (None: not called).
    exit: Option<usize>,
    unit_ok: bool,
    value: u64,
    regs: Vec<u64>,
    canary_ok: bool,
    /// Calls of the OSR helper.
    osr: u32,
}

struct World {
    dir: PathBuf,
    /// The interpreter's printed result per case (value cases only).
    interp: HashMap<&'static str, String>,
    /// The MIR dump per function.
    mir: HashMap<&'static str, String>,
    outcomes: HashMap<String, Outcome>,
}

fn program() -> String {
    let mut p = FUNCTIONS.to_string();
    for c in CASES {
        if let Expect::Value = c.expect {
            let args: Vec<String> = c.args.iter().map(|a| a.python()).collect();
            let call = format!("{}({})", c.func, args.join(", "));
            p.push_str(&format!("print(repr({}))\n", c.python.unwrap_or(&call)));
        }
    }
    p
}

/// The symbol of the region a case calls: the function's, or its loop's
/// (found among the emitted objects: `<func>.loop<pc>.o`).
fn symbol(dir: &Path, c: &Case) -> String {
    if !c.osr {
        return format!("strata_region_{}", c.func);
    }
    let prefix = format!("{}.loop", c.func);
    let loops: Vec<String> = std::fs::read_dir(dir)
        .expect("objects")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|f| Some(f.strip_prefix(&prefix)?.strip_suffix(".o")?.to_string()))
        .collect();
    match loops.as_slice() {
        [pc] => format!("strata_region_{}_loop{pc}", c.func),
        _ => panic!("{}: expected one loop region, found {loops:?}", c.func),
    }
}

fn harness(dir: &Path) -> String {
    let mut c = String::from(
        "#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n#include \"strata_regions.h\"\n\n\
         static int step_allowed;\n\
         static unsigned misses, osr_entries;\n\n",
    );
    for h in HELPERS {
        let params: Vec<String> = h.params.iter().map(|(t, n)| format!("{t} {n}")).collect();
        let mut body: Vec<String> = h
            .params
            .iter()
            .map(|(_, n)| format!("(void){n};"))
            .collect();
        match h.name {
            "strata_t2_step" => body.push(
                "if (!step_allowed) { printf(\"unexpected step at pc %u\\n\", pc); fflush(stdout); abort(); }\n    return 1;"
                    .into(),
            ),
            "strata_t2_exit" => body.push(
                "thread->embedder[0] = unit;\n    thread->embedder[1] = (uint64_t)exit + 1;".into(),
            ),
            "strata_t2_osr" => body.push("osr_entries++;".into()),
            _ if h.ret == "void" => body.push("misses++;".into()),
            _ => body.push(format!("misses++;\n    return {};", h.leave)),
        }
        c.push_str(&format!(
            "{} {}({}) {{\n    {}\n}}\n\n",
            h.ret,
            h.name,
            params.join(", "),
            body.join("\n    ")
        ));
    }
    c.push_str(
        "typedef uint64_t (*region_fn)(strata_thread *, strata_frame *);\n\
         #define CANARY UINT64_C(0x5A5A5A5A5A5A5A5A)\n\n\
         static void run(const char *name, region_fn fn, uint64_t unit, unsigned nregs,\n\
         \x20               const uint64_t *args, unsigned nargs, int allow_step) {\n\
         \x20   uint64_t *regs = malloc((nregs + 2) * sizeof *regs);\n\
         \x20   for (unsigned i = 0; i < nregs + 2; i++) regs[i] = i < nregs ? STRATA_UNBOUND : CANARY;\n\
         \x20   memcpy(regs, args, nargs * sizeof *args);\n\
         \x20   strata_frame frame;\n\
         \x20   memset(&frame, 0xA5, sizeof frame);\n\
         \x20   frame.regs = regs;\n\
         \x20   strata_thread thread;\n\
         \x20   memset(&thread, 0, sizeof thread);\n\
         \x20   thread.exit_value = STRATA_UNBOUND;\n\
         \x20   step_allowed = allow_step;\n\
         \x20   osr_entries = 0;\n\
         \x20   uint64_t r = fn(&thread, &frame);\n\
         \x20   printf(\"%s kind=%u pc=%u exit=%lld unit_ok=%d value=%016llx canary_ok=%d osr=%u regs=\", name,\n\
         \x20          STRATA_EXIT_KIND(r), STRATA_EXIT_PC(r), (long long)thread.embedder[1] - 1,\n\
         \x20          thread.embedder[1] == 0 || thread.embedder[0] == unit,\n\
         \x20          (unsigned long long)thread.exit_value,\n\
         \x20          regs[nregs] == CANARY && regs[nregs + 1] == CANARY, osr_entries);\n\
         \x20   for (unsigned i = 0; i < nregs; i++) printf(\"%016llx,\", (unsigned long long)regs[i]);\n\
         \x20   printf(\"\\n\");\n\
         \x20   free(regs);\n\
         }\n\n\
         int main(void) {\n",
    );
    for case in CASES {
        let s = symbol(dir, case);
        let args: Vec<String> = case.args.iter().map(|a| a.c()).collect();
        c.push_str(&format!(
            "    {{\n        const uint64_t args[] = {{{}}};\n        run(\"{}\", {s}, {s}_UNIT, {s}_NREGS, args, {}, {});\n    }}\n",
            args.join(", "),
            case.name,
            case.args.len(),
            matches!(case.expect, Expect::Raise) as u8
        ));
    }
    c.push_str("    printf(\"misses %u\\n\", misses);\n    return 0;\n}\n");
    c
}

fn parse_outcome(line: &str) -> (String, Outcome) {
    let mut words = line.split_whitespace();
    let name = words.next().expect("case name").to_string();
    let mut f: HashMap<&str, &str> = HashMap::new();
    for w in words {
        let (k, v) = w
            .split_once('=')
            .unwrap_or_else(|| panic!("bad line {line}"));
        f.insert(k, v);
    }
    let num = |k: &str| -> i64 { f[k].parse().unwrap_or_else(|_| panic!("{k} in {line}")) };
    let hex = |s: &str| u64::from_str_radix(s, 16).unwrap_or_else(|_| panic!("{s} in {line}"));
    let exit = num("exit");
    (
        name,
        Outcome {
            kind: num("kind") as u64,
            pc: num("pc") as u32,
            exit: (exit >= 0).then_some(exit as usize),
            unit_ok: num("unit_ok") == 1,
            value: hex(f["value"]),
            regs: f["regs"]
                .split(',')
                .filter(|s| !s.is_empty())
                .map(hex)
                .collect(),
            canary_ok: num("canary_ok") == 1,
            osr: num("osr") as u32,
        },
    )
}

fn world() -> &'static World {
    static WORLD: OnceLock<World> = OnceLock::new();
    WORLD.get_or_init(|| {
        let gcc = tool("aarch64-linux-gnu-gcc");
        let qemu = tool("qemu-aarch64");
        let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("aarch64");
        let _ = std::fs::remove_dir_all(&root);
        let dir = root.join("objects");
        std::fs::create_dir_all(&root).expect("temp dir");
        let prog = root.join("prog.py");
        std::fs::write(&prog, program()).expect("write prog.py");
        let strata = env!("CARGO_BIN_EXE_strata");
        let (out, err) = run(Command::new(strata)
            .arg(format!("--emit-aarch64={}", dir.display()))
            .args(["--tier2-threshold", "20"])
            .arg(&prog));
        assert!(err.is_empty(), "stderr of the emitting run: {err}");
        let (plain, _) = run(Command::new(strata).args(["--max-tier", "0"]).arg(&prog));
        assert_eq!(out, plain, "--emit-aarch64 changed the program's output");
        let mut lines = plain.lines();
        let mut interp = HashMap::new();
        for c in CASES {
            if let Expect::Value = c.expect {
                interp.insert(c.name, lines.next().expect("a result line").to_string());
            }
        }
        let mut mir = HashMap::new();
        for c in CASES {
            let p = dir.join(format!("{}.mir", c.func));
            let text = std::fs::read_to_string(&p)
                .unwrap_or_else(|e| panic!("{}: {e} (was {} hot?)", p.display(), c.func));
            mir.insert(c.func, text);
        }
        let c_file = root.join("harness.c");
        std::fs::write(&c_file, harness(&dir)).expect("write harness.c");
        let mut objects: Vec<PathBuf> = std::fs::read_dir(&dir)
            .expect("objects")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "o"))
            .collect();
        objects.sort();
        let exe = root.join("harness");
        run(Command::new(&gcc)
            .args([
                "-std=c11", "-O1", "-Wall", "-Wextra", "-Werror", "-static", "-I",
            ])
            .arg(&dir)
            .arg("-o")
            .arg(&exe)
            .arg(&c_file)
            .args(&objects)
            .arg("-lm"));
        let (stdout, _) = run(Command::new(&qemu).arg(&exe));
        let mut outcomes = HashMap::new();
        for l in stdout.lines() {
            if l.starts_with("misses ") {
                continue;
            }
            let (name, o) = parse_outcome(l);
            outcomes.insert(name, o);
        }
        World {
            dir,
            interp,
            mir,
            outcomes,
        }
    })
}

/// A boxed value as Python prints it (ints, floats and bools only).
fn python_repr(bits: u64) -> String {
    match bits >> 48 {
        0xFFFA => (((bits << 16) as i64) >> 16).to_string(),
        0xFFFB => if bits & 1 == 1 { "True" } else { "False" }.to_string(),
        t if t < 0xFFF9 => format!("float bits {bits:#018x}"),
        _ => format!("boxed {bits:#018x}"),
    }
}

fn unbox_int(bits: u64) -> i64 {
    assert_eq!(bits >> 48, 0xFFFA, "not an int: {bits:#x}");
    ((bits << 16) as i64) >> 16
}

/// Exit `k` of a MIR dump: `(kind, pc, reason)`.
fn mir_exit(mir: &str, k: usize) -> (String, u32, String) {
    let prefix = format!("e{k}: ");
    let l = mir
        .lines()
        .find(|l| l.starts_with(&prefix))
        .unwrap_or_else(|| panic!("no exit e{k} in\n{mir}"));
    let rest = &l[prefix.len()..];
    let mut w = rest.split_whitespace();
    let kind = w.next().unwrap_or_default().to_string();
    assert_eq!(w.next(), Some("pc"), "{l}");
    let pc = w.next().and_then(|p| p.parse().ok()).expect("exit pc");
    let reason = rest
        .split_once('(')
        .and_then(|(_, r)| r.split_once(')'))
        .map(|(r, _)| r.to_string())
        .unwrap_or_default();
    (kind, pc, reason)
}

/// The MIR lines (instructions and terminators) that leave through `k`.
fn mir_users(mir: &str, k: usize) -> Vec<String> {
    let tail = format!("else e{k}");
    mir.lines()
        .filter(|l| l.starts_with("  ") && l.trim_end().ends_with(&tail))
        .map(|l| l.trim().to_string())
        .collect()
}

fn outcome(name: &str) -> &'static Outcome {
    world()
        .outcomes
        .get(name)
        .unwrap_or_else(|| panic!("the harness printed nothing for {name}"))
}

#[test]
fn returned_values_equal_the_interpreters() {
    let w = world();
    for c in CASES.iter().filter(|c| matches!(c.expect, Expect::Value)) {
        let o = outcome(c.name);
        assert!(o.canary_ok, "{}: wrote past the registers", c.name);
        assert_eq!(o.osr, c.osr as u32, "{}: OSR entries", c.name);
        assert_eq!(
            (o.kind, o.exit),
            (0, None),
            "{}: expected a return, got {o:?}\n{}",
            c.name,
            w.mir[c.func]
        );
        let want = &w.interp[c.name];
        match o.value >> 48 {
            t if t < 0xFFF9 => {
                let f: f64 = want
                    .parse()
                    .unwrap_or_else(|_| panic!("{}: interpreter printed {want}", c.name));
                assert_eq!(
                    o.value,
                    f.to_bits(),
                    "{}: AArch64 {} vs interpreter {want}",
                    c.name,
                    f64::from_bits(o.value)
                );
            }
            _ => assert_eq!(&python_repr(o.value), want, "{}", c.name),
        }
    }
}

/// `isum(n, step)` step by step with exact ints: the pc of the first
/// instruction whose result leaves the inline range (4: `i * step`, 5:
/// `s + ...`, 7: `i + 1`, from the bytecode) and `(s, i)` there.
fn isum_overflow(n: i64, step: i64) -> Option<(u32, i64, i64)> {
    let fits = |v: i128| (-(1i128 << 47)..(1i128 << 47)).contains(&v);
    let (mut s, mut i) = (0i128, 0i128);
    while i < n as i128 {
        let t = i * step as i128;
        if !fits(t) {
            return Some((4, s as i64, i as i64));
        }
        if !fits(s + t) {
            return Some((5, s as i64, i as i64));
        }
        s += t;
        if !fits(i + 1) {
            return Some((7, s as i64, i as i64));
        }
        i += 1;
    }
    None
}

#[test]
fn an_int_overflow_leaves_at_the_instruction_with_the_loop_state_written_back() {
    let w = world();
    for c in CASES
        .iter()
        .filter(|c| matches!(c.expect, Expect::Overflow))
    {
        let o = outcome(c.name);
        let mir = &w.mir[c.func];
        let [Arg::Int(n), Arg::Int(step)] = c.args else {
            panic!("isum takes two ints");
        };
        let (pc, s, i) = isum_overflow(*n, *step).expect("the case overflows");
        let k = o
            .exit
            .unwrap_or_else(|| panic!("{}: no exit helper call: {o:?}", c.name));
        assert!(o.unit_ok && o.canary_ok, "{}: {o:?}", c.name);
        assert_eq!(
            mir_exit(mir, k),
            ("Resume".to_string(), pc, "int overflow".to_string()),
            "{}: exit e{k}\n{mir}",
            c.name
        );
        assert_eq!((o.kind, o.pc), (1, pc), "{}: {o:?}", c.name);
        // isum's registers: n, step, s, i.
        assert_eq!(o.regs[0], c.args[0].bits(), "{}: n", c.name);
        assert_eq!(o.regs[1], c.args[1].bits(), "{}: step", c.name);
        assert_eq!(
            (unbox_int(o.regs[2]), unbox_int(o.regs[3])),
            (s, i),
            "{}: (s, i) at the exit",
            c.name
        );
    }
}

#[test]
fn a_wrong_typed_argument_fails_its_guard_as_the_mir_says() {
    let w = world();
    for c in CASES.iter() {
        let Expect::TypeGuard(reg) = c.expect else {
            continue;
        };
        let o = outcome(c.name);
        let mir = &w.mir[c.func];
        let k = o
            .exit
            .unwrap_or_else(|| panic!("{}: no exit helper call: {o:?}", c.name));
        let users = mir_users(mir, k);
        assert!(
            users
                .iter()
                .any(|u| u.starts_with(&format!("unbox r{reg} to "))),
            "{}: exit e{k} is not r{reg}'s type guard ({users:?})\n{mir}",
            c.name
        );
        let (kind, pc, _) = mir_exit(mir, k);
        assert_eq!(kind, "Resume", "{}", c.name);
        assert_eq!((o.kind, o.pc), (1, pc), "{}: {o:?}", c.name);
        assert!(o.unit_ok && o.canary_ok, "{}: {o:?}", c.name);
        for (r, a) in c.args.iter().enumerate() {
            assert_eq!(o.regs[r], a.bits(), "{}: argument r{r} changed", c.name);
        }
    }
}

#[test]
fn a_raising_step_leaves_through_its_raise_exit() {
    let w = world();
    for c in CASES.iter().filter(|c| matches!(c.expect, Expect::Raise)) {
        let o = outcome(c.name);
        let mir = &w.mir[c.func];
        let k = o
            .exit
            .unwrap_or_else(|| panic!("{}: no exit helper call: {o:?}", c.name));
        let users = mir_users(mir, k);
        let step = users
            .iter()
            .find(|u| u.starts_with("step pc "))
            .unwrap_or_else(|| panic!("{}: exit e{k} is not a step's ({users:?})", c.name));
        let step_pc: u32 = step["step pc ".len()..]
            .split_whitespace()
            .next()
            .and_then(|p| p.parse().ok())
            .expect("step pc");
        assert_eq!(
            mir_exit(mir, k),
            ("Raise".to_string(), step_pc, "raised".to_string()),
            "{}",
            c.name
        );
        assert_eq!((o.kind, o.pc), (2, step_pc), "{}: {o:?}", c.name);
        // powsum(n): n, t, i. The frame was flushed before the step: t and
        // i are the first iteration's zeros, boxed.
        assert_eq!(
            (unbox_int(o.regs[1]), unbox_int(o.regs[2])),
            (0, 0),
            "{}",
            c.name
        );
    }
}

#[test]
fn the_header_declares_every_helper_the_lowering_calls() {
    let lower = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tier2-llvm/codegen/src/lower.rs"
    ))
    .expect("lower.rs");
    for part in lower.split('"').skip(1).step_by(2) {
        if part.starts_with("strata_t2_") {
            assert!(
                HELPERS.iter().any(|h| h.name == part),
                "lower.rs calls {part}, missing from tier2_llvm::aarch64::HELPERS"
            );
        }
    }
    let header = std::fs::read_to_string(world().dir.join("strata_regions.h")).expect("header");
    for h in HELPERS {
        assert!(header.contains(&format!(" {}(", h.name)), "{}", h.name);
    }
}

/// `llvm-objdump` output without the line naming the file.
fn disassemble(object: &Path) -> String {
    let objdump = tool("llvm-objdump-19");
    let (out, _) = run(Command::new(objdump)
        .args(["-d", "-r", "--no-show-raw-insn"])
        .arg(object));
    let mut s = String::new();
    for l in out.lines() {
        if l.contains("file format") {
            continue;
        }
        s.push_str(l.trim_end());
        s.push('\n');
    }
    s.trim_start_matches('\n').to_string()
}

#[test]
fn disassembly_matches_the_golden_files() {
    let w = world();
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/aarch64/golden");
    let bless = std::env::var_os("STRATA_BLESS").is_some();
    let mut failures = Vec::new();
    for f in GOLDEN {
        let got = disassemble(&w.dir.join(format!("{f}.o")));
        assert!(
            got.contains(&format!("<strata_region_{f}>:")),
            "no symbol in\n{got}"
        );
        let path = golden.join(format!("{f}.txt"));
        if bless {
            std::fs::create_dir_all(&golden).expect("golden dir");
            std::fs::write(&path, &got).expect("write golden");
            continue;
        }
        let want = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{}: {e} (STRATA_BLESS=1 writes it)", path.display()));
        if want != got {
            failures.push(format!(
                "{} differs (STRATA_BLESS=1 rewrites it); got:\n{got}\nMIR:\n{}",
                path.display(),
                w.mir[f]
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
