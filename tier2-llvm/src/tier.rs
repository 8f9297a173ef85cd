//! The tier-2 `Tier`: which hot spots to compile, compiling them (on the
//! calling thread with `--jit-sync`, else on worker threads), installing
//! finished code at safepoints, logs and statistics.
//!
//! Invariants:
//! 1. Each (code object, hot spot) is compiled at most once per run; a
//!    failure is logged and the spot stays at the tier below.
//! 2. Code is installed only on the main thread, in `hot` (synchronous) or
//!    `safepoint`. A code object with a compile in flight is held in
//!    `pending`, which `trace` reports to the collector, so it is alive
//!    when its result arrives.
//! 3. LLVM is initialised on the first compile, never before.

use crate::helpers;
use crate::layout::{Layout, OptLevel, Stress};
use crate::mir;
use crate::plugin::{self, Unit};
use crate::snapshot::{snapshot_pinned, Assumed, RegionInput};
use runtime::gc::Gc;
use runtime::jit::{HotSpot, JitCode, Tier};
use runtime::object::Code;
use runtime::Thread;
use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicBool, AtomicU32};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Instant;

/// What `--log` turned on.
#[derive(Clone, Debug, Default)]
pub struct LogFlags {
    pub compile: bool,
    pub osr: bool,
    pub deopt: bool,
    pub invalidate: bool,
}

impl LogFlags {
    /// Parses `compile,osr,deopt,invalidate` (unknown words are an error).
    pub fn parse(s: &str) -> Result<LogFlags, String> {
        let mut f = LogFlags::default();
        for w in s.split(',').map(str::trim).filter(|w| !w.is_empty()) {
            match w {
                "compile" => f.compile = true,
                "osr" => f.osr = true,
                "deopt" => f.deopt = true,
                "invalidate" => f.invalidate = true,
                "tier1" => {}
                _ => {
                    return Err(format!(
                        "unknown --log category '{w}' (compile, osr, deopt, invalidate, tier1)"
                    ))
                }
            }
        }
        Ok(f)
    }
}

/// Tier-2 settings (from the table of tunables).
#[derive(Clone, Debug)]
pub struct Config {
    pub sync: bool,
    pub threads: usize,
    pub opt: OptLevel,
    pub log: LogFlags,
    pub dump_mir: bool,
    pub dump_llvm_ir: bool,
    pub stress: Stress,
    /// Hold each compile this long before it may be installed
    /// (`--jit-delay-ms`).
    pub delay_ms: u32,
    /// Guard exits after which a unit is retired and its spot recompiled
    /// (`--tier2-exit-budget`).
    pub exit_budget: u64,
    /// Compiles of one spot before it stays at the tier below
    /// (`--tier2-max-compiles`).
    pub max_compiles: u32,
    /// Retirements caused by the same exit before its instruction is
    /// compiled generically in the spot's next compiles
    /// (`--tier2-widen-after`; 0: never).
    pub widen_after: u32,
}

/// A compile's result, sent from a worker (plain data).
struct Done {
    unit: u64,
    spot: HotSpot,
    code_addr: usize,
    qualname: String,
    result: Result<Output, String>,
    ms: f64,
}

