//! Calls and returns: pushing and popping VM frames, binding arguments with
//! CPython's error messages, generators (creation, inline resumption by
//! `ForIter`, native resumption by `next()`/`send()`), class bodies, and the
//! hooks through which runtime code calls back into Python.
//!
//! Invariants:
//! 1. `Thread::sp` is the end of the top stack frame's registers; a pushed
//!    frame's registers are all initialised (UNBOUND or an argument) before
//!    anything can allocate, so the collector never sees stale slots.
//! 2. A suspended caller's `pc` field holds the index of its call (or
//!    `ForIter`) instruction; returning resumes at `pc + 1` (or, for a
//!    finished generator under `ForIter`, at the loop exit).

use super::dispatch::{next, reg, set_reg};
use super::handlers::{at, code, frame, reg_slice};
use super::{unwind, Next};
use runtime::bytecode::{CodeKind, Insn, Op};
use runtime::frame::{flags, Frame, STACK_SLOTS};
use runtime::gc::Gc;
use runtime::object::generator::GenStatus;
use runtime::object::*;
use runtime::ops::{self, cast};
use runtime::{PyResult, Thread, Value};

/// What entering a function produced.
pub(super) enum Entered {
    /// A frame was pushed: continue dispatching here.
    Frame(*mut Value, *const Insn),
    /// The call completed at once (e.g. it created a generator, or compiled
    /// code ran the whole function).
    Done(Value),
    /// A frame was pushed and compiled code raised in it at `pc`: unwind
    /// from there.
    Raise(*mut Value, *const Insn),
}

#[inline(always)]
fn insn(pc: *const Insn) -> Insn {
    // SAFETY: pc points at a valid instruction of the running code.
    unsafe { *pc }
}

/// Records the running frame's pc before it is suspended under a callee.
#[inline(always)]
pub(super) fn save_pc(t: &mut Thread, pc: *const Insn) {
    let base = code(t).insns.get().as_ptr();
    // SAFETY: pc points into the running code's instruction vector.
    let idx = unsafe { pc.offset_from(base) } as u32;
    // SAFETY: handlers run with their frame on the stack.
    unsafe { t.frames.last_mut().unwrap_unchecked() }.pc = idx;
}

/// The index of `pc` in the running code.
pub(super) fn pc_index(t: &Thread, pc: *const Insn) -> usize {
    let base = code(t).insns.get().as_ptr();
    // SAFETY: pc points into the running code's instruction vector.
    unsafe { pc.offset_from(base) as usize }
}

#[cold]
fn too_deep(t: &mut Thread) -> runtime::Raised {
    t.recursion_error()
}

/// Pushes a frame for `func` with bound arguments, or creates its generator.
pub(super) fn enter(
    t: &mut Thread,
    func: Gc<Function>,
    args: &[Value],
    kwnames: Option<Gc<Tuple>>,
    ret_reg: u32,
    extra_flags: u32,
    gen: Value,
) -> PyResult<Entered> {
    let code = func.code;
    if t.frames.len() >= t.recursion_limit {
        return Err(too_deep(t));
    }
    // A safepoint: the arguments are in the caller's registers, or held by
    // the native caller (gc invariant 5).
    t.safepoint();
    let nregs = code.nregs as usize;
    let base = t.sp;
    if base + nregs > STACK_SLOTS {
        return Err(too_deep(t));
    }
    // SAFETY: base + nregs <= STACK_SLOTS, checked above.
    let regs = unsafe { t.stack.base().add(base) };
    let simple = kwnames.is_none()
        && !code.varargs
        && !code.varkw
        && code.kwonlycount == 0
        && args.len() == code.argcount as usize;
    if simple {
        // SAFETY: [regs, regs + nregs) lies in the register stack, above
        // every live frame (base = sp), so it overlaps neither `args` nor
        // other frames; args.len() == argcount <= nregs (loader).
        unsafe {
            for (k, &v) in args.iter().enumerate() {
                *regs.add(k) = v;
            }
            for k in args.len()..nregs {
                *regs.add(k) = Value::UNBOUND;
            }
        }
    } else {
        bind_window(t, func, args, kwnames, regs, base, nregs)?;
    }
    code.calls.set(code.calls.get() + 1);
    if code.is_generator {
        return Ok(Entered::Done(new_generator(t, func, regs, nregs)));
    }
    t.frames.push(Frame {
        code,
        regs,
        pc: 0,
        ret_reg,
        flags: extra_flags,
        saved_sp: base as u32,
        func: func.as_value(),
        globals: func.globals,
        ns: Value::UNBOUND,
        gen,
    });
    t.sp = base + nregs;
    let insns = code.insns.get().as_ptr();
    if t.jit.is_some() && extra_flags & flags::NAMESPACE == 0 {
        let calls = code.calls.get();
        if code.jit.has_function()
            || calls == t.jit_call_threshold.wrapping_add(1)
            || calls.is_multiple_of(1024)
            || super::jit_glue::invalidations_pending(t)
        {
            return Ok(enter_compiled(t, code, regs, insns));
        }
    }
    Ok(Entered::Frame(regs, insns))
}

