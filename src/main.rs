//! `strata`: run a Python program (`strata FILE.py [args]` or `-c CODE`)
//! through the tiers, with the settings of the table of tunables.

mod emit;
mod tunables;

use clap::{Arg, ArgAction, Command};
use interp::tier::TierConfig;
use interp::RunOptions;
use std::path::PathBuf;
use tunables::{Kind, TUNABLES};

fn command() -> Command {
    let mut cmd = Command::new("strata")
        .about(
            "A tiered virtual machine for a subset of Python 3 (output identical to CPython 3.11)",
        )
        .override_usage(
            "strata [OPTIONS] FILE.py [ARGS]...\n       strata [OPTIONS] -c CODE [ARGS]...",
        )
        .arg(
            Arg::new("code")
                .short('c')
                .value_name("CODE")
                .help("Run CODE instead of a file."),
        )
        .arg(
            Arg::new("help-tunables-md")
                .long("help-tunables-md")
                .action(ArgAction::SetTrue)
                .hide(true),
        )
        .arg(
            Arg::new("program")
                .value_name("FILE.py")
                .help("The program to run."),
        )
        .arg(
            Arg::new("args")
                .value_name("ARGS")
                .num_args(0..)
                .trailing_var_arg(true)
                .allow_hyphen_values(true)
                .help("Arguments for the program (sys.argv[1:])."),
        );
    for t in TUNABLES {
        let mut a = Arg::new(t.name).long(t.name).help(t.doc);
        a = match t.kind {
            Kind::Flag => a.action(ArgAction::SetTrue),
            Kind::Number => a
                .value_name("N")
                .value_parser(clap::value_parser!(u32))
                .default_value(t.default),
            Kind::Text => a.value_name("VALUE"),
        };
        cmd = cmd.arg(a);
    }
    cmd
}

/// The tier-2 factory from the command line (exits on a bad setting).
fn tier2_factory(m: &clap::ArgMatches, dump: &[String]) -> interp::tier::TierFactory {
    use tier2_llvm::layout::{OptLevel, Stress};
    use tier2_llvm::tier::{Config, LogFlags, Tier2};
    let opt = match m.get_one::<String>("opt-level").map(|s| s.as_str()) {
        None | Some("O2") => OptLevel::O2,
        Some("O1") => OptLevel::O1,
        Some("O3") => OptLevel::O3,
        Some(other) => {
            eprintln!("strata: --opt-level must be O1, O2 or O3, not '{other}'");
            std::process::exit(2);
        }
    };
    let log = match LogFlags::parse(m.get_one::<String>("log").map(|s| s.as_str()).unwrap_or("")) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("strata: {e}");
            std::process::exit(2);
        }
    };
    let threads = match m.get_one::<u32>("jit-threads").copied().unwrap_or(0) {
        0 => std::thread::available_parallelism()
            .map(|n| n.get().saturating_sub(1).max(1))
            .unwrap_or(1),
        n => n as usize,
    };
    let cfg = Config {
        sync: m.get_flag("jit-sync"),
        threads,
        opt,
        log,
        dump_mir: dump.iter().any(|w| w == "mir"),
        dump_llvm_ir: dump.iter().any(|w| w == "llvm-ir"),
        stress: Stress {
            deopt_every: m.get_one::<u32>("deopt-every").copied().unwrap_or(0),
            osr_every_backedge: m.get_flag("osr-every-backedge"),
            compile_all: m.get_flag("tier2-compile-all"),
        },
        delay_ms: m.get_one::<u32>("jit-delay-ms").copied().unwrap_or(0),
        exit_budget: m
            .get_one::<u32>("tier2-exit-budget")
            .copied()
            .unwrap_or(1000)
            .max(1) as u64,
        max_compiles: m.get_one::<u32>("tier2-max-compiles").copied().unwrap_or(3),
        widen_after: m.get_one::<u32>("tier2-widen-after").copied().unwrap_or(2),
    };
    interp::tier::TierFactory(std::sync::Arc::new(move || {
        Box::new(Tier2::new(cfg.clone()))
    }))
}

