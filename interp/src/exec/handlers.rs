//! One handler per opcode (names match the opcode table). Call, return,
//! generator and exception opcodes delegate to `calls` and `unwind`.

#![allow(non_snake_case)]

use super::dispatch::{next, reg, set_reg, tryv};
use super::{calls, quicken, unwind};
use runtime::bytecode::{BinOp, Insn, Op};
use runtime::frame::Frame;
use runtime::gc::Gc;
use runtime::object::*;
use runtime::ops::{self, cast, CmpOp};
use runtime::{PyResult, Thread, Value};

/// The running frame.
#[inline(always)]
pub(super) fn frame(t: &Thread) -> &Frame {
    // SAFETY: a handler runs only while its frame is on the stack (invariant 2).
    unsafe { t.frames.last().unwrap_unchecked() }
}

/// The running frame's code.
#[inline(always)]
pub(super) fn code(t: &Thread) -> Gc<Code> {
    frame(t).code
}

/// The instruction `i` of the running code.
#[inline(always)]
pub(super) fn at(t: &Thread, i: usize) -> *const Insn {
    // SAFETY: jump targets were verified to be in range (invariant 1).
    unsafe { code(t).insns.get().as_ptr().add(i) }
}

#[inline(always)]
fn insn(pc: *const Insn) -> Insn {
    // SAFETY: pc points at a valid instruction (invariant 2).
    unsafe { *pc }
}

#[inline(always)]
fn step(pc: *const Insn) -> *const Insn {
    // SAFETY: a non-terminator instruction is never last (verified).
    unsafe { pc.add(1) }
}

#[inline(always)]
fn konst(t: &Thread, k: usize) -> Value {
    // SAFETY: constant indices were verified.
    unsafe { *code(t).consts.get_unchecked(k) }
}

#[inline(always)]
pub(super) fn name(t: &Thread, n: usize) -> Gc<Str> {
    // SAFETY: name indices were verified.
    unsafe { *code(t).names.get_unchecked(n) }
}

pub(super) fn Nop(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    next!(t, regs, step(pc))
}

pub(super) fn LoadConst(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    set_reg!(regs, i.a(), konst(t, i.b()));
    next!(t, regs, step(pc))
}

pub(super) fn Move(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    set_reg!(regs, i.a(), reg!(regs, i.b()));
    next!(t, regs, step(pc))
}

pub(super) fn LoadGlobal(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    let c = code(t);
    // SAFETY: global slot indices were verified.
    let mut v = unsafe { c.globals.get_unchecked(i.b()) }.get();
    if v.is_unbound() {
        // SAFETY: builtins has one cell per global slot.
        v = unsafe { c.builtins.get_unchecked(i.b()) }.get();
        if v.is_unbound() {
            let n = c.globals[i.b()].name;
            let _ = t.name_error(n.as_str());
            return unwind::unwind(t, regs, pc);
        }
    }
    set_reg!(regs, i.a(), v);
    next!(t, regs, step(pc))
}

pub(super) fn StoreGlobal(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    code(t).globals[i.a()].set(reg!(regs, i.b()));
    next!(t, regs, step(pc))
}

pub(super) fn DeleteGlobal(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    let cell = code(t).globals[i.a()];
    if cell.get().is_unbound() {
        let _ = t.name_error(cell.name.as_str());
        return unwind::unwind(t, regs, pc);
    }
    cell.set(Value::UNBOUND);
    next!(t, regs, step(pc))
}

#[inline(never)]
fn load_name(t: &mut Thread, n: Gc<Str>) -> PyResult<Value> {
    let f = frame(t);
    let (ns, globals) = (f.ns, f.globals);
    if let Some(d) = cast::<Dict>(ns) {
        if let Some(v) = ops::dict::get(t, d, n.as_value())? {
            return Ok(v);
        }
    }
    if let Some(v) = globals.get(n) {
        return Ok(v);
    }
    if let Some(v) = t.builtins.get(n) {
        return Ok(v);
    }
    Err(t.name_error(n.as_str()))
}

pub(super) fn LoadName(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    let v = tryv!(t, regs, pc, load_name(t, name(t, i.b())));
    set_reg!(regs, i.a(), v);
    next!(t, regs, step(pc))
}

#[inline(never)]
fn store_name(t: &mut Thread, n: Gc<Str>, v: Value) -> PyResult<()> {
    let f = frame(t);
    let (ns, globals) = (f.ns, f.globals);
    match cast::<Dict>(ns) {
        Some(d) => ops::dict::set(t, d, n.as_value(), v),
        None => {
            ops::attr::module_cell(t, globals, n).set(v);
            Ok(())
        }
    }
}

pub(super) fn StoreName(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    tryv!(
        t,
        regs,
        pc,
        store_name(t, name(t, i.a()), reg!(regs, i.b()))
    );
    next!(t, regs, step(pc))
}

#[inline(never)]
fn delete_name(t: &mut Thread, n: Gc<Str>) -> PyResult<()> {
    let f = frame(t);
    let (ns, globals) = (f.ns, f.globals);
    let found = match cast::<Dict>(ns) {
        Some(d) => ops::dict::remove(t, d, n.as_value())?.is_some(),
        None => match globals.cell(n) {
            Some(c) if !c.get().is_unbound() => {
                c.set(Value::UNBOUND);
                true
            }
            _ => false,
        },
    };
    if found {
        Ok(())
    } else {
        Err(t.name_error(n.as_str()))
    }
}

pub(super) fn DeleteName(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    tryv!(t, regs, pc, delete_name(t, name(t, i.a())));
    next!(t, regs, step(pc))
}

#[cold]
pub(super) fn unbound_local(t: &mut Thread, n: Gc<Str>) -> runtime::Raised {
    let msg = format!(
        "cannot access local variable '{}' where it is not associated with a value",
        n.as_str()
    );
    t.raise_msg(t.classes.unbound_local_error, &msg)
}

#[cold]
pub(super) fn unbound_free(t: &mut Thread, n: Gc<Str>) -> runtime::Raised {
    let msg = format!("cannot access free variable '{}' where it is not associated with a value in enclosing scope", n.as_str());
    t.raise_msg(t.classes.name_error, &msg)
}

pub(super) fn CheckBound(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    if reg!(regs, i.a()).is_unbound() {
        let _ = unbound_local(t, name(t, i.b()));
        return unwind::unwind(t, regs, pc);
    }
    next!(t, regs, step(pc))
}

