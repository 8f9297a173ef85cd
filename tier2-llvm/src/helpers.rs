//! The runtime helpers compiled tier-2 code calls, bound into the JIT as
//! absolute symbols. They never unwind (runtime::jit invariant 3): a panic
//! inside one aborts the process rather than crossing `extern "C"`.

use runtime::{Thread, Value};
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};

static LOG_DEOPT: AtomicBool = AtomicBool::new(false);
static LOG_OSR: AtomicBool = AtomicBool::new(false);

thread_local! {
    /// OSR entries, and exits per `(unit, exit)`: only the VM thread runs
    /// compiled code.
    static COUNTS: RefCell<(u64, HashMap<(u64, u32), u64>)> = RefCell::new((0, HashMap::new()));
}

pub fn set_logging(deopt: bool, osr: bool) {
    LOG_DEOPT.store(deopt, Ordering::Relaxed);
    LOG_OSR.store(osr, Ordering::Relaxed);
}

/// OSR entries and exit counts so far (this thread).
pub fn counters() -> (u64, HashMap<(u64, u32), u64>) {
    COUNTS.with(|c| c.borrow().clone())
}

/// The instruction at `pc` of the running frame, by the interpreter's
/// `exec_one`; returns its status.
///
/// # Safety
/// `t` is the running thread and `regs` the registers of its top frame.
pub unsafe extern "C" fn strata_t2_step(t: *mut Thread, regs: *mut Value, pc: u32) -> u32 {
    // SAFETY: compiled code passes the thread it was entered with.
    let t = unsafe { &mut *t };
    interp::exec::step::exec_one(t, regs, pc)
}

/// Compiled code leaves through exit `exit` of `unit`.
///
/// # Safety
/// `t` is the running thread.
pub unsafe extern "C" fn strata_t2_exit(t: *mut Thread, unit: u64, exit: u32) {
    let _ = t;
    COUNTS.with(|c| *c.borrow_mut().1.entry((unit, exit)).or_insert(0) += 1);
    if LOG_DEOPT.load(Ordering::Relaxed) {
        eprintln!("strata: deopt: unit {unit} exit {exit}");
    }
}

/// Compiled code for a loop was entered at its header (on-stack replacement).
///
/// # Safety
/// `t` is the running thread.
pub unsafe extern "C" fn strata_t2_osr(t: *mut Thread, unit: u64) {
    let _ = t;
    COUNTS.with(|c| c.borrow_mut().0 += 1);
    if LOG_OSR.load(Ordering::Relaxed) {
        eprintln!("strata: osr: entered unit {unit}");
    }
}

/// Every helper with its symbol name, for `Session::define_symbols`.
pub fn symbols() -> Vec<(&'static str, usize)> {
    vec![
        (
            crate::lower::HELPER_STEP,
            strata_t2_step as *const () as usize,
        ),
        (
            crate::lower::HELPER_EXIT,
            strata_t2_exit as *const () as usize,
        ),
        (
            crate::lower::HELPER_OSR,
            strata_t2_osr as *const () as usize,
        ),
    ]
}
