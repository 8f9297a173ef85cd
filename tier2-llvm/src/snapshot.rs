//! The plain-data copy of what a compile needs (DESIGN.md §8): made on the
//! main thread from a code object and its profile, read by a worker.

use runtime::bytecode::Insn;
use runtime::gc::Gc;
use runtime::jit::HotSpot;
use runtime::object::cache::POLY_MAX;
use runtime::object::{Cache, Code};

/// A constant as compiled code sees it.
#[derive(Copy, Clone, Debug, PartialEq)]
pub enum ConstInfo {
    /// An int in the inline range.
    Int(i64),
    Float(f64),
    Bool(bool),
    /// Any other value, by its bits (kept alive by the code's constants).
    Bits(u64),
}

/// One entry of a polymorphic site: receivers of `class` (at `version`)
/// with `shape` (0: not an instance) find `value` (a slot number or a
/// method's bits).
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct PolyEntry {
    pub class: usize,
    pub version: u32,
    pub shape: usize,
    pub value: u64,
}

/// The entries of a polymorphic inline cache, tried in order (plain data,
/// at most `POLY_MAX` of them).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Poly {
    pub n: u8,
    pub entries: [PolyEntry; POLY_MAX],
}

impl Poly {
    pub fn entries(&self) -> &[PolyEntry] {
        &self.entries[..self.n as usize]
    }
}

/// What an instruction's inline cache says, with the guarded objects by
/// address (kept alive by the tier, see `pins`).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum SiteInfo {
    None,
    /// A polymorphic site whose entries are all instance slots.
    SlotPoly(Poly),
    /// A polymorphic site whose entries are all methods.
    MethodPoly(Poly),
    /// An instance slot: load or store `slot` of instances of `class`
    /// (at `version`) with `shape`.
    Slot {
        class: usize,
        version: u32,
        shape: usize,
        slot: u32,
    },
    /// A store that adds an attribute: instances of `class` (at `version`)
    /// with shape `from` gain a slot and take shape `to`.
    Add {
        class: usize,
        version: u32,
        from: usize,
        to: usize,
    },
    /// A method load: receivers of `class` (at `version`) — instances with
    /// `shape` (or non-instances when `shape` is 0) — find `func`.
    Method {
        class: usize,
        version: u32,
        shape: usize,
        func: u64,
    },
}

/// A call site whose callee is known (a global's function or a cached
/// method) and small and simple enough to inline.
#[derive(Clone, Debug)]
pub struct InlineCallee {
    /// The function object's bits (the call guards on it; pinned).
    pub func: u64,
    pub input: Box<RegionInput>,
    /// For a method call: the pc of the method load, whose compiled guard
    /// proves the receiver is in the register after the function (if that
    /// load is compiled as an interpreter step, the call is not inlined).
    pub method_load: Option<u32>,
}

impl RegionInput {
    /// Calls inlined behind a method load that is widened (compiled as a
    /// step, which proves nothing about the receiver) become direct calls.
    pub fn uninline_widened(&mut self) {
        for pc in 0..self.inlines.len() {
            let widened = self.inlines[pc]
                .as_ref()
                .and_then(|c| c.method_load)
                .is_some_and(|q| self.widen.contains(&q));
            if widened {
                let c = self.inlines[pc].take().expect("checked");
                self.calls[pc] = Some(c.func);
            }
        }
    }
}

/// A global cell whose value the compiled code folded in: installing the
/// code requires the cell still at `version`, and a later store to it
/// invalidates the code (runtime::jit invariant 4).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assumed {
    /// The `GlobalCell`, by address (its code object keeps it alive).
    pub cell: usize,
    pub version: u32,
    /// The global's name (logs).
    pub name: String,
}