/// Ends the process at once with `code`, after flushing what Rust buffers:
/// tier-2 workers may still be inside LLVM (a compile nobody will use), and
/// `exit` would run LLVM's static destructors under them (seen crashing);
/// `_exit` runs no destructors, so the workers are not waited for.
fn exit_now(code: i32) -> ! {
    use std::io::Write;
    let _ = std::io::stdout().flush();
    let _ = std::io::stderr().flush();
    extern "C" {
        fn _exit(status: i32) -> !;
    }
    // SAFETY: `_exit` is the C library's immediate process exit; everything
    // Rust buffers was flushed above, and the VM's own output buffer was
    // flushed by `run_main` before it returned.
    unsafe { _exit(code) }
}

fn main() {
    let m = command().get_matches();
    if m.get_flag("help-tunables-md") {
        print!("{}", tunables::markdown());
        return;
    }
    let num = |name: &str| m.get_one::<u32>(name).copied().unwrap_or(0);
    let rest: Vec<String> = m
        .get_many::<String>("args")
        .map(|v| v.cloned().collect())
        .unwrap_or_default();
    let (filename, source, argv0, dir, args) = if let Some(code) = m.get_one::<String>("code") {
        // With -c, the first positional is an argument, not a program.
        let mut args: Vec<String> = m
            .get_one::<String>("program")
            .into_iter()
            .cloned()
            .collect();
        args.extend(rest);
        (
            "<string>".to_string(),
            code.clone(),
            "-c".to_string(),
            PathBuf::from("."),
            args,
        )
    } else {
        let Some(prog) = m.get_one::<String>("program") else {
            eprintln!("strata: no program given (strata FILE.py, or strata -c CODE); see --help");
            std::process::exit(2);
        };
        let source = match std::fs::read(prog) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(s) => s,
                Err(_) => {
                    eprintln!("SyntaxError: Non-UTF-8 code in file {prog}");
                    std::process::exit(1);
                }
            },
            Err(e) => {
                eprintln!("strata: can't open file '{prog}': {e}");
                std::process::exit(2);
            }
        };
        let dir = std::path::Path::new(prog)
            .parent()
            .map(|p| {
                if p.as_os_str().is_empty() {
                    PathBuf::from(".")
                } else {
                    p.to_path_buf()
                }
            })
            .unwrap_or_else(|| PathBuf::from("."));
        (prog.clone(), source, prog.clone(), dir, rest)
    };
    let mut path = vec![dir];
    if let Ok(pp) = std::env::var("PYTHONPATH") {
        path.extend(std::env::split_paths(&pp).filter(|p| !p.as_os_str().is_empty()));
    }
    let mut argv = vec![argv0];
    argv.extend(args);
    let dump: Vec<String> = m
        .get_one::<String>("dump")
        .map(|s| s.split(',').map(|w| w.trim().to_string()).collect())
        .unwrap_or_default();
    for w in &dump {
        if !matches!(w.as_str(), "bytecode" | "mir" | "llvm-ir" | "") {
            eprintln!("strata: unknown --dump kind '{w}' (bytecode, mir, llvm-ir)");
            std::process::exit(2);
        }
    }
    if dump.iter().any(|w| w == "bytecode") {
        match interp::frontend::compile(&source, &filename) {
            Ok(unit) => {
                print!("{}", runtime::bytecode::disasm::disassemble(&unit));
                return;
            }
            Err(e) => {
                eprintln!("{e}");
                std::process::exit(1);
            }
        }
    }
    let opts = RunOptions {
        filename,
        source,
        argv,
        path,
        gc_stress: m.get_flag("gc-stress"),
        stats: m.get_flag("stats"),
        tiers: TierConfig {
            max_tier: num("max-tier") as u8,
            tier1_threshold: num("tier1-threshold"),
            tier2_threshold: num("tier2-threshold"),
            jit_sync: m.get_flag("jit-sync"),
            factory: None,
        },
    };
    let mut opts = opts;
    // --emit-aarch64 replaces tier 2 by a recorder of its hot regions.
    let emitter = m
        .get_one::<String>("emit-aarch64")
        .filter(|d| !d.is_empty())
        .map(|d| emit::Emitter::new(d, &opts.filename));
    if let Some(e) = &emitter {
        opts.tiers.factory = Some(e.factory());
    } else if opts.tiers.max_tier >= 2 {
        opts.tiers.factory = Some(tier2_factory(&m, &dump));
    }
    let code = interp::run_main(opts);
    let code = emitter.map_or(code, |e| e.finish(code));
    exit_now(code);
}
