//! Comparisons, equality, hashing and membership with CPython's semantics:
//! exact int/float comparison, lexicographic sequences, set relations, and
//! the rich-comparison protocol with reflected methods and `NotImplemented`.

use super::int::to_int;
use super::{as_str, cast, kind_of};
use crate::gc::Gc;
use crate::num;
use crate::object::*;
use crate::thread::Thread;
use crate::value::Value;
use crate::PyResult;
use std::cmp::Ordering;

/// Rich comparison operators.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
}

impl CmpOp {
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }
    fn reflected(self) -> CmpOp {
        match self {
            CmpOp::Lt => CmpOp::Gt,
            CmpOp::Le => CmpOp::Ge,
            CmpOp::Eq => CmpOp::Eq,
            CmpOp::Ne => CmpOp::Ne,
            CmpOp::Gt => CmpOp::Lt,
            CmpOp::Ge => CmpOp::Le,
        }
    }
    fn dunder(self, t: &Thread) -> Gc<Str> {
        match self {
            CmpOp::Lt => t.names.lt,
            CmpOp::Le => t.names.le,
            CmpOp::Eq => t.names.eq,
            CmpOp::Ne => t.names.ne,
            CmpOp::Gt => t.names.gt,
            CmpOp::Ge => t.names.ge,
        }
    }
    fn test(self, o: Ordering) -> bool {
        match self {
            CmpOp::Lt => o == Ordering::Less,
            CmpOp::Le => o != Ordering::Greater,
            CmpOp::Eq => o == Ordering::Equal,
            CmpOp::Ne => o != Ordering::Equal,
            CmpOp::Gt => o == Ordering::Greater,
            CmpOp::Ge => o != Ordering::Less,
        }
    }
}

/// Numeric ordering of two numbers; `Ok(None)` if either is not a number,
/// `Ok(Some(None))` if unordered (NaN).
fn num_cmp(a: Value, b: Value) -> Option<Option<Ordering>> {
    match (a.as_float(), b.as_float()) {
        (Some(x), Some(y)) => Some(x.partial_cmp(&y)),
        (Some(x), None) => to_int(b).map(|i| num::cmp_int_f64(&i, x).map(|o| o.reverse())),
        (None, Some(y)) => to_int(a).map(|i| num::cmp_int_f64(&i, y)),
        (None, None) => match (super::int::int_ref(a), super::int::int_ref(b)) {
            (Some(x), Some(y)) => Some(Some(num::int_cmp(&x, &y))),
            _ => None,
        },
    }
}

/// Builtin comparison; `None` if the types do not support it (NotImplemented).
fn builtin_compare(t: &mut Thread, a: Value, b: Value, op: CmpOp) -> PyResult<Option<bool>> {
    if let Some(o) = num_cmp(a, b) {
        return Ok(Some(match o {
            Some(o) => op.test(o),
            None => op == CmpOp::Ne,
        }));
    }
    match (kind_of(a), kind_of(b)) {
        (Some(Kind::Str), Some(Kind::Str)) => {
            let (x, y) = (as_str(a).expect("str"), as_str(b).expect("str"));
            Ok(Some(op.test(x.as_str().cmp(y.as_str()))))
        }
        (Some(Kind::List), Some(Kind::List)) => {
            let (x, y) = (
                cast::<List>(a).expect("list").snapshot(),
                cast::<List>(b).expect("list").snapshot(),
            );
            seq_compare(t, &x, &y, op).map(Some)
        }
        (Some(Kind::Tuple), Some(Kind::Tuple)) => {
            let (x, y) = (
                cast::<Tuple>(a).expect("tuple").items.to_vec(),
                cast::<Tuple>(b).expect("tuple").items.to_vec(),
            );
            seq_compare(t, &x, &y, op).map(Some)
        }
        (Some(Kind::Dict), Some(Kind::Dict)) if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
            let r = super::dict::dict_eq(
                t,
                cast::<Dict>(a).expect("dict"),
                cast::<Dict>(b).expect("dict"),
            )?;
            Ok(Some(if op == CmpOp::Eq { r } else { !r }))
        }
        (Some(Kind::Set), Some(Kind::Set)) => {
            let r = super::set::compare(
                t,
                cast::<Set>(a).expect("set"),
                cast::<Set>(b).expect("set"),
                op,
            )?;
            Ok(Some(r))
        }
        (Some(Kind::DictView), Some(Kind::Set | Kind::DictView))
        | (Some(Kind::Set), Some(Kind::DictView)) => {
            // Keys and items views compare as the sets of their elements.
            let as_set = |v: Value| match cast::<DictView>(v) {
                Some(d) if d.which == 1 => None,
                _ => Some(v),
            };
            let (Some(x), Some(y)) = (as_set(a), as_set(b)) else {
                return Ok(None);
            };
            let x = super::set::from_iterable(t, x, true)?;
            t.temp_roots.push(x);
            let y = super::set::from_iterable(t, y, true);
            t.temp_roots.pop();
            let y = y?;
            let r = super::set::compare(
                t,
                cast::<Set>(x).expect("set"),
                cast::<Set>(y).expect("set"),
                op,
            )?;
            Ok(Some(r))
        }
        (Some(Kind::Slice), Some(Kind::Slice)) => {
            let (x, y) = (
                cast::<Slice>(a).expect("slice"),
                cast::<Slice>(b).expect("slice"),
            );
            seq_compare(
                t,
                &[x.start, x.stop, x.step],
                &[y.start, y.stop, y.step],
                op,
            )
            .map(Some)
        }
        (Some(Kind::Range), Some(Kind::Range)) if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
            let (x, y) = (
                cast::<Range>(a).expect("range"),
                cast::<Range>(b).expect("range"),
            );
            let (lx, ly) = (x.len(), y.len());
            let same =
                lx == ly && (lx == 0 || (x.start == y.start && (lx == 1 || x.step == y.step)));
            Ok(Some(if op == CmpOp::Eq { same } else { !same }))
        }
        _ => {
            if matches!(op, CmpOp::Eq | CmpOp::Ne)
                && kind_of(a) != Some(Kind::Instance)
                && kind_of(b) != Some(Kind::Instance)
            {
                let same = a.is(b);
                return Ok(Some(if op == CmpOp::Eq { same } else { !same }));
            }
            Ok(None)
        }
    }
}

