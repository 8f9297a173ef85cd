//! Quickening: generic attribute and method instructions rewrite themselves
//! into cached forms after a successful slow-path execution, and the cached
//! forms rewrite themselves back when a guard fails.
//!
//! Invariants:
//! 1. A site is specialised only when the slow path's answer is exactly what
//!    the cached form computes under its guards (see `runtime::object::cache`).
//! 2. A failed guard counts a miss and runs the generic path, which adds the
//!    new receiver's entry: a site holds up to `POLY_MAX` entries
//!    (`Cache::Poly`, entries of classes changed since are dropped first);
//!    after `MAX_MISSES` misses the site stays generic (`Cache::Megamorphic`).
//! 3. Rewriting an instruction never changes its operands, so every tier
//!    reading the code sees a valid instruction.

use super::calls::pc_index;
use super::handlers::code;
use runtime::bytecode::{Insn, Op};
use runtime::gc::Gc;
use runtime::object::cache::{MAX_MISSES, POLY_MAX};
use runtime::object::*;
use runtime::ops::{self, cast, class_flags, kind_of};
use runtime::{Thread, Value};

/// The cache entry of the instruction at `pc` (of the running code).
#[inline(always)]
pub(super) fn cache_at(t: &Thread, pc: *const Insn) -> *mut Cache {
    let idx = pc_index(t, pc);
    // SAFETY: the loader sized `caches` to the instruction count, and pc is
    // an instruction of the running code.
    unsafe { code(t).caches.get_mut().as_mut_ptr().add(idx) }
}

/// Profile: one more iteration of the loop closed by the back edge at `pc`.
#[inline(always)]
pub(super) fn count_back_edge(t: &Thread, pc: *const Insn) -> u64 {
    // SAFETY: `cache_at` points at this instruction's entry; no other
    // reference to it is live.
    let c = unsafe { &mut *cache_at(t, pc) };
    match c {
        Cache::Count(n) => {
            *n += 1;
            *n
        }
        _ => {
            *c = Cache::Count(1);
            1
        }
    }
}

/// Profile: the conditional jump at `pc` was `taken` or not.
#[inline(always)]
pub(super) fn count_branch(t: &Thread, pc: *const Insn, taken: bool) {
    // SAFETY: as in `count_back_edge`.
    let c = unsafe { &mut *cache_at(t, pc) };
    match c {
        Cache::Branch {
            taken: y,
            not_taken: n,
        } => {
            if taken {
                *y = y.saturating_add(1);
            } else {
                *n = n.saturating_add(1);
            }
        }
        _ => {
            *c = Cache::Branch {
                taken: taken as u32,
                not_taken: (!taken) as u32,
            }
        }
    }
}

/// Turns the instruction at `pc` into the specialised `op` (no cache entry;
/// the opcode itself records what the site saw), unless the site gave up.
#[inline(never)]
pub(super) fn specialise_op(t: &Thread, pc: *const Insn, op: Op) {
    let idx = pc_index(t, pc);
    let code = code(t);
    if code.misses.get()[idx] < MAX_MISSES {
        let insns = code.insns.get_mut();
        insns[idx] = insns[idx].with_op(op);
    }
}

/// The type-profile bit of one operand.
fn type_bit(v: Value) -> u8 {
    use runtime::object::cache::{TYPE_FLOAT, TYPE_INT, TYPE_OTHER, TYPE_STR};
    if v.is_float() {
        TYPE_FLOAT
    } else if ops::int::is_int(v) {
        TYPE_INT
    } else if ops::as_str(v).is_some() {
        TYPE_STR
    } else {
        TYPE_OTHER
    }
}

/// Profile: records the operand types seen by the generic form at `pc`.
#[inline(never)]
pub(super) fn note_types(t: &Thread, pc: *const Insn, l: Value, r: Value) {
    let idx = pc_index(t, pc);
    code(t).types.get_mut()[idx] |= type_bit(l) | type_bit(r);
}