/// Binds arguments the general way into the window `regs` (`nregs` at
/// stack slot `base`): defaults, keywords, `*args`, `**kw`.
#[inline(never)]
fn bind_window(
    t: &mut Thread,
    func: Gc<Function>,
    args: &[Value],
    kwnames: Option<Gc<Tuple>>,
    regs: *mut Value,
    base: usize,
    nregs: usize,
) -> PyResult<()> {
    // SAFETY: as in `enter`: the window lies above every live frame.
    unsafe { std::slice::from_raw_parts_mut(regs, nregs) }.fill(Value::UNBOUND);
    // Claim the window while binding allocates (tuples, dicts), so the
    // collector scans it (invariant 1).
    t.sp = base + nregs;
    let r = bind_args(t, func, args, kwnames, regs);
    t.sp = base;
    r
}

/// A generator for `func` whose frame starts as the bound window `regs`.
#[inline(never)]
fn new_generator(t: &mut Thread, func: Gc<Function>, regs: *mut Value, nregs: usize) -> Value {
    // SAFETY: as in `enter`: the window lies above every live frame.
    let window = unsafe { std::slice::from_raw_parts(regs, nregs) };
    let regs_copy: Box<[Value]> = window.to_vec().into_boxed_slice();
    let g = t.alloc(Generator {
        code: func.code,
        func: func.as_value(),
        globals: func.globals,
        state: GcCell::new(GenState {
            regs: regs_copy,
            pc: 0,
            status: GenStatus::Created,
            resume_reg: 0,
            handled: Value::NONE,
            outer_handled: Value::NONE,
        }),
    });
    g.as_value()
}

/// With a tier installed: counts toward the function's threshold, and runs
/// its compiled code when there is some (the frame was just pushed).
#[inline(never)]
fn enter_compiled(t: &mut Thread, code: Gc<Code>, regs: *mut Value, insns: *const Insn) -> Entered {
    use runtime::jit::{EXIT_RAISE, EXIT_RESUME};
    if code.jit.function().is_none() {
        let calls = code.calls.get();
        if calls == t.jit_call_threshold.saturating_add(1) {
            super::jit_glue::hot(t, code, runtime::jit::HotSpot::Function);
        } else if calls.is_multiple_of(1024) || super::jit_glue::invalidations_pending(t) {
            super::jit_glue::safepoint(t);
        }
    }
    let Some(j) = code.jit.function() else {
        return Entered::Frame(regs, insns);
    };
    let (kind, pc) = super::jit_glue::run(t, j);
    // SAFETY: compiled code exits at a pc of this code.
    let at_pc = unsafe { insns.add(pc as usize) };
    if kind == EXIT_RESUME {
        // An exit inside inlined code pushed the callee's frame: resume in
        // the top frame.
        let top = frame(t);
        let (top_regs, top_insns) = (top.regs, top.code.insns.get().as_ptr());
        // SAFETY: the exit's pc belongs to the top frame's code.
        return Entered::Frame(top_regs, unsafe { top_insns.add(pc as usize) });
    }
    if kind == EXIT_RAISE {
        return Entered::Raise(regs, at_pc);
    }
    let v = std::mem::replace(&mut t.exit_value, Value::NONE);
    let f = frame(t);
    if f.flags & flags::INIT != 0 {
        if !v.is_none() {
            init_returned(t, v);
            return Entered::Raise(regs, at_pc);
        }
        let obj = f.gen;
        pop_frame(t);
        return Entered::Done(obj);
    }
    pop_frame(t);
    Entered::Done(v)
}

fn fn_name(func: Gc<Function>) -> String {
    ops::as_str(func.qualname.get())
        .map(|s| s.as_str().to_string())
        .unwrap_or_else(|| func.code.qualname.as_str().to_string())
}

fn quote_list(names: &[String]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match q.len() {
        0 => String::new(),
        1 => q[0].clone(),
        2 => format!("{} and {}", q[0], q[1]),
        _ => format!("{}, and {}", q[..q.len() - 1].join(", "), q[q.len() - 1]),
    }
}