fn seq_compare(t: &mut Thread, x: &[Value], y: &[Value], op: CmpOp) -> PyResult<bool> {
    let keep_x = t.new_tuple_from(x);
    let keep_y = t.new_tuple_from(y);
    t.temp_roots.push(keep_x);
    t.temp_roots.push(keep_y);
    let r = seq_compare_inner(t, x, y, op);
    t.temp_roots.pop();
    t.temp_roots.pop();
    r
}

fn seq_compare_inner(t: &mut Thread, x: &[Value], y: &[Value], op: CmpOp) -> PyResult<bool> {
    let n = x.len().min(y.len());
    for i in 0..n {
        if !eq(t, x[i], y[i])? {
            return match op {
                CmpOp::Eq => Ok(false),
                CmpOp::Ne => Ok(true),
                _ => {
                    let v = compare(t, x[i], y[i], op)?;
                    super::truthy(t, v)
                }
            };
        }
    }
    Ok(op.test(x.len().cmp(&y.len())))
}

/// `a op b` as a Python value (dunders may return anything).
pub fn compare(t: &mut Thread, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
    let ia = kind_of(a) == Some(Kind::Instance);
    let ib = kind_of(b) == Some(Kind::Instance);
    if !ia && !ib {
        if let Some(r) = builtin_compare(t, a, b, op)? {
            return Ok(Value::bool(r));
        }
        return Err(compare_type_error(t, a, b, op));
    }
    let ca = t.class_of(a);
    let cb = t.class_of(b);
    let name = op.dunder(t);
    let rname = op.reflected().dunder(t);
    let reflected_first = !ca.ptr_eq(cb) && cb.is_subclass(ca) && ib;
    if reflected_first {
        if let Some(v) = try_dunder(t, b, rname, a)? {
            return Ok(v);
        }
    }
    if ia {
        if let Some(v) = try_dunder(t, a, name, b)? {
            return Ok(v);
        }
    }
    if ib && !reflected_first {
        if let Some(v) = try_dunder(t, b, rname, a)? {
            return Ok(v);
        }
    }
    // `!=` falls back to the negation of `__eq__`.
    if op == CmpOp::Ne {
        let v = compare_eq_only(t, a, b)?;
        if let Some(v) = v {
            let r = super::truthy(t, v)?;
            return Ok(Value::bool(!r));
        }
    }
    // Instances wrapping a builtin list/dict compare by their contents.
    let (ua, ub) = (super::builtin_base(a), super::builtin_base(b));
    if kind_of(ua) != Some(Kind::Instance) && kind_of(ub) != Some(Kind::Instance) {
        if let Some(r) = builtin_compare(t, ua, ub, op)? {
            return Ok(Value::bool(r));
        }
    }
    match op {
        CmpOp::Eq => Ok(Value::bool(a.is(b))),
        CmpOp::Ne => Ok(Value::bool(!a.is(b))),
        _ => Err(compare_type_error(t, a, b, op)),
    }
}