pub(super) fn DeleteLocal(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    if reg!(regs, i.a()).is_unbound() {
        let _ = unbound_local(t, name(t, i.b()));
        return unwind::unwind(t, regs, pc);
    }
    set_reg!(regs, i.a(), Value::UNBOUND);
    next!(t, regs, step(pc))
}

pub(super) fn MakeCell(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    let c = new_cell(t, reg!(regs, i.a()));
    set_reg!(regs, i.a(), c);
    next!(t, regs, step(pc))
}

#[inline(never)]
pub(super) fn new_cell(t: &mut Thread, v: Value) -> Value {
    t.alloc(CellObj {
        value: std::cell::Cell::new(v),
    })
    .as_value()
}

pub(super) fn LoadClosure(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    let f = cast::<Function>(frame(t).func);
    let cell = f
        .and_then(|f| cast::<Tuple>(f.closure))
        .and_then(|c| c.items.get(i.b()).copied())
        .unwrap_or(Value::UNBOUND);
    set_reg!(regs, i.a(), cell);
    next!(t, regs, step(pc))
}

#[inline(always)]
fn cell_at(regs: *mut Value, r: usize) -> Option<Gc<CellObj>> {
    cast::<CellObj>(reg!(regs, r))
}

pub(super) fn LoadDeref(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    let v = cell_at(regs, i.b())
        .map(|c| c.value.get())
        .unwrap_or(Value::UNBOUND);
    if v.is_unbound() {
        let n = name(t, i.c());
        let _ = if i.aux() == 1 {
            unbound_free(t, n)
        } else {
            unbound_local(t, n)
        };
        return unwind::unwind(t, regs, pc);
    }
    set_reg!(regs, i.a(), v);
    next!(t, regs, step(pc))
}

pub(super) fn StoreDeref(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    if let Some(c) = cell_at(regs, i.a()) {
        c.value.set(reg!(regs, i.b()));
    }
    next!(t, regs, step(pc))
}

pub(super) fn DeleteDeref(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    let c = cell_at(regs, i.a());
    if c.map(|c| c.value.get().is_unbound()).unwrap_or(true) {
        let n = name(t, i.b());
        let _ = if i.aux() == 1 {
            unbound_free(t, n)
        } else {
            unbound_local(t, n)
        };
        return unwind::unwind(t, regs, pc);
    }
    if let Some(c) = c {
        c.value.set(Value::UNBOUND);
    }
    next!(t, regs, step(pc))
}

pub(super) fn MakeFunction(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    let v = tryv!(t, regs, pc, calls::make_function(t, regs, i));
    set_reg!(regs, i.a(), v);
    next!(t, regs, step(pc))
}

pub(super) fn MakeClass(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    let v = tryv!(
        t,
        regs,
        pc,
        calls::make_class(t, reg!(regs, i.b()), reg!(regs, i.c()))
    );
    set_reg!(regs, i.a(), v);
    next!(t, regs, step(pc))
}

/// A binary operator with quickened int and float forms: the generic form
/// rewrites itself into the form matching its operands and records the
/// types it sees otherwise; a quickened form whose guard fails restores the
/// generic form (interp/src/exec/quicken.rs).
macro_rules! arith_q {
    ($name:ident, $int_name:ident, $float_name:ident, $op:expr, |$x:ident, $y:ident| $int:expr, |$fx:ident, $fy:ident| $float:expr) => {
        pub(super) fn $name(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
            let i = insn(pc);
            let (l, r) = (reg!(regs, i.b()), reg!(regs, i.c()));
            if l.is_small_int() && r.is_small_int() {
                quicken::specialise_op(t, pc, Op::$int_name);
                return $int_name(t, regs, pc);
            }
            if l.is_float() && r.is_float() {
                quicken::specialise_op(t, pc, Op::$float_name);
                return $float_name(t, regs, pc);
            }
            quicken::note_types(t, pc, l, r);
            let v = tryv!(t, regs, pc, ops::binary(t, l, r, $op));
            set_reg!(regs, i.a(), v);
            next!(t, regs, step(pc))
        }

        pub(super) fn $int_name(
            t: &mut Thread,
            regs: *mut Value,
            pc: *const Insn,
        ) -> PyResult<Value> {
            let i = insn(pc);
            let (l, r) = (reg!(regs, i.b()), reg!(regs, i.c()));
            if l.is_small_int() && r.is_small_int() {
                let ($x, $y) = (l.small_int_value(), r.small_int_value());
                let fast: Option<i64> = $int;
                if let Some(v) = fast.and_then(Value::small_int) {
                    set_reg!(regs, i.a(), v);
                    next!(t, regs, step(pc))
                }
                // Still ints: the result is a wider int; the site stays int.
                let v = tryv!(t, regs, pc, ops::binary(t, l, r, $op));
                set_reg!(regs, i.a(), v);
                next!(t, regs, step(pc))
            }
            quicken::despecialise(t, pc, Op::$name);
            $name(t, regs, pc)
        }

        pub(super) fn $float_name(
            t: &mut Thread,
            regs: *mut Value,
            pc: *const Insn,
        ) -> PyResult<Value> {
            let i = insn(pc);
            let (l, r) = (reg!(regs, i.b()), reg!(regs, i.c()));
            if l.is_float() && r.is_float() {
                let ($fx, $fy) = (l.float_unchecked(), r.float_unchecked());
                let fast: Option<f64> = $float;
                if let Some(z) = fast {
                    set_reg!(regs, i.a(), Value::float(z));
                    next!(t, regs, step(pc))
                }
                let v = tryv!(t, regs, pc, ops::binary(t, l, r, $op));
                set_reg!(regs, i.a(), v);
                next!(t, regs, step(pc))
            }
            quicken::despecialise(t, pc, Op::$name);
            $name(t, regs, pc)
        }
    };
}

arith_q!(
    Add,
    AddInt,
    AddFloat,
    BinOp::Add,
    |x, y| Some(x + y),
    |x, y| Some(x + y)
);
arith_q!(
    Sub,
    SubInt,
    SubFloat,
    BinOp::Sub,
    |x, y| Some(x - y),
    |x, y| Some(x - y)
);
arith_q!(
    Mul,
    MulInt,
    MulFloat,
    BinOp::Mul,
    |x, y| x.checked_mul(y),
    |x, y| Some(x * y)
);

