//! Set operations at the Python level over CPython's exact set table, so
//! results iterate in CPython's order.

use super::compare::{eq, hash, CmpOp};
use super::dict::py_eq;
use super::{as_dict, cast};
use crate::bytecode::BinOp;
use crate::gc::Gc;
use crate::object::*;
use crate::table::SetTable;
use crate::thread::Thread;
use crate::value::Value;
use crate::{PyResult, Raised};

/// `s.add(x)`.
pub fn add(t: &mut Thread, s: Gc<Set>, x: Value) -> PyResult<()> {
    let h = hash(t, x)?;
    s.table.add(x, h, py_eq!(t))?;
    Ok(())
}

/// `x in s`.
pub fn contains(t: &mut Thread, s: Gc<Set>, x: Value) -> PyResult<bool> {
    let h = match hash(t, x) {
        Ok(h) => h,
        Err(e) => {
            // CPython retries an unhashable set with its frozenset hash.
            if let Some(inner) = cast::<Set>(x) {
                t.exc = Value::NONE;
                let h = inner.table.frozenset_hash();
                return s.table.contains(x, h, py_eq!(t));
            }
            return Err(e);
        }
    };
    s.table.contains(x, h, py_eq!(t))
}

/// `s.discard(x)`: whether it was present.
pub fn discard(t: &mut Thread, s: Gc<Set>, x: Value) -> PyResult<bool> {
    let h = hash(t, x)?;
    s.table.discard(x, h, py_eq!(t))
}

fn wrap(t: &mut Thread, table: SetTable<Value>, frozen: bool) -> Value {
    t.alloc(Set { table, frozen }).as_value()
}

/// A set from any iterable, inserting in iteration order (dicts and sets
/// use their stored hashes, as CPython does).
pub fn from_iterable(t: &mut Thread, v: Value, frozen: bool) -> PyResult<Value> {
    if let Some(s) = cast::<Set>(v) {
        let table = s.table.copy();
        return Ok(wrap(t, table, frozen));
    }
    if let Some(d) = as_dict(v) {
        let table = SetTable::from_dict(&d.table, py_eq!(t))?;
        return Ok(wrap(t, table, frozen));
    }
    let out = t.alloc(Set::new(frozen));
    let items = super::iter::collect_list(t, v)?;
    for x in items.snapshot() {
        add(t, out, x)?;
    }
    Ok(out.as_value())
}

/// Feeds the items of a non-set iterable, with hashes, to a table operation.
fn with_iter<R>(
    t: &mut Thread,
    v: Value,
    f: impl FnOnce(&mut Thread, &mut dyn FnMut() -> Result<Option<(Value, i64)>, Raised>) -> PyResult<R>,
) -> PyResult<R> {
    let items = super::iter::collect_list(t, v)?;
    t.temp_roots.push(items.as_value());
    let snapshot = items.snapshot();
    let mut hashes = Vec::with_capacity(snapshot.len());
    let mut err = None;
    for x in &snapshot {
        match hash(t, *x) {
            Ok(h) => hashes.push(h),
            Err(e) => {
                err = Some(e);
                break;
            }
        }
    }
    let r = match err {
        Some(e) => Err(e),
        None => {
            let mut i = 0;
            let mut next = || -> Result<Option<(Value, i64)>, Raised> {
                let r = snapshot.get(i).map(|x| (*x, hashes[i]));
                i += 1;
                Ok(r)
            };
            f(t, &mut next)
        }
    };
    t.temp_roots.pop();
    r
}

/// `a op b` for two sets (the result has `a`'s type).
pub fn binary(t: &mut Thread, a: Gc<Set>, b: Gc<Set>, op: BinOp) -> PyResult<Value> {
    let table = match op {
        BinOp::BitOr => a.table.union(&b.table, py_eq!(t))?,
        BinOp::BitAnd => a.table.intersection(&b.table, py_eq!(t))?,
        BinOp::Sub => a.table.difference(&b.table, py_eq!(t))?,
        BinOp::BitXor => a.table.symmetric_difference(&b.table, py_eq!(t))?,
        _ => return Err(t.type_error("unsupported set operation")),
    };
    Ok(wrap(t, table, a.frozen))
}

/// `a op= b` for two sets.
pub fn inplace(t: &mut Thread, a: Gc<Set>, b: Gc<Set>, op: BinOp) -> PyResult<()> {
    match op {
        BinOp::BitOr => a.table.update(&b.table, py_eq!(t))?,
        BinOp::BitAnd => a.table.intersection_update(&b.table, py_eq!(t))?,
        BinOp::Sub => a.table.difference_update(&b.table, py_eq!(t))?,
        BinOp::BitXor => a.table.symmetric_difference_update(&b.table, py_eq!(t))?,
        _ => return Err(t.type_error("unsupported set operation")),
    }
    Ok(())
}