/// Everything a worker needs to compile one region.
#[derive(Clone, Debug)]
pub struct RegionInput {
    /// Unique name of the compiled unit (also its symbol).
    pub name: String,
    /// The code's qualified name (logs).
    pub qualname: String,
    pub spot: HotSpot,
    /// Address of the code object (to match the result to it later).
    pub code_addr: usize,
    pub entry_pc: u32,
    /// The instructions as quickening left them (they carry the types seen).
    pub insns: Vec<Insn>,
    pub consts: Vec<ConstInfo>,
    pub nregs: usize,
    /// `(start, end, handler)` of the exception table.
    pub exc_table: Vec<(u32, u32, u32)>,
    /// Per instruction: its inline cache, when compiled code can use it.
    pub sites: Vec<SiteInfo>,
    /// Stress mode: back edges to a loop region's header leave the region.
    pub osr_every_backedge: bool,
    /// Per instruction: the callee to inline at a call, if any.
    pub inlines: Vec<Option<InlineCallee>>,
    /// Per instruction: a call's known callee that is not inlined (a
    /// Python function, builtin function or method, or class, by its bits;
    /// the call guards on it, pinned), called directly (`mir::Inst::Call`).
    pub calls: Vec<Option<u64>>,
    /// Per conditional jump: `(taken, not taken)` from the branch profile.
    pub branches: Vec<Option<(u32, u32)>>,
    /// Per instruction: operand types the generic form saw
    /// (`runtime::object::cache::TYPE_*` bits).
    pub types: Vec<u8>,
    /// Per global slot: the module's cell and the builtins' cell, by address
    /// (the code object keeps them alive).
    pub global_cells: Vec<(usize, usize)>,
    /// Per global slot: the value folded in as a constant, if any.
    pub global_consts: Vec<Option<ConstInfo>>,
    /// The cells those constants came from, the inlined callees' included
    /// (only in the region's own input).
    pub assumed: Vec<Assumed>,
    /// Instructions to compile as interpreter steps whatever their caches
    /// say: their guards kept failing (`tier::widen_hot_exits`).
    pub widen: Vec<u32>,
    /// Address of the unit's `JitCode::invalidated` flag, which the code
    /// tests after each interpreter step when `assumed` is not empty (0:
    /// never; then nothing may be folded).
    pub invalid_flag: usize,
}

impl RegionInput {
    /// Lets the region fold globals, testing the flag at `addr` (its
    /// inlined callees' inputs too: they fold, the region checks).
    pub fn set_invalid_flag(&mut self, addr: usize) {
        self.invalid_flag = addr;
        for c in self.inlines.iter_mut().flatten() {
            c.input.set_invalid_flag(addr);
        }
    }
}

// Crosses to worker threads: no heap values inside.
const _: fn() = || {
    fn is_send<T: Send>() {}
    is_send::<RegionInput>();
};

/// Copies what compiling `code` at `spot` needs; `pins` receives the heap
/// objects the compiled code will guard on by address (the tier keeps them
/// alive as long as the code may run, so no address is reused under it).
pub fn snapshot_pinned(
    code: Gc<Code>,
    spot: HotSpot,
    unit: u64,
    pins: &mut Vec<runtime::Value>,
) -> RegionInput {
    let mut input = snapshot(code, spot, unit);
    input.sites = sites_of(code, pins);
    let mut assumed = Vec::new();
    fold_globals(code, &mut input, pins, &mut assumed);
    find_callees(code, &mut input, pins, &mut assumed);
    input.assumed = assumed;
    input
}

/// Folds in the globals that look constant: those whose module cell was
/// bound exactly once (version 1), or, while it is unbound, whose builtin
/// cell was; never one this code stores itself. Their values become
/// `global_consts` (heap objects pinned), their cells `assumed`. A global
/// that is reassigned stops being folded: its cell's version is past 1.
fn fold_globals(
    code: Gc<Code>,
    input: &mut RegionInput,
    pins: &mut Vec<runtime::Value>,
    assumed: &mut Vec<Assumed>,
) {
    use runtime::bytecode::Op;
    let insns = code.insns.get();
    let n = code.globals.len();
    let (mut loaded, mut stored) = (vec![false; n], vec![false; n]);
    for i in insns {
        match i.op().generic() {
            Op::LoadGlobal if i.b() < n => loaded[i.b()] = true,
            Op::StoreGlobal | Op::DeleteGlobal if i.a() < n => stored[i.a()] = true,
            _ => {}
        }
    }
    input.global_consts = vec![None; n];
    for k in 0..n {
        if !loaded[k] || stored[k] {
            continue;
        }
        let (m, b) = (code.globals[k], code.builtins[k]);
        let cells = if !m.get().is_unbound() {
            if m.version.get() != 1 {
                continue;
            }
            vec![m]
        } else if !b.get().is_unbound() && b.version.get() == 1 {
            vec![m, b]
        } else {
            continue;
        };
        let v = cells[cells.len() - 1].get();
        let c = const_info(v);
        if matches!(c, ConstInfo::Bits(_)) {
            pins.push(v);
        }
        input.global_consts[k] = Some(c);
        for cell in cells {
            let a = Assumed {
                cell: cell.addr(),
                version: cell.version.get(),
                name: m.name.as_str().to_string(),
            };
            if !assumed.contains(&a) {
                assumed.push(a);
            }
        }
    }
}