struct Output {
    compiled: Unit,
    mir_text: String,
    mir_insts: usize,
    /// `(pc, reason)` of each exit, for the log.
    exits: Vec<(u32, &'static str)>,
    /// `(pc, whether widening its instruction could help)` per exit.
    widenable: Vec<(u32, bool)>,
    /// `(class, version)` the code reads and writes instance slots of
    /// without re-checking the version (runtime::jit invariant 4).
    classes: Vec<(usize, u32)>,
}

/// Whether LLVM was initialised in this process (the plugin loaded and
/// its session started).
pub fn llvm_initialised() -> bool {
    plugin::if_started().is_some()
}

#[derive(Default)]
struct Stats {
    compiles: u64,
    failures: u64,
    compile_ms: f64,
    code_bytes: u64,
    /// Units whose code was freed, and the exits they had taken.
    freed: u64,
    freed_exits: u64,
}

/// An installed unit: its code object, hot spot and name, what it assumes
/// (runtime::jit invariant 4), and `(pc, widenable)` of each exit.
struct UnitInfo {
    code: Gc<Code>,
    spot: HotSpot,
    what: String,
    assumed: Vec<Assumed>,
    classes: Vec<(usize, u32)>,
    exits: Vec<(u32, bool)>,
}

struct Pending {
    code: Gc<Code>,
    pins: Vec<runtime::Value>,
    flag: Arc<AtomicBool>,
    assumed: Vec<Assumed>,
}

pub struct Tier2 {
    cfg: Config,
    next_unit: u64,
    attempted: HashSet<(usize, HotSpot)>,
    /// Installed units: unit id → (the code, its machine code handle, the
    /// heap objects its guards name by address — the code object first).
    units: HashMap<u64, (Arc<JitCode>, Unit, Vec<runtime::Value>)>,
    /// What each installed unit is.
    unit_info: HashMap<u64, UnitInfo>,
    /// Compiles per (code object, hot spot), to stop recompiling.
    compiles_of: HashMap<(usize, HotSpot), u32>,
    /// Retired units whose machine code is freed once no frame runs it.
    retired: Vec<(Arc<JitCode>, Unit, Vec<runtime::Value>)>,
    /// Compiles in flight: the code object and the objects the code will
    /// name, kept alive (traced) until the result is installed; the unit's
    /// invalidation flag and the cells it assumes.
    pending: HashMap<u64, Pending>,
    jobs: Option<mpsc::Sender<RegionInput>>,
    results: Option<mpsc::Receiver<Done>>,
    workers: Vec<std::thread::JoinHandle<()>>,
    stats: Stats,
    /// `Counts::total_exits` when `retire_exiting` last looked.
    exits_seen: u64,
    /// `invalidated_count()` when `retire_exiting` last looked.
    invalidations_seen: u64,
    /// Per (code object, hot spot): retirements each exit pc caused, and
    /// the pcs widened (compiled as interpreter steps from now on).
    exit_retires: HashMap<(usize, HotSpot), HashMap<u32, u32>>,
    widened: HashMap<(usize, HotSpot), Vec<u32>>,
}

impl Drop for Tier2 {
    /// Stops the workers after their current job, without waiting: the
    /// `strata` binary ends with `_exit`, which runs no static destructors,
    /// so a worker still inside LLVM is simply stopped (exiting with
    /// `exit` then crashed in LLVM's destructors). Embedders that need the
    /// workers gone call `join_workers`.
    fn drop(&mut self) {
        self.jobs = None;
    }
}

impl Tier2 {
    /// Waits for the workers to finish their current compile and stop.
    pub fn join_workers(&mut self) {
        self.jobs = None;
        for w in self.workers.drain(..) {
            let _ = w.join();
        }
    }
}

impl Tier2 {
    pub fn new(cfg: Config) -> Tier2 {
        helpers::set_logging(cfg.log.deopt, cfg.log.osr);
        helpers::set_exit_budget(cfg.exit_budget);
        Tier2 {
            cfg,
            next_unit: 1,
            attempted: HashSet::new(),
            unit_info: HashMap::new(),
            compiles_of: HashMap::new(),
            retired: Vec::new(),
            units: HashMap::new(),
            pending: HashMap::new(),
            jobs: None,
            results: None,
            workers: Vec::new(),
            stats: Stats::default(),
            exits_seen: 0,
            invalidations_seen: 0,
            exit_retires: HashMap::new(),
            widened: HashMap::new(),
        }
    }

    fn start_workers(&mut self) {
        let (jtx, jrx) = mpsc::channel::<RegionInput>();
        let (rtx, rrx) = mpsc::channel::<Done>();
        let jrx = Arc::new(Mutex::new(jrx));
        for k in 0..self.cfg.threads.max(1) {
            let (jrx, rtx, cfg) = (jrx.clone(), rtx.clone(), self.cfg.clone());
            let spawned = std::thread::Builder::new()
                .name(format!("strata-jit-{k}"))
                .spawn(move || loop {
                    let job = match jrx.lock() {
                        Ok(rx) => rx.recv(),
                        Err(_) => return,
                    };
                    let Ok(input) = job else { return };
                    let done = compile_caught(&cfg, input);
                    if rtx.send(done).is_err() {
                        return;
                    }
                });
            if let Ok(h) = spawned {
                self.workers.push(h);
            }
        }
        self.jobs = Some(jtx);
        self.results = Some(rrx);
    }