fn compare_eq_only(t: &mut Thread, a: Value, b: Value) -> PyResult<Option<Value>> {
    let name = t.names.eq;
    if kind_of(a) == Some(Kind::Instance) {
        if let Some(v) = try_dunder(t, a, name, b)? {
            return Ok(Some(v));
        }
    }
    if kind_of(b) == Some(Kind::Instance) {
        if let Some(v) = try_dunder(t, b, name, a)? {
            return Ok(Some(v));
        }
    }
    Ok(None)
}

/// Calls `obj.name(other)` if the class defines it as a Python function;
/// `None` for a missing method or a NotImplemented result.
fn try_dunder(t: &mut Thread, obj: Value, name: Gc<Str>, other: Value) -> PyResult<Option<Value>> {
    let cls = t.class_of(obj);
    let Some(m) = cls.lookup(name) else {
        return Ok(None);
    };
    // `object`'s defaults are the fallbacks of `compare`; other builtin
    // methods (of library classes such as deque) are real comparisons.
    let object_default = cast::<Builtin>(m)
        .map(|b| b.qualname.starts_with("object."))
        .unwrap_or(false);
    if object_default || m.is_none() {
        return Ok(None);
    }
    let v = super::call::call_descriptor(t, m, obj, &[other])?;
    if v.is(t.not_implemented) {
        Ok(None)
    } else {
        Ok(Some(v))
    }
}

#[cold]
fn compare_type_error(t: &mut Thread, a: Value, b: Value, op: CmpOp) -> crate::Raised {
    let msg = format!(
        "'{}' not supported between instances of '{}' and '{}'",
        op.symbol(),
        t.type_name(a),
        t.type_name(b)
    );
    t.type_error(&msg)
}

/// Container equality: identity first, then `==` (as CPython's
/// `PyObject_RichCompare` with the identity shortcut of containers).
pub fn eq(t: &mut Thread, a: Value, b: Value) -> PyResult<bool> {
    if a.is(b) {
        return Ok(true);
    }
    if a.is_small_int() && b.is_small_int() {
        return Ok(false);
    }
    if let (Some(x), Some(y)) = (as_str(a), as_str(b)) {
        return Ok(x.as_str() == y.as_str());
    }
    let v = compare(t, a, b, CmpOp::Eq)?;
    match v.as_bool() {
        Some(r) => Ok(r),
        None => super::truthy(t, v),
    }
}

/// `hash(v)` with CPython's values for numbers and tuples.
pub fn hash(t: &mut Thread, v: Value) -> PyResult<i64> {
    if let Some(i) = v.as_small_int() {
        return Ok(num::hash_int(&num::Int::Small(i)));
    }
    if let Some(f) = v.as_float() {
        return Ok(num::hash_f64(f).unwrap_or((v.bits() >> 4) as i64));
    }
    if let Some(b) = v.as_bool() {
        return Ok(num::hash_bool(b));
    }
    if v.is_none() {
        return Ok(0x5f3_7a1c);
    }
    match kind_of(v) {
        Some(Kind::Str) => Ok(as_str(v).expect("str").hash()),
        Some(Kind::BoxedInt) | Some(Kind::BigInt) => {
            Ok(num::hash_int(&super::int::int_ref(v).expect("int")))
        }
        Some(Kind::Tuple) => {
            let items = cast::<Tuple>(v).expect("tuple").items.to_vec();
            let mut hs = Vec::with_capacity(items.len());
            for x in items {
                hs.push(hash(t, x)?);
            }
            Ok(num::hash_tuple(&hs))
        }
        Some(Kind::Set) => {
            let s = cast::<Set>(v).expect("set");
            if !s.frozen {
                return Err(unhashable(t, v));
            }
            Ok(s.table.frozenset_hash())
        }
        Some(Kind::List) | Some(Kind::Dict) | Some(Kind::Slice) => Err(unhashable(t, v)),
        Some(Kind::Range) => {
            let r = cast::<Range>(v).expect("range");
            let n = r.len();
            let parts = [
                n,
                if n == 0 { 0 } else { r.start },
                if n <= 1 { 1 } else { r.step },
            ];
            let hs: Vec<i64> = parts
                .iter()
                .map(|x| num::hash_int(&num::Int::normalize(num_bigint::BigInt::from(*x))))
                .collect();
            Ok(num::hash_tuple(&hs))
        }
        Some(Kind::Instance) => {
            let cls = t.class_of(v);
            match cls.lookup(t.names.hash) {
                Some(h) if h.is_none() => Err(unhashable(t, v)),
                Some(h) if kind_of(h) != Some(Kind::Builtin) => {
                    let r = super::call::call_descriptor(t, h, v, &[])?;
                    match to_int(r) {
                        Some(i) => {
                            let x = num::hash_int(&i);
                            Ok(x)
                        }
                        None => Err(t.type_error("__hash__ method should return an integer")),
                    }
                }
                _ => {
                    if let Some(b) = cast::<Instance>(v)
                        .map(|i| i.base.get())
                        .filter(|b| !b.is_unbound())
                    {
                        if kind_of(b) == Some(Kind::List) || kind_of(b) == Some(Kind::Dict) {
                            return Err(unhashable(t, v));
                        }
                        if kind_of(b) == Some(Kind::Tuple) {
                            // A namedtuple instance hashes as its tuple.
                            return hash(t, b);
                        }
                    }
                    Ok(identity_hash(v))
                }
            }
        }
        _ => Ok(identity_hash(v)),
    }
}