/// A value as a constant of compiled code.
fn const_info(v: runtime::Value) -> ConstInfo {
    if let Some(i) = v.as_small_int() {
        ConstInfo::Int(i)
    } else if let Some(f) = v.as_float() {
        ConstInfo::Float(f)
    } else if let Some(b) = v.as_bool() {
        ConstInfo::Bool(b)
    } else {
        ConstInfo::Bits(v.bits())
    }
}

/// The monomorphic inline caches of `code` as `SiteInfo`s (guarded
/// objects pushed on `pins`).
fn sites_of(code: Gc<Code>, pins: &mut Vec<runtime::Value>) -> Vec<SiteInfo> {
    let caches = code.caches.get();
    caches
        .iter()
        .map(|c| match c {
            // The interpreter will miss there, and code compiled from a
            // stale entry could never be installed.
            c if c.stale() => SiteInfo::None,
            Cache::Poly(entries) => poly_site(entries, pins),
            Cache::Slot {
                class,
                version,
                shape,
                slot,
            } => {
                pins.push(class.as_value());
                pins.push(shape.as_value());
                SiteInfo::Slot {
                    class: class.addr(),
                    version: *version,
                    shape: shape.addr(),
                    slot: *slot,
                }
            }
            Cache::Add {
                class,
                version,
                from,
                to,
            } => {
                pins.push(class.as_value());
                pins.push(from.as_value());
                pins.push(to.as_value());
                SiteInfo::Add {
                    class: class.addr(),
                    version: *version,
                    from: from.addr(),
                    to: to.addr(),
                }
            }
            Cache::Method {
                class,
                version,
                shape,
                func,
            } => {
                pins.push(class.as_value());
                pins.push(*func);
                if let Some(sh) = shape {
                    pins.push(sh.as_value());
                }
                SiteInfo::Method {
                    class: class.addr(),
                    version: *version,
                    shape: shape.map(|s| s.addr()).unwrap_or(0),
                    func: func.bits(),
                }
            }
            _ => SiteInfo::None,
        })
        .collect()
}

/// A polymorphic cache whose entries are all slots or all methods (the
/// classes, shapes and methods pinned).
fn poly_site(entries: &[Cache], pins: &mut Vec<runtime::Value>) -> SiteInfo {
    let mut poly = Poly {
        n: 0,
        entries: [PolyEntry::default(); POLY_MAX],
    };
    let (mut slots, mut methods) = (0, 0);
    for (k, c) in entries.iter().take(POLY_MAX).enumerate() {
        if c.stale() {
            // See `sites_of`.
            return SiteInfo::None;
        }
        let entry = match c {
            Cache::Slot {
                class,
                version,
                shape,
                slot,
            } => {
                slots += 1;
                pins.push(shape.as_value());
                (*class, *version, shape.addr(), *slot as u64)
            }
            Cache::Method {
                class,
                version,
                shape,
                func,
            } => {
                methods += 1;
                pins.push(*func);
                if let Some(sh) = shape {
                    pins.push(sh.as_value());
                }
                (*class, *version, shape.map_or(0, |s| s.addr()), func.bits())
            }
            _ => return SiteInfo::None,
        };
        pins.push(entry.0.as_value());
        poly.entries[k] = PolyEntry {
            class: entry.0.addr(),
            version: entry.1,
            shape: entry.2,
            value: entry.3,
        };
        poly.n += 1;
    }
    match (slots, methods) {
        (n, 0) if n > 0 => SiteInfo::SlotPoly(poly),
        (0, n) if n > 0 => SiteInfo::MethodPoly(poly),
        _ => SiteInfo::None,
    }
}

/// Largest callee (in instructions) that is inlined.
const INLINE_MAX_INSNS: usize = 60;