/// `TrueDiv` with a quickened float form (int / int goes generic).
pub(super) fn TrueDiv(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    let (l, r) = (reg!(regs, i.b()), reg!(regs, i.c()));
    if l.is_float() && r.is_float() {
        quicken::specialise_op(t, pc, Op::TrueDivFloat);
        return TrueDivFloat(t, regs, pc);
    }
    quicken::note_types(t, pc, l, r);
    let v = tryv!(t, regs, pc, ops::binary(t, l, r, BinOp::TrueDiv));
    set_reg!(regs, i.a(), v);
    next!(t, regs, step(pc))
}

pub(super) fn TrueDivFloat(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    let (l, r) = (reg!(regs, i.b()), reg!(regs, i.c()));
    if l.is_float() && r.is_float() {
        let y = r.float_unchecked();
        if y != 0.0 {
            set_reg!(regs, i.a(), Value::float(l.float_unchecked() / y));
            next!(t, regs, step(pc))
        }
        let v = tryv!(t, regs, pc, ops::binary(t, l, r, BinOp::TrueDiv));
        set_reg!(regs, i.a(), v);
        next!(t, regs, step(pc))
    }
    quicken::despecialise(t, pc, Op::TrueDiv);
    TrueDiv(t, regs, pc)
}

macro_rules! arith {
    ($name:ident, $op:expr, |$x:ident, $y:ident| $int:expr, |$fx:ident, $fy:ident| $float:expr) => {
        pub(super) fn $name(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
            let i = insn(pc);
            let (l, r) = (reg!(regs, i.b()), reg!(regs, i.c()));
            if l.is_small_int() && r.is_small_int() {
                let ($x, $y) = (l.small_int_value(), r.small_int_value());
                let fast: Option<i64> = $int;
                if let Some(z) = fast {
                    if let Some(v) = Value::small_int(z) {
                        set_reg!(regs, i.a(), v);
                        next!(t, regs, step(pc))
                    }
                }
            } else if l.is_float() && r.is_float() {
                let ($fx, $fy) = (l.float_unchecked(), r.float_unchecked());
                let fast: Option<f64> = $float;
                if let Some(z) = fast {
                    set_reg!(regs, i.a(), Value::float(z));
                    next!(t, regs, step(pc))
                }
            }
            // The operand types are noted here only: tier 2 reads no
            // note as "inline ints only".
            quicken::note_types(t, pc, l, r);
            let v = tryv!(t, regs, pc, ops::binary(t, l, r, $op));
            set_reg!(regs, i.a(), v);
            next!(t, regs, step(pc))
        }
    };
}

arith!(
    FloorDiv,
    BinOp::FloorDiv,
    |x, y| if y != 0 {
        Some(if x % y != 0 && (x ^ y) < 0 {
            x / y - 1
        } else {
            x / y
        })
    } else {
        None
    },
    |_x, _y| None
);
arith!(
    Mod,
    BinOp::Mod,
    |x, y| if y != 0 {
        Some(((x % y) + y) % y)
    } else {
        None
    },
    |_x, _y| None
);
arith!(Pow, BinOp::Pow, |_x, _y| None, |_x, _y| None);
arith!(
    LShift,
    BinOp::LShift,
    |x, y| if (0..48).contains(&y) {
        x.checked_mul(1i64 << y)
    } else {
        None
    },
    |_x, _y| None
);
arith!(
    RShift,
    BinOp::RShift,
    |x, y| if (0..64).contains(&y) {
        Some(x >> y)
    } else {
        None
    },
    |_x, _y| None
);
arith!(BitAnd, BinOp::BitAnd, |x, y| Some(x & y), |_x, _y| None);
arith!(BitOr, BinOp::BitOr, |x, y| Some(x | y), |_x, _y| None);
arith!(BitXor, BinOp::BitXor, |x, y| Some(x ^ y), |_x, _y| None);

pub(super) fn Inplace(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    let (l, r) = (reg!(regs, i.b()), reg!(regs, i.c()));
    let op = BinOp::from_u8(i.aux()).unwrap_or(BinOp::Add);
    if op == BinOp::Add && l.is_small_int() && r.is_small_int() {
        if let Some(v) = Value::small_int(l.small_int_value() + r.small_int_value()) {
            set_reg!(regs, i.a(), v);
            next!(t, regs, step(pc))
        }
    }
    quicken::note_types(t, pc, l, r);
    let v = tryv!(t, regs, pc, ops::inplace(t, l, r, op));
    set_reg!(regs, i.a(), v);
    next!(t, regs, step(pc))
}

macro_rules! unary {
    ($name:ident, $op:expr) => {
        pub(super) fn $name(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
            let i = insn(pc);
            let v = tryv!(t, regs, pc, ops::unary(t, reg!(regs, i.b()), $op));
            set_reg!(regs, i.a(), v);
            next!(t, regs, step(pc))
        }
    };
}
unary!(Neg, ops::UnaryOp::Neg);
unary!(Pos, ops::UnaryOp::Pos);
unary!(Invert, ops::UnaryOp::Invert);

pub(super) fn Not(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    let b = tryv!(t, regs, pc, ops::truthy(t, reg!(regs, i.b())));
    set_reg!(regs, i.a(), Value::bool(!b));
    next!(t, regs, step(pc))
}

/// Where dispatch goes after a quickened comparison put `b` in register
/// `a`: a conditional jump on that register right after it is done here
/// (counting the branch as it would), saving its dispatch — the fused
/// compare-and-branch. The register is still written, for any other reader.
#[inline(always)]
fn after_compare(t: &Thread, pc: *const Insn, a: usize, b: bool) -> *const Insn {
    let next = step(pc);
    let ni = insn(next);
    let taken = match ni.op() {
        Op::JumpIfFalse if ni.a() == a => !b,
        Op::JumpIfTrue if ni.a() == a => b,
        _ => return next,
    };
    quicken::count_branch(t, next, taken);
    if taken {
        at(t, ni.j())
    } else {
        step(next)
    }
}