/// Writes `c` as the cache of the instruction at `pc` and turns it into `op`.
/// If the instruction already is `op` (a guard missed and the generic path
/// found another receiver), `c` joins the entries that are still current.
fn specialise(t: &Thread, pc: *const Insn, op: Op, c: Cache) {
    let idx = pc_index(t, pc);
    let code = code(t);
    if code.misses.get()[idx] >= MAX_MISSES {
        code.caches.get_mut()[idx] = Cache::Megamorphic;
        return;
    }
    let insns = code.insns.get_mut();
    let cur = &mut code.caches.get_mut()[idx];
    if insns[idx].op() == op {
        let mut entries = match std::mem::replace(cur, Cache::Empty) {
            Cache::Poly(v) => v,
            e if e.guard_class().is_some() => vec![e],
            _ => Vec::new(),
        };
        entries.retain(|e| e.guard_class().is_some_and(|(c, v)| c.version.get() == v));
        if entries.len() < POLY_MAX && !entries.is_empty() {
            entries.push(c);
            *cur = Cache::Poly(entries);
            return;
        }
    }
    *cur = c;
    insns[idx] = insns[idx].with_op(op);
}

/// A guard failed: counts the miss; at `MAX_MISSES` restores the generic
/// instruction for good.
#[inline(never)]
pub(super) fn miss(t: &Thread, pc: *const Insn, generic: Op) {
    let idx = pc_index(t, pc);
    let code = code(t);
    let m = &mut code.misses.get_mut()[idx];
    *m = m.saturating_add(1);
    if *m >= MAX_MISSES {
        code.caches.get_mut()[idx] = Cache::Megamorphic;
        let insns = code.insns.get_mut();
        insns[idx] = insns[idx].with_op(generic);
    }
}

/// A guard failed: counts the miss and restores the generic instruction.
#[inline(never)]
pub(super) fn despecialise(t: &Thread, pc: *const Insn, generic: Op) {
    let idx = pc_index(t, pc);
    let code = code(t);
    let m = &mut code.misses.get_mut()[idx];
    *m = m.saturating_add(1);
    code.caches.get_mut()[idx] = Cache::Empty;
    let insns = code.insns.get_mut();
    insns[idx] = insns[idx].with_op(generic);
}

/// `hit` on the site's entry, or on each of a polymorphic site's entries
/// until one answers.
#[inline(always)]
pub(super) fn each_entry<R>(cache: &Cache, mut hit: impl FnMut(&Cache) -> Option<R>) -> Option<R> {
    match cache {
        Cache::Poly(entries) => entries.iter().find_map(hit),
        e => hit(e),
    }
}

/// The slot a `Slot` entry gives for loading from `inst`, if its guards pass.
#[inline(always)]
pub(super) fn load_hit(e: &Cache, inst: Gc<Instance>) -> Option<u32> {
    match e {
        Cache::Slot {
            class,
            version,
            shape,
            slot,
        } if inst.shape.get().ptr_eq(*shape)
            && inst.class.get().ptr_eq(*class)
            && class.version.get() == *version =>
        {
            Some(*slot)
        }
        _ => None,
    }
}

/// Stores `v` into `inst` as a `Slot` or `Add` entry says, if its guards
/// pass; whether it did.
#[inline(always)]
pub(super) fn store_hit(e: &Cache, inst: Gc<Instance>, v: Value) -> bool {
    match e {
        Cache::Slot {
            class,
            version,
            shape,
            slot,
        } if inst.shape.get().ptr_eq(*shape)
            && inst.class.get().ptr_eq(*class)
            && class.version.get() == *version =>
        {
            match inst.slots.get_mut().get_mut(*slot as usize) {
                Some(s) => {
                    *s = v;
                    true
                }
                None => false,
            }
        }
        Cache::Add {
            class,
            version,
            from,
            to,
        } if inst.shape.get().ptr_eq(*from)
            && inst.class.get().ptr_eq(*class)
            && class.version.get() == *version
            && inst.dict.get().is_unbound() =>
        {
            inst.slots.get_mut().push(v);
            class.note_slots(inst.slots.get().len());
            inst.shape.set(*to);
            true
        }
        _ => false,
    }
}

