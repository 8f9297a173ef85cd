//! `--emit-aarch64=DIR`: the program runs in the interpreter alone, and the
//! tier-2 regions that become hot are written as AArch64 objects
//! (`DIR/<qualname>.o`, loop regions `DIR/<qualname>.loop<pc>.o`), their
//! MIR (`.mir` beside each) and one C header, `DIR/strata_regions.h`
//! (`tier2_llvm::aarch64`; the objects are made by the code generator
//! plugin, `tier2_llvm::plugin`).
//!
//! How regions are found: instead of tier 2, a recording tier is installed.
//! The interpreter calls it exactly where it would call tier 2 (a function
//! or loop of the main program crossing `--tier2-threshold`), and it takes
//! the same plain-data snapshot tier 2 would compile, at the same moment
//! (so with the same profile), but installs nothing: the run is the
//! interpreter's, with its output and exit status. The regions are built
//! into MIR and objects after the program finished, outside the VM thread
//! (snapshots hold no heap values). Only function code of the main
//! program's file is recorded, as tier 2 compiles only function code.

use interp::tier::TierFactory;
use runtime::gc::Gc;
use runtime::jit::{HotSpot, Tier};
use runtime::object::Code;
use runtime::Thread;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use tier2_llvm::aarch64::{self, RegionDecl};
use tier2_llvm::snapshot::{snapshot_pinned, RegionInput};

/// One hot region, as snapshotted when it became hot.
struct Hot {
    input: RegionInput,
    /// The code's local variable names (register k holds local k).
    locals: Vec<String>,
}

type Shared = Arc<Mutex<Vec<Hot>>>;

fn lock(s: &Shared) -> std::sync::MutexGuard<'_, Vec<Hot>> {
    s.lock().unwrap_or_else(|e| e.into_inner())
}

/// The emission set up by `--emit-aarch64`.
pub struct Emitter {
    dir: PathBuf,
    /// The main program's file name (as its code objects record it).
    filename: String,
    hot: Shared,
}

impl Emitter {
    /// An emitter writing into `dir`, for the program `filename`.
    pub fn new(dir: &str, filename: &str) -> Emitter {
        Emitter {
            dir: PathBuf::from(dir),
            filename: filename.to_string(),
            hot: Arc::new(Mutex::new(Vec::new())),
        }
    }

    /// The recording tier to install in place of tier 2.
    pub fn factory(&self) -> TierFactory {
        let (hot, filename) = (self.hot.clone(), self.filename.clone());
        TierFactory(Arc::new(move || {
            Box::new(Recorder {
                filename: filename.clone(),
                seen: HashSet::new(),
                hot: hot.clone(),
            })
        }))
    }

    /// After the run (exit status `status`): writes the objects, the MIR
    /// and the header. Returns the process's exit status: the program's,
    /// or 2 if the files could not be written.
    pub fn finish(&self, status: i32) -> i32 {
        let hot = std::mem::take(&mut *lock(&self.hot));
        match write(&self.dir, hot) {
            Ok(()) => status,
            Err(e) => {
                eprintln!("strata: --emit-aarch64: {e}");
                2
            }
        }
    }
}

/// A `Tier` that records the regions tier 2 would compile.
struct Recorder {
    filename: String,
    seen: HashSet<(usize, HotSpot)>,
    hot: Shared,
}

impl Tier for Recorder {
    fn hot(&mut self, t: &mut Thread, code: Gc<Code>, spot: HotSpot) {
        let _ = t;
        // As tier 2: function code only, no generators, once per spot.
        if code.is_generator
            || !matches!(code.kind, runtime::bytecode::CodeKind::Function)
            || code.filename.as_str() != self.filename
            || !self.seen.insert((code.addr(), spot))
        {
            return;
        }
        // The guarded objects are named by address only; nothing runs the
        // code in this process, so they need not be kept alive.
        let mut pins = Vec::new();
        let input = snapshot_pinned(code, spot, 0, &mut pins);
        let locals = code
            .local_names
            .iter()
            .map(|n| n.as_str().to_string())
            .collect();
        lock(&self.hot).push(Hot { input, locals });
    }

    fn safepoint(&mut self, t: &mut Thread) {
        let _ = t;
    }

    fn stats_json(&self) -> String {
        format!("\"emit_aarch64_regions\": {}", lock(&self.hot).len())
    }

    fn trace(&self, tr: &mut runtime::gc::Tracer) {
        // Snapshots hold no heap values.
        let _ = tr;
    }
}

/// A file-name stem for `qualname`: `<`, `>` and other unusual characters
/// become `_`.
fn stem_of(qualname: &str) -> String {
    qualname
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-') {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// A region built and emitted.
struct Done {
    symbol: String,
    qualname: String,
    unit: u64,
    region: tier2_llvm::mir::Region,
    locals: Vec<String>,
}

fn write(dir: &Path, hot: Vec<Hot>) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let put = |name: &str, bytes: &[u8]| {
        let p = dir.join(name);
        std::fs::write(&p, bytes).map_err(|e| format!("{}: {e}", p.display()))
    };
    let mut done: Vec<Done> = Vec::new();
    let mut skipped: Vec<(String, String)> = Vec::new();
    let mut used: HashSet<String> = HashSet::new();
    for (k, Hot { mut input, locals }) in hot.into_iter().enumerate() {
        let unit = k as u64 + 1;
        let qualname = input.qualname.clone();
        let (mut stem, mut symbol) = (
            stem_of(&qualname),
            format!("strata_region_{}", aarch64::c_ident(&qualname)),
        );
        if let HotSpot::Loop { header } = input.spot {
            stem.push_str(&format!(".loop{header}"));
            symbol.push_str(&format!("_loop{header}"));
        }
        // Two code objects with one qualname (a redefined function).
        let mut n = 1;
        let (stem0, symbol0) = (stem.clone(), symbol.clone());
        while !used.insert(symbol.clone()) {
            n += 1;
            stem = format!("{stem0}.{n}");
            symbol = format!("{symbol0}_{n}");
        }
        input.name = symbol.clone();
        let built = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let region = tier2_llvm::mir::build(&input)?;
            let api = tier2_llvm::plugin::codegen()?;
            let object = (api.emit_aarch64)(&region, &symbol, unit)?;
            Ok::<_, String>((region, object))
        }))
        .unwrap_or_else(|_| Err("the compiler panicked".to_string()));
        match built {
            Ok((region, object)) => {
                put(&format!("{stem}.o"), &object)?;
                put(
                    &format!("{stem}.mir"),
                    tier2_llvm::mir::print(&region).as_bytes(),
                )?;
                done.push(Done {
                    symbol,
                    qualname,
                    unit,
                    region,
                    locals,
                });
            }
            Err(e) => {
                let what = match input.spot {
                    HotSpot::Function => qualname,
                    HotSpot::Loop { header } => format!("{qualname} (loop at pc {header})"),
                };
                eprintln!("strata: --emit-aarch64: {what} not emitted: {e}");
                skipped.push((what, e));
            }
        }
    }
    let decls: Vec<RegionDecl<'_>> = done
        .iter()
        .map(|d| RegionDecl {
            symbol: &d.symbol,
            qualname: &d.qualname,
            unit: d.unit,
            region: &d.region,
            locals: &d.locals,
        })
        .collect();
    put(
        "strata_regions.h",
        aarch64::c_header(&decls, &skipped).as_bytes(),
    )
}
