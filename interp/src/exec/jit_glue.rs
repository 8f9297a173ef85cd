//! The interpreter's side of the tier contract (`runtime::jit`): telling the
//! tier when a function or loop is hot, entering compiled code at function
//! entry and at loop headers (on-stack replacement), and carrying on after
//! compiled code exits.
//!
//! Invariants:
//! 1. Compiled code is entered only with its frame on top of
//!    `Thread::frames` and that frame's `pc` at the region's entry.
//! 2. After an exit the interpreter continues exactly as if it had run the
//!    instructions itself: `EXIT_RESUME` dispatches at the pc, `EXIT_RAISE`
//!    unwinds from it, `EXIT_RETURN` returns from its `Return` instruction.

use super::calls::{self, save_pc};
use super::dispatch::next;
use super::handlers::{at, code};
use super::unwind;
use runtime::bytecode::Insn;
use runtime::gc::Gc;
use runtime::jit::{self, HotSpot, JitCode, EXIT_RAISE, EXIT_RESUME};
use runtime::object::{Cache, Code};
use runtime::{PyResult, Thread, Value};
use std::sync::atomic::Ordering;

#[inline(always)]
fn insn(pc: *const Insn) -> Insn {
    // SAFETY: pc points at a valid instruction of the running code.
    unsafe { *pc }
}

/// Runs compiled code on the top frame; returns (exit kind, pc) and leaves
/// the frame's `pc` at the exit's pc.
pub(super) fn run(t: &mut Thread, j: &JitCode) -> (u64, u32) {
    // Only the VM thread runs compiled code and reads the count (at
    // safepoints): a plain load and store, no locked read-modify-write.
    j.active
        .store(j.active.load(Ordering::Relaxed) + 1, Ordering::Relaxed);
    let frame: *mut runtime::frame::Frame =
        // SAFETY: compiled code runs with its frame on the stack (invariant 1).
        unsafe { t.frames.last_mut().unwrap_unchecked() };
    // SAFETY: `addr` is the address of a `CompiledFn` the tier installed
    // (runtime::jit invariant 2); it receives this thread and its frame.
    let f: jit::CompiledFn = unsafe { std::mem::transmute::<usize, jit::CompiledFn>(j.addr) };
    // SAFETY: see above; compiled code keeps the contract of runtime::jit.
    let r = unsafe { f(t as *mut Thread, frame) };
    j.active
        .store(j.active.load(Ordering::Relaxed) - 1, Ordering::Relaxed);
    let (kind, pc) = jit::decode_exit(r);
    // SAFETY: the frame is still on top (compiled code pops nothing).
    unsafe { t.frames.last_mut().unwrap_unchecked() }.pc = pc;
    if kind == jit::EXIT_RESUME {
        // Code that keeps exiting is retired at a safepoint, and a spot
        // whose code is installed reaches none by counting: every 32nd
        // exit is one, and so is the exit that spent a unit's budget.
        t.jit_resume_exits += 1;
        if t.jit_attention || t.jit_resume_exits.is_multiple_of(32) {
            t.jit_attention = false;
            safepoint(t);
        }
    }
    (kind, pc)
}

/// Tells the tier that `code` is hot at `spot` (it may compile at once).
#[cold]
#[inline(never)]
pub(super) fn hot(t: &mut Thread, code: Gc<Code>, spot: HotSpot) {
    if let Some(mut tier) = t.jit.take() {
        tier.hot(t, code, spot);
        t.jit = Some(tier);
    }
}

/// Whether code was invalidated since the last safepoint (the tier then
/// retires and recompiles it there).
#[inline(always)]
pub(super) fn invalidations_pending(t: &Thread) -> bool {
    jit::INVALIDATIONS.load(Ordering::Relaxed) != t.jit_invalidations_seen
}

/// A safepoint for the tier: installs finished compiles.
#[cold]
#[inline(never)]
pub(super) fn safepoint(t: &mut Thread) {
    t.jit_invalidations_seen = jit::INVALIDATIONS.load(Ordering::Relaxed);
    if let Some(mut tier) = t.jit.take() {
        tier.safepoint(t);
        t.jit = Some(tier);
    }
}

/// The back edge at `pc` (a `JumpBack`) with a tier installed: counts
/// toward the loop's threshold, and enters the loop's compiled code at its
/// header when there is some.
#[inline(never)]
pub(super) fn back_edge(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let header = insn(pc).j() as u32;
    let c = code(t);
    if c.jit.loop_header(header).is_none() {
        let idx = calls::pc_index(t, pc);
        let count = match c.caches.get()[idx] {
            Cache::Count(n) => n,
            _ => 0,
        };
        if count == t.jit_loop_threshold.saturating_add(1) {
            save_pc(t, pc);
            hot(t, c, HotSpot::Loop { header });
        } else if count % 1024 == 0 || invalidations_pending(t) {
            safepoint(t);
        }
    }
    let Some(j) = c.jit.loop_header(header) else {
        next!(t, regs, at(t, header as usize))
    };
    save_pc(t, at(t, header as usize));
    let (kind, exit_pc) = run(t, j);
    after_exit(t, regs, kind, exit_pc)
}

/// Continues in the interpreter after compiled code exited with `kind` at
/// `pc` (invariant 2).
pub(super) fn after_exit(t: &mut Thread, regs: *mut Value, kind: u64, pc: u32) -> PyResult<Value> {
    // An exit inside inlined code pushed the callee's frame: continue in
    // the top frame, whichever it is.
    let _ = regs;
    let regs = super::handlers::frame(t).regs;
    let at_pc = at(t, pc as usize);
    if kind == EXIT_RESUME {
        next!(t, regs, at_pc)
    }
    if kind == EXIT_RAISE {
        return unwind::unwind(t, regs, at_pc);
    }
    let v = std::mem::replace(&mut t.exit_value, Value::NONE);
    calls::return_value(t, regs, at_pc, v)
}
