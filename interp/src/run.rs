//! Running a program from start to exit: the VM thread with a large stack,
//! the main module, and CPython's exit statuses and error output.

use crate::frontend::{self, FrontendError};
use runtime::object::*;
use runtime::ops::{self, cast};
use runtime::{Thread, Value};
use std::path::PathBuf;

/// What the command line asks for.
#[derive(Clone, Debug, Default)]
pub struct RunOptions {
    /// Path shown in tracebacks (`-c` uses `<string>`).
    pub filename: String,
    pub source: String,
    /// `sys.argv`.
    pub argv: Vec<String>,
    /// Directories for `import` (script directory, then PYTHONPATH).
    pub path: Vec<PathBuf>,
    pub gc_stress: bool,
    /// Print run statistics as JSON to stderr at exit.
    pub stats: bool,
    pub tiers: crate::tier::TierConfig,
}

/// Native stack for the VM thread: Python calls use VM frames, but builtins
/// calling back into Python recurse natively, bounded by this.
pub const VM_STACK_BYTES: usize = 1 << 30;
/// Headroom kept below the native stack limit for the error path.
const STACK_MARGIN: usize = 4 << 20;

/// Runs the program on a VM thread and returns the process exit status.
pub fn run_main(opts: RunOptions) -> i32 {
    let handle = std::thread::Builder::new()
        .name("strata-vm".into())
        .stack_size(VM_STACK_BYTES)
        .spawn(move || run_here(opts, VM_STACK_BYTES));
    match handle {
        Ok(h) => match h.join() {
            Ok(code) => code,
            Err(_) => {
                eprintln!("strata: internal error: the VM thread panicked");
                70
            }
        },
        Err(e) => {
            eprintln!("strata: cannot start the VM thread: {e}");
            70
        }
    }
}

/// Runs the program on the current thread, whose native stack is
/// `stack_bytes` long, and returns the exit status.
pub fn run_here(opts: RunOptions, stack_bytes: usize) -> i32 {
    let anchor = 0u64;
    let base = std::hint::black_box(&anchor) as *const u64 as usize;
    let mut t = Thread::new();
    t.heap.stack_base = base + 256;
    let margin = STACK_MARGIN.min(stack_bytes / 4);
    t.native_stack_limit = base.saturating_sub(stack_bytes - margin);
    t.heap.stress = opts.gc_stress;
    t.argv = opts.argv.clone();
    t.path = opts.path.clone();
    crate::exec::install_hooks(&mut t, crate::import::import);
    if let Some(f) = &opts.tiers.factory {
        t.jit = Some((f.0)());
        let threshold = opts.tiers.tier2_threshold as u64;
        t.jit_call_threshold = threshold;
        t.jit_loop_threshold = threshold;
    }
    let code = run_program(&mut t, &opts);
    t.flush_out();
    if opts.stats {
        eprintln!("{}", stats_json(&t));
    }
    code
}

/// `--stats`: what the run did, as one JSON object.
fn stats_json(t: &Thread) -> String {
    let s = t.heap.stats;
    format!(
        "{{\"gc_collections\": {}, \"objects_allocated\": {}, \"objects_freed\": {}, \"objects_live\": {}, \"peak_rss_kb\": {}, {}}}",
        s.collections,
        s.allocated,
        s.freed,
        t.heap.object_count(),
        peak_rss_kb(),
        t.jit
            .as_ref()
            .map(|j| j.stats_json())
            .unwrap_or_else(|| "\"llvm_initialised\": false".into())
    )
}

/// Peak resident set size of this process (Linux `VmHWM`), 0 if unknown.
pub fn peak_rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|n| n.parse().ok())
        })
        .unwrap_or(0)
}

fn run_program(t: &mut Thread, opts: &RunOptions) -> i32 {
    let file = opts.filename.clone();
    t.sources.insert(file.clone(), opts.source.clone());
    let unit = match frontend::compile(&opts.source, &file) {
        Ok(u) => u,
        Err(FrontendError::Syntax { line, col, msg }) => {
            print_syntax_error(&opts.source, &file, line, col, &msg);
            return 1;
        }
        Err(FrontendError::Unsupported { what, line, col }) => {
            eprintln!("strata: unsupported: {what} at {file}:{line}:{col}");
            return 2;
        }
    };
    let module = crate::import::new_module(t, "__main__", &file);
    t.modules.insert("__main__".into(), module.as_value());
    let code = match crate::load::load(t, &unit, module) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("strata: internal error: bad bytecode: {}", e.0);
            return 70;
        }
    };
    match crate::exec::run_code(t, code, module, Value::UNBOUND) {
        Ok(_) => 0,
        Err(_) => {
            let exc = t.exc;
            t.flush_out();
            report_uncaught(t, exc)
        }
    }
}

fn print_syntax_error(source: &str, file: &str, line: u32, col: u32, msg: &str) {
    eprintln!("  File \"{file}\", line {line}");
    if let Some(text) = source.lines().nth((line as usize).saturating_sub(1)) {
        let trimmed = text.trim_start();
        let indent = text.len() - trimmed.len();
        eprintln!("    {}", trimmed.trim_end());
        let caret = (col as usize).saturating_sub(1).saturating_sub(indent);
        eprintln!("    {}^", " ".repeat(caret));
    }
    eprintln!("SyntaxError: {msg}");
}

/// Prints an uncaught exception as CPython does and returns the exit status.
fn report_uncaught(t: &mut Thread, exc: Value) -> i32 {
    let cls = t.class_of(exc);
    if cls.ptr_eq(t.classes.unsupported) {
        let args = cast::<Instance>(exc)
            .and_then(|i| i.exc.get().as_ref().map(|e| e.args))
            .and_then(cast::<Tuple>);
        let items = args.map(|a| a.items.to_vec()).unwrap_or_default();
        let what = items
            .first()
            .and_then(|v| ops::as_str(*v))
            .map(|s| s.as_str().to_string())
            .unwrap_or_default();
        let has_location = items.get(1).map(|v| v.is(Value::TRUE)).unwrap_or(false);
        if has_location {
            eprintln!("strata: unsupported: {what}");
        } else {
            match ops::exc::innermost_location(exc) {
                Some((f, l)) => eprintln!("strata: unsupported: {what} at {f}:{l}"),
                None => eprintln!("strata: unsupported: {what}"),
            }
        }
        return 2;
    }
    if cls.is_subclass(t.classes.system_exit) {
        let args = cast::<Instance>(exc)
            .and_then(|i| i.exc.get().as_ref().map(|e| e.args))
            .and_then(cast::<Tuple>);
        let items = args.map(|a| a.items.to_vec()).unwrap_or_default();
        let code = if items.len() == 1 {
            items[0]
        } else if items.is_empty() {
            Value::NONE
        } else {
            args.map(|a| a.as_value()).unwrap_or(Value::NONE)
        };
        if code.is_none() {
            return 0;
        }
        if let Some(i) = ops::int::to_i64(code) {
            return (i & 0xff) as i32;
        }
        let s = ops::str_string(t, code).unwrap_or_default();
        eprintln!("{s}");
        return 1;
    }
    let text = ops::exc::format_exception(t, exc);
    eprint!("{text}");
    1
}
