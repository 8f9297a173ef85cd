//! Generator objects: a suspended frame kept on the heap.
//!
//! A generator owns its registers; when resumed, the interpreter pushes a
//! frame whose register pointer points into `GenState::regs` (which never
//! reallocates), runs until `Yield` or return, and saves the pc back here.

use super::code::Code;
use super::module::Module;
use super::GcCell;
use crate::gc::{Gc, Tracer};
use crate::value::Value;

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum GenStatus {
    /// Not started: the first resumption must send None.
    Created,
    /// Stopped at a `Yield`/`YieldFrom`.
    Suspended,
    /// On the frame stack right now.
    Running,
    /// Returned or raised; further resumption raises StopIteration.
    Done,
}

pub struct GenState {
    pub regs: Box<[Value]>,
    pub pc: u32,
    pub status: GenStatus,
    /// Register that receives the value sent in on resumption.
    pub resume_reg: u16,
    /// While suspended: the exception its own `except` block is handling.
    /// While running: the resumer's `Thread::handled`.
    pub handled: Value,
    /// While running: the resumer's `Thread::outer_handled`.
    pub outer_handled: Value,
}

pub struct Generator {
    pub code: Gc<Code>,
    pub func: Value,
    pub globals: Gc<Module>,
    pub state: GcCell<GenState>,
}

impl Generator {
    pub(crate) fn trace_fields(&self, tr: &mut Tracer) {
        tr.gc(self.code);
        tr.value(self.func);
        tr.gc(self.globals);
        let st = self.state.get();
        tr.values(&st.regs);
        tr.values(&[st.handled, st.outer_handled]);
    }
}
