//! The runtime helpers compiled tier-2 code calls, bound into the JIT as
//! absolute symbols. They never unwind (runtime::jit invariant 3): a panic
//! inside one aborts the process rather than crossing `extern "C"`.

use runtime::{Thread, Value};
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

static LOG_DEOPT: AtomicBool = AtomicBool::new(false);
static LOG_OSR: AtomicBool = AtomicBool::new(false);
/// Guard exits after which a unit is retired (`--tier2-exit-budget`).
static EXIT_BUDGET: AtomicU64 = AtomicU64::new(u64::MAX);

thread_local! {
    /// OSR entries, and exits per `(unit, exit)`: only the VM thread runs
    /// compiled code.
    static COUNTS: RefCell<Counts> = RefCell::new(Counts::default());
    /// What each installed unit is, and the pc and reason of each of its
    /// exits (for the log lines).
    static UNITS: RefCell<HashMap<u64, (String, Vec<(u32, &'static str)>)>> = RefCell::new(HashMap::new());
}

/// OSR entries, and per unit the times each exit was taken (index: exit).
#[derive(Default, Clone)]
pub struct Counts {
    pub osr: u64,
    /// Exits taken by all units, ever.
    pub total_exits: u64,
    pub exits: HashMap<u64, Vec<u64>>,
    /// Per unit, the exits that were guard failures (not raised
    /// exceptions): what the exit budget counts.
    pub guard_exits: HashMap<u64, u64>,
}

/// Records what unit `unit` is (on the VM thread, when it is installed).
pub fn register_unit(unit: u64, what: String, exits: Vec<(u32, &'static str)>) {
    UNITS.with(|u| u.borrow_mut().insert(unit, (what, exits)));
}

fn describe(unit: u64, exit: Option<u32>) -> String {
    UNITS.with(|u| match u.borrow().get(&unit) {
        Some((what, exits)) => match exit.and_then(|e| exits.get(e as usize)) {
            Some((pc, why)) => format!(
                "{what}, unit {unit}, exit {} at pc {pc} ({why})",
                exit.unwrap_or(0)
            ),
            None => format!("{what}, unit {unit}"),
        },
        None => format!("unit {unit}"),
    })
}

/// Sets the exit budget: the exit that spends a unit's budget asks the
/// interpreter for a safepoint (`Thread::jit_attention`), where the tier
/// retires the unit.
pub fn set_exit_budget(budget: u64) {
    EXIT_BUDGET.store(budget, Ordering::Relaxed);
}

pub fn set_logging(deopt: bool, osr: bool) {
    LOG_DEOPT.store(deopt, Ordering::Relaxed);
    LOG_OSR.store(osr, Ordering::Relaxed);
}

/// Runs `f` on the OSR entry and exit counts so far (this thread).
pub fn with_counters<R>(f: impl FnOnce(&Counts) -> R) -> R {
    COUNTS.with(|c| f(&c.borrow()))
}

/// Forgets a freed unit: its description and exit counts (returned, summed).
pub fn forget_unit(unit: u64) -> u64 {
    UNITS.with(|u| u.borrow_mut().remove(&unit));
    COUNTS.with(|c| {
        let mut c = c.borrow_mut();
        c.guard_exits.remove(&unit);
        c.exits.remove(&unit).map_or(0, |v| v.iter().sum())
    })
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

/// The call at `pc` to the known callable `func` (a Python function,
/// builtin, or class) with the arguments in
/// `regs[first..first + nargs]` (a leading unbound register is the empty
/// receiver slot of a method load that found a plain function: skipped),
/// run natively nested as `exec_one` runs calls; the result goes to
/// `regs[dst]`. Returns a `STEP_*` status.
///
/// # Safety
/// `t` is the running thread with the caller's frame on top, `regs` that
/// frame's registers, and the register numbers lie within it.
pub unsafe extern "C" fn strata_t2_call(
    t: *mut Thread,
    regs: *mut Value,
    func: u64,
    first: u32,
    nargs: u32,
    dst: u32,
    pc: u32,
) -> u32 {
    use interp::exec::step::{STEP_OK, STEP_RAISED};
    // SAFETY: compiled code passes the thread it was entered with.
    let t = unsafe { &mut *t };
    // SAFETY: the caller's frame is on top (see above).
    unsafe { t.frames.last_mut().unwrap_unchecked() }.pc = pc;
    // SAFETY: the argument registers lie within the frame (see above),
    // below `Thread::sp`, so the callee's frame does not overlap them.
    let mut args = unsafe { std::slice::from_raw_parts(regs.add(first as usize), nargs as usize) };
    if args.first().is_some_and(|v| v.is_unbound()) {
        args = &args[1..];
    }
    let f = Value::from_bits(func);
    let r = if cast::<runtime::object::Function>(f).is_some() {
        interp::exec::call_function(t, f, args, None)
    } else {
        runtime::ops::call(t, f, args, None)
    };
    match r {
        Ok(v) => {
            // SAFETY: `dst` lies within the frame (see above).
            unsafe { *regs.add(dst as usize) = v };
            STEP_OK
        }
        Err(_) => STEP_RAISED,
    }
}

/// Compiled code leaves through exit `exit` of `unit`.
///
/// # Safety
/// `t` is the running thread.
pub unsafe extern "C" fn strata_t2_exit(t: *mut Thread, unit: u64, exit: u32) {
    let guard = UNITS.with(|u| {
        u.borrow()
            .get(&unit)
            .and_then(|(_, exits)| exits.get(exit as usize))
            .is_some_and(|(_, why)| *why != "raised")
    });
    let spent = COUNTS.with(|c| {
        let mut c = c.borrow_mut();
        c.total_exits += 1;
        let v = c.exits.entry(unit).or_default();
        if v.len() <= exit as usize {
            v.resize(exit as usize + 1, 0);
        }
        v[exit as usize] += 1;
        if !guard {
            return false;
        }
        let g = c.guard_exits.entry(unit).or_insert(0);
        *g += 1;
        *g == EXIT_BUDGET.load(Ordering::Relaxed)
    });
    if spent {
        // SAFETY: compiled code passes the running thread, which nothing
        // else borrows while compiled code runs.
        unsafe { (*t).jit_attention = true };
    }
    if LOG_DEOPT.load(Ordering::Relaxed) {
        eprintln!("strata: deopt: {}", describe(unit, Some(exit)));
    }
}

/// Compiled code for a loop was entered at its header (on-stack replacement).
///
/// # Safety
/// `t` is the running thread.
pub unsafe extern "C" fn strata_t2_osr(t: *mut Thread, unit: u64) {
    let _ = t;
    COUNTS.with(|c| c.borrow_mut().osr += 1);
    if LOG_OSR.load(Ordering::Relaxed) {
        eprintln!("strata: osr: entered {}", describe(unit, None));
    }
}

/// `(symbol, address)` of each helper function, named as in the source.
macro_rules! bound {
    ($($f:ident),* $(,)?) => {
        vec![$((stringify!($f), $f as *const () as usize)),*]
    };
}

/// Names of the helpers every region calls (the lowering declares them;
/// `symbols` binds them).
pub const HELPER_STEP: &str = "strata_t2_step";
pub const HELPER_EXIT: &str = "strata_t2_exit";
pub const HELPER_OSR: &str = "strata_t2_osr";

/// Every helper with its symbol name, for `Session::define_symbols`.
pub fn symbols() -> Vec<(&'static str, usize)> {
    bound![
        strata_t2_step,
        strata_t2_call,
        strata_t2_exit,
        strata_t2_osr,
        strata_t2_get_slot,
        strata_t2_set_slot,
        strata_t2_list_get,
        strata_t2_list_append,
        strata_t2_wants_collect,
        strata_t2_collect,
        strata_t2_truthy,
        strata_t2_get_iter,
        strata_t2_build_seq,
        strata_t2_get_slot_poly,
        strata_t2_set_slot_poly,
        strata_t2_method_poly,
        strata_t2_load_closure,
        strata_t2_load_deref,
        strata_t2_store_deref,
        strata_t2_build_slice,
        strata_t2_get_slice,
        strata_t2_set_slice,
        strata_t2_list_set,
        strata_t2_load_global,
        strata_t2_for_next,
        strata_t2_method_guard,
        strata_t2_unpack,
        strata_t2_push_frame,
        strata_t2_store_global,
        strata_t2_add_slot,
        strata_t2_float_pow,
    ]
}

/// Guard checks counted by `--deopt-every` (compiled code increments it).
static DEOPT_COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// The address of the `--deopt-every` counter.
pub fn deopt_counter_addr() -> usize {
    &DEOPT_COUNTER as *const std::sync::atomic::AtomicU64 as usize
}

/// What a pure helper returns when its guards fail: the interpreter
/// resumes at the instruction (never a valid value: UNBOUND is not a result).
pub const MISS: u64 = runtime::value::TAG_UNBOUND << 48;
/// What `strata_t2_for_next` returns when the iterator is exhausted.
pub const DONE: u64 = MISS | 1;

use runtime::object::{Instance, IterObj, IterState, List};
use runtime::ops::cast;

/// `obj.attr` for a slot: `obj` must be an instance of the class at
/// `class` (still at `version`) with the shape at `shape`. Pure: never runs
/// Python code or collects.
/// `obj` if it is an instance of the class at `class` (still at `version`)
/// with the shape at `shape`: the guard of every cached slot access.
fn cached_instance(
    obj: u64,
    class: usize,
    version: u32,
    shape: usize,
) -> Option<runtime::gc::Gc<Instance>> {
    let inst = cast::<Instance>(Value::from_bits(obj))?;
    let cls = inst.class.get();
    (cls.addr() == class && cls.version.get() == version && inst.shape.get().addr() == shape)
        .then_some(inst)
}

pub extern "C" fn strata_t2_get_slot(
    obj: u64,
    class: usize,
    version: u32,
    shape: usize,
    slot: u32,
) -> u64 {
    let Some(inst) = cached_instance(obj, class, version, shape) else {
        return MISS;
    };
    match inst.slots.get().get(slot as usize) {
        Some(v) => v.bits(),
        None => MISS,
    }
}

/// `obj.attr = v` for an existing slot (guards as `strata_t2_get_slot`);
/// 0 on success, 1 on a miss.
pub extern "C" fn strata_t2_set_slot(
    obj: u64,
    class: usize,
    version: u32,
    shape: usize,
    slot: u32,
    v: u64,
) -> u32 {
    let Some(inst) = cached_instance(obj, class, version, shape) else {
        return 1;
    };
    match inst.slots.get_mut().get_mut(slot as usize) {
        Some(s) => {
            *s = Value::from_bits(v);
            0
        }
        None => 1,
    }
}

/// The entries of a polymorphic cache as compiled code passes them: `n`
/// entries of four words (class, version, shape, slot or method).
///
/// # Safety
/// `table` points at `4 * n` words.
unsafe fn poly_entries<'a>(table: *const u64, n: u32) -> &'a [[u64; 4]] {
    // SAFETY: see above; the table is a constant in the compiled code.
    unsafe { std::slice::from_raw_parts(table as *const [u64; 4], n as usize) }
}

/// `obj.attr` by the first entry of a polymorphic slot cache that matches
/// `obj` (class, version and shape, as `strata_t2_get_slot`); `MISS` if
/// none does.
///
/// # Safety
/// `table` points at `4 * n` words.
pub unsafe extern "C" fn strata_t2_get_slot_poly(obj: u64, table: *const u64, n: u32) -> u64 {
    // SAFETY: see above.
    for e in unsafe { poly_entries(table, n) } {
        if let Some(inst) = cached_instance(obj, e[0] as usize, e[1] as u32, e[2] as usize) {
            return match inst.slots.get().get(e[3] as usize) {
                Some(v) => v.bits(),
                None => MISS,
            };
        }
    }
    MISS
}

/// `obj.attr = v` by the first matching entry (as
/// `strata_t2_get_slot_poly`); 0 on success, 1 on a miss.
///
/// # Safety
/// `table` points at `4 * n` words.
pub unsafe extern "C" fn strata_t2_set_slot_poly(
    obj: u64,
    table: *const u64,
    n: u32,
    v: u64,
) -> u32 {
    // SAFETY: see above.
    for e in unsafe { poly_entries(table, n) } {
        if let Some(inst) = cached_instance(obj, e[0] as usize, e[1] as u32, e[2] as usize) {
            return match inst.slots.get_mut().get_mut(e[3] as usize) {
                Some(s) => {
                    *s = Value::from_bits(v);
                    0
                }
                None => 1,
            };
        }
    }
    1
}

/// The method of the first entry of a polymorphic method cache that `obj`
/// matches (as `strata_t2_method_guard`), as its bits; `MISS` if none.
///
/// # Safety
/// `t` is the running thread; `table` points at `4 * n` words.
pub unsafe extern "C" fn strata_t2_method_poly(
    t: *const Thread,
    obj: u64,
    table: *const u64,
    n: u32,
) -> u64 {
    // SAFETY: see above.
    for e in unsafe { poly_entries(table, n) } {
        // SAFETY: as above.
        if unsafe { strata_t2_method_guard(t, obj, e[0] as usize, e[1] as u32, e[2] as usize) } == 0
        {
            return e[3];
        }
    }
    MISS
}

/// `obj.attr = v` adding a slot: `obj` must be an instance of the class at
/// `class` (at `version`) with the shape at `from` and no instance dict; it
/// then has shape `to`. 0 on success, 1 on a miss.
///
/// # Safety
/// `to` is a live shape (pinned by the tier).
pub unsafe extern "C" fn strata_t2_add_slot(
    obj: u64,
    class: usize,
    version: u32,
    from: usize,
    to: usize,
    v: u64,
) -> u32 {
    let Some(inst) = cached_instance(obj, class, version, from) else {
        return 1;
    };
    if !inst.dict.get().is_unbound() {
        return 1;
    }
    let cls = inst.class.get();
    let h = runtime::value::Value::from_bits(runtime::value::TAG_OBJ << 48 | to as u64);
    let Some(to) = cast::<runtime::object::Shape>(h) else {
        return 1;
    };
    inst.slots.get_mut().push(Value::from_bits(v));
    cls.note_slots(inst.slots.get().len());
    inst.shape.set(to);
    0
}

/// `seq[i]` for an exact list or tuple and an index in range (negative
/// indexes count from the end); `MISS` otherwise.
pub extern "C" fn strata_t2_list_get(list: u64, i: i64) -> u64 {
    let v = Value::from_bits(list);
    if let Some(t) = cast::<runtime::object::Tuple>(v) {
        return match runtime::ops::item::norm_index(i, t.items.len()) {
            Some(j) => t.items[j].bits(),
            None => MISS,
        };
    }
    let Some(l) = cast::<List>(v) else {
        return MISS;
    };
    match runtime::ops::item::norm_index(i, l.len()) {
        Some(j) => l.items.get()[j].bits(),
        None => MISS,
    }
}

/// `list[i] = v` (as `strata_t2_list_get`); 0 on success, 1 on a miss.
pub extern "C" fn strata_t2_list_set(list: u64, i: i64, v: u64) -> u32 {
    let Some(l) = cast::<List>(Value::from_bits(list)) else {
        return 1;
    };
    match runtime::ops::item::norm_index(i, l.len()) {
        Some(j) => {
            l.items.get_mut()[j] = Value::from_bits(v);
            0
        }
        None => 1,
    }
}

/// `list.append(v)` for an exact list (a comprehension's); 0 done, 1 miss.
pub extern "C" fn strata_t2_list_append(list: u64, v: u64) -> u32 {
    let Some(l) = cast::<List>(Value::from_bits(list)) else {
        return 1;
    };
    l.push(Value::from_bits(v));
    0
}

/// Whether the heap wants a collection (compiled loops poll it at back
/// edges, runtime::jit invariant 5): 1 yes, 0 no.
///
/// # Safety
/// `t` is the running thread.
pub unsafe extern "C" fn strata_t2_wants_collect(t: *mut Thread) -> u32 {
    // SAFETY: compiled code passes the thread it was entered with.
    let t = unsafe { &*t };
    t.heap.wants_collect() as u32
}

/// Collects garbage, from a compiled loop's poll (the code wrote its live
/// registers back to the frame first: they are the collector's roots).
///
/// # Safety
/// `t` is the running thread.
pub unsafe extern "C" fn strata_t2_collect(t: *mut Thread) {
    // SAFETY: compiled code passes the thread it was entered with.
    let t = unsafe { &mut *t };
    t.collect();
}

/// `bool(v)` as a bool `Value` for values whose truth runs no Python code
/// (by the interpreter's `ops::truthy`): everything but dict views and
/// instances of classes with `__bool__` or `__len__`; `MISS` for those.
///
/// # Safety
/// `t` is the running thread.
pub unsafe extern "C" fn strata_t2_truthy(t: *mut Thread, v: u64) -> u64 {
    use runtime::object::Kind;
    let v = Value::from_bits(v);
    // SAFETY: compiled code passes the thread it was entered with.
    let t = unsafe { &mut *t };
    match runtime::ops::kind_of(v) {
        Some(Kind::DictView) => return MISS,
        Some(Kind::Instance) => {
            use runtime::ops::class_flags;
            if class_flags::get(t.class_of(v)) & class_flags::NO_TRUTH_DUNDERS == 0 {
                return MISS;
            }
        }
        _ => {}
    }
    match runtime::ops::truthy(t, v) {
        Ok(b) => Value::bool(b).bits(),
        Err(_) => MISS,
    }
}

/// `iter(v)` for values whose iterator runs no Python code (everything
/// but instances), by the interpreter's `ops::iter`; `MISS` for instances
/// and for anything `iter` refuses (the interpreter raises it again).
///
/// # Safety
/// `t` is the running thread.
pub unsafe extern "C" fn strata_t2_get_iter(t: *mut Thread, v: u64) -> u64 {
    let v = Value::from_bits(v);
    if matches!(
        runtime::ops::kind_of(v),
        None | Some(runtime::object::Kind::Instance)
    ) {
        return MISS;
    }
    // SAFETY: compiled code passes the thread it was entered with.
    let t = unsafe { &mut *t };
    match runtime::ops::iter(t, v) {
        Ok(it) => it.bits(),
        Err(_) => MISS,
    }
}

/// The cell at `index` of the running function's closure (`LoadClosure`);
/// `MISS` if there is none.
///
/// # Safety
/// `t` is the running thread, whose top frame runs the compiled code.
pub unsafe extern "C" fn strata_t2_load_closure(t: *mut Thread, index: u32) -> u64 {
    use runtime::object::{Function, Tuple};
    // SAFETY: compiled code passes the thread it was entered with.
    let t = unsafe { &*t };
    t.frames
        .last()
        .and_then(|f| cast::<Function>(f.func))
        .and_then(|f| cast::<Tuple>(f.closure))
        .and_then(|c| c.items.get(index as usize).copied())
        .map_or(MISS, |v| v.bits())
}

/// The contents of a cell (`LoadDeref`); `MISS` when it is empty (the
/// interpreter raises the NameError) or not a cell.
pub extern "C" fn strata_t2_load_deref(cell: u64) -> u64 {
    use runtime::object::CellObj;
    match cast::<CellObj>(Value::from_bits(cell)).map(|c| c.value.get()) {
        Some(v) if !v.is_unbound() => v.bits(),
        _ => MISS,
    }
}

/// `cell.contents = value` (`StoreDeref`); 0 done, 1 if `cell` is not a
/// cell.
pub extern "C" fn strata_t2_store_deref(cell: u64, value: u64) -> u32 {
    use runtime::object::CellObj;
    match cast::<CellObj>(Value::from_bits(cell)) {
        Some(c) => {
            c.value.set(Value::from_bits(value));
            0
        }
        None => 1,
    }
}

/// A new list (`kind` 0) or tuple (1) of the `n` values at `items`
/// (allocating never collects); never misses.
///
/// # Safety
/// `t` is the running thread; `items` points at `n` values.
pub unsafe extern "C" fn strata_t2_build_seq(
    t: *mut Thread,
    kind: u32,
    items: *const u64,
    n: u32,
) -> u64 {
    // SAFETY: compiled code passes the thread it was entered with.
    let t = unsafe { &mut *t };
    // SAFETY: see above; `Value` is a transparent u64 (its layout is pinned
    // by the runtime's tests).
    let items = unsafe { std::slice::from_raw_parts(items as *const Value, n as usize) };
    if kind == 0 {
        t.new_list(items.to_vec()).bits()
    } else {
        t.new_tuple_from(items).bits()
    }
}

/// `slice(start, stop, step)` (allocating never collects); never misses.
///
/// # Safety
/// `t` is the running thread.
pub unsafe extern "C" fn strata_t2_build_slice(
    t: *mut Thread,
    start: u64,
    stop: u64,
    step: u64,
) -> u64 {
    // SAFETY: compiled code passes the thread it was entered with.
    let t = unsafe { &mut *t };
    t.alloc(runtime::object::Slice {
        start: Value::from_bits(start),
        stop: Value::from_bits(stop),
        step: Value::from_bits(step),
    })
    .as_value()
    .bits()
}

/// The slice at `key` if its fields are inline ints or None and its step
/// is not 0: slicing with it runs no Python code and raises nothing.
fn plain_slice(key: u64, step_one: bool) -> bool {
    let Some(s) = cast::<runtime::object::Slice>(Value::from_bits(key)) else {
        return false;
    };
    let plain = |v: Value| v.is_none() || v.as_small_int().is_some();
    let step_ok = match s.step.as_small_int() {
        Some(k) => k != 0 && (!step_one || k == 1),
        None => s.step.is_none(),
    };
    plain(s.start) && plain(s.stop) && step_ok
}

/// `obj[key]` for an exact list, tuple or str and a plain slice (see
/// `plain_slice`): a new sequence, by the interpreter's own code; `MISS`
/// otherwise.
///
/// # Safety
/// `t` is the running thread.
pub unsafe extern "C" fn strata_t2_get_slice(t: *mut Thread, obj: u64, key: u64) -> u64 {
    use runtime::object::Kind;
    let o = Value::from_bits(obj);
    if !matches!(
        runtime::ops::kind_of(o),
        Some(Kind::List | Kind::Tuple | Kind::Str)
    ) || !plain_slice(key, false)
    {
        return MISS;
    }
    // SAFETY: compiled code passes the thread it was entered with.
    let t = unsafe { &mut *t };
    match runtime::ops::getitem(t, o, Value::from_bits(key)) {
        Ok(v) => v.bits(),
        Err(_) => MISS,
    }
}

/// `list[key] = value` for an exact list, a plain slice with step 1 (or
/// None) and an exact list value: cannot fail, by the interpreter's own
/// code; 0 done, 1 miss (nothing changed).
///
/// # Safety
/// `t` is the running thread.
pub unsafe extern "C" fn strata_t2_set_slice(t: *mut Thread, list: u64, key: u64, v: u64) -> u32 {
    if cast::<List>(Value::from_bits(list)).is_none()
        || cast::<List>(Value::from_bits(v)).is_none()
        || !plain_slice(key, true)
    {
        return 1;
    }
    // SAFETY: compiled code passes the thread it was entered with.
    let t = unsafe { &mut *t };
    match runtime::ops::setitem(
        t,
        Value::from_bits(list),
        Value::from_bits(key),
        Value::from_bits(v),
    ) {
        Ok(()) => 0,
        Err(_) => 1,
    }
}

/// A global by its module cell, else its builtins cell; `MISS` if unbound
/// (the interpreter raises the NameError).
///
/// # Safety
/// The cells are live `GlobalCell`s (the code object keeps them).
pub unsafe extern "C" fn strata_t2_load_global(cell: usize, builtin: usize) -> u64 {
    // SAFETY: see the function's contract.
    let (c, b) = unsafe {
        (
            &*(cell as *const runtime::gc::GcBox<runtime::object::GlobalCell>),
            &*(builtin as *const runtime::gc::GcBox<runtime::object::GlobalCell>),
        )
    };
    let v = c.value.get();
    if !v.is_unbound() {
        return v.bits();
    }
    let v = b.value.get();
    if v.is_unbound() {
        MISS
    } else {
        v.bits()
    }
}

/// 0 if `obj` finds the method an inline cache recorded: an instance of
/// the class at `class` (at `version`) with the shape at `shape` and no
/// instance dict, or (with `shape` 0) a non-instance of that class; 1 else.
///
/// # Safety
/// `t` is the running thread.
pub unsafe extern "C" fn strata_t2_method_guard(
    t: *const Thread,
    obj: u64,
    class: usize,
    version: u32,
    shape: usize,
) -> u32 {
    // SAFETY: compiled code passes the thread it was entered with.
    let t = unsafe { &*t };
    let v = Value::from_bits(obj);
    let cls = match cast::<Instance>(v) {
        Some(inst) => {
            if shape == 0 || inst.shape.get().addr() != shape || !inst.dict.get().is_unbound() {
                return 1;
            }
            inst.class.get()
        }
        None if shape == 0 => t.class_of(v),
        None => return 1,
    };
    (cls.addr() != class || cls.version.get() != version) as u32
}

/// Unpacks an exact tuple or list of length `n` into `out[0..n]`; 0 on
/// success, 1 for anything else (the interpreter then unpacks).
///
/// # Safety
/// `out` points at `n` writable words.
pub unsafe extern "C" fn strata_t2_unpack(seq: u64, n: u32, out: *mut u64) -> u32 {
    let v = Value::from_bits(seq);
    let write = |items: &[Value]| {
        if items.len() != n as usize {
            return 1;
        }
        for (k, x) in items.iter().enumerate() {
            // SAFETY: see the function's contract; k < n.
            unsafe { *out.add(k) = x.bits() };
        }
        0
    };
    if let Some(t) = cast::<runtime::object::Tuple>(v) {
        return write(&t.items);
    }
    if let Some(l) = cast::<List>(v) {
        return write(l.items.get());
    }
    1
}

/// `x ** y` for floats with CPython's algorithm, as the result's bits
/// (NaNs canonical); `MISS` when the interpreter must raise.
pub extern "C" fn strata_t2_float_pow(x: f64, y: f64) -> u64 {
    match runtime::num::float_pow(x, y) {
        Ok(r) => Value::float(r).bits(),
        Err(_) => MISS,
    }
}

/// An exit inside inlined code rebuilds the callee's frame: records the
/// caller's pc (the call), pushes a frame for `func` with its registers
/// UNBOUND (compiled code then fills the live ones) and returns them.
///
/// # Safety
/// `t` is the running thread, its top frame the caller; `func` is a live
/// function (pinned by the tier).
pub unsafe extern "C" fn strata_t2_push_frame(
    t: *mut Thread,
    func: u64,
    call_pc: u32,
    ret_reg: u32,
) -> *mut Value {
    // SAFETY: see the function's contract.
    let t = unsafe { &mut *t };
    let f = cast::<runtime::object::Function>(Value::from_bits(func)).expect("an inlined function");
    let code = f.code;
    let nregs = code.nregs as usize;
    let base = t.sp;
    assert!(
        base + nregs <= runtime::frame::STACK_SLOTS,
        "register stack exhausted"
    );
    // SAFETY: base + nregs is within the register stack (checked), above
    // every live frame.
    let regs = unsafe { t.stack.base().add(base) };
    for k in 0..nregs {
        // SAFETY: as above.
        unsafe { *regs.add(k) = Value::UNBOUND };
    }
    if let Some(caller) = t.frames.last_mut() {
        caller.pc = call_pc;
    }
    code.calls.set(code.calls.get() + 1);
    t.frames.push(runtime::frame::Frame {
        code,
        regs,
        pc: 0,
        ret_reg,
        flags: 0,
        saved_sp: base as u32,
        func: f.as_value(),
        globals: f.globals,
        ns: Value::UNBOUND,
        gen: Value::UNBOUND,
    });
    t.sp = base + nregs;
    regs
}

/// Stores `v` in the global cell at `cell` (bumping its version, as the
/// interpreter does); always 0.
///
/// # Safety
/// The cell is a live `GlobalCell` (the code object keeps it).
pub unsafe extern "C" fn strata_t2_store_global(cell: usize, v: u64) -> u32 {
    // SAFETY: see the function's contract.
    let c = unsafe { &*(cell as *const runtime::gc::GcBox<runtime::object::GlobalCell>) };
    // `GlobalCell::set`, as the interpreter's store: it bumps the version
    // and invalidates code that folded the old value in.
    c.value.set(Value::from_bits(v));
    0
}

/// The next item of a range or list iterator (`DONE` when exhausted),
/// `MISS` for any other iterator. Pure: these iterators run no Python code.
///
/// # Safety
/// `t` is the running thread.
pub unsafe extern "C" fn strata_t2_for_next(t: *mut Thread, it: u64) -> u64 {
    let Some(o) = cast::<IterObj>(Value::from_bits(it)) else {
        return MISS;
    };
    if !matches!(
        o.state.get(),
        IterState::Range { .. } | IterState::List { .. } | IterState::Exhausted
    ) {
        return MISS;
    }
    // SAFETY: compiled code passes the thread it was entered with.
    let t = unsafe { &mut *t };
    match runtime::ops::iter::next_builtin(t, o) {
        Ok(Some(v)) => v.bits(),
        Ok(None) => DONE,
        Err(_) => MISS,
    }
}
