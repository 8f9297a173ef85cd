//! Counting the memory objects own outside the collected heap (list and
//! dict storage, strings, big-int digits, generator frames): the global
//! allocator keeps a per-thread net byte count, and the heap collects when
//! it has grown enough since the last collection. Without it, a program
//! making large short-lived lists would grow to hundreds of megabytes
//! before the object-count threshold fired.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

/// The system allocator, counting bytes per thread.
pub struct CountingAlloc;

thread_local! {
    /// Bytes allocated minus bytes freed by this thread (memory freed by
    /// another thread than the one that allocated it skews both counts;
    /// only the VM thread's growth matters).
    static NET: Cell<isize> = const { Cell::new(0) };
}

#[inline(always)]
fn add(delta: isize) {
    NET.with(|n| n.set(n.get().wrapping_add(delta)));
}

/// This thread's net allocated bytes.
pub fn net_bytes() -> isize {
    NET.with(|n| n.get())
}

// SAFETY: every method forwards to `System` with the caller's arguments
// unchanged, so `System`'s guarantees carry over; the counting touches only
// a thread-local integer (const-initialised, no destructor, no allocation).
unsafe impl GlobalAlloc for CountingAlloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        add(layout.size() as isize);
        // SAFETY: forwarded contract (see the impl).
        unsafe { System.alloc(layout) }
    }
    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        add(layout.size() as isize);
        // SAFETY: forwarded contract (see the impl).
        unsafe { System.alloc_zeroed(layout) }
    }
    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        add(-(layout.size() as isize));
        // SAFETY: forwarded contract (see the impl).
        unsafe { System.dealloc(ptr, layout) }
    }
    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        add(new_size as isize - layout.size() as isize);
        // SAFETY: forwarded contract (see the impl).
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}