/// Binds arguments to parameters with CPython's rules and messages.
fn bind_args(
    t: &mut Thread,
    func: Gc<Function>,
    args: &[Value],
    kwnames: Option<Gc<Tuple>>,
    regs: *mut Value,
) -> PyResult<()> {
    let code = func.code;
    let nreg = code.nregs as usize;
    let set = |i: usize, v: Value| {
        debug_assert!(i < nreg);
        set_reg!(regs, i, v)
    };
    let get = |i: usize| -> Value { reg!(regs, i) };
    let argcount = code.argcount as usize;
    let kwonly = code.kwonlycount as usize;
    let (pos, kws) = ops::call::split_kw(args, kwnames);
    let defaults = cast::<Tuple>(func.defaults)
        .map(|d| d.items.to_vec())
        .unwrap_or_default();
    if pos.len() > argcount && !code.varargs {
        let given = pos.len();
        let kw_given = kws
            .iter()
            .filter(|(k, _)| {
                code.local_names[argcount..argcount + kwonly]
                    .iter()
                    .any(|n| n.ptr_eq(*k))
            })
            .count();
        let takes = if defaults.is_empty() {
            format!("{argcount}")
        } else {
            format!("from {} to {}", argcount - defaults.len(), argcount)
        };
        let plural = if argcount == 1 && defaults.is_empty() {
            ""
        } else {
            "s"
        };
        let msg = if kw_given > 0 {
            format!(
                "{}() takes {} positional argument{} but {} positional argument{} (and {} keyword-only argument{}) were given",
                fn_name(func),
                takes,
                plural,
                given,
                if given == 1 { "" } else { "s" },
                kw_given,
                if kw_given == 1 { "" } else { "s" }
            )
        } else {
            format!(
                "{}() takes {} positional argument{} but {} {} given",
                fn_name(func),
                takes,
                plural,
                given,
                if given == 1 { "was" } else { "were" }
            )
        };
        return Err(t.type_error(&msg));
    }
    let npos = pos.len().min(argcount);
    for (k, v) in pos[..npos].iter().enumerate() {
        set(k, *v);
    }
    let mut next_slot = argcount + kwonly;
    if code.varargs {
        let extra = if pos.len() > argcount {
            pos[argcount..].to_vec()
        } else {
            Vec::new()
        };
        let tup = t.new_tuple(extra);
        set(next_slot, tup);
        next_slot += 1;
    }
    let kwdict = if code.varkw {
        let d = t.new_dict();
        set(next_slot, d.as_value());
        Some(d)
    } else {
        None
    };
    for (k, v) in kws {
        let idx = code.local_names[..argcount + kwonly]
            .iter()
            .position(|n| n.ptr_eq(k) || n.as_str() == k.as_str());
        match idx {
            Some(i) if i >= code.posonlycount as usize => {
                if !get(i).is_unbound() {
                    let msg = format!(
                        "{}() got multiple values for argument '{}'",
                        fn_name(func),
                        k.as_str()
                    );
                    return Err(t.type_error(&msg));
                }
                set(i, v);
            }
            _ => match kwdict {
                Some(d) => ops::dict::set(t, d, k.as_value(), v)?,
                None => {
                    let msg = match idx {
                        Some(_) => format!("{}() got some positional-only arguments passed as keyword arguments: '{}'", fn_name(func), k.as_str()),
                        None => format!("{}() got an unexpected keyword argument '{}'", fn_name(func), k.as_str()),
                    };
                    return Err(t.type_error(&msg));
                }
            },
        }
    }
    let first_default = argcount - defaults.len().min(argcount);
    let mut missing = Vec::new();
    for i in npos..argcount {
        if get(i).is_unbound() {
            if i >= first_default {
                set(i, defaults[i - first_default]);
            } else {
                missing.push(code.local_names[i].as_str().to_string());
            }
        }
    }
    if !missing.is_empty() {
        let msg = format!(
            "{}() missing {} required positional argument{}: {}",
            fn_name(func),
            missing.len(),
            if missing.len() == 1 { "" } else { "s" },
            quote_list(&missing)
        );
        return Err(t.type_error(&msg));
    }
    let kwdefaults = ops::as_dict(func.kwdefaults);
    for i in argcount..argcount + kwonly {
        if get(i).is_unbound() {
            let n = code.local_names[i];
            let d = match kwdefaults {
                Some(kd) => ops::dict::get(t, kd, n.as_value())?,
                None => None,
            };
            match d {
                Some(v) => set(i, v),
                None => missing.push(n.as_str().to_string()),
            }
        }
    }
    if !missing.is_empty() {
        let msg = format!(
            "{}() missing {} required keyword-only argument{}: {}",
            fn_name(func),
            missing.len(),
            if missing.len() == 1 { "" } else { "s" },
            quote_list(&missing)
        );
        return Err(t.type_error(&msg));
    }
    Ok(())
}

/// Continues after a call instruction: in the callee, after the call, or
/// unwinding (a null target means the call raised).
#[inline(always)]
fn finish_call(t: &mut Thread, regs: *mut Value, pc: *const Insn, n: Next) -> PyResult<Value> {
    if n.is_exit() {
        return unwind::unwind(t, regs, pc);
    }
    if n.is_raise() {
        return unwind::unwind(t, n.regs, n.raise_pc());
    }
    next!(t, n.regs, n.pc)
}