/// The method forms (`s.union(*others)` etc.) with an arbitrary iterable.
pub fn method_op(t: &mut Thread, a: Gc<Set>, other: Value, op: &str) -> PyResult<Value> {
    if let Some(b) = cast::<Set>(other) {
        return match op {
            "union" => binary(t, a, b, BinOp::BitOr),
            "intersection" => binary(t, a, b, BinOp::BitAnd),
            "difference" => binary(t, a, b, BinOp::Sub),
            "symmetric_difference" => binary(t, a, b, BinOp::BitXor),
            "update" => inplace(t, a, b, BinOp::BitOr).map(|_| Value::NONE),
            "intersection_update" => inplace(t, a, b, BinOp::BitAnd).map(|_| Value::NONE),
            "difference_update" => inplace(t, a, b, BinOp::Sub).map(|_| Value::NONE),
            "symmetric_difference_update" => inplace(t, a, b, BinOp::BitXor).map(|_| Value::NONE),
            "issubset" => Ok(Value::bool(a.table.is_subset(&b.table, py_eq!(t))?)),
            "issuperset" => Ok(Value::bool(a.table.is_superset(&b.table, py_eq!(t))?)),
            "isdisjoint" => Ok(Value::bool(a.table.is_disjoint(&b.table, py_eq!(t))?)),
            _ => Err(t.type_error("unknown set method")),
        };
    }
    let frozen = a.frozen;
    with_iter(t, other, |t, next| {
        Ok(match op {
            "union" => {
                let table = a.table.copy();
                table.update_from_iter(next, py_eq!(t))?;
                wrap(t, table, frozen)
            }
            "intersection" => {
                let table = a.table.intersection_iter(next, py_eq!(t))?;
                wrap(t, table, frozen)
            }
            "difference" => {
                let table = a.table.difference_iter(next, py_eq!(t))?;
                wrap(t, table, frozen)
            }
            "symmetric_difference" => {
                let table = a.table.symmetric_difference_iter(next, py_eq!(t))?;
                wrap(t, table, frozen)
            }
            "update" => {
                a.table.update_from_iter(next, py_eq!(t))?;
                Value::NONE
            }
            "intersection_update" => {
                a.table.intersection_update_iter(next, py_eq!(t))?;
                Value::NONE
            }
            "difference_update" => {
                a.table.difference_update_iter(next, py_eq!(t))?;
                Value::NONE
            }
            "symmetric_difference_update" => {
                a.table.symmetric_difference_update_iter(next, py_eq!(t))?;
                Value::NONE
            }
            "issubset" => Value::bool(a.table.is_subset_iter(next, py_eq!(t))?),
            "issuperset" => Value::bool(a.table.is_superset_iter(next, py_eq!(t))?),
            "isdisjoint" => Value::bool(a.table.is_disjoint_iter(next, py_eq!(t))?),
            _ => return Err(t.type_error("unknown set method")),
        })
    })
}

/// Set comparisons: equality and subset/superset relations.
pub fn compare(t: &mut Thread, a: Gc<Set>, b: Gc<Set>, op: CmpOp) -> PyResult<bool> {
    Ok(match op {
        CmpOp::Eq => a.table.set_eq(&b.table, py_eq!(t))?,
        CmpOp::Ne => !a.table.set_eq(&b.table, py_eq!(t))?,
        CmpOp::Le => a.table.is_subset(&b.table, py_eq!(t))?,
        CmpOp::Ge => a.table.is_superset(&b.table, py_eq!(t))?,
        CmpOp::Lt => a.len() < b.len() && a.table.is_subset(&b.table, py_eq!(t))?,
        CmpOp::Gt => a.len() > b.len() && a.table.is_superset(&b.table, py_eq!(t))?,
    })
}

/// `a op b` (`|`, `&`, `-`, `^`) where an operand is a dict keys or items
/// view, as CPython's `dictviews_*` functions: the result is a new set.
/// `None` when neither operand is such a view.
pub fn view_binary(t: &mut Thread, a: Value, b: Value, op: BinOp) -> PyResult<Option<Value>> {
    let is_view = |v: Value| cast::<DictView>(v).is_some_and(|d| d.which != 1);
    if !is_view(a) && !is_view(b) {
        return Ok(None);
    }
    let name = match op {
        BinOp::BitOr => "update",
        BinOp::Sub => "difference_update",
        BinOp::BitXor => "symmetric_difference_update",
        BinOp::BitAnd => return view_intersect(t, a, b, is_view).map(Some),
        _ => return Ok(None),
    };
    // A keys view becomes a set as its dict does (stored hashes).
    let left = match cast::<DictView>(a) {
        Some(d) if d.which == 0 => d.dict,
        _ => a,
    };
    let r = from_iterable(t, left, false)?;
    let rs = cast::<Set>(r).expect("new set");
    t.temp_roots.push(r);
    let done = method_op(t, rs, b, name);
    t.temp_roots.pop();
    done.map(|_| Some(r))
}

/// `view & other` (either side), as CPython's `_PyDictView_Intersect`.
fn view_intersect(
    t: &mut Thread,
    a: Value,
    b: Value,
    is_view: impl Fn(Value) -> bool,
) -> PyResult<Value> {
    let (mut view, mut other) = if is_view(a) { (a, b) } else { (b, a) };
    let len_view = super::len(t, view)?;
    if let Some(s) = cast::<Set>(other) {
        if !s.frozen && len_view <= s.len() {
            return method_op(t, s, view, "intersection");
        }
    }
    if is_view(other) && super::len(t, other)? > len_view {
        std::mem::swap(&mut view, &mut other);
    }
    let it = super::iter::iter(t, other)?;
    let out = t.alloc(Set::new(false));
    t.temp_roots.push(out.as_value());
    t.temp_roots.push(it);
    let r = (|| -> PyResult<()> {
        while let Some(x) = super::iter::next(t, it)? {
            if super::compare::contains(t, view, x)? {
                add(t, out, x)?;
            }
        }
        Ok(())
    })();
    t.temp_roots.pop();
    t.temp_roots.pop();
    r.map(|_| out.as_value())
}