/// A comparison with quickened int and float forms (see `arith_q!`).
macro_rules! compare {
    ($name:ident, $int_name:ident, $float_name:ident, $op:expr, $cmp:tt) => {
        pub(super) fn $name(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
            let i = insn(pc);
            let (l, r) = (reg!(regs, i.b()), reg!(regs, i.c()));
            if l.is_small_int() && r.is_small_int() {
                quicken::specialise_op(t, pc, Op::$int_name);
                return $int_name(t, regs, pc);
            }
            if l.is_float() && r.is_float() {
                quicken::specialise_op(t, pc, Op::$float_name);
                return $float_name(t, regs, pc);
            }
            quicken::note_types(t, pc, l, r);
            let v = tryv!(t, regs, pc, ops::compare(t, l, r, $op));
            set_reg!(regs, i.a(), v);
            next!(t, regs, step(pc))
        }

        pub(super) fn $int_name(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
            let i = insn(pc);
            let (l, r) = (reg!(regs, i.b()), reg!(regs, i.c()));
            if l.is_small_int() && r.is_small_int() {
                let b = l.small_int_value() $cmp r.small_int_value();
                set_reg!(regs, i.a(), Value::bool(b));
                next!(t, regs, after_compare(t, pc, i.a(), b))
            }
            quicken::despecialise(t, pc, Op::$name);
            $name(t, regs, pc)
        }

        pub(super) fn $float_name(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
            let i = insn(pc);
            let (l, r) = (reg!(regs, i.b()), reg!(regs, i.c()));
            if l.is_float() && r.is_float() {
                let b = l.float_unchecked() $cmp r.float_unchecked();
                set_reg!(regs, i.a(), Value::bool(b));
                next!(t, regs, after_compare(t, pc, i.a(), b))
            }
            quicken::despecialise(t, pc, Op::$name);
            $name(t, regs, pc)
        }
    };
}
compare!(Lt, LtInt, LtFloat, CmpOp::Lt, <);
compare!(Le, LeInt, LeFloat, CmpOp::Le, <=);
compare!(Eq, EqInt, EqFloat, CmpOp::Eq, ==);
compare!(Ne, NeInt, NeFloat, CmpOp::Ne, !=);
compare!(Gt, GtInt, GtFloat, CmpOp::Gt, >);
compare!(Ge, GeInt, GeFloat, CmpOp::Ge, >=);

pub(super) fn Is(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    set_reg!(
        regs,
        i.a(),
        Value::bool(reg!(regs, i.b()).is(reg!(regs, i.c())))
    );
    next!(t, regs, step(pc))
}

pub(super) fn IsNot(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    set_reg!(
        regs,
        i.a(),
        Value::bool(!reg!(regs, i.b()).is(reg!(regs, i.c())))
    );
    next!(t, regs, step(pc))
}

pub(super) fn In(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    let b = tryv!(
        t,
        regs,
        pc,
        ops::compare::contains(t, reg!(regs, i.c()), reg!(regs, i.b()))
    );
    set_reg!(regs, i.a(), Value::bool(b));
    next!(t, regs, step(pc))
}

pub(super) fn NotIn(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    let b = tryv!(
        t,
        regs,
        pc,
        ops::compare::contains(t, reg!(regs, i.c()), reg!(regs, i.b()))
    );
    set_reg!(regs, i.a(), Value::bool(!b));
    next!(t, regs, step(pc))
}

pub(super) fn Jump(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    next!(t, regs, at(t, i.j()))
}

pub(super) fn JumpBack(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    let n = quicken::count_back_edge(t, pc);
    if t.heap.wants_collect() {
        collect(t);
    }
    // The tier only hears of the threshold crossing (and every 1024th
    // iteration, to install background compiles, or soon after code was
    // invalidated); loops with OSR code enter it.
    if t.jit.is_some()
        && (n == t.jit_loop_threshold.wrapping_add(1)
            || n.is_multiple_of(1024)
            || code(t).jit.has_osr()
            || super::jit_glue::invalidations_pending(t))
    {
        return super::jit_glue::back_edge(t, regs, pc);
    }
    next!(t, regs, at(t, i.j()))
}

/// A safepoint collection (every live value is in a frame's registers or
/// another root).
#[inline(never)]
fn collect(t: &mut Thread) {
    t.collect();
}

pub(super) fn JumpIfTrue(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    let v = reg!(regs, i.a());
    let b = match v.as_bool() {
        Some(b) => b,
        None => tryv!(t, regs, pc, ops::truthy(t, v)),
    };
    quicken::count_branch(t, pc, b);
    if b {
        next!(t, regs, at(t, i.j()))
    }
    next!(t, regs, step(pc))
}

pub(super) fn JumpIfFalse(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    let v = reg!(regs, i.a());
    let b = match v.as_bool() {
        Some(b) => b,
        None => tryv!(t, regs, pc, ops::truthy(t, v)),
    };
    quicken::count_branch(t, pc, !b);
    if !b {
        next!(t, regs, at(t, i.j()))
    }
    next!(t, regs, step(pc))
}

pub(super) fn GetIter(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    let v = tryv!(t, regs, pc, ops::iter(t, reg!(regs, i.b())));
    set_reg!(regs, i.a(), v);
    next!(t, regs, step(pc))
}

pub(super) fn ForIter(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    let it = reg!(regs, i.a() + 1);
    if let Some(o) = cast::<IterObj>(it) {
        match o.state.get() {
            IterState::Range { .. } => {
                quicken::specialise_op(t, pc, Op::ForIterRange);
                return ForIterRange(t, regs, pc);
            }
            IterState::List { .. } => {
                quicken::specialise_op(t, pc, Op::ForIterList);
                return ForIterList(t, regs, pc);
            }
            _ => {}
        }
    }
    if let Some(g) = cast::<Generator>(it) {
        return calls::for_iter_generator(t, regs, pc, g);
    }
    match for_iter_slow(t, regs, i.a(), it) {
        ForStep::Next => next!(t, regs, step(pc)),
        ForStep::Done => next!(t, regs, at(t, i.j())),
        ForStep::Raised => unwind::unwind(t, regs, pc),
    }
}

/// Quickened ForIter over a range iterator.
pub(super) fn ForIterRange(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    let it = reg!(regs, i.a() + 1);
    if let Some(o) = cast::<IterObj>(it) {
        if let IterState::Range {
            next,
            step: st,
            remaining,
        } = o.state.get_mut()
        {
            {
                if *remaining > 0 {
                    let v = *next;
                    *remaining -= 1;
                    *next = next.wrapping_add(*st);
                    if let Some(sv) = Value::small_int(v) {
                        set_reg!(regs, i.a(), sv);
                        next!(t, regs, step(pc))
                    }
                    let bv = new_int(t, v);
                    set_reg!(regs, i.a(), bv);
                    next!(t, regs, step(pc))
                }
                next!(t, regs, at(t, i.j()))
            }
        }
    }
    quicken::despecialise(t, pc, Op::ForIter);
    ForIter(t, regs, pc)
}