    /// Snapshots `code` at `spot` and compiles it (now, or on a worker).
    fn request(&mut self, code: Gc<Code>, spot: HotSpot) {
        *self.compiles_of.entry((code.addr(), spot)).or_insert(0) += 1;
        let unit = self.next_unit;

        self.next_unit += 1;
        let mut pins = Vec::new();
        let mut input = snapshot_pinned(code, spot, unit, &mut pins);
        input.osr_every_backedge = self.cfg.stress.osr_every_backedge;
        input.widen = self
            .widened
            .get(&(code.addr(), spot))
            .cloned()
            .unwrap_or_default();
        input.uninline_widened();
        // The flag exists before the code, which tests it by address
        // (every unit may assume class versions, runtime::jit invariant 4).
        let flag = Arc::new(AtomicBool::new(false));
        input.set_invalid_flag(Arc::as_ptr(&flag) as usize);
        self.pending.insert(
            unit,
            Pending {
                code,
                pins,
                flag,
                assumed: input.assumed.clone(),
            },
        );
        if self.cfg.sync {
            let done = compile_caught(&self.cfg, input);
            self.finish(done);
            return;
        }
        if self.jobs.is_none() {
            self.start_workers();
        }
        if let Some(tx) = &self.jobs {
            if tx.send(input).is_err() {
                self.pending.remove(&unit);
            }
        }
    }

    /// Counts a retirement against the exits of unit `u` that caused it
    /// (guard exits of the region's own code, not inside inlined callees,
    /// taken at least a quarter as often as the most taken one); an exit
    /// pc that caused `widen_after` retirements is compiled as an
    /// interpreter step from the next compile on ("widened": the step
    /// handles whatever the guard did not).
    fn widen_hot_exits(&mut self, u: u64, exits: Vec<(u32, bool)>, code: usize, spot: HotSpot) {
        if self.cfg.widen_after == 0 {
            return;
        }
        let counts = helpers::with_counters(|c| c.exits.get(&u).cloned().unwrap_or_default());
        let top = counts.iter().copied().max().unwrap_or(0);
        if top == 0 {
            return;
        }
        let per_pc = self.exit_retires.entry((code, spot)).or_default();
        let widened = self.widened.entry((code, spot)).or_default();
        for (k, n) in counts.iter().enumerate() {
            let Some(&(pc, widenable)) = exits.get(k) else {
                continue;
            };
            if !widenable || *n == 0 || n * 4 < top {
                continue;
            }
            let r = per_pc.entry(pc).or_insert(0);
            *r += 1;
            if *r >= self.cfg.widen_after && !widened.contains(&pc) {
                widened.push(pc);
                if self.cfg.log.invalidate {
                    eprintln!("strata: invalidate: the instruction at pc {pc} is compiled generically from now on");
                }
            }
        }
    }