/// Marks the calls of `code` whose callee is known at this moment — a
/// function in a global cell loaded just before the call, or a method an
/// inline cache recorded. Such a callee is called directly (`calls`,
/// whatever it is), or
/// inlined (`inlines`) when it is a plain function (no
/// defaults used, no `*args`/`**kw`/keyword-only parameters, no closure or
/// cells, no exception handlers, not a generator), small, not `code`
/// itself, whose own MIR has no interpreter steps (so every exit inside it
/// is a guard that resumes the interpreter in a rebuilt frame).
fn find_callees(
    code: Gc<Code>,
    input: &mut RegionInput,
    pins: &mut Vec<runtime::Value>,
    assumed: &mut Vec<Assumed>,
) {
    use runtime::bytecode::Op;
    use runtime::object::Function;
    use runtime::ops::cast;
    let insns = code.insns.get();
    for pc in 0..insns.len() {
        let i = insns[pc];
        let (freg, argc) = match i.op() {
            Op::Call => (i.b(), i.c()),
            Op::CallMethod => (i.b(), i.c() + 1),
            _ => continue,
        };
        // The instruction that last wrote the function register, looking
        // back at most 16 instructions without crossing a jump.
        let mut producer = None;
        for q in (pc.saturating_sub(16)..pc).rev() {
            let x = insns[q];
            if x.op().is_jump() {
                break;
            }
            if crate::mir::writes(x).contains(&freg) {
                producer = Some(q);
                break;
            }
        }
        let Some(q) = producer else { continue };
        let pi = insns[q];
        let func = match (pi.op(), i.op()) {
            (Op::LoadGlobal, Op::Call) if pi.a() == freg => {
                let v = code.globals[pi.b()].get();
                if v.is_unbound() {
                    code.builtins[pi.b()].get()
                } else {
                    v
                }
            }
            (Op::LoadMethodCached, Op::CallMethod) if pi.a() == freg => {
                match &code.caches.get()[q] {
                    // Not a stale entry (`sites_of` does not compile those:
                    // the load would be a step).
                    c @ Cache::Method { func, .. } if !c.stale() => *func,
                    _ => continue,
                }
            }
            _ => continue,
        };
        if !func.is_obj() {
            continue;
        }
        // Any callable object is called directly (builtin functions and
        // methods, classes, Python functions).
        pins.push(func);
        input.calls[pc] = Some(func.bits());
        let Some(f) = cast::<Function>(func) else {
            continue;
        };
        let c = f.code;
        // Only methods of instances (whose receiver is the first argument)
        // are inlined.
        let instance_method = match i.op() {
            Op::CallMethod => matches!(&code.caches.get()[q], Cache::Method { shape: Some(_), .. }),
            _ => true,
        };
        let simple = matches!(c.kind, runtime::bytecode::CodeKind::Function)
            && !c.is_generator
            && !c.varargs
            && !c.varkw
            && c.kwonlycount == 0
            && c.freevars.is_empty()
            && c.cellvars.is_empty()
            && f.closure.is_none()
            && c.exc_table.is_empty()
            && instance_method
            && c.argcount as usize == argc
            && c.insns.get().len() <= INLINE_MAX_INSNS
            && !c.ptr_eq(code);
        if !simple {
            continue;
        }
        let mut callee_pins = Vec::new();
        let mut callee_assumed = Vec::new();
        let mut callee = snapshot(c, HotSpot::Function, 0);
        callee.sites = sites_of(c, &mut callee_pins);
        fold_globals(c, &mut callee, &mut callee_pins, &mut callee_assumed);
        let Ok(r) = crate::mir::build(&callee) else {
            continue;
        };
        if !crate::mir::inlinable(&r) {
            continue;
        }
        input.calls[pc] = None;
        pins.extend(callee_pins);
        for a in callee_assumed {
            if !assumed.contains(&a) {
                assumed.push(a);
            }
        }
        input.inlines[pc] = Some(InlineCallee {
            func: func.bits(),
            input: Box::new(callee),
            method_load: (i.op() == Op::CallMethod).then_some(q as u32),
        });
    }
}

/// Copies what compiling `code` at `spot` needs (without inline caches).
pub fn snapshot(code: Gc<Code>, spot: HotSpot, unit: u64) -> RegionInput {
    let consts = code.consts.iter().map(|&v| const_info(v)).collect();
    let entry_pc = match spot {
        HotSpot::Function => 0,
        HotSpot::Loop { header } => header,
    };
    let qualname = code.qualname.as_str().to_string();
    RegionInput {
        name: format!("strata_t2_{unit}"),
        qualname,
        spot,
        code_addr: code.addr(),
        entry_pc,
        insns: code.insns.get().clone(),
        consts,
        nregs: code.nregs as usize,
        exc_table: code
            .exc_table
            .iter()
            .map(|e| (e.start, e.end, e.handler))
            .collect(),
        sites: vec![SiteInfo::None; code.insns.get().len()],
        types: code.types.get().clone(),
        osr_every_backedge: false,
        inlines: vec![None; code.insns.get().len()],
        calls: vec![None; code.insns.get().len()],
        branches: code
            .caches
            .get()
            .iter()
            .map(|c| match c {
                Cache::Branch { taken, not_taken } => Some((*taken, *not_taken)),
                _ => None,
            })
            .collect(),
        global_cells: code
            .globals
            .iter()
            .zip(&code.builtins)
            .map(|(g, b)| (g.addr(), b.addr()))
            .collect(),
        global_consts: vec![None; code.globals.len()],
        assumed: Vec::new(),
        widen: Vec::new(),
        invalid_flag: 0,
    }
}