/// Performs a call instruction's call; `Next::EXIT` if it raised.
#[inline(never)]
fn call_target(
    t: &mut Thread,
    regs: *mut Value,
    pc: *const Insn,
    f: Value,
    args: &[Value],
    kwnames: Option<Gc<Tuple>>,
) -> Next {
    let i = insn(pc);
    save_pc(t, pc);
    let entered = if let Some(func) = cast::<Function>(f) {
        enter(t, func, args, kwnames, i.a() as u32, 0, Value::UNBOUND)
    } else if let Some(init) =
        cast::<Class>(f).and_then(|c| ops::call::plain_init(t, c).map(|init| (c, init)))
    {
        enter_init(t, init.0, init.1, args, kwnames, i.a() as u32)
    } else if let Some(func) =
        cast::<BoundMethod>(f).and_then(|m| cast::<Function>(m.func).map(|func| (func, m.receiver)))
    {
        let mut v = Vec::with_capacity(args.len() + 1);
        v.push(func.1);
        v.extend_from_slice(args);
        enter(t, func.0, &v, kwnames, i.a() as u32, 0, Value::UNBOUND)
    } else {
        ops::call(t, f, args, kwnames).map(Entered::Done)
    };
    match entered {
        Ok(Entered::Frame(r, p)) => Next { regs: r, pc: p },
        Ok(Entered::Raise(r, p)) => Next::raise_at(r, p),
        Ok(Entered::Done(v)) => {
            set_reg!(regs, i.a(), v);
            // SAFETY: a call is never the last instruction.
            let next_pc = unsafe { pc.add(1) };
            Next { regs, pc: next_pc }
        }
        Err(_) => Next::EXIT,
    }
}

#[inline(never)]
/// `cls(*args)` for a class with a Python `__init__`: creates the instance
/// and runs `__init__` as an ordinary VM frame (no native re-entry).
fn enter_init(
    t: &mut Thread,
    cls: Gc<Class>,
    init: Gc<Function>,
    args: &[Value],
    kwnames: Option<Gc<Tuple>>,
    ret_reg: u32,
) -> PyResult<Entered> {
    let (pos, _) = ops::call::split_kw(args, kwnames);
    let obj = ops::call::new_instance_for_call(t, cls, pos)?;
    t.temp_roots.push(obj);
    let mut v = Vec::with_capacity(args.len() + 1);
    v.push(obj);
    v.extend_from_slice(args);
    let r = enter(t, init, &v, kwnames, ret_reg, flags::INIT, obj);
    t.temp_roots.pop();
    match r? {
        e @ (Entered::Frame(..) | Entered::Raise(..)) => Ok(e),
        Entered::Done(g) if g.is(obj) => Ok(Entered::Done(obj)),
        Entered::Done(g) => {
            let msg = format!("__init__() should return None, not '{}'", t.type_name(g));
            Err(t.type_error(&msg))
        }
    }
}

pub(super) fn call(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    let n = call_target(
        t,
        regs,
        pc,
        reg!(regs, i.b()),
        reg_slice(regs, i.b() + 1, i.c()),
        None,
    );
    finish_call(t, regs, pc, n)
}

#[inline(never)]
pub(super) fn call_kw(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let n = call_kw_target(t, regs, pc);
    finish_call(t, regs, pc, n)
}