    fn invalidated_count(&self) -> u64 {
        runtime::jit::INVALIDATIONS.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Units that keep leaving through their guards are retired: the code
    /// is uninstalled (frames still running it finish normally) and
    /// recompiled from the newer profile, up to `MAX_COMPILES` times, then
    /// the spot stays at tier 0.
    fn retire_exiting(&mut self) {
        let budget = self.cfg.exit_budget;
        let per_unit: Vec<(u64, u64)> = helpers::with_counters(|c| {
            // Nothing to look at unless some unit exited since last time.
            if c.total_exits == self.exits_seen {
                return Vec::new();
            }
            self.exits_seen = c.total_exits;
            c.guard_exits.iter().map(|(u, n)| (*u, *n)).collect()
        });
        let mut hot: Vec<(u64, String)> = per_unit
            .into_iter()
            .filter(|(u, n)| *n >= budget && self.units.contains_key(u))
            .map(|(u, _)| (u, format!("{budget} exits")))
            .collect();
        // Units a store to a global they folded in invalidated.
        if self.invalidations_seen != self.invalidated_count() {
            self.invalidations_seen = self.invalidated_count();
            for (u, (j, _, _)) in &self.units {
                if j.invalidated.load(std::sync::atomic::Ordering::Relaxed)
                    && !hot.iter().any(|(h, _)| h == u)
                {
                    let why = self
                        .unit_info
                        .get(u)
                        .map(|i| changes(&i.assumed, &i.classes))
                        .unwrap_or_default();
                    hot.push((*u, why));
                }
            }
        }
        hot.sort();
        for (u, why) in hot {
            let Some(UnitInfo {
                code,
                spot,
                what,
                exits,
                ..
            }) = self.unit_info.remove(&u)
            else {
                continue;
            };
            let Some(unit) = self.units.remove(&u) else {
                continue;
            };
            unit.0
                .invalidated
                .store(true, std::sync::atomic::Ordering::Relaxed);
            code.jit.uninstall(spot, u);
            self.widen_hot_exits(u, exits, code.addr(), spot);

            let done = self
                .compiles_of
                .get(&(code.addr(), spot))
                .copied()
                .unwrap_or(0);
            let again = done < self.cfg.max_compiles;
            if self.cfg.log.invalidate {
                eprintln!(
                    "strata: invalidate: {what}, unit {u}: {why}; {}",
                    if again {
                        "recompiling"
                    } else {
                        "gave up, stays at tier 0"
                    }
                );
            }
            self.retired.push(unit);
            if again {
                self.request(code, spot);
            }
        }
        // Free retired machine code that no frame runs any more (never
        // starting LLVM for it: retired code exists only if it started).
        if self.retired.is_empty() {
            return;
        }
        if let Some(api) = plugin::if_started() {
            let mut keep = Vec::new();
            for r in self.retired.drain(..) {
                if r.0.active.load(std::sync::atomic::Ordering::Relaxed) == 0 {
                    (api.free)(r.1.handle);
                    self.stats.freed += 1;
                    self.stats.freed_exits += helpers::forget_unit(r.0.id);
                } else {
                    keep.push(r);
                }
            }
            self.retired = keep;
        }
    }

    /// Installs (or reports the failure of) one finished compile.
    fn finish(&mut self, done: Done) {
        let pending = self.pending.remove(&done.unit);
        self.stats.compile_ms += done.ms;
        let what = spot_name(&done.qualname, done.spot);
        match done.result {
            Ok(out) => {
                self.stats.compiles += 1;
                self.stats.code_bytes += out.compiled.code_bytes as u64;
                if self.cfg.dump_mir {
                    eprint!("{}", out.mir_text);
                }
                if self.cfg.dump_llvm_ir {
                    if let Some(ir) = &out.compiled.ir {
                        eprint!("{ir}");
                    }
                }
                let Some(p) = pending.filter(|p| p.code.addr() == done.code_addr) else {
                    return;
                };
                let code = p.code;
                let jit = Arc::new(JitCode {
                    addr: out.compiled.addr,
                    invalidated: p.flag,
                    active: AtomicU32::new(0),
                    id: done.unit,
                });
                // A global it folded in, or a class whose slots it reads
                // without re-checking, changed while it compiled: the code
                // is stale and never runs (runtime::jit invariant 4).
                let stale = changes(&p.assumed, &out.classes);
                if !stale.is_empty() {
                    if self.cfg.log.invalidate {
                        eprintln!(
                            "strata: invalidate: {what}, unit {}: {stale} while it compiled; not installed",
                            done.unit
                        );
                    }
                    jit.invalidated
                        .store(true, std::sync::atomic::Ordering::Relaxed);
                    self.retired.push((jit, out.compiled, p.pins));
                    let compiles = self
                        .compiles_of
                        .get(&(code.addr(), done.spot))
                        .copied()
                        .unwrap_or(0);
                    if compiles < self.cfg.max_compiles {
                        self.request(code, done.spot);
                    }
                    return;
                }
                for a in &p.assumed {
                    // SAFETY: the code object holds its global cells (the
                    // `assumed` cells are among them) and is alive.
                    let cell = unsafe { cell_at(a.cell) };
                    cell.watch(runtime::jit::Watcher {
                        code: jit.clone(),
                        owner: code,
                        spot: done.spot,
                    });
                }
                for &(c, _) in &out.classes {
                    // SAFETY: the unit's guards pinned the class (`pins`).
                    let class = unsafe { class_at(c) };
                    class.watchers.watch(runtime::jit::Watcher {
                        code: jit.clone(),
                        owner: code,
                        spot: done.spot,
                    });
                }
                code.jit.install(done.spot, jit.clone());
                helpers::register_unit(done.unit, what.clone(), out.exits.clone());
                if self.cfg.log.compile {
                    eprintln!(
                        "strata: compile: {what} -> unit {} ({} MIR instructions, {} bytes, {:.2} ms: LLVM IR {:.2} ms, machine code {:.2} ms)",
                        done.unit,
                        out.mir_insts,
                        out.compiled.code_bytes,
                        done.ms,
                        out.compiled.opt_ms,
                        out.compiled.codegen_ms
                    );
                }
                let mut pins = p.pins;
                pins.push(code.as_value());
                self.units.insert(done.unit, (jit, out.compiled, pins));
                self.unit_info.insert(
                    done.unit,
                    UnitInfo {
                        code,
                        spot: done.spot,
                        what,
                        assumed: p.assumed,
                        classes: out.classes,
                        exits: out.widenable,
                    },
                );
            }
            Err(why) => {
                self.stats.failures += 1;
                if self.cfg.log.compile {
                    eprintln!("strata: compile: {what} failed, stays at tier 0: {why}");
                }
            }
        }
    }
}

/// The global cell at `addr`.
///
/// # Safety
/// `addr` is the address of a live `GlobalCell` box.
unsafe fn cell_at<'a>(addr: usize) -> &'a runtime::object::GlobalCell {
    // SAFETY: see the function's contract.
    unsafe { &(*(addr as *const runtime::gc::GcBox<runtime::object::GlobalCell>)).value }
}

/// What changed of what a unit assumed: its globals and classes (empty if
/// nothing did).
fn changes(assumed: &[Assumed], classes: &[(usize, u32)]) -> String {
    let (g, c) = (changed_globals(assumed), changed_classes(classes));
    match (g.is_empty(), c.is_empty()) {
        (_, true) => g,
        (true, false) => c,
        (false, false) => format!("{g}, {c}"),
    }
}

/// The class at `addr`.
///
/// # Safety
/// `addr` is the address of a live `Class` (pinned by the unit's guards).
unsafe fn class_at<'a>(addr: usize) -> &'a runtime::object::Class {
    // SAFETY: see the function's contract.
    unsafe { &(*(addr as *const runtime::gc::GcBox<runtime::object::Class>)).value }
}

/// "class 'C' changed" for each class no longer at the version the code
/// assumed (empty if none). The classes are pinned by the unit's guards.
fn changed_classes(classes: &[(usize, u32)]) -> String {
    let names: Vec<String> = classes
        .iter()
        .filter_map(|&(c, v)| {
            // SAFETY: pinned (see above).
            let class = unsafe { class_at(c) };
            (class.version.get() != v).then(|| format!("class '{}' changed", class.name.as_str()))
        })
        .collect();
    names.join(", ")
}

/// "global 'x' changed" for each assumed cell no longer at its version
/// (empty if none). The cells are alive: the unit's code object holds them.
fn changed_globals(assumed: &[Assumed]) -> String {
    let names: Vec<String> = assumed
        .iter()
        // SAFETY: assumed cells belong to a code object the tier keeps.
        .filter(|a| unsafe { cell_at(a.cell) }.version.get() != a.version)
        .map(|a| format!("global '{}' changed", a.name))
        .collect();
    names.join(", ")
}

fn spot_name(qualname: &str, spot: HotSpot) -> String {
    match spot {
        HotSpot::Function => format!("{qualname} (function)"),
        HotSpot::Loop { header } => format!("{qualname} (loop at pc {header})"),
    }
}

/// Compiles on this thread, turning a panic into a failure (a worker's
/// panic must not take the VM down or leave the spot waiting).
fn compile_caught(cfg: &Config, input: RegionInput) -> Done {
    let start = Instant::now();
    let (unit, spot, qualname) = (
        input
            .name
            .trim_start_matches("strata_t2_")
            .parse()
            .unwrap_or(0),
        input.spot,
        input.qualname.clone(),
    );
    let code_addr = input.code_addr;
    let result = plugin::caught(|| compile(cfg, &input, unit));
    Done {
        unit,
        spot,
        code_addr,
        qualname,
        result,
        ms: start.elapsed().as_secs_f64() * 1e3,
    }
}

fn compile(cfg: &Config, input: &RegionInput, unit: u64) -> Result<Output, String> {
    if cfg.delay_ms > 0 {
        std::thread::sleep(std::time::Duration::from_millis(cfg.delay_ms as u64));
    }
    let region = mir::build(input)?;
    if !cfg.stress.compile_all {
        profitable(&region, input)?;
    }
    let mir_text = mir::print(&region);
    let mir_insts = region.blocks.iter().map(|b| b.insts.len() + 1).sum();
    let api = plugin::started()?;
    let compiled = (api.compile)(&plugin::Job {
        region: &region,
        name: &input.name,
        unit,
        layout: Layout::host(),
        stress: cfg.stress,
        opt: cfg.opt,
        want_ir: cfg.dump_llvm_ir,
    })?;
    let mut classes = Vec::new();
    for b in &region.blocks {
        for i in &b.insts {
            if let mir::Inst::Pure {
                op:
                    mir::PureOp::GetSlot { class, version, .. }
                    | mir::PureOp::SetSlot { class, version, .. },
                ..
            } = i
            {
                if !classes.contains(&(*class, *version)) {
                    classes.push((*class, *version));
                }
            }
        }
    }
    Ok(Output {
        compiled,
        classes,
        mir_text,
        mir_insts,
        exits: region.exits.iter().map(|x| (x.pc, x.reason)).collect(),
        widenable: region
            .exits
            .iter()
            .map(|x| (x.pc, x.frames.is_empty() && x.kind == mir::ExitKind::Resume))
            .collect(),
    })
}

/// Whether compiled code would beat the interpreter: a `Step` costs more
/// than the interpreter's own dispatch of the instruction (it writes the
/// frame back and decodes the instruction again, without the interpreter's
/// inline caches), so a region must do most of its work natively.
fn profitable(r: &mir::Region, input: &RegionInput) -> Result<(), String> {
    use runtime::bytecode::Op;
    // A loop whose every iteration leaves compiled code (for an instruction
    // tier 2 does not compile) would be entered by OSR again at each one
    // (--osr-every-backedge makes every loop leave on purpose).
    if matches!(input.spot, HotSpot::Loop { .. })
        && !input.osr_every_backedge
        && !r.blocks.iter().any(|b| b.back_edge)
    {
        return Err("not profitable: every iteration of the loop leaves compiled code".into());
    }
    // Where the time goes: each block weighs 8 per loop around it.
    let depth = loop_depths(r);
    let (mut cost, mut native) = (0usize, 0usize);
    for (k, b) in r.blocks.iter().enumerate() {
        let w = 8usize.pow(depth[k].min(6) as u32);
        // Leaving for an instruction tier 2 does not compile, then coming
        // back by OSR, costs far more than interpreting.
        if let mir::Term::Exit(x) = b.term {
            if r.exits[x].reason == "not compiled" && depth[k] > 0 {
                cost += 8 * w;
            }
        }
        for i in &b.insts {
            match i {
                // A call from compiled code runs the callee natively nested,
                // which costs several times the interpreter's inline call.
                mir::Inst::Step { pc, .. } => {
                    let op = input.insns[*pc as usize].op().generic();
                    let seen = input.types.get(*pc as usize).copied().unwrap_or(0);
                    let c = if matches!(op, Op::Call | Op::CallMethod | Op::CallKw) {
                        4
                    } else if is_operator(op) && seen & runtime::object::cache::TYPE_OTHER != 0 {
                        // An operator on objects (a dunder call, a string
                        // operation) costs the interpreter about as much.
                        0
                    } else {
                        1
                    };
                    cost += c * w;
                }
                // A direct call costs about what the interpreter's call
                // does (both push a frame and run the callee, compiled or
                // not); an unknown callee's kind is found at run time.
                mir::Inst::Call { known, .. } => cost += if known.is_some() { 0 } else { w },
                mir::Inst::Int { .. }
                | mir::Inst::Float { .. }
                | mir::Inst::Unary { .. }
                | mir::Inst::IntCmp { .. }
                | mir::Inst::FloatCmp { .. }
                | mir::Inst::Pure { .. }
                | mir::Inst::Unpack { .. }
                | mir::Inst::FloatPow { .. } => native += w,
                _ => {}
            }
        }
    }
    if cost * 2 > native {
        return Err(format!(
            "not profitable: interpreter steps worth {cost} for {native} compiled operations"
        ));
    }
    Ok(())
}

/// Binary operators and comparisons (whose operands' types the
/// interpreter notes).
fn is_operator(op: runtime::bytecode::Op) -> bool {
    use runtime::bytecode::Op::*;
    matches!(
        op,
        Add | Sub | Mul | TrueDiv | FloorDiv | Mod | Pow | Inplace | Lt | Le | Eq | Ne | Gt | Ge
    )
}

/// How many loops contain each block: for each block ending in a back
/// edge, the blocks that reach it from its loop's header (the bytecode
/// block the back edge targets, through any conversion blocks).
fn loop_depths(r: &mir::Region) -> Vec<usize> {
    let n = r.blocks.len();
    let succs = |t: &mir::Term| -> Vec<usize> {
        use mir::Term::*;
        match t {
            Jump(k) => vec![*k],
            Branch { then, other, .. } | BranchValue { then, other, .. } => vec![*then, *other],
            ForIter { body, done, .. } | ForNext { body, done, .. } => vec![*body, *done],
            Inline { cont, .. } => vec![*cont],
            Return { .. } | Exit(_) => vec![],
        }
    };
    let mut preds = vec![Vec::new(); n];
    for (k, b) in r.blocks.iter().enumerate() {
        for s in succs(&b.term) {
            preds[s].push(k);
        }
    }
    let mut depth = vec![0usize; n];
    for (k, b) in r.blocks.iter().enumerate() {
        if !b.back_edge {
            continue;
        }
        // Follow plain jumps (conversion blocks) to the header.
        let mut header = succs(&b.term).first().copied().unwrap_or(k);
        for _ in 0..4 {
            match &r.blocks[header].term {
                mir::Term::Jump(x) if r.blocks[header].pc == r.blocks[*x].pc => header = *x,
                _ => break,
            }
        }
        let hpc = r.blocks[header].pc;
        let mut seen = vec![false; n];
        let mut stack = vec![k];
        while let Some(x) = stack.pop() {
            if seen[x] {
                continue;
            }
            seen[x] = true;
            depth[x] += 1;
            if x != header && r.blocks[x].pc != hpc {
                stack.extend(preds[x].iter().copied());
            }
        }
    }
    depth
}

impl Tier for Tier2 {
    fn hot(&mut self, t: &mut Thread, code: Gc<Code>, spot: HotSpot) {
        let _ = t;
        if code.is_generator || !self.attempted.insert((code.addr(), spot)) {
            return;
        }
        // Functions, and module-level code (its loops, by OSR); class
        // bodies run once.
        if !matches!(
            code.kind,
            runtime::bytecode::CodeKind::Function | runtime::bytecode::CodeKind::Module
        ) {
            return;
        }
        self.request(code, spot);
    }