/// Quickened ForIter over a list iterator.
pub(super) fn ForIterList(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    let it = reg!(regs, i.a() + 1);
    if let Some(o) = cast::<IterObj>(it) {
        if let IterState::List { list, index } = o.state.get_mut() {
            if let Some(l) = cast::<List>(*list) {
                if let Some(v) = l.get(*index) {
                    *index += 1;
                    set_reg!(regs, i.a(), v);
                    next!(t, regs, step(pc))
                }
                *o.state.get_mut() = IterState::Exhausted;
                next!(t, regs, at(t, i.j()))
            }
        }
    }
    quicken::despecialise(t, pc, Op::ForIter);
    ForIter(t, regs, pc)
}

/// What `ForIter`'s slow path found.
enum ForStep {
    Next,
    Done,
    Raised,
}

/// Advances any non-generator iterator, storing the item in register `a`.
#[inline(never)]
fn for_iter_slow(t: &mut Thread, regs: *mut Value, a: usize, it: Value) -> ForStep {
    let r = match cast::<IterObj>(it) {
        Some(o) => ops::iter::next_builtin(t, o),
        None => ops::next(t, it),
    };
    match r {
        Ok(Some(v)) => {
            set_reg!(regs, a, v);
            ForStep::Next
        }
        Ok(None) => ForStep::Done,
        Err(_) => ForStep::Raised,
    }
}

#[inline(never)]
fn new_int(t: &mut Thread, v: i64) -> Value {
    t.new_int(v)
}

/// The registers `b .. b+n` as a slice.
#[inline(always)]
pub(super) fn reg_slice<'a>(regs: *mut Value, b: usize, n: usize) -> &'a [Value] {
    // SAFETY: register runs were verified to lie within the frame.
    unsafe { std::slice::from_raw_parts(regs.add(b), n) }
}

pub(super) fn BuildList(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    let v = new_list(t, reg_slice(regs, i.b(), i.c()));
    set_reg!(regs, i.a(), v);
    next!(t, regs, step(pc))
}

pub(super) fn BuildTuple(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    let v = new_tuple(t, reg_slice(regs, i.b(), i.c()));
    set_reg!(regs, i.a(), v);
    next!(t, regs, step(pc))
}

#[inline(never)]
fn new_list(t: &mut Thread, items: &[Value]) -> Value {
    t.new_list(items.to_vec())
}

#[inline(never)]
pub(super) fn list_to_tuple(t: &mut Thread, l: Value) -> Value {
    let items = cast::<List>(l).map(|l| l.snapshot()).unwrap_or_default();
    t.new_tuple(items)
}

#[inline(never)]
fn new_tuple(t: &mut Thread, items: &[Value]) -> Value {
    t.new_tuple_from(items)
}

#[inline(never)]
pub(super) fn build_set(t: &mut Thread, items: &[Value]) -> PyResult<Value> {
    let s = t.new_set(false);
    for x in items {
        ops::set::add(t, s, *x)?;
    }
    Ok(s.as_value())
}

pub(super) fn BuildSet(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    let v = tryv!(t, regs, pc, build_set(t, reg_slice(regs, i.b(), i.c())));
    set_reg!(regs, i.a(), v);
    next!(t, regs, step(pc))
}

#[inline(never)]
pub(super) fn build_dict(t: &mut Thread, items: &[Value]) -> PyResult<Value> {
    let d = t.new_dict();
    for kv in items.chunks(2) {
        ops::dict::set(t, d, kv[0], kv[1])?;
    }
    Ok(d.as_value())
}

pub(super) fn BuildDict(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    let v = tryv!(
        t,
        regs,
        pc,
        build_dict(t, reg_slice(regs, i.b(), i.c() * 2))
    );
    set_reg!(regs, i.a(), v);
    next!(t, regs, step(pc))
}

pub(super) fn BuildSlice(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    let v = new_slice(t, reg_slice(regs, i.b(), 3));
    set_reg!(regs, i.a(), v);
    next!(t, regs, step(pc))
}

#[inline(never)]
pub(super) fn new_slice(t: &mut Thread, s: &[Value]) -> Value {
    t.alloc(Slice {
        start: s[0],
        stop: s[1],
        step: s[2],
    })
    .as_value()
}

#[inline(never)]
pub(super) fn build_string(t: &mut Thread, parts: &[Value]) -> PyResult<Value> {
    let mut s = String::new();
    for p in parts {
        match ops::as_str(*p) {
            Some(x) => s.push_str(x.as_str()),
            None => s.push_str(&ops::str_string(t, *p)?),
        }
    }
    Ok(t.new_string(s))
}

pub(super) fn BuildString(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    let v = tryv!(t, regs, pc, build_string(t, reg_slice(regs, i.b(), i.c())));
    set_reg!(regs, i.a(), v);
    next!(t, regs, step(pc))
}

#[inline(never)]
pub(super) fn format_value(t: &mut Thread, v: Value, spec: Value, conv: u8) -> PyResult<Value> {
    let v = match conv {
        1 => ops::str_(t, v)?,
        2 | 3 => ops::repr(t, v)?,
        _ => v,
    };
    let spec_str = ops::as_str(spec)
        .map(|s| s.as_str().to_string())
        .unwrap_or_default();
    if spec_str.is_empty() && ops::as_str(v).is_some() {
        return Ok(v);
    }
    runtime::builtins::format::format(t, v, &spec_str)
}

pub(super) fn FormatValue(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    let v = tryv!(
        t,
        regs,
        pc,
        format_value(t, reg!(regs, i.b()), reg!(regs, i.c()), i.aux())
    );
    set_reg!(regs, i.a(), v);
    next!(t, regs, step(pc))
}

pub(super) fn ListAppend(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    if let Some(l) = cast::<List>(reg!(regs, i.a())) {
        l.push(reg!(regs, i.b()));
    }
    next!(t, regs, step(pc))
}

#[inline(never)]
pub(super) fn list_extend(t: &mut Thread, l: Value, src: Value) -> PyResult<()> {
    let items = ops::collect_list(t, src)?;
    if let Some(l) = cast::<List>(l) {
        let new = items.snapshot();
        l.items.get_mut().extend(new);
    }
    Ok(())
}

pub(super) fn ListExtend(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    tryv!(
        t,
        regs,
        pc,
        list_extend(t, reg!(regs, i.a()), reg!(regs, i.b()))
    );
    next!(t, regs, step(pc))
}

pub(super) fn SetAdd(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    if let Some(s) = cast::<Set>(reg!(regs, i.a())) {
        tryv!(t, regs, pc, ops::set::add(t, s, reg!(regs, i.b())));
    }
    next!(t, regs, step(pc))
}

