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

mod calls;
mod dispatch;
mod handlers;
mod unwind;

pub use calls::{call_function, install_hooks, resume_generator, run_code};

use runtime::bytecode::Insn;
use runtime::{PyResult, Thread, Value};

/// The signature every opcode handler shares.
pub type Handler = fn(&mut Thread, *mut Value, *const Insn) -> PyResult<Value>;