    fn safepoint(&mut self, t: &mut Thread) {
        let _ = t;
        let mut done = Vec::new();
        if let Some(rx) = &self.results {
            while let Ok(d) = rx.try_recv() {
                done.push(d);
            }
        }
        for d in done {
            self.finish(d);
        }
        self.retire_exiting();
    }

    fn trace(&self, tr: &mut runtime::gc::Tracer) {
        for p in self.pending.values() {
            tr.gc(p.code);
            tr.values(&p.pins);
        }
        for (_, _, pins) in self.units.values().chain(self.retired.iter()) {
            tr.values(pins);
        }
    }

    fn stats_json(&self) -> String {
        let s = &self.stats;
        let (osr, mut ex) = helpers::with_counters(|c| {
            let ex: Vec<String> = c
                .exits
                .iter()
                .flat_map(|(u, counts)| {
                    counts
                        .iter()
                        .enumerate()
                        .filter(|(_, n)| **n > 0)
                        .map(move |(e, n)| format!("\"{u}:{e}\": {n}"))
                })
                .collect();
            (c.osr, ex)
        });
        ex.sort();
        format!(
            "\"llvm_initialised\": {}, \"tier2_compiles\": {}, \"tier2_compile_failures\": {}, \"tier2_compile_ms\": {:.3}, \"tier2_code_bytes\": {}, \"tier2_units_freed\": {}, \"exits_of_freed_units\": {}, \"osr_entries\": {}, \"exits\": {{{}}}",
            llvm_initialised(),
            s.compiles,
            s.failures,
            s.compile_ms,
            s.code_bytes,
            s.freed,
            s.freed_exits,
            osr,
            ex.join(", ")
        )
    }
}
