//! Filetests in Cranelift's style: each `tests/filetests/*.py` is a Python
//! program run by the interpreter (so profiles and inline caches exist),
//! then one region of it is compiled to MIR and to LLVM IR before
//! optimisation, and directives in its header are checked against the
//! dumps:
//!
//! ```text
//! # region: f              (function f)   or   # region: f loop 12  (loop header pc 12)
//! # check-mir: text        the next line of the MIR containing `text`, in order
//! # not-mir: text          no MIR line between the previous and next check contains `text`
//! # check-ir: text / # not-ir: text    the same over the LLVM IR
//! # count-mir: N text      exactly N MIR lines contain `text`
//! # loop-mir-not: text     no line of a loop block (one ending in a back edge) contains `text`
//! ```
//!
//! With `STRATA_BLESS=1` the whole MIR dump is also written next to the
//! test as `<name>.mir`; without it, an existing `<name>.mir` must match.

use runtime::jit::HotSpot;
use runtime::object::Function;
use runtime::ops::cast;
use runtime::Thread;
use std::path::Path;
use tier2_llvm::mir;

struct Dumps {
    mir: String,
    ir: String,
}

fn dumps(src: &str, func: &str, spot: HotSpot) -> Result<Dumps, String> {
    let mut t = Thread::new();
    interp::exec::install_hooks(&mut t, interp::import::import);
    let m = interp::import::load_module(&mut t, "ft", "<filetest>", src)
        .map_err(|_| "the program raised".to_string())?;
    let n = t.intern(func);
    let f = m
        .get(n)
        .and_then(cast::<Function>)
        .ok_or_else(|| format!("no function {func}"))?;
    let mut input = tier2_llvm::snapshot::snapshot_pinned(f.code, spot, 1, &mut Vec::new());
    // As the tier does: every region gets a flag to test.
    static FLAG: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    input.set_invalid_flag(&FLAG as *const _ as usize);
    let region = mir::build(&input)?;
    let session = tier2_codegen::orc::Session::new()?;
    session.define_symbols(&tier2_llvm::helpers::symbols())?;
    let layout = tier2_llvm::layout::Layout::host();
    let name = input.name.clone();
    let compiled = session.compile(
        &name,
        &name,
        tier2_codegen::orc::OptLevel::O2,
        true,
        &|ctx, module| {
            tier2_codegen::lower::lower(ctx, module, &region, &name, 1, &layout, Default::default())
        },
    )?;
    let ir = compiled.ir.clone().unwrap_or_default();
    compiled.free(&session);
    Ok(Dumps {
        mir: mir::print(&region),
        ir,
    })
}

/// Lines of loop blocks: from a block header whose label says `backedge`
/// to the next block header.
fn loop_lines(mir: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut inside = false;
    for l in mir.lines() {
        if l.starts_with('b') && l.contains(" (pc ") {
            inside = l.contains("backedge");
            continue;
        }
        if l.starts_with('e') && !l.starts_with("  ") {
            inside = false;
        }
        if inside {
            out.push(l);
        }
    }
    out
}

fn check(path: &Path) -> Result<(), String> {
    let src = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let mut spot = None;
    for l in src.lines() {
        if let Some(r) = l.strip_prefix("# region:") {
            let w: Vec<&str> = r.split_whitespace().collect();
            spot = Some(match w.as_slice() {
                [f] => (f.to_string(), HotSpot::Function),
                [f, "loop", pc] => (
                    f.to_string(),
                    HotSpot::Loop {
                        header: pc.parse().map_err(|_| "bad loop pc")?,
                    },
                ),
                _ => return Err(format!("bad region line: {l}")),
            });
        }
    }
    let (func, spot) = spot.ok_or("no `# region:` line")?;
    let d = dumps(&src, &func, spot)?;
    let mut pos_mir = 0usize;
    let mut pos_ir = 0usize;
    let mut pending_not: Vec<(bool, String)> = Vec::new();
    let lines_mir: Vec<&str> = d.mir.lines().collect();
    let lines_ir: Vec<&str> = d.ir.lines().collect();
    let fail = |what: &str| {
        format!(
            "{}: {what}\n--- MIR ---\n{}\n--- IR ---\n{}",
            path.display(),
            d.mir,
            d.ir
        )
    };
    for l in src.lines() {
        let Some(rest) = l.strip_prefix("# ") else {
            continue;
        };
        let (dir, arg) = match rest.split_once(':') {
            Some((d, a)) => (d.trim(), a.trim().to_string()),
            None => continue,
        };
        match dir {
            "check-mir" | "check-ir" => {
                let is_mir = dir == "check-mir";
                let (lines, pos) = if is_mir {
                    (&lines_mir, &mut pos_mir)
                } else {
                    (&lines_ir, &mut pos_ir)
                };
                let found = lines[*pos..]
                    .iter()
                    .position(|x| x.contains(&arg))
                    .map(|k| *pos + k)
                    .ok_or_else(|| {
                        fail(&format!("`{dir}: {arg}` not found after line {}", *pos))
                    })?;
                for (m, text) in pending_not.drain(..) {
                    if m == is_mir && lines[*pos..found].iter().any(|x| x.contains(&text)) {
                        return Err(fail(&format!("`not: {text}` found before `{arg}`")));
                    }
                }
                *pos = found + 1;
            }
            "not-mir" => pending_not.push((true, arg)),
            "not-ir" => pending_not.push((false, arg)),
            "count-mir" => {
                let (n, text) = arg
                    .split_once(' ')
                    .ok_or_else(|| fail("count-mir: N text"))?;
                let n: usize = n.parse().map_err(|_| fail("count-mir: N text"))?;
                let got = lines_mir.iter().filter(|x| x.contains(text)).count();
                if got != n {
                    return Err(fail(&format!("`{text}` on {got} MIR lines, expected {n}")));
                }
            }
            "loop-mir-not" => {
                if let Some(x) = loop_lines(&d.mir).iter().find(|x| x.contains(&arg)) {
                    return Err(fail(&format!("loop line `{x}` contains `{arg}`")));
                }
            }
            _ => {}
        }
    }
    for (m, text) in pending_not {
        let (lines, pos) = if m {
            (&lines_mir, pos_mir)
        } else {
            (&lines_ir, pos_ir)
        };
        if lines[pos..].iter().any(|x| x.contains(&text)) {
            return Err(fail(&format!("`not: {text}` found after the last check")));
        }
    }
    let golden = path.with_extension("mir");
    if std::env::var_os("STRATA_BLESS").is_some() {
        std::fs::write(&golden, &d.mir).map_err(|e| e.to_string())?;
    } else if golden.exists() {
        let want = std::fs::read_to_string(&golden).map_err(|e| e.to_string())?;
        if want != d.mir {
            return Err(fail(&format!(
                "MIR differs from {} (STRATA_BLESS=1 rewrites it)",
                golden.display()
            )));
        }
    }
    Ok(())
}

#[test]
fn filetests() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/filetests");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/filetests")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    files.sort();
    assert!(files.len() >= 4, "filetests missing");
    let failures: Vec<String> = files.iter().filter_map(|p| check(p).err()).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