#[inline(never)]
fn set_update(t: &mut Thread, s: Value, src: Value) -> PyResult<()> {
    let Some(s) = cast::<Set>(s) else {
        return Ok(());
    };
    // `set.update` semantics: sets merge table to table, as CPython does.
    ops::set::method_op(t, s, src, "update").map(|_| ())
}

pub(super) fn SetUpdate(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    tryv!(
        t,
        regs,
        pc,
        set_update(t, reg!(regs, i.a()), reg!(regs, i.b()))
    );
    next!(t, regs, step(pc))
}

pub(super) fn DictSet(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    if let Some(d) = cast::<Dict>(reg!(regs, i.a())) {
        tryv!(
            t,
            regs,
            pc,
            ops::dict::set(t, d, reg!(regs, i.b()), reg!(regs, i.c()))
        );
    }
    next!(t, regs, step(pc))
}

#[inline(never)]
fn dict_update(t: &mut Thread, d: Value, src: Value) -> PyResult<()> {
    let Some(d) = cast::<Dict>(d) else {
        return Ok(());
    };
    match ops::as_dict(src) {
        Some(s) => {
            let entries: Vec<(Value, Value)> = s.table.items();
            for (k, v) in entries {
                ops::dict::set(t, d, k, v)?;
            }
            Ok(())
        }
        None => {
            if ops::dict::for_each_mapping_item(t, src, &mut |t, k, v| ops::dict::set(t, d, k, v))?
            {
                return Ok(());
            }
            let msg = format!("'{}' object is not a mapping", t.type_name(src));
            Err(t.type_error(&msg))
        }
    }
}

pub(super) fn DictUpdate(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    tryv!(
        t,
        regs,
        pc,
        dict_update(t, reg!(regs, i.a()), reg!(regs, i.b()))
    );
    next!(t, regs, step(pc))
}

/// `f()` as CPython names a callee in call errors.
fn callee_name(t: &mut Thread, f: Value) -> String {
    let qual = |v: Value| ops::as_str(v).map(|s| s.as_str().to_string());
    if let Some(func) = cast::<Function>(f) {
        let module = func
            .globals
            .get(t.names.name)
            .and_then(qual)
            .unwrap_or_default();
        let q = qual(func.qualname.get()).unwrap_or_default();
        return if module.is_empty() || module == "builtins" {
            format!("{q}()")
        } else {
            format!("{module}.{q}()")
        };
    }
    if let Some(m) = cast::<BoundMethod>(f) {
        return callee_name(t, m.func);
    }
    if let Some(b) = cast::<Builtin>(f) {
        return format!("{}()", b.qualname);
    }
    if let Some(c) = cast::<Class>(f) {
        let module = qual(c.module.get()).unwrap_or_default();
        let q = c.qualname.get().as_str().to_string();
        return if module.is_empty() || module == "builtins" {
            format!("{q}()")
        } else {
            format!("{module}.{q}()")
        };
    }
    format!("{} object", t.type_name(f))
}

#[inline(never)]
fn dict_merge(t: &mut Thread, d: Value, src: Value, f: Value) -> PyResult<()> {
    let Some(d) = cast::<Dict>(d) else {
        return Ok(());
    };
    let mut add = |t: &mut Thread, k: Value, v: Value| -> PyResult<()> {
        let Some(name) = ops::as_str(k) else {
            return Err(t.type_error("keywords must be strings"));
        };
        if ops::dict::contains(t, d, k)? {
            let msg = format!(
                "{} got multiple values for keyword argument '{}'",
                callee_name(t, f),
                name.as_str()
            );
            return Err(t.type_error(&msg));
        }
        ops::dict::set(t, d, k, v)
    };
    let Some(s) = ops::as_dict(src) else {
        if ops::dict::for_each_mapping_item(t, src, &mut add)? {
            return Ok(());
        }
        let msg = format!(
            "{} argument after ** must be a mapping, not {}",
            callee_name(t, f),
            t.type_name(src)
        );
        return Err(t.type_error(&msg));
    };
    for (k, v) in s.table.items() {
        add(t, k, v)?;
    }
    Ok(())
}

pub(super) fn DictMerge(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    tryv!(
        t,
        regs,
        pc,
        dict_merge(t, reg!(regs, i.a()), reg!(regs, i.b()), reg!(regs, i.c()))
    );
    next!(t, regs, step(pc))
}

pub(super) fn ListToTuple(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    let v = list_to_tuple(t, reg!(regs, i.b()));
    set_reg!(regs, i.a(), v);
    next!(t, regs, step(pc))
}

#[inline(never)]
pub(super) fn unpack(
    t: &mut Thread,
    regs: *mut Value,
    src: Value,
    dst: usize,
    before: usize,
    after: Option<usize>,
) -> PyResult<()> {
    // Fast paths for tuples and lists of the exact size.
    if after.is_none() {
        // Copy straight from the sequence's storage (no allocation); the
        // destination registers are distinct from it.
        let copy = |items: &[Value]| {
            if items.len() != before {
                return false;
            }
            for (k, v) in items.iter().enumerate() {
                set_reg!(regs, dst + k, *v);
            }
            true
        };
        if let Some(tu) = cast::<Tuple>(src) {
            if copy(&tu.items) {
                return Ok(());
            }
        } else if let Some(l) = cast::<List>(src) {
            if copy(l.items.get()) {
                return Ok(());
            }
        }
    }
    // Starred targets over an exact tuple or list: slice its storage.
    if let Some(a) = after {
        let (tu, li) = (cast::<Tuple>(src), cast::<List>(src));
        let items = match (&tu, &li) {
            (Some(tu), _) => Some(&tu.items[..]),
            (_, Some(l)) => Some(&l.items.get()[..]),
            _ => None,
        };
        if let Some(items) = items.filter(|it| it.len() >= before + a) {
            let n = items.len();
            let middle = items[before..n - a].to_vec();
            for (k, v) in items[..before].iter().enumerate() {
                set_reg!(regs, dst + k, *v);
            }
            for (k, v) in items[n - a..].iter().enumerate() {
                set_reg!(regs, dst + before + 1 + k, *v);
            }
            let rest = t.new_list(middle);
            set_reg!(regs, dst + before, rest);
            return Ok(());
        }
    }
    let it = match ops::iter(t, src) {
        Ok(it) => it,
        Err(e) => {
            if t.exc_is(t.classes.type_error) && t.class_of(src).lookup(t.names.iter).is_none() {
                let msg = format!("cannot unpack non-iterable {} object", t.type_name(src));
                return Err(t.type_error(&msg));
            }
            return Err(e);
        }
    };
    t.temp_roots.push(it);
    let r = unpack_iter(t, regs, it, dst, before, after);
    t.temp_roots.pop();
    r
}

