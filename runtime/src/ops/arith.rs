//! Binary and unary arithmetic with Python's semantics: ints of any size,
//! floats, mixed int/float, sequences, sets, and the `__op__`/`__rop__`/
//! `__iop__` protocol with `NotImplemented`.

use super::int::{check, from_int, from_num, int_ref, to_int};
use super::{as_list, as_str, cast, kind_of};
use crate::bytecode::BinOp;
use crate::num::{self, Int};
use crate::object::*;
use crate::thread::Thread;
use crate::value::Value;
use crate::PyResult;

/// Unary operators.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Neg,
    Pos,
    Invert,
}

fn int_op(t: &mut Thread, a: &Int, b: &Int, op: BinOp) -> PyResult<Value> {
    let r = match op {
        BinOp::Add => num::int_add(a, b),
        BinOp::Sub => num::int_sub(a, b),
        BinOp::Mul => num::int_mul(a, b),
        BinOp::TrueDiv => {
            let f = check(t, num::int_truediv(a, b))?;
            return Ok(Value::float(f));
        }
        BinOp::FloorDiv => check(t, num::int_floordiv(a, b))?,
        BinOp::Mod => check(t, num::int_mod(a, b))?,
        BinOp::Pow => {
            let n = check(t, num::int_pow(a, b))?;
            return Ok(from_num(t, n));
        }
        BinOp::LShift => check(t, num::int_lshift(a, b))?,
        BinOp::RShift => check(t, num::int_rshift(a, b))?,
        BinOp::BitAnd => num::int_and(a, b),
        BinOp::BitOr => num::int_or(a, b),
        BinOp::BitXor => num::int_xor(a, b),
    };
    Ok(from_int(t, r))
}

fn float_op(t: &mut Thread, x: f64, y: f64, op: BinOp) -> PyResult<Option<Value>> {
    let r = match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::TrueDiv => check(t, num::float_div(x, y))?,
        BinOp::FloorDiv => check(t, num::float_floordiv(x, y))?,
        BinOp::Mod => check(t, num::float_mod(x, y))?,
        BinOp::Pow => check(t, num::float_pow(x, y))?,
        _ => return Ok(None),
    };
    Ok(Some(Value::float(r)))
}

/// The operation on builtin types, or `None` if they do not support it.
fn builtin_binary(t: &mut Thread, a: Value, b: Value, op: BinOp) -> PyResult<Option<Value>> {
    // Numbers (bool & bool etc. stay bool).
    if let (Some(x), Some(y)) = (a.as_bool(), b.as_bool()) {
        match op {
            BinOp::BitAnd => return Ok(Some(Value::bool(x & y))),
            BinOp::BitOr => return Ok(Some(Value::bool(x | y))),
            BinOp::BitXor => return Ok(Some(Value::bool(x ^ y))),
            _ => {}
        }
    }
    if let (Some(x), Some(y)) = (int_ref(a), int_ref(b)) {
        return int_op(t, &x, &y, op).map(Some);
    }
    let fa = if a.is_float() {
        Some(a.float_unchecked())
    } else {
        None
    };
    let fb = if b.is_float() {
        Some(b.float_unchecked())
    } else {
        None
    };
    if (fa.is_some() || fb.is_some())
        && (fa.is_some() || super::int::is_int(a))
        && (fb.is_some() || super::int::is_int(b))
    {
        let x = match fa {
            Some(x) => x,
            None => match to_int(a) {
                Some(i) => check(t, num::int_to_f64(&i))?,
                None => return Ok(None),
            },
        };
        let y = match fb {
            Some(y) => y,
            None => match to_int(b) {
                Some(i) => check(t, num::int_to_f64(&i))?,
                None => return Ok(None),
            },
        };
        return float_op(t, x, y, op);
    }
    match (kind_of(a), op) {
        (Some(Kind::Str), BinOp::Add) => {
            if let (Some(x), Some(y)) = (as_str(a), as_str(b)) {
                let mut s = String::with_capacity(x.as_str().len() + y.as_str().len());
                s.push_str(x.as_str());
                s.push_str(y.as_str());
                return Ok(Some(t.new_string(s)));
            }
        }
        (Some(Kind::Str), BinOp::Mul)
        | (Some(Kind::List), BinOp::Mul)
        | (Some(Kind::Tuple), BinOp::Mul) => {
            if let Some(n) = repeat_count(t, b)? {
                return repeat(t, a, n).map(Some);
            }
        }
        (Some(Kind::Str), BinOp::Mod) => {
            return crate::builtins::format::percent_format(t, a, b).map(Some);
        }
        (Some(Kind::List), BinOp::Add) => {
            if let (Some(x), Some(y)) = (cast::<List>(a), cast::<List>(b)) {
                let mut v = x.snapshot();
                v.extend_from_slice(y.items.get());
                return Ok(Some(t.new_list(v)));
            }
        }
        (Some(Kind::Tuple), BinOp::Add) => {
            if let (Some(x), Some(y)) = (cast::<Tuple>(a), cast::<Tuple>(b)) {
                let mut v = x.items.to_vec();
                v.extend_from_slice(&y.items);
                return Ok(Some(t.new_tuple(v)));
            }
        }
        (Some(Kind::Set), BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor) => {
            if let (Some(x), Some(y)) = (cast::<Set>(a), cast::<Set>(b)) {
                return super::set::binary(t, x, y, op).map(Some);
            }
        }
        (Some(Kind::Dict), BinOp::BitOr) => {
            if let (Some(x), Some(y)) = (cast::<Dict>(a), cast::<Dict>(b)) {
                let d = t.new_dict();
                super::dict::update_from_dict(t, d, x)?;
                super::dict::update_from_dict(t, d, y)?;
                return Ok(Some(d.as_value()));
            }
        }
        _ => {}
    }
    if let Some(v) = super::set::view_binary(t, a, b, op)? {
        return Ok(Some(v));
    }
    // int * sequence.
    if op == BinOp::Mul
        && matches!(
            kind_of(b),
            Some(Kind::Str) | Some(Kind::List) | Some(Kind::Tuple)
        )
    {
        if let Some(n) = repeat_count(t, a)? {
            return repeat(t, b, n).map(Some);
        }
    }
    Ok(None)
}