/// The function a `Method` entry gives for `o.name(...)`, if its guards pass.
#[inline(always)]
pub(super) fn method_hit(t: &Thread, e: &Cache, o: Value) -> Option<Value> {
    let Cache::Method {
        class,
        version,
        shape,
        func,
    } = e
    else {
        return None;
    };
    let receiver_ok = match cast::<Instance>(o) {
        Some(inst) => {
            matches!(shape, Some(s) if inst.shape.get().ptr_eq(*s))
                && inst.class.get().ptr_eq(*class)
                && inst.dict.get().is_unbound()
        }
        None => shape.is_none() && t.class_of(o).ptr_eq(*class),
    };
    (receiver_ok && class.version.get() == *version).then_some(*func)
}

/// An instance whose attributes a cache may describe: plain slots, no dict
/// mode, no exception state, and a class without data descriptors or
/// attribute hooks.
fn cacheable(inst: Gc<Instance>) -> bool {
    inst.dict.get().is_unbound()
        && inst.exc.get().is_none()
        && class_flags::get(inst.class.get()) & class_flags::NO_DATA_DESCRIPTORS != 0
}

/// After a generic `GetAttr` of `obj.name` succeeded.
#[inline(never)]
pub(super) fn after_getattr(t: &Thread, pc: *const Insn, obj: Value, name: Gc<Str>) {
    let Some(inst) = cast::<Instance>(obj) else {
        return;
    };
    if !cacheable(inst) {
        return;
    }
    let shape = inst.shape.get();
    if let Some(slot) = shape.slot(name) {
        let class = inst.class.get();
        specialise(
            t,
            pc,
            Op::GetAttrSlot,
            Cache::Slot {
                class,
                version: class.version.get(),
                shape,
                slot: slot as u32,
            },
        );
    }
}

/// After a generic `SetAttr` of `obj.name` succeeded; `before` is the shape
/// the instance had before the store.
#[inline(never)]
pub(super) fn after_setattr(
    t: &Thread,
    pc: *const Insn,
    obj: Value,
    name: Gc<Str>,
    before: Option<Gc<Shape>>,
) {
    let Some(inst) = cast::<Instance>(obj) else {
        return;
    };
    let Some(before) = before else { return };
    // Classes with `__slots__` too: a cached transition was made for an
    // allowed name, and the class guard keeps it to that class.
    if !cacheable(inst) {
        return;
    }
    let class = inst.class.get();
    let version = class.version.get();
    let after = inst.shape.get();
    if after.ptr_eq(before) {
        if let Some(slot) = after.slot(name) {
            specialise(
                t,
                pc,
                Op::SetAttrSlot,
                Cache::Slot {
                    class,
                    version,
                    shape: after,
                    slot: slot as u32,
                },
            );
        }
    } else if after.len() == before.len() + 1 && after.slot(name) == Some(before.len()) {
        specialise(
            t,
            pc,
            Op::SetAttrSlot,
            Cache::Add {
                class,
                version,
                from: before,
                to: after,
            },
        );
    }
}

/// The shape of `obj` if it is an instance (taken before a store).
#[inline(always)]
pub(super) fn shape_of(obj: Value) -> Option<Gc<Shape>> {
    cast::<Instance>(obj).map(|i| i.shape.get())
}

/// After a generic `LoadMethod` found `func` as a plain method of `obj`.
#[inline(never)]
pub(super) fn after_load_method(
    t: &Thread,
    pc: *const Insn,
    obj: Value,
    name: Gc<Str>,
    func: Value,
) {
    let class = t.class_of(obj);
    let shape = match cast::<Instance>(obj) {
        Some(inst) => {
            if !cacheable(inst) || inst.shape.get().slot(name).is_some() {
                return;
            }
            Some(inst.shape.get())
        }
        None => {
            // Only builtin values whose attributes all come from the class.
            if matches!(
                kind_of(obj),
                Some(Kind::Class) | Some(Kind::Module) | Some(Kind::Super) | Some(Kind::Function)
            ) {
                return;
            }
            None
        }
    };
    specialise(
        t,
        pc,
        Op::LoadMethodCached,
        Cache::Method {
            class,
            version: class.version.get(),
            shape,
            func,
        },
    );
}
