//! One instruction at a time, for compiled code: `exec_one` performs a
//! single non-control instruction on a frame's registers with the
//! interpreter's semantics, so a compiling tier can call it for every
//! instruction it does not specialise (DESIGN.md: "everything else calls
//! runtime helpers or the interpreter's handler bodies").
//!
//! Invariants:
//! 1. The frame whose registers are `regs` is on top of `Thread::frames`;
//!    `exec_one` sets its `pc` first, so tracebacks and nested calls see
//!    the instruction.
//! 2. Calls run the callee natively nested (through `ops::call`), never by
//!    pushing a frame for the dispatch loop to continue.
//! 3. Quickening is not performed: the compiled code already chose what to
//!    specialise, and the instruction stream is left as it is.

use super::handlers::{
    build_dict, build_set, build_string, format_value, list_extend, list_to_tuple, name, new_cell,
    new_slice, unbound_free, unbound_local, unpack,
};
use runtime::bytecode::{BinOp, Insn, Op};
use runtime::object::*;
use runtime::ops::{self, cast, CmpOp, UnaryOp};
use runtime::{PyResult, Thread, Value};

/// The instruction completed; its results are in the registers.
pub const STEP_OK: u32 = 0;
/// It raised: the exception is in `Thread::exc`.
pub const STEP_RAISED: u32 = 1;
/// A `ForIter` found its iterator exhausted (continue at its jump target).
pub const STEP_DONE: u32 = 2;

/// Whether `exec_one` can perform `op`.
pub fn supports(op: Op) -> bool {
    use Op::*;
    matches!(
        op.generic(),
        LoadConst
            | Move
            | LoadGlobal
            | StoreGlobal
            | CheckBound
            | Add
            | Sub
            | Mul
            | TrueDiv
            | FloorDiv
            | Mod
            | Pow
            | LShift
            | RShift
            | BitAnd
            | BitOr
            | BitXor
            | Inplace
            | Neg
            | Pos
            | Invert
            | Not
            | Lt
            | Le
            | Eq
            | Ne
            | Gt
            | Ge
            | Is
            | IsNot
            | In
            | NotIn
            | GetIter
            | ForIter
            | BuildList
            | BuildTuple
            | BuildSet
            | MakeFunction
            | BuildString
            | FormatValue
            | SetAdd
            | ListAppend
            | Unpack
            | GetItem
            | SetItem
            | GetAttr
            | SetAttr
            | LoadMethod
            | Call
            | CallMethod
            | CallKw
            | BuildSlice
            | ListExtend
            | BuildDict
            | DictSet
            | ListToTuple
            | DelItem
            | UnpackEx
            | MakeCell
            | LoadClosure
            | LoadDeref
            | StoreDeref
    )
}

#[inline(always)]
fn reg(regs: *mut Value, i: usize) -> Value {
    // SAFETY: operands were verified to lie within the frame (loader), and
    // the caller passes the registers of the code the instruction is from.
    unsafe { *regs.add(i) }
}

#[inline(always)]
fn set(regs: *mut Value, i: usize, v: Value) {
    // SAFETY: as in `reg`.
    unsafe { *regs.add(i) = v }
}

fn slice<'a>(regs: *mut Value, b: usize, n: usize) -> &'a [Value] {
    // SAFETY: register runs were verified to lie within the frame.
    unsafe { std::slice::from_raw_parts(regs.add(b), n) }
}

/// Performs the instruction at `pc` of the running code on `regs`; returns
/// a `STEP_*` status.
pub fn exec_one(t: &mut Thread, regs: *mut Value, pc: u32) -> u32 {
    // SAFETY: the caller's frame is on top (invariant 1).
    let frame = unsafe { t.frames.last_mut().unwrap_unchecked() };
    frame.pc = pc;
    let code = frame.code;
    let i = code.insns.get()[pc as usize];
    match exec(t, regs, i) {
        Ok(s) => s,
        Err(_) => STEP_RAISED,
    }
}

fn binop(op: Op) -> Option<BinOp> {
    Some(match op {
        Op::Add => BinOp::Add,
        Op::Sub => BinOp::Sub,
        Op::Mul => BinOp::Mul,
        Op::TrueDiv => BinOp::TrueDiv,
        Op::FloorDiv => BinOp::FloorDiv,
        Op::Mod => BinOp::Mod,
        Op::Pow => BinOp::Pow,
        Op::LShift => BinOp::LShift,
        Op::RShift => BinOp::RShift,
        Op::BitAnd => BinOp::BitAnd,
        Op::BitOr => BinOp::BitOr,
        Op::BitXor => BinOp::BitXor,
        _ => return None,
    })
}

