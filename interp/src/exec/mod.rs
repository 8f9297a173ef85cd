//! Tier 0: the tail-call-dispatch interpreter over register bytecode.
//!
//! Every opcode has a handler `fn(&mut Thread, regs, pc) -> PyResult<Value>`
//! that ends by calling the next instruction's handler in tail position
//! (`next!`), which the compiler turns into a jump. Python-to-Python calls
//! push a VM frame and keep dispatching, and returns pop it, so Python
//! recursion never grows the native stack. The chain returns to its native
//! caller only when a frame marked `ENTRY` returns or lets an exception out.
//!
//! Invariants:
//! 1. The loader verified every operand (`crate::load::verify`), so handlers
//!    index registers, constants and names without bounds checks.
//! 2. `regs` and `pc` always belong to the top frame of `Thread::frames`.
//! 3. A frame's `pc` field is only meaningful while the frame is suspended
//!    under a callee; the running frame's pc is the `pc` argument.
//! 4. Handlers keep no value with a destructor alive across their tail call.
//! 5. Handlers never let a stack slot's address escape: every function a
//!    handler calls returns at most 16 bytes (`PyResult<Value>`, `Next`,
//!    `PyResult<()>`...) and takes no reference to a handler local. A larger
//!    return value is passed through a hidden stack slot, and LLVM then
//!    refuses the sibling call, so dispatch would grow the native stack.
//!    Slow paths live in `#[inline(never)]` helpers that write registers
//!    themselves.

mod calls;
mod dispatch;
mod handlers;
mod jit_glue;
mod quicken;
pub mod step;
mod unwind;

pub use calls::{call_function, install_hooks, resume_generator, run_code};

use runtime::bytecode::Insn;
use runtime::{PyResult, Thread, Value};

/// The signature every opcode handler shares.
pub type Handler = fn(&mut Thread, *mut Value, *const Insn) -> PyResult<Value>;

/// Where dispatch continues: the registers and instruction of the frame to
/// run next. Returned in two machine registers, so helpers that compute it
/// leave the handler free to tail-call (invariant 5). A null `regs` means
/// "leave dispatch" (the meaning depends on the helper).
#[repr(C)]
#[derive(Copy, Clone)]
pub struct Next {
    pub regs: *mut Value,
    pub pc: *const Insn,
}

/// Leaves dispatch with the exception in `Thread::exc` (a tail call, so
/// the calling handler ends in a jump: LLVM cannot turn a call into a jump
/// when another path of the same function returns a constant).
#[inline(never)]
pub(crate) fn leave_raised(
    _t: &mut Thread,
    _regs: *mut Value,
    _pc: *const Insn,
) -> PyResult<Value> {
    // Opaque, so LLVM cannot propagate the constant into callers and
    // replace their tail call with a constant return.
    std::hint::black_box(Err(runtime::Raised))
}

/// Leaves dispatch returning `Thread::exit_value` (see `leave_raised`).
#[inline(never)]
pub(crate) fn leave_value(t: &mut Thread, _regs: *mut Value, _pc: *const Insn) -> PyResult<Value> {
    std::hint::black_box(Ok(std::mem::replace(&mut t.exit_value, Value::NONE)))
}

impl Next {
    pub const EXIT: Next = Next {
        regs: std::ptr::null_mut(),
        pc: std::ptr::null(),
    };
    #[inline(always)]
    pub fn is_exit(self) -> bool {
        self.regs.is_null()
    }
    /// "Unwind from the instruction at `pc` of the frame with `regs`" (an
    /// exception compiled code raised in a frame it entered): instructions
    /// are 8-byte aligned, so the low bit of `pc` marks it.
    #[inline(always)]
    pub fn raise_at(regs: *mut Value, pc: *const Insn) -> Next {
        Next {
            regs,
            pc: (pc as usize | 1) as *const Insn,
        }
    }
    #[inline(always)]
    pub fn is_raise(self) -> bool {
        self.pc as usize & 1 != 0
    }
    /// The instruction of a `raise_at`.
    #[inline(always)]
    pub fn raise_pc(self) -> *const Insn {
        (self.pc as usize & !1) as *const Insn
    }
}