fn unpack_iter(
    t: &mut Thread,
    regs: *mut Value,
    it: Value,
    dst: usize,
    before: usize,
    after: Option<usize>,
) -> PyResult<()> {
    let keep = t.alloc(List::new(Vec::new()));
    for k in 0..before {
        match ops::next(t, it)? {
            Some(v) => keep.push(v),
            None => {
                let msg = match after {
                    None => format!("not enough values to unpack (expected {before}, got {k})"),
                    Some(a) => format!(
                        "not enough values to unpack (expected at least {}, got {k})",
                        before + a
                    ),
                };
                return Err(t.value_error(&msg));
            }
        }
    }
    match after {
        None => {
            if ops::next(t, it)?.is_some() {
                let msg = format!("too many values to unpack (expected {before})");
                return Err(t.value_error(&msg));
            }
            for (k, v) in keep.snapshot().into_iter().enumerate() {
                set_reg!(regs, dst + k, v);
            }
        }
        Some(a) => {
            let rest = ops::collect_list(t, it)?;
            let n = rest.len();
            if n < a {
                let msg = format!(
                    "not enough values to unpack (expected at least {}, got {})",
                    before + a,
                    before + n
                );
                return Err(t.value_error(&msg));
            }
            let tail: Vec<Value> = rest.items.get_mut().split_off(n - a);
            for (k, v) in keep.snapshot().into_iter().enumerate() {
                set_reg!(regs, dst + k, v);
            }
            set_reg!(regs, dst + before, rest.as_value());
            for (k, v) in tail.into_iter().enumerate() {
                set_reg!(regs, dst + before + 1 + k, v);
            }
        }
    }
    Ok(())
}

pub(super) fn Unpack(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    tryv!(
        t,
        regs,
        pc,
        unpack(t, regs, reg!(regs, i.b()), i.a(), i.c(), None)
    );
    next!(t, regs, step(pc))
}

pub(super) fn UnpackEx(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    tryv!(
        t,
        regs,
        pc,
        unpack(
            t,
            regs,
            reg!(regs, i.b()),
            i.a(),
            i.c(),
            Some(i.aux() as usize)
        )
    );
    next!(t, regs, step(pc))
}

pub(super) fn GetItem(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    let (o, k) = (reg!(regs, i.b()), reg!(regs, i.c()));
    if cast::<List>(o).is_some() && k.is_small_int() {
        quicken::specialise_op(t, pc, Op::GetItemList);
        return GetItemList(t, regs, pc);
    }
    let v = tryv!(t, regs, pc, ops::getitem(t, o, k));
    set_reg!(regs, i.a(), v);
    next!(t, regs, step(pc))
}

pub(super) fn GetItemList(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    let (o, k) = (reg!(regs, i.b()), reg!(regs, i.c()));
    if let (Some(l), Some(idx)) = (cast::<List>(o), k.as_small_int()) {
        if let Some(j) = ops::item::norm_index(idx, l.len()) {
            set_reg!(regs, i.a(), l.items.get()[j]);
            next!(t, regs, step(pc))
        }
        // Out of range: the generic path raises IndexError; the site stays.
        let v = tryv!(t, regs, pc, ops::getitem(t, o, k));
        set_reg!(regs, i.a(), v);
        next!(t, regs, step(pc))
    }
    quicken::despecialise(t, pc, Op::GetItem);
    GetItem(t, regs, pc)
}

pub(super) fn SetItem(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    let (o, k, v) = (reg!(regs, i.a()), reg!(regs, i.b()), reg!(regs, i.c()));
    if let (Some(l), Some(idx)) = (cast::<List>(o), k.as_small_int()) {
        if let Some(j) = ops::item::norm_index(idx, l.len()) {
            l.items.get_mut()[j] = v;
            next!(t, regs, step(pc))
        }
    }
    tryv!(t, regs, pc, ops::setitem(t, o, k, v));
    next!(t, regs, step(pc))
}

pub(super) fn DelItem(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    tryv!(
        t,
        regs,
        pc,
        ops::delitem(t, reg!(regs, i.a()), reg!(regs, i.b()))
    );
    next!(t, regs, step(pc))
}

pub(super) fn GetAttr(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    let v = tryv!(t, regs, pc, get_attr(t, regs, pc, i));
    set_reg!(regs, i.a(), v);
    next!(t, regs, step(pc))
}

#[inline(never)]
fn get_attr(t: &mut Thread, regs: *mut Value, pc: *const Insn, i: Insn) -> PyResult<Value> {
    let o = reg!(regs, i.b());
    let n = name(t, i.c());
    let v = ops::getattr(t, o, n)?;
    quicken::after_getattr(t, pc, o, n);
    Ok(v)
}

pub(super) fn GetAttrSlot(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    if let Some(inst) = cast::<Instance>(reg!(regs, i.b())) {
        // SAFETY: `cache_at` points at this instruction's cache entry.
        let cache = unsafe { &*quicken::cache_at(t, pc) };
        if let Some(slot) = quicken::each_entry(cache, |e| quicken::load_hit(e, inst)) {
            // The shape has this slot, so the slot vector is long enough.
            if let Some(v) = inst.slots.get().get(slot as usize) {
                set_reg!(regs, i.a(), *v);
                next!(t, regs, step(pc))
            }
        }
    }
    quicken::miss(t, pc, Op::GetAttr);
    GetAttr(t, regs, pc)
}

pub(super) fn SetAttr(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    tryv!(t, regs, pc, set_attr(t, regs, pc, i));
    next!(t, regs, step(pc))
}

#[inline(never)]
fn set_attr(t: &mut Thread, regs: *mut Value, pc: *const Insn, i: Insn) -> PyResult<()> {
    let o = reg!(regs, i.a());
    let n = name(t, i.b());
    let before = quicken::shape_of(o);
    ops::setattr(t, o, n, reg!(regs, i.c()))?;
    quicken::after_setattr(t, pc, o, n, before);
    Ok(())
}