fn repeat_count(t: &mut Thread, n: Value) -> PyResult<Option<i64>> {
    if let Some(i) = super::int::to_i64(n) {
        return Ok(Some(i.max(0)));
    }
    if super::int::is_int(n) {
        if super::int::is_negative(n) {
            return Ok(Some(0));
        }
        return Err(t.overflow_error("cannot fit 'int' into an index-sized integer"));
    }
    Ok(None)
}

fn repeat(t: &mut Thread, seq: Value, n: i64) -> PyResult<Value> {
    let n = n as usize;
    if let Some(s) = as_str(seq) {
        if s.as_str().len().saturating_mul(n) > (1 << 34) {
            return Err(t.raise_msg(t.classes.memory_error, ""));
        }
        return Ok(t.new_string(s.as_str().repeat(n)));
    }
    let items = cast::<List>(seq)
        .map(|l| l.snapshot())
        .or_else(|| cast::<Tuple>(seq).map(|x| x.items.to_vec()))
        .unwrap_or_default();
    if items.len().saturating_mul(n) > (1 << 32) {
        return Err(t.raise_msg(t.classes.memory_error, ""));
    }
    let mut v = Vec::with_capacity(items.len() * n);
    for _ in 0..n {
        v.extend_from_slice(&items);
    }
    Ok(if kind_of(seq) == Some(Kind::List) {
        t.new_list(v)
    } else {
        t.new_tuple(v)
    })
}

/// Tries `a.__op__(b)`-style dunders; `None` when every candidate returned NotImplemented.
fn dunder_binary(t: &mut Thread, a: Value, b: Value, op: BinOp) -> PyResult<Option<Value>> {
    let [fwd, rev, _] = t.names.binops[op as usize];
    let ca = t.class_of(a);
    let cb = t.class_of(b);
    let same = ca.ptr_eq(cb);
    let fa = ca.lookup(fwd).filter(|f| !f.is_none());
    let rb = if same {
        None
    } else {
        cb.lookup(rev).filter(|f| !f.is_none())
    };
    // A subclass's reflected method goes first if it overrides it.
    if let Some(r) = rb {
        if cb.is_subclass(ca) && ca.lookup(rev).map(|x| !x.is(r)).unwrap_or(true) {
            let v = super::call::call_descriptor(t, r, b, &[a])?;
            if !v.is(t.not_implemented) {
                return Ok(Some(v));
            }
            return try_fwd_only(t, a, b, fa);
        }
    }
    if let Some(f) = fa {
        if kind_of(a) == Some(Kind::Instance) {
            let v = super::call::call_descriptor(t, f, a, &[b])?;
            if !v.is(t.not_implemented) {
                return Ok(Some(v));
            }
        }
    }
    if let Some(r) = rb {
        if kind_of(b) == Some(Kind::Instance) {
            let v = super::call::call_descriptor(t, r, b, &[a])?;
            if !v.is(t.not_implemented) {
                return Ok(Some(v));
            }
        }
    }
    Ok(None)
}

fn try_fwd_only(t: &mut Thread, a: Value, b: Value, fa: Option<Value>) -> PyResult<Option<Value>> {
    if let Some(f) = fa {
        if kind_of(a) == Some(Kind::Instance) {
            let v = super::call::call_descriptor(t, f, a, &[b])?;
            if !v.is(t.not_implemented) {
                return Ok(Some(v));
            }
        }
    }
    Ok(None)
}