/// CPython's default object hash: the address rotated by 4 bits.
pub fn identity_hash(v: Value) -> i64 {
    let a = v.bits() & 0xFFFF_FFFF_FFFF;
    let h = a.rotate_right(4) as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

#[cold]
fn unhashable(t: &mut Thread, v: Value) -> crate::Raised {
    let msg = format!("unhashable type: '{}'", t.type_name(v));
    t.type_error(&msg)
}

/// `item in container`.
pub fn contains(t: &mut Thread, container: Value, item: Value) -> PyResult<bool> {
    match kind_of(container) {
        Some(Kind::Dict) => super::dict::contains(t, cast::<Dict>(container).expect("dict"), item),
        Some(Kind::Set) => super::set::contains(t, cast::<Set>(container).expect("set"), item),
        Some(Kind::Str) => match as_str(item) {
            Some(s) => Ok(as_str(container)
                .expect("str")
                .as_str()
                .contains(s.as_str())),
            None => {
                let msg = format!(
                    "'in <string>' requires string as left operand, not {}",
                    t.type_name(item)
                );
                Err(t.type_error(&msg))
            }
        },
        Some(Kind::List) => {
            let l = cast::<List>(container).expect("list");
            let mut i = 0;
            while let Some(x) = l.get(i) {
                if eq(t, x, item)? {
                    return Ok(true);
                }
                i += 1;
            }
            Ok(false)
        }
        Some(Kind::Tuple) => {
            let items = cast::<Tuple>(container).expect("tuple").items.to_vec();
            for x in items {
                if eq(t, x, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        Some(Kind::Range) => {
            let r = cast::<Range>(container).expect("range");
            match super::int::to_i128(item) {
                Some(i) => {
                    let n = r.len();
                    if n == 0 {
                        return Ok(false);
                    }
                    let Some(off) = i.checked_sub(r.start) else {
                        return Ok(false);
                    };
                    if off % r.step != 0 {
                        return Ok(false);
                    }
                    let k = off / r.step;
                    Ok(k >= 0 && k < n)
                }
                None if super::int::is_int(item) => Ok(false),
                None => {
                    let it = super::iter::iter(t, container)?;
                    contains_iter(t, it, item)
                }
            }
        }
        Some(Kind::Instance) => {
            if let Some(r) = super::call::call_dunder(t, container, t.names.contains, &[item])? {
                return super::truthy(t, r);
            }
            let base = cast::<Instance>(container).expect("instance").base.get();
            if !base.is_unbound() {
                return contains(t, base, item);
            }
            let it = match super::iter::iter(t, container) {
                Ok(it) => it,
                // As CPython's `_PySequence_IterSearch`.
                Err(e) if !t.exc_is(t.classes.type_error) => return Err(e),
                Err(_) => {
                    t.exc = Value::NONE;
                    let msg = format!(
                        "argument of type '{}' is not iterable",
                        t.type_name(container)
                    );
                    return Err(t.type_error(&msg));
                }
            };
            contains_iter(t, it, item)
        }
        Some(Kind::Iter) | Some(Kind::Generator) => contains_iter(t, container, item),
        Some(Kind::DictView) => {
            let dv = cast::<DictView>(container).expect("view");
            match (dv.which, super::as_dict(dv.dict)) {
                (0, Some(d)) => super::dict::contains(t, d, item),
                _ => {
                    let it = super::iter::iter(t, container)?;
                    contains_iter(t, it, item)
                }
            }
        }
        _ => {
            let msg = format!(
                "argument of type '{}' is not iterable",
                t.type_name(container)
            );
            Err(t.type_error(&msg))
        }
    }
}

fn contains_iter(t: &mut Thread, it: Value, item: Value) -> PyResult<bool> {
    t.temp_roots.push(it);
    let r = loop {
        match super::iter::next(t, it) {
            Ok(Some(x)) => match eq(t, x, item) {
                Ok(true) => break Ok(true),
                Ok(false) => {}
                Err(e) => break Err(e),
            },
            Ok(None) => break Ok(false),
            Err(e) => break Err(e),
        }
    };
    t.temp_roots.pop();
    r
}
