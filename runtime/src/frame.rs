//! VM frames and the register stack they live on.
//!
//! Invariants:
//! 1. The register stack is allocated once and never moves, so `Frame::regs`
//!    pointers into it stay valid; a frame's registers are
//!    `regs[0..code.nregs]`.
//! 2. A generator's frame points its registers into the generator's own heap
//!    storage instead; `saved_sp` is then unchanged by the push.
//! 3. Tiers 0 and 1 share this layout: switching between them at an
//!    instruction boundary needs only `pc`.

use crate::gc::Gc;
use crate::object::{Code, Module};
use crate::value::Value;

pub mod flags {
    /// Returning from this frame returns to native code (the entry of `run`).
    pub const ENTRY: u32 = 1;
    /// The frame belongs to a generator (registers live in the generator).
    pub const GENERATOR: u32 = 2;
    /// A class body or module body using a namespace dict in `ns`.
    pub const NAMESPACE: u32 = 4;
    /// An `__init__` frame entered by instantiating a class: returning
    /// gives the caller the new instance (kept in `Frame::gen`).
    pub const INIT: u32 = 8;
}

#[repr(C)]
pub struct Frame {
    pub code: Gc<Code>,
    pub regs: *mut Value,
    /// The instruction to resume at (valid while the frame is not running).
    pub pc: u32,
    /// Register of the caller's frame that receives the return value.
    pub ret_reg: u32,
    pub flags: u32,
    /// The register stack's top before this frame was pushed.
    pub saved_sp: u32,
    /// The function running (UNBOUND for module code).
    pub func: Value,
    pub globals: Gc<Module>,
    /// Namespace dict for class bodies (`flags::NAMESPACE`), else UNBOUND.
    pub ns: Value,
    /// The generator object for generator frames, the new instance for
    /// `INIT` frames, else UNBOUND.
    pub gen: Value,
}

/// Slots in the register stack: 16M values, 128 MiB of address space that
/// the OS commits only as pages are touched.
pub const STACK_SLOTS: usize = 16 << 20;

/// The register stack: a fixed, zero-initialised block of values.
pub struct RegStack {
    base: *mut Value,
}

impl RegStack {
    pub fn new() -> RegStack {
        let layout =
            std::alloc::Layout::array::<Value>(STACK_SLOTS).expect("register stack layout");
        // SAFETY: the layout has non-zero size; all-zero bits are a valid
        // Value (the float 0.0).
        let base = unsafe { std::alloc::alloc_zeroed(layout) } as *mut Value;
        if base.is_null() {
            std::alloc::handle_alloc_error(layout);
        }
        RegStack { base }
    }
    #[inline(always)]
    pub fn base(&self) -> *mut Value {
        self.base
    }
    /// The slots `[0, n)`.
    pub fn slice(&self, n: usize) -> &[Value] {
        // SAFETY: n <= STACK_SLOTS is checked by the caller's frame push, and
        // the block is initialised.
        unsafe { std::slice::from_raw_parts(self.base, n.min(STACK_SLOTS)) }
    }
}

impl Drop for RegStack {
    fn drop(&mut self) {
        let layout =
            std::alloc::Layout::array::<Value>(STACK_SLOTS).expect("register stack layout");
        // SAFETY: allocated in `new` with this layout.
        unsafe { std::alloc::dealloc(self.base as *mut u8, layout) };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frame_layout_is_pinned() {
        // Tiers 0 and 1 share this layout; growing it must be deliberate.
        assert_eq!(std::mem::size_of::<Frame>(), 64);
        assert_eq!(std::mem::align_of::<Frame>(), 8);
    }
}