/// `a op b`.
pub fn binary(t: &mut Thread, a: Value, b: Value, op: BinOp) -> PyResult<Value> {
    let ka = kind_of(a);
    let kb = kind_of(b);
    if ka != Some(Kind::Instance) && kb != Some(Kind::Instance) {
        if let Some(v) = builtin_binary(t, a, b, op)? {
            return Ok(v);
        }
        return Err(binary_type_error(t, a, b, op));
    }
    if let Some(v) = dunder_binary(t, a, b, op)? {
        return Ok(v);
    }
    // Instances of list/dict subclasses without the dunder: use the base value.
    let (ua, ub) = (super::builtin_base(a), super::builtin_base(b));
    if (!ua.is(a) || !ub.is(b))
        && kind_of(ua) != Some(Kind::Instance)
        && kind_of(ub) != Some(Kind::Instance)
    {
        if let Some(v) = builtin_binary(t, ua, ub, op)? {
            return Ok(v);
        }
    }
    Err(binary_type_error(t, a, b, op))
}

#[cold]
fn binary_type_error(t: &mut Thread, a: Value, b: Value, op: BinOp) -> crate::Raised {
    let (ta, tb) = (t.type_name(a), t.type_name(b));
    let msg = match (kind_of(a), op) {
        (Some(Kind::Str), BinOp::Add) => format!("can only concatenate str (not \"{tb}\") to str"),
        (Some(Kind::List), BinOp::Add) => {
            format!("can only concatenate list (not \"{tb}\") to list")
        }
        (Some(Kind::Tuple), BinOp::Add) => {
            format!("can only concatenate tuple (not \"{tb}\") to tuple")
        }
        (Some(Kind::Str) | Some(Kind::List) | Some(Kind::Tuple), BinOp::Mul) => {
            format!("can't multiply sequence by non-int of type '{tb}'")
        }
        _ if op == BinOp::Mul
            && matches!(
                kind_of(b),
                Some(Kind::Str) | Some(Kind::List) | Some(Kind::Tuple)
            ) =>
        {
            format!("can't multiply sequence by non-int of type '{ta}'")
        }
        _ => format!(
            "unsupported operand type(s) for {}: '{ta}' and '{tb}'",
            op.symbol()
        ),
    };
    t.type_error(&msg)
}

/// `a op= b`: the in-place method if any, else `binary`.
pub fn inplace(t: &mut Thread, a: Value, b: Value, op: BinOp) -> PyResult<Value> {
    match kind_of(a) {
        Some(Kind::List) => {
            let l = cast::<List>(a).expect("kind checked");
            if op == BinOp::Add {
                let items = super::iter::collect_list(t, b)?;
                let new = items.snapshot();
                l.items.get_mut().extend(new);
                return Ok(a);
            }
            if op == BinOp::Mul {
                if let Some(n) = repeat_count(t, b)? {
                    let items = l.snapshot();
                    let v = l.items.get_mut();
                    v.clear();
                    for _ in 0..n {
                        v.extend_from_slice(&items);
                    }
                    return Ok(a);
                }
            }
        }
        Some(Kind::Set) => {
            let s = cast::<Set>(a).expect("kind checked");
            if let Some(o) = cast::<Set>(b) {
                if !s.frozen
                    && matches!(
                        op,
                        BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor
                    )
                {
                    super::set::inplace(t, s, o, op)?;
                    return Ok(a);
                }
            }
        }
        Some(Kind::Dict) if op == BinOp::BitOr => {
            let d = cast::<Dict>(a).expect("kind checked");
            super::dict::update(t, d, b)?;
            return Ok(a);
        }
        Some(Kind::Instance) => {
            let iname = t.names.binops[op as usize][2];
            let cls = t.class_of(a);
            if let Some(m) = cls.lookup(iname) {
                let v = super::call::call_descriptor(t, m, a, &[b])?;
                if !v.is(t.not_implemented) {
                    return Ok(v);
                }
            } else if let Some(l) = as_list(a) {
                if op == BinOp::Add {
                    let items = super::iter::collect_list(t, b)?;
                    let new = items.snapshot();
                    l.items.get_mut().extend(new);
                    return Ok(a);
                }
            }
        }
        _ => {}
    }
    binary(t, a, b, op)
}

/// `-a`, `+a`, `~a`.
pub fn unary(t: &mut Thread, a: Value, op: UnaryOp) -> PyResult<Value> {
    if let Some(i) = to_int(a) {
        let r = match op {
            UnaryOp::Neg => num::int_neg(&i),
            UnaryOp::Pos => i,
            UnaryOp::Invert => num::int_invert(&i),
        };
        return Ok(from_int(t, r));
    }
    if let Some(f) = a.as_float() {
        return match op {
            UnaryOp::Neg => Ok(Value::float(-f)),
            UnaryOp::Pos => Ok(a),
            UnaryOp::Invert => Err(t.type_error("bad operand type for unary ~: 'float'")),
        };
    }
    let (name, sym) = match op {
        UnaryOp::Neg => (t.names.neg, "-"),
        UnaryOp::Pos => (t.names.pos, "+"),
        UnaryOp::Invert => (t.names.invert, "~"),
    };
    if kind_of(a) == Some(Kind::Instance) {
        if let Some(v) = super::call::call_dunder(t, a, name, &[])? {
            return Ok(v);
        }
    }
    let msg = format!("bad operand type for unary {sym}: '{}'", t.type_name(a));
    Err(t.type_error(&msg))
}
