//! Raising and unwinding: the `Raise`/`Reraise` opcodes, matching `except`
//! clauses, and walking frames to the innermost handler while recording the
//! traceback.
//!
//! Invariants:
//! 1. `Thread::exc` holds the exception from the moment `Raised` is produced
//!    until a handler's `LoadExc` takes it.
//! 2. Each frame the exception leaves adds one traceback entry (the line of
//!    the instruction that raised or called), so the printed traceback has
//!    CPython's shape.
//! 3. The "unsupported" refusal is never caught: it skips every handler.

use super::calls::{finish_generator, pc_index, pop_frame};
use super::dispatch::{next, reg};
use super::handlers::{at, frame};
use super::Next;
use runtime::bytecode::Insn;
use runtime::frame::flags;
use runtime::gc::Gc;
use runtime::object::*;
use runtime::ops::{self, cast};
use runtime::{PyResult, Thread, Value};

/// Unwinds from `pc` of the running frame with `Thread::exc` set.
#[inline(never)]
pub(crate) fn unwind(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let _ = regs;
    let n = unwind_target(t, pc);
    if n.is_exit() {
        return super::leave_raised(t, regs, pc);
    }
    next!(t, n.regs, n.pc)
}

#[inline(never)]
fn unwind_target(t: &mut Thread, pc: *const Insn) -> Next {
    // The exception's context was set where it was raised (`Thread::raise`,
    // the `Raise` opcode), not here: it may come from another context
    // (a generator's).
    let idx = pc_index(t, pc);
    unwind_from(t, idx, true)
}

/// Raises `Thread::exc` at instruction `idx` of the running frame (a
/// generator frame pushed by `throw`): where its handler continues, or
/// `Next::EXIT` when the exception leaves the frame.
pub(super) fn throw_target(t: &mut Thread, idx: usize) -> Next {
    unwind_from(t, idx, true)
}

/// Sets the implicit `__context__` of the exception being raised.
fn set_context(t: &mut Thread) {
    t.set_context();
}

fn add_traceback(t: &mut Thread, code: Gc<Code>, pc: usize) {
    if let Some(inst) = cast::<Instance>(t.exc) {
        if let Some(e) = inst.exc.get_mut() {
            e.traceback.push(TbEntry {
                code,
                line: code.line_at(pc),
            });
        }
    }
}

/// Finds the handler for the exception in `Thread::exc`, popping frames;
/// `Next::EXIT` when it leaves an ENTRY frame (the native caller gets `Err`).
fn unwind_from(t: &mut Thread, mut idx: usize, mut record: bool) -> Next {
    let fatal = t.class_of(t.exc).ptr_eq(t.classes.unsupported);
    loop {
        let (code, fregs) = {
            let f = frame(t);
            (f.code, f.regs)
        };
        if record {
            add_traceback(t, code, idx);
        }
        record = true;
        if !fatal {
            if let Some(h) = code.handler_for(idx) {
                return Next {
                    regs: fregs,
                    pc: at(t, h),
                };
            }
        }
        let popped = pop_frame(t);
        if popped.flags & flags::GENERATOR != 0 {
            finish_generator(t, popped.gen);
            if t.exc_is(t.classes.stop_iteration) {
                let cause = t.exc;
                let _ = t.runtime_error("generator raised StopIteration");
                if let Some(inst) = cast::<Instance>(t.exc) {
                    if let Some(e) = inst.exc.get_mut() {
                        e.cause = cause;
                        e.context = cause;
                        e.suppress_context = true;
                    }
                }
            }
        }
        if popped.flags & flags::ENTRY != 0 {
            return Next::EXIT;
        }
        idx = frame(t).pc as usize;
    }
}

/// Turns a raised value (class or instance) into an exception instance.
fn make_exception(t: &mut Thread, v: Value, what: &str) -> PyResult<Value> {
    if let Some(c) = cast::<Class>(v) {
        if c.is_subclass(t.classes.base_exception) {
            let e = ops::call(t, v, &[], None)?;
            if ops::isinstance(t, e, t.classes.base_exception) {
                return Ok(e);
            }
            let msg = format!(
                "calling {} should have returned an instance of BaseException, not {}",
                ops::repr_string(t, v)?,
                t.type_name(e)
            );
            return Err(t.type_error(&msg));
        }
    } else if ops::isinstance(t, v, t.classes.base_exception) {
        return Ok(v);
    }
    Err(t.type_error(what))
}

fn raise_value(t: &mut Thread, i: Insn, regs: *mut Value) -> PyResult<bool> {
    if i.aux() & 2 != 0 {
        let h = t.topmost_handled();
        if h.is_none() {
            return Err(t.runtime_error("No active exception to reraise"));
        }
        t.exc = h;
        return Ok(false);
    }
    let exc = make_exception(
        t,
        reg!(regs, i.a()),
        "exceptions must derive from BaseException",
    )?;
    if i.aux() & 1 != 0 {
        let cv = reg!(regs, i.b());
        let cause = if cv.is_none() {
            Value::NONE
        } else {
            make_exception(t, cv, "exception causes must derive from BaseException")?
        };
        if let Some(inst) = cast::<Instance>(exc) {
            if let Some(e) = inst.exc.get_mut() {
                e.cause = cause;
                e.suppress_context = true;
            }
        }
    }
    t.exc = exc;
    Ok(true)
}

#[inline(never)]
pub(super) fn raise_op(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let n = raise_target(t, regs, pc);
    if n.is_exit() {
        return super::leave_raised(t, regs, pc);
    }
    next!(t, n.regs, n.pc)
}

#[inline(never)]
fn raise_target(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> Next {
    // SAFETY: pc points at the running instruction.
    let i = unsafe { *pc };
    let idx = pc_index(t, pc);
    match raise_value(t, i, regs) {
        Ok(false) => {}
        Ok(true) | Err(_) => set_context(t),
    }
    unwind_from(t, idx, true)
}

#[inline(never)]
pub(super) fn reraise_op(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let n = reraise_target(t, regs, pc);
    if n.is_exit() {
        return super::leave_raised(t, regs, pc);
    }
    next!(t, n.regs, n.pc)
}

#[inline(never)]
fn reraise_target(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> Next {
    // SAFETY: pc points at the running instruction.
    let i = unsafe { *pc };
    t.exc = reg!(regs, i.a());
    let idx = pc_index(t, pc);
    unwind_from(t, idx, false)
}

/// `except cls:` matching (cls may be a tuple of classes).
pub(super) fn exc_match(t: &mut Thread, exc: Value, cls: Value) -> PyResult<bool> {
    if t.class_of(exc).ptr_eq(t.classes.unsupported) {
        return Ok(false);
    }
    if let Some(tu) = cast::<Tuple>(cls) {
        for c in tu.items.to_vec() {
            if exc_match(t, exc, c)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    match cast::<Class>(cls) {
        Some(c) if c.is_subclass(t.classes.base_exception) => Ok(ops::isinstance(t, exc, c)),
        _ => Err(
            t.type_error("catching classes that do not inherit from BaseException is not allowed")
        ),
    }
}