fn cmpop(op: Op) -> Option<CmpOp> {
    Some(match op {
        Op::Lt => CmpOp::Lt,
        Op::Le => CmpOp::Le,
        Op::Eq => CmpOp::Eq,
        Op::Ne => CmpOp::Ne,
        Op::Gt => CmpOp::Gt,
        Op::Ge => CmpOp::Ge,
        _ => return None,
    })
}

fn exec(t: &mut Thread, regs: *mut Value, i: Insn) -> PyResult<u32> {
    let op = i.op().generic();
    if let Some(b) = binop(op) {
        let v = ops::binary(t, reg(regs, i.b()), reg(regs, i.c()), b)?;
        set(regs, i.a(), v);
        return Ok(STEP_OK);
    }
    if let Some(c) = cmpop(op) {
        let v = ops::compare(t, reg(regs, i.b()), reg(regs, i.c()), c)?;
        set(regs, i.a(), v);
        return Ok(STEP_OK);
    }
    // Constant, global and name indices were verified by the loader.
    let code = t.frames.last().expect("a running frame").code;
    match op {
        Op::LoadConst => set(regs, i.a(), code.consts[i.b()]),
        Op::Move => set(regs, i.a(), reg(regs, i.b())),
        Op::LoadGlobal => {
            let mut v = code.globals[i.b()].get();
            if v.is_unbound() {
                v = code.builtins[i.b()].get();
                if v.is_unbound() {
                    let n = code.globals[i.b()].name;
                    return Err(t.name_error(n.as_str()));
                }
            }
            set(regs, i.a(), v);
        }
        Op::StoreGlobal => code.globals[i.a()].set(reg(regs, i.b())),
        Op::CheckBound => {
            if reg(regs, i.a()).is_unbound() {
                let n = name(t, i.b());
                return Err(unbound_local(t, n));
            }
        }
        Op::Inplace => {
            let b = BinOp::from_u8(i.aux()).unwrap_or(BinOp::Add);
            let v = ops::inplace(t, reg(regs, i.b()), reg(regs, i.c()), b)?;
            set(regs, i.a(), v);
        }
        Op::Neg | Op::Pos | Op::Invert => {
            let u = match op {
                Op::Neg => UnaryOp::Neg,
                Op::Pos => UnaryOp::Pos,
                _ => UnaryOp::Invert,
            };
            let v = ops::unary(t, reg(regs, i.b()), u)?;
            set(regs, i.a(), v);
        }
        Op::Not => {
            let b = ops::truthy(t, reg(regs, i.b()))?;
            set(regs, i.a(), Value::bool(!b));
        }
        Op::Is | Op::IsNot => {
            let same = reg(regs, i.b()).is(reg(regs, i.c()));
            set(regs, i.a(), Value::bool(same == (op == Op::Is)));
        }
        Op::In | Op::NotIn => {
            let b = ops::compare::contains(t, reg(regs, i.c()), reg(regs, i.b()))?;
            set(regs, i.a(), Value::bool(b == (op == Op::In)));
        }
        Op::GetIter => {
            let v = ops::iter(t, reg(regs, i.b()))?;
            set(regs, i.a(), v);
        }
        Op::ForIter => {
            let it = reg(regs, i.a() + 1);
            let r = match cast::<IterObj>(it) {
                Some(o) => ops::iter::next_builtin(t, o)?,
                None => ops::next(t, it)?,
            };
            match r {
                Some(v) => set(regs, i.a(), v),
                None => return Ok(STEP_DONE),
            }
        }
        Op::BuildList => {
            let v = t.new_list(slice(regs, i.b(), i.c()).to_vec());
            set(regs, i.a(), v);
        }
        Op::BuildTuple => {
            let v = t.new_tuple_from(slice(regs, i.b(), i.c()));
            set(regs, i.a(), v);
        }
        Op::BuildString => {
            let v = build_string(t, slice(regs, i.b(), i.c()))?;
            set(regs, i.a(), v);
        }
        Op::FormatValue => {
            let v = format_value(t, reg(regs, i.b()), reg(regs, i.c()), i.aux())?;
            set(regs, i.a(), v);
        }
        Op::SetAdd => {
            if let Some(s) = cast::<Set>(reg(regs, i.a())) {
                ops::set::add(t, s, reg(regs, i.b()))?;
            }
        }
        Op::BuildSet => {
            let v = build_set(t, slice(regs, i.b(), i.c()))?;
            set(regs, i.a(), v);
        }
        Op::MakeFunction => {
            let v = super::calls::make_function(t, regs, i)?;
            set(regs, i.a(), v);
        }
        Op::ListAppend => {
            if let Some(l) = cast::<List>(reg(regs, i.a())) {
                l.push(reg(regs, i.b()));
            }
        }
        Op::Unpack => unpack(t, regs, reg(regs, i.b()), i.a(), i.c(), None)?,
        Op::UnpackEx => unpack(
            t,
            regs,
            reg(regs, i.b()),
            i.a(),
            i.c(),
            Some(i.aux() as usize),
        )?,
        Op::BuildSlice => {
            let v = new_slice(t, slice(regs, i.b(), 3));
            set(regs, i.a(), v);
        }
        Op::ListExtend => list_extend(t, reg(regs, i.a()), reg(regs, i.b()))?,
        Op::BuildDict => {
            let v = build_dict(t, slice(regs, i.b(), i.c() * 2))?;
            set(regs, i.a(), v);
        }
        Op::DictSet => {
            if let Some(d) = cast::<Dict>(reg(regs, i.a())) {
                ops::dict::set(t, d, reg(regs, i.b()), reg(regs, i.c()))?;
            }
        }
        Op::ListToTuple => {
            let v = list_to_tuple(t, reg(regs, i.b()));
            set(regs, i.a(), v);
        }
        Op::DelItem => ops::delitem(t, reg(regs, i.a()), reg(regs, i.b()))?,
        Op::MakeCell => {
            let c = new_cell(t, reg(regs, i.a()));
            set(regs, i.a(), c);
        }
        Op::LoadClosure => {
            let f = t.frames.last().map(|f| f.func).unwrap_or(Value::UNBOUND);
            let cell = cast::<Function>(f)
                .and_then(|f| cast::<Tuple>(f.closure))
                .and_then(|c| c.items.get(i.b()).copied())
                .unwrap_or(Value::UNBOUND);
            set(regs, i.a(), cell);
        }
        Op::LoadDeref => {
            let v = cast::<CellObj>(reg(regs, i.b()))
                .map(|c| c.value.get())
                .unwrap_or(Value::UNBOUND);
            if v.is_unbound() {
                let n = name(t, i.c());
                return Err(if i.aux() == 1 {
                    unbound_free(t, n)
                } else {
                    unbound_local(t, n)
                });
            }
            set(regs, i.a(), v);
        }
        Op::StoreDeref => {
            if let Some(c) = cast::<CellObj>(reg(regs, i.a())) {
                c.value.set(reg(regs, i.b()));
            }
        }
        Op::GetItem => {
            let v = ops::getitem(t, reg(regs, i.b()), reg(regs, i.c()))?;
            set(regs, i.a(), v);
        }
        Op::SetItem => ops::setitem(t, reg(regs, i.a()), reg(regs, i.b()), reg(regs, i.c()))?,
        Op::GetAttr => {
            let n = name(t, i.c());
            let v = ops::getattr(t, reg(regs, i.b()), n)?;
            set(regs, i.a(), v);
        }
        Op::SetAttr => {
            let n = name(t, i.b());
            ops::setattr(t, reg(regs, i.a()), n, reg(regs, i.c()))?;
        }
        Op::LoadMethod => {
            let n = name(t, i.c());
            let (f, s) = ops::load_method(t, reg(regs, i.b()), n)?;
            set(regs, i.a(), f);
            set(regs, i.a() + 1, s.unwrap_or(Value::UNBOUND));
        }
        Op::Call => {
            let v = ops::call(t, reg(regs, i.b()), slice(regs, i.b() + 1, i.c()), None)?;
            set(regs, i.a(), v);
        }
        Op::CallKw => {
            let kwnames = cast::<Tuple>(reg(regs, i.b() + 1 + i.c()));
            let v = ops::call(t, reg(regs, i.b()), slice(regs, i.b() + 1, i.c()), kwnames)?;
            set(regs, i.a(), v);
        }
        Op::CallMethod => {
            let f = reg(regs, i.b());
            let args = if reg(regs, i.b() + 1).is_unbound() {
                slice(regs, i.b() + 2, i.c())
            } else {
                slice(regs, i.b() + 1, i.c() + 1)
            };
            let v = ops::call(t, f, args, None)?;
            set(regs, i.a(), v);
        }
        _ => {
            let msg = format!("exec_one: unsupported instruction {op:?}");
            return Err(t.runtime_error(&msg));
        }
    }
    Ok(STEP_OK)
}