#[inline(never)]
fn call_kw_target(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> Next {
    let i = insn(pc);
    let kwnames = cast::<Tuple>(reg!(regs, i.b() + 1 + i.c()));
    call_target(
        t,
        regs,
        pc,
        reg!(regs, i.b()),
        reg_slice(regs, i.b() + 1, i.c()),
        kwnames,
    )
}

#[inline(never)]
pub(super) fn call_method(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    let f = reg!(regs, i.b());
    let args = if reg!(regs, i.b() + 1).is_unbound() {
        reg_slice(regs, i.b() + 2, i.c())
    } else {
        reg_slice(regs, i.b() + 1, i.c() + 1)
    };
    let n = call_target(t, regs, pc, f, args, None);
    finish_call(t, regs, pc, n)
}

#[inline(never)]
pub(super) fn call_ex(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let n = call_ex_target(t, regs, pc);
    finish_call(t, regs, pc, n)
}

#[inline(never)]
fn call_ex_target(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> Next {
    let i = insn(pc);
    let f = reg!(regs, i.b());
    let kw = if i.aux() & 1 != 0 {
        Some(reg!(regs, i.c() + 1))
    } else {
        None
    };
    let Ok((all, kwnames)) = star_args(t, reg!(regs, i.c()), kw) else {
        return Next::EXIT;
    };
    // Keep the argument list and the names reachable while the call binds
    // them: the list in the destination register (overwritten only by the
    // result), the names on the temporary roots.
    set_reg!(regs, i.a(), all.as_value());
    if let Some(k) = kwnames {
        t.temp_roots.push(k.as_value());
    }
    let args = all.snapshot();
    let n = call_target(t, regs, pc, f, &args, kwnames);
    if kwnames.is_some() {
        t.temp_roots.pop();
    }
    n
}

fn star_args(
    t: &mut Thread,
    posv: Value,
    kwv: Option<Value>,
) -> PyResult<(Gc<List>, Option<Gc<Tuple>>)> {
    let all = ops::collect_list(t, posv)?;
    let all = if cast::<List>(posv).map(|l| l.ptr_eq(all)).unwrap_or(false) {
        t.alloc(List::new(all.snapshot()))
    } else {
        all
    };
    let mut names = Vec::new();
    if let Some(kw) = kwv {
        let Some(d) = ops::as_dict(kw) else {
            let msg = format!(
                "argument after ** must be a mapping, not {}",
                t.type_name(kw)
            );
            return Err(t.type_error(&msg));
        };
        for (k, v) in d.table.items() {
            if ops::as_str(k).is_none() {
                return Err(t.type_error("keywords must be strings"));
            }
            names.push(k);
            all.push(v);
        }
    }
    let kwnames = if names.is_empty() {
        None
    } else {
        cast::<Tuple>(t.new_tuple(names))
    };
    Ok((all, kwnames))
}

/// Pops the running frame after it returned or raised; marks generators done.
#[inline(always)]
pub(super) fn pop_frame(t: &mut Thread) -> Frame {
    // SAFETY: a handler runs with its frame on the stack.
    let f = unsafe { t.frames.pop().unwrap_unchecked() };
    t.sp = f.saved_sp as usize;
    f
}

/// Marks a generator finished and drops its registers; restores its
/// resumer's exception state.
pub(super) fn finish_generator(t: &mut Thread, g: Value) {
    if let Some(g) = cast::<Generator>(g) {
        leave_generator(t, g);
        let st = g.state.get_mut();
        st.status = GenStatus::Done;
        st.regs = Box::new([]);
    }
}

/// A generator frame is left (suspended or finished): the generator keeps
/// its own handled exception and the resumer's state comes back.
fn leave_generator(t: &mut Thread, g: Gc<Generator>) {
    let st = g.state.get_mut();
    let resumer = std::mem::replace(&mut st.handled, Value::NONE);
    st.handled = std::mem::replace(&mut t.handled, resumer);
    t.outer_handled = std::mem::replace(&mut st.outer_handled, Value::NONE);
}

#[inline(never)]
pub(super) fn ret(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    return_value(t, regs, pc, reg!(regs, i.a()))
}

/// Returns `v` from the running frame, as its `Return` instruction at `pc`.
pub(super) fn return_value(
    t: &mut Thread,
    regs: *mut Value,
    pc: *const Insn,
    v: Value,
) -> PyResult<Value> {
    if frame(t).flags & flags::INIT != 0 && !v.is_none() {
        init_returned(t, v);
        return unwind::unwind(t, regs, pc);
    }
    let n = ret_target(t, v);
    if n.is_exit() {
        t.exit_value = v;
        return super::leave_value(t, regs, pc);
    }
    next!(t, n.regs, n.pc)
}

#[inline(never)]
fn init_returned(t: &mut Thread, v: Value) {
    let msg = format!("__init__() should return None, not '{}'", t.type_name(v));
    let _ = t.type_error(&msg);
}

/// Pops the returning frame; where the caller continues, or `Next::EXIT`
/// when the frame was entered from native code.
#[inline(never)]
fn ret_target(t: &mut Thread, v: Value) -> Next {
    let f = pop_frame(t);
    if f.flags & flags::GENERATOR != 0 {
        finish_generator(t, f.gen);
        if f.flags & flags::ENTRY != 0 {
            t.gen_return = v;
            return Next::EXIT;
        }
        // Resumed inline by ForIter: the loop is over.
        let caller = frame(t);
        let cregs = caller.regs;
        let ci = code(t).insns.get()[caller.pc as usize];
        return Next {
            regs: cregs,
            pc: at(t, ci.j()),
        };
    }
    if f.flags & flags::ENTRY != 0 {
        return Next::EXIT;
    }
    let caller = frame(t);
    let cregs = caller.regs;
    let cpc = caller.pc as usize;
    let result = if f.flags & flags::INIT != 0 { f.gen } else { v };
    set_reg!(cregs, f.ret_reg as usize, result);
    Next {
        regs: cregs,
        pc: at(t, cpc + 1),
    }
}

/// Suspends the running generator frame, handing `v` to whoever resumed it;
/// `Next::EXIT` when that was native code.
#[inline(never)]
fn suspend(t: &mut Thread, v: Value, resume_pc: u32, resume_reg: u16) -> Next {
    let f = pop_frame(t);
    if let Some(g) = cast::<Generator>(f.gen) {
        leave_generator(t, g);
        let st = g.state.get_mut();
        st.pc = resume_pc;
        st.status = GenStatus::Suspended;
        st.resume_reg = resume_reg;
    }
    if f.flags & flags::ENTRY != 0 {
        return Next::EXIT;
    }
    let caller = frame(t);
    let cregs = caller.regs;
    let cpc = caller.pc as usize;
    set_reg!(cregs, f.ret_reg as usize, v);
    Next {
        regs: cregs,
        pc: at(t, cpc + 1),
    }
}

#[inline(never)]
pub(super) fn yield_(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    let v = reg!(regs, i.b());
    let next_pc = pc_index(t, pc) as u32 + 1;
    let n = suspend(t, v, next_pc, i.a() as u16);
    if n.is_exit() {
        t.exit_value = v;
        return super::leave_value(t, regs, pc);
    }
    next!(t, n.regs, n.pc)
}

fn delegate(t: &mut Thread, sub: Value, sent: Value) -> PyResult<Option<Value>> {
    if let Some(g) = cast::<Generator>(sub) {
        return resume_generator(t, g, sent);
    }
    let r = if !sent.is_none() {
        let send = t.names.send;
        ops::call_method(t, sub, send, &[sent])
    } else if ops::kind_of(sub) == Some(Kind::Instance) {
        // A user iterator: its StopIteration's value is the result.
        match ops::call::call_dunder(t, sub, t.names.next, &[]) {
            Ok(Some(v)) => Ok(v),
            Ok(None) => {
                let msg = format!("'{}' object is not an iterator", t.type_name(sub));
                Err(t.type_error(&msg))
            }
            Err(e) => Err(e),
        }
    } else {
        return match ops::next(t, sub)? {
            Some(v) => Ok(Some(v)),
            None => {
                t.gen_return = Value::NONE;
                Ok(None)
            }
        };
    };
    match r {
        Ok(v) => Ok(Some(v)),
        Err(e) => {
            if t.exc_is(t.classes.stop_iteration) {
                let exc = t.exc;
                t.gen_return = stop_iteration_value(exc);
                t.exc = Value::NONE;
                Ok(None)
            } else {
                Err(e)
            }
        }
    }
}

/// The `value` of a StopIteration instance (its first argument, or None).
pub(super) fn stop_iteration_value(exc: Value) -> Value {
    cast::<Instance>(exc)
        .and_then(|i| i.exc.get().as_ref().map(|e| e.args))
        .and_then(cast::<Tuple>)
        .and_then(|a| a.items.first().copied())
        .unwrap_or(Value::NONE)
}

#[inline(never)]
pub(super) fn yield_from(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let n = yield_from_target(t, regs, pc);
    if n.is_exit() {
        if t.gen_return.is_unbound() {
            // The delegate raised.
            t.gen_return = Value::NONE;
            return unwind::unwind(t, regs, pc);
        }
        // Suspended under a native resumer: hand it the yielded value.
        t.exit_value = std::mem::replace(&mut t.gen_return, Value::NONE);
        return super::leave_value(t, regs, pc);
    }
    next!(t, n.regs, n.pc)
}

/// One step of `yield from`: continue after it, suspend with the delegate's
/// value, or raise. `Next::EXIT` with `gen_return` UNBOUND means raise, else
/// `gen_return` holds the value to yield to a native resumer.
#[inline(never)]
fn yield_from_target(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> Next {
    let i = insn(pc);
    let sub = reg!(regs, i.b());
    let sent = reg!(regs, i.a());
    match delegate(t, sub, sent) {
        Ok(Some(v)) => {
            let here = pc_index(t, pc) as u32;
            // Resume at this same instruction, with the sent value in `a`.
            set_reg!(regs, i.a(), Value::NONE);
            let n = suspend(t, v, here, i.a() as u16);
            if n.is_exit() {
                t.gen_return = v;
            }
            n
        }
        Ok(None) => {
            set_reg!(regs, i.a(), t.gen_return);
            t.gen_return = Value::NONE;
            // SAFETY: YieldFrom is never the last instruction.
            let next_pc = unsafe { pc.add(1) };
            Next { regs, pc: next_pc }
        }
        Err(_) => {
            t.gen_return = Value::UNBOUND;
            Next::EXIT
        }
    }
}

/// Prepares a generator to run: checks its state and stores the sent value.
fn start_generator(t: &mut Thread, g: Gc<Generator>, sent: Value) -> PyResult<bool> {
    let st = g.state.get_mut();
    match st.status {
        GenStatus::Running => Err(t.value_error("generator already executing")),
        GenStatus::Done => Ok(false),
        GenStatus::Created => {
            if !sent.is_none() {
                return Err(t.type_error("can't send non-None value to a just-started generator"));
            }
            st.status = GenStatus::Running;
            Ok(true)
        }
        GenStatus::Suspended => {
            let r = st.resume_reg as usize;
            if r < st.regs.len() {
                st.regs[r] = sent;
            }
            st.status = GenStatus::Running;
            Ok(true)
        }
    }
}

/// Pushes a generator's frame; returns where to continue.
fn push_generator_frame(
    t: &mut Thread,
    g: Gc<Generator>,
    ret_reg: u32,
    extra: u32,
) -> PyResult<(*mut Value, *const Insn)> {
    if t.frames.len() >= t.recursion_limit {
        g.state.get_mut().status = GenStatus::Done;
        return Err(too_deep(t));
    }
    let st = g.state.get_mut();
    let regs = st.regs.as_mut_ptr();
    let pc = st.pc as usize;
    // The generator runs with its own handled exception; the resumer's
    // stays visible beneath it.
    let own = std::mem::replace(&mut st.handled, Value::NONE);
    st.outer_handled = t.outer_handled;
    t.outer_handled = t.topmost_handled();
    st.handled = std::mem::replace(&mut t.handled, own);
    t.frames.push(Frame {
        code: g.code,
        regs,
        pc: pc as u32,
        ret_reg,
        flags: flags::GENERATOR | extra,
        saved_sp: t.sp as u32,
        func: g.func,
        globals: g.globals,
        ns: Value::UNBOUND,
        gen: g.as_value(),
    });
    // SAFETY: the generator's pc is a valid instruction index of its code.
    Ok((regs, unsafe { g.code.insns.get().as_ptr().add(pc) }))
}

#[inline(never)]
pub(super) fn for_iter_generator(
    t: &mut Thread,
    regs: *mut Value,
    pc: *const Insn,
    g: Gc<Generator>,
) -> PyResult<Value> {
    let n = for_iter_generator_target(t, regs, pc, g);
    if n.is_exit() {
        return unwind::unwind(t, regs, pc);
    }
    next!(t, n.regs, n.pc)
}

#[inline(never)]
fn for_iter_generator_target(
    t: &mut Thread,
    regs: *mut Value,
    pc: *const Insn,
    g: Gc<Generator>,
) -> Next {
    let i = insn(pc);
    match start_generator(t, g, Value::NONE) {
        Ok(true) => {}
        Ok(false) => {
            return Next {
                regs,
                pc: at(t, i.j()),
            }
        }
        Err(_) => return Next::EXIT,
    }
    save_pc(t, pc);
    match push_generator_frame(t, g, i.a() as u32, 0) {
        Ok((gregs, gpc)) => Next {
            regs: gregs,
            pc: gpc,
        },
        Err(_) => Next::EXIT,
    }
}

/// Resumes a generator from native code: `Ok(Some(v))` when it yields `v`,
/// `Ok(None)` when it returns (value in `Thread::gen_return`).
pub fn resume_generator(t: &mut Thread, g: Gc<Generator>, sent: Value) -> PyResult<Option<Value>> {
    t.check_native_stack()?;
    if !start_generator(t, g, sent)? {
        t.gen_return = Value::NONE;
        return Ok(None);
    }
    let (regs, pc) = push_generator_frame(t, g, 0, flags::ENTRY)?;
    let r = run(t, regs, pc);
    match r {
        Ok(v) => {
            if g.state.get().status == GenStatus::Done {
                t.gen_return = v;
                Ok(None)
            } else {
                Ok(Some(v))
            }
        }
        Err(e) => Err(e),
    }
}

/// Throws the exception instance `exc` into a generator from native code
/// (`generator.throw`, `close`), as CPython's `gen_throw`: a generator
/// suspended in `yield from` passes it on to its delegate first. Results as
/// for `resume_generator`.
pub fn throw_generator(t: &mut Thread, g: Gc<Generator>, exc: Value) -> PyResult<Option<Value>> {
    t.check_native_stack()?;
    let (status, pc) = {
        let st = g.state.get();
        (st.status, st.pc as usize)
    };
    let mut exc = exc;
    let idx = match status {
        GenStatus::Running => return Err(t.value_error("generator already executing")),
        GenStatus::Done => {
            t.exc = exc;
            return Err(runtime::Raised);
        }
        GenStatus::Created => {
            // Raised before the first instruction, where no handler is
            // active: the generator just finishes.
            let st = g.state.get_mut();
            st.status = GenStatus::Done;
            st.regs = Box::new([]);
            t.exc = exc;
            return Err(runtime::Raised);
        }
        GenStatus::Suspended => {
            let i = g.code.insns.get()[pc];
            if i.op() != Op::YieldFrom {
                // Resumption continues after the Yield; raise at the Yield.
                pc - 1
            } else {
                let sub = g.state.get().regs[i.b()];
                match throw_delegate(t, sub, exc) {
                    Ok(Some(v)) => return Ok(Some(v)),
                    Ok(None) => {
                        // The delegate returned: `yield from` evaluates to
                        // its value and the generator continues after it.
                        let v = std::mem::replace(&mut t.gen_return, Value::NONE);
                        let st = g.state.get_mut();
                        st.pc = pc as u32 + 1;
                        st.resume_reg = i.a() as u16;
                        return resume_generator(t, g, v);
                    }
                    Err(_) => {
                        exc = t.exc;
                        pc
                    }
                }
            }
        }
    };
    g.state.get_mut().status = GenStatus::Running;
    t.exc = Value::NONE;
    push_generator_frame(t, g, 0, flags::ENTRY)?;
    t.exc = exc;
    let n = unwind::throw_target(t, idx);
    if n.is_exit() {
        return Err(runtime::Raised);
    }
    match run(t, n.regs, n.pc) {
        Ok(v) => {
            if g.state.get().status == GenStatus::Done {
                t.gen_return = v;
                Ok(None)
            } else {
                Ok(Some(v))
            }
        }
        Err(e) => Err(e),
    }
}

/// Passes a thrown exception on to the delegate of a `yield from`:
/// `Ok(Some(v))` it yielded, `Ok(None)` it returned (value in
/// `gen_return`), `Err` with the exception to raise in the delegating
/// generator (`exc` itself when the delegate cannot take it).
fn throw_delegate(t: &mut Thread, sub: Value, exc: Value) -> PyResult<Option<Value>> {
    let closing = ops::isinstance(t, exc, t.classes.generator_exit);
    if let Some(sg) = cast::<Generator>(sub) {
        if closing {
            ops::iter::close_generator(t, sg)?;
        } else {
            return throw_generator(t, sg, exc);
        }
    }
    t.exc = exc;
    Err(runtime::Raised)
}

/// Starts dispatching at `pc` with `regs`; returns when an ENTRY frame ends.
#[inline(never)]
pub(super) fn run(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    next!(t, regs, pc)
}

/// Calls a Python function from native code (the `call` hook for functions).
pub fn call_function(
    t: &mut Thread,
    f: Value,
    args: &[Value],
    kwnames: Option<Gc<Tuple>>,
) -> PyResult<Value> {
    let Some(func) = cast::<Function>(f) else {
        return ops::call(t, f, args, kwnames);
    };
    t.check_native_stack()?;
    match enter(t, func, args, kwnames, 0, flags::ENTRY, Value::UNBOUND)? {
        Entered::Frame(regs, pc) => run(t, regs, pc),
        Entered::Raise(regs, pc) => unwind::unwind(t, regs, pc),
        Entered::Done(v) => Ok(v),
    }
}

/// Runs module-level code in `module` (an ENTRY frame with no function).
pub fn run_code(t: &mut Thread, code: Gc<Code>, module: Gc<Module>, ns: Value) -> PyResult<Value> {
    t.check_native_stack()?;
    if t.frames.len() >= t.recursion_limit {
        return Err(too_deep(t));
    }
    let nregs = code.nregs as usize;
    let base = t.sp;
    if base + nregs > STACK_SLOTS {
        return Err(too_deep(t));
    }
    // SAFETY: within the register stack (checked above), above every live frame.
    let regs = unsafe { t.stack.base().add(base) };
    // SAFETY: as above.
    unsafe { std::slice::from_raw_parts_mut(regs, nregs) }.fill(Value::UNBOUND);
    let extra = if ns.is_unbound() { 0 } else { flags::NAMESPACE };
    t.frames.push(Frame {
        code,
        regs,
        pc: 0,
        ret_reg: 0,
        flags: flags::ENTRY | extra,
        saved_sp: base as u32,
        func: Value::UNBOUND,
        globals: module,
        ns,
        gen: Value::UNBOUND,
    });
    t.sp = base + nregs;
    run(t, regs, code.insns.get().as_ptr())
}

/// `MakeFunction`: a function from a code constant, defaults and closure.
#[inline(never)]
pub(super) fn make_function(t: &mut Thread, regs: *mut Value, i: Insn) -> PyResult<Value> {
    let code_v = code(t).consts[i.b()];
    let Some(fcode) = cast::<Code>(code_v) else {
        return Err(t.runtime_error("MakeFunction of a non-code constant"));
    };
    let mut r = i.c();
    let mut take = |bit: u8| {
        if i.aux() & bit != 0 {
            let v = reg!(regs, r);
            r += 1;
            v
        } else {
            Value::NONE
        }
    };
    let defaults = take(1);
    let kwdefaults = take(2);
    let closure = take(4);
    let globals = frame(t).globals;
    let f = t.alloc(Function {
        code: fcode,
        name: std::cell::Cell::new(fcode.name.as_value()),
        qualname: std::cell::Cell::new(fcode.qualname.as_value()),
        globals,
        defaults,
        kwdefaults,
        closure,
        dict: std::cell::Cell::new(Value::NONE),
    });
    Ok(f.as_value())
}

/// `MakeClass`: runs the class body with a fresh namespace and builds the class.
#[inline(never)]
pub(super) fn make_class(t: &mut Thread, body: Value, bases: Value) -> PyResult<Value> {
    let Some(func) = cast::<Function>(body) else {
        return Err(t.runtime_error("class body is not a function"));
    };
    if func.code.kind != CodeKind::ClassBody {
        return Err(t.runtime_error("class body has the wrong code kind"));
    }
    let ns = t.new_dict();
    t.temp_roots.push(ns.as_value());
    let r = run_class_body(t, func, ns);
    let result = r.and_then(|_| {
        let module_name = func.globals.get(t.names.name).unwrap_or(Value::NONE);
        let qualname = func.code.qualname.as_value();
        ops::class::build_class(t, func.code.name, qualname, bases, ns, module_name)
    });
    t.temp_roots.pop();
    result
}

fn run_class_body(t: &mut Thread, func: Gc<Function>, ns: Gc<Dict>) -> PyResult<Value> {
    t.check_native_stack()?;
    match enter(
        t,
        func,
        &[],
        None,
        0,
        flags::ENTRY | flags::NAMESPACE,
        Value::UNBOUND,
    )? {
        Entered::Frame(regs, pc) => {
            // SAFETY: enter just pushed this frame.
            unsafe { t.frames.last_mut().unwrap_unchecked() }.ns = ns.as_value();
            run(t, regs, pc)
        }
        Entered::Raise(regs, pc) => unwind::unwind(t, regs, pc),
        Entered::Done(v) => Ok(v),
    }
}

fn hook_call(
    t: &mut Thread,
    f: Value,
    args: &[Value],
    kwnames: Option<Gc<Tuple>>,
) -> PyResult<Value> {
    call_function(t, f, args, kwnames)
}

/// Installs the hooks through which runtime code runs Python code.
pub fn install_hooks(t: &mut Thread, import: fn(&mut Thread, Gc<Str>) -> PyResult<Value>) {
    t.hooks.call = hook_call;
    t.hooks.resume = resume_generator;
    t.hooks.throw = throw_generator;
    t.hooks.import = import;
}