pub(super) fn SetAttrSlot(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    if let Some(inst) = cast::<Instance>(reg!(regs, i.a())) {
        let v = reg!(regs, i.c());
        // SAFETY: `cache_at` points at this instruction's cache entry.
        let cache = unsafe { &*quicken::cache_at(t, pc) };
        if quicken::each_entry(cache, |e| quicken::store_hit(e, inst, v).then_some(())).is_some() {
            next!(t, regs, step(pc))
        }
    }
    quicken::miss(t, pc, Op::SetAttr);
    SetAttr(t, regs, pc)
}

pub(super) fn DelAttr(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    tryv!(
        t,
        regs,
        pc,
        ops::delattr(t, reg!(regs, i.a()), name(t, i.b()))
    );
    next!(t, regs, step(pc))
}

pub(super) fn LoadMethod(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    tryv!(t, regs, pc, load_method(t, regs, pc, i));
    next!(t, regs, step(pc))
}

#[inline(never)]
fn load_method(t: &mut Thread, regs: *mut Value, pc: *const Insn, i: Insn) -> PyResult<()> {
    let o = reg!(regs, i.b());
    let n = name(t, i.c());
    let (f, s) = ops::load_method(t, o, n)?;
    set_reg!(regs, i.a(), f);
    set_reg!(regs, i.a() + 1, s.unwrap_or(Value::UNBOUND));
    if s.is_some() {
        quicken::after_load_method(t, pc, o, n, f);
    }
    Ok(())
}

pub(super) fn LoadMethodCached(
    t: &mut Thread,
    regs: *mut Value,
    pc: *const Insn,
) -> PyResult<Value> {
    let i = insn(pc);
    let o = reg!(regs, i.b());
    // SAFETY: `cache_at` points at this instruction's cache entry.
    let cache = unsafe { &*quicken::cache_at(t, pc) };
    if let Some(func) = quicken::each_entry(cache, |e| quicken::method_hit(t, e, o)) {
        set_reg!(regs, i.a(), func);
        set_reg!(regs, i.a() + 1, o);
        next!(t, regs, step(pc))
    }
    quicken::miss(t, pc, Op::LoadMethod);
    LoadMethod(t, regs, pc)
}

pub(super) fn Call(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    calls::call(t, regs, pc)
}
pub(super) fn CallKw(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    calls::call_kw(t, regs, pc)
}
pub(super) fn CallMethod(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    calls::call_method(t, regs, pc)
}
pub(super) fn CallEx(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    calls::call_ex(t, regs, pc)
}
pub(super) fn Return(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    calls::ret(t, regs, pc)
}
pub(super) fn Yield(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    calls::yield_(t, regs, pc)
}
pub(super) fn YieldFrom(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    calls::yield_from(t, regs, pc)
}

pub(super) fn GetYieldFromIter(
    t: &mut Thread,
    regs: *mut Value,
    pc: *const Insn,
) -> PyResult<Value> {
    let i = insn(pc);
    let v = reg!(regs, i.b());
    let it = if cast::<Generator>(v).is_some() {
        v
    } else {
        tryv!(t, regs, pc, ops::iter(t, v))
    };
    set_reg!(regs, i.a(), it);
    next!(t, regs, step(pc))
}

pub(super) fn Raise(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    unwind::raise_op(t, regs, pc)
}
pub(super) fn Reraise(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    unwind::reraise_op(t, regs, pc)
}

pub(super) fn LoadExc(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    let e = t.exc;
    set_reg!(regs, i.b(), t.handled);
    set_reg!(regs, i.a(), e);
    t.handled = e;
    t.exc = Value::NONE;
    next!(t, regs, step(pc))
}

pub(super) fn RestoreExc(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    t.handled = reg!(regs, i.a());
    next!(t, regs, step(pc))
}

pub(super) fn ExcMatch(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    let b = tryv!(
        t,
        regs,
        pc,
        unwind::exc_match(t, reg!(regs, i.b()), reg!(regs, i.c()))
    );
    set_reg!(regs, i.a(), Value::bool(b));
    next!(t, regs, step(pc))
}

pub(super) fn RaiseAssert(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    raise_assert(
        t,
        if i.aux() & 1 != 0 {
            reg!(regs, i.a())
        } else {
            Value::UNBOUND
        },
    );
    unwind::unwind(t, regs, pc)
}

#[inline(never)]
fn raise_assert(t: &mut Thread, msg: Value) {
    let args = if msg.is_unbound() { vec![] } else { vec![msg] };
    let e = t.new_exception(t.classes.assertion_error, args);
    let _ = t.raise(e);
}

pub(super) fn ImportName(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    let n = name(t, i.b());
    let v = tryv!(t, regs, pc, (t.hooks.import)(t, n));
    set_reg!(regs, i.a(), v);
    next!(t, regs, step(pc))
}

#[inline(never)]
fn import_from(t: &mut Thread, m: Value, n: Gc<Str>) -> PyResult<Value> {
    match ops::getattr_opt(t, m, n)? {
        Some(v) => Ok(v),
        None => {
            let mname = cast::<Module>(m)
                .map(|m| m.name.as_str().to_string())
                .unwrap_or_default();
            let msg = format!("cannot import name '{}' from '{}'", n.as_str(), mname);
            let msg = t.new_str(&msg);
            let e = t.new_exception(t.classes.import_error, vec![msg]);
            let name_attr = t.intern("name");
            let module_name = t.new_str(&mname);
            ops::setattr(t, e, name_attr, module_name)?;
            let file_attr = t.intern("__file__");
            if let Some(file) = ops::getattr_opt(t, m, file_attr)? {
                let path_attr = t.intern("path");
                ops::setattr(t, e, path_attr, file)?;
            }
            Err(t.raise(e))
        }
    }
}

pub(super) fn ImportFrom(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    let v = tryv!(
        t,
        regs,
        pc,
        import_from(t, reg!(regs, i.b()), name(t, i.c()))
    );
    set_reg!(regs, i.a(), v);
    next!(t, regs, step(pc))
}

#[inline(never)]
fn import_star(t: &mut Thread, m: Value) -> PyResult<()> {
    let Some(m) = cast::<Module>(m) else {
        return Ok(());
    };
    let globals = frame(t).globals;
    for c in m.order.get().clone() {
        let v = c.get();
        if !v.is_unbound() && !c.name.as_str().starts_with('_') {
            ops::attr::module_cell(t, globals, c.name).set(v);
        }
    }
    Ok(())
}

pub(super) fn ImportStar(t: &mut Thread, regs: *mut Value, pc: *const Insn) -> PyResult<Value> {
    let i = insn(pc);
    tryv!(t, regs, pc, import_star(t, reg!(regs, i.a())));
    next!(t, regs, step(pc))
}
