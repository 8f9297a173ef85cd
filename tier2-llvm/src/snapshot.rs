//! The plain-data copy of what a compile needs (DESIGN.md §8): made on the
//! main thread from a code object and its profile, read by a worker.

use runtime::bytecode::Insn;
use runtime::gc::Gc;
use runtime::jit::HotSpot;
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

/// What an instruction's inline cache says (monomorphic sites only), with
/// the guarded objects by address (kept alive by the tier, see `pins`).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum SiteInfo {
    None,
    /// An instance slot: load or store `slot` of instances of `class`
    /// (at `version`) with `shape`.
    Slot {
        class: usize,
        version: u32,
        shape: usize,
        slot: u32,
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
    /// Per instruction: operand types the generic form saw
    /// (`runtime::object::cache::TYPE_*` bits).
    pub types: Vec<u8>,
    /// Per global slot: the module's cell and the builtins' cell, by address
    /// (the code object keeps them alive).
    pub global_cells: Vec<(usize, usize)>,
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
    let caches = code.caches.get();
    input.sites = caches
        .iter()
        .map(|c| match c {
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
        .collect();
    input
}

/// Copies what compiling `code` at `spot` needs (without inline caches).
pub fn snapshot(code: Gc<Code>, spot: HotSpot, unit: u64) -> RegionInput {
    let consts = code
        .consts
        .iter()
        .map(|&v| {
            if let Some(i) = v.as_small_int() {
                ConstInfo::Int(i)
            } else if let Some(f) = v.as_float() {
                ConstInfo::Float(f)
            } else if let Some(b) = v.as_bool() {
                ConstInfo::Bool(b)
            } else {
                ConstInfo::Bits(v.bits())
            }
        })
        .collect();
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
        global_cells: code
            .globals
            .iter()
            .zip(&code.builtins)
            .map(|(g, b)| (g.addr(), b.addr()))
            .collect(),
    }
}
