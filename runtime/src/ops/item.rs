//! Subscripting: `obj[key]`, `obj[key] = v`, `del obj[key]`, including
//! slices with CPython's index clamping and error messages.

use super::{as_str, cast, kind_of};
use crate::gc::Gc;
use crate::object::*;
use crate::thread::Thread;
use crate::value::Value;
use crate::PyResult;

/// An index as `i64`, from an int, bool, or an object with `__index__`.
pub fn index_value(t: &mut Thread, v: Value) -> PyResult<Option<i64>> {
    if let Some(i) = super::int::to_i64(v) {
        return Ok(Some(i));
    }
    if super::int::is_int(v) {
        // A big int: clamp so it is out of range for every sequence.
        let neg = super::int::is_negative(v);
        return Ok(Some(if neg { i64::MIN } else { i64::MAX }));
    }
    if kind_of(v) == Some(Kind::Instance) {
        if let Some(r) = super::call::call_dunder(t, v, t.names.index, &[])? {
            return Ok(super::int::to_i64(r));
        }
    }
    Ok(None)
}

/// Resolves a slice against a sequence of `len` items: `(start, stop, step, count)`.
pub fn slice_indices(t: &mut Thread, s: Gc<Slice>, len: usize) -> PyResult<(i64, i64, i64, usize)> {
    let len = len as i64;
    let step = if s.step.is_none() {
        1
    } else {
        match index_value(t, s.step)? {
            Some(0) => return Err(t.value_error("slice step cannot be zero")),
            Some(x) => x.max(-i64::MAX),
            None => return Err(bad_slice_index(t)),
        }
    };
    let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let clamp = |t: &mut Thread, v: Value, default: i64| -> PyResult<i64> {
        if v.is_none() {
            return Ok(default);
        }
        match index_value(t, v)? {
            Some(mut i) => {
                if i < 0 {
                    i = i.saturating_add(len);
                    if i < lower {
                        i = lower;
                    }
                } else if i > upper {
                    i = upper;
                }
                Ok(i)
            }
            None => Err(bad_slice_index(t)),
        }
    };
    let start = clamp(t, s.start, if step < 0 { upper } else { lower })?;
    let stop = clamp(t, s.stop, if step < 0 { lower } else { upper })?;
    let count = if step < 0 {
        if stop < start {
            ((start - stop - 1) / (-step) + 1) as usize
        } else {
            0
        }
    } else if start < stop {
        ((stop - start - 1) / step + 1) as usize
    } else {
        0
    };
    Ok((start, stop, step, count))
}

#[cold]
fn bad_slice_index(t: &mut Thread) -> crate::Raised {
    t.type_error("slice indices must be integers or None or have an __index__ method")
}

fn pick<T: Copy>(items: &[T], start: i64, step: i64, count: usize) -> Vec<T> {
    (0..count)
        .map(|k| items[(start + k as i64 * step) as usize])
        .collect()
}

/// Normalises a possibly negative index; `None` when out of range.
#[inline]
pub fn norm_index(i: i64, len: usize) -> Option<usize> {
    let j = if i < 0 { i.checked_add(len as i64)? } else { i };
    if j >= 0 && (j as u64) < len as u64 {
        Some(j as usize)
    } else {
        None
    }
}

/// `dict.__getitem__` on an instance of a dict subclass (`d` is its dict):
/// a missing key calls the subclass's `__missing__`, as CPython's does.
pub fn dict_subclass_getitem(
    t: &mut Thread,
    obj: Value,
    d: Gc<Dict>,
    key: Value,
) -> PyResult<Value> {
    match super::dict::get(t, d, key)? {
        Some(v) => Ok(v),
        None => match super::call::call_dunder(t, obj, t.names.missing, &[key])? {
            Some(v) => Ok(v),
            None => Err(t.key_error(key)),
        },
    }
}

/// `obj[key]`.
pub fn getitem(t: &mut Thread, obj: Value, key: Value) -> PyResult<Value> {
    match kind_of(obj) {
        Some(Kind::List) => {
            let l = cast::<List>(obj).expect("kind checked");
            if let Some(s) = cast::<Slice>(key) {
                let (start, _, step, n) = slice_indices(t, s, l.len())?;
                let items = pick(l.items.get(), start, step, n);
                return Ok(t.new_list(items));
            }
            match index_value(t, key)? {
                Some(i) => match norm_index(i, l.len()) {
                    Some(j) => Ok(l.items.get()[j]),
                    None => Err(t.index_error("list index out of range")),
                },
                None => Err(bad_index(t, "list", key)),
            }
        }
        Some(Kind::Tuple) => {
            let tu = cast::<Tuple>(obj).expect("kind checked");
            if let Some(s) = cast::<Slice>(key) {
                let (start, _, step, n) = slice_indices(t, s, tu.len())?;
                if step == 1 && n == tu.len() {
                    return Ok(obj);
                }
                let items = pick(&tu.items, start, step, n);
                return Ok(t.new_tuple(items));
            }
            match index_value(t, key)? {
                Some(i) => match norm_index(i, tu.len()) {
                    Some(j) => Ok(tu.items[j]),
                    None => Err(t.index_error("tuple index out of range")),
                },
                None => Err(bad_index(t, "tuple", key)),
            }
        }
        Some(Kind::Str) => {
            let s = as_str(obj).expect("kind checked");
            if let Some(sl) = cast::<Slice>(key) {
                let (start, _, step, n) = slice_indices(t, sl, s.len())?;
                let out: String = if s.is_ascii() {
                    let b = s.as_str().as_bytes();
                    pick(b, start, step, n)
                        .into_iter()
                        .map(|c| c as char)
                        .collect()
                } else {
                    let chars: Vec<char> = s.as_str().chars().collect();
                    pick(&chars, start, step, n).into_iter().collect()
                };
                return Ok(t.new_string(out));
            }
            match index_value(t, key)? {
                Some(i) => match norm_index(i, s.len()) {
                    Some(j) => {
                        let c = s.char_at(j);
                        let mut buf = [0u8; 4];
                        Ok(t.new_str(c.encode_utf8(&mut buf)))
                    }
                    None => Err(t.index_error("string index out of range")),
                },
                None => {
                    let msg = format!(
                        "string indices must be integers, not '{}'",
                        t.type_name(key)
                    );
                    Err(t.type_error(&msg))
                }
            }
        }
        Some(Kind::Range) => {
            let r = cast::<Range>(obj).expect("kind checked");
            if let Some(sl) = cast::<Slice>(key) {
                let len = usize::try_from(r.len())
                    .unwrap_or(usize::MAX)
                    .min(i64::MAX as usize);
                let (start, _, step, n) = slice_indices(t, sl, len)?;
                let new_start = r.start + start as i128 * r.step;
                let new_step = r.step * step as i128;
                let new_stop = new_start + n as i128 * new_step;
                return Ok(t
                    .alloc(Range {
                        start: new_start,
                        stop: new_stop,
                        step: new_step,
                    })
                    .as_value());
            }
            match index_value(t, key)? {
                Some(i) => match norm_index(
                    i,
                    usize::try_from(r.len())
                        .unwrap_or(usize::MAX)
                        .min(i64::MAX as usize),
                ) {
                    Some(j) => Ok(super::int::from_i128(t, r.item(j as i128))),
                    None => Err(t.index_error("range object index out of range")),
                },
                None => {
                    let msg = format!(
                        "range indices must be integers or slices, not {}",
                        t.type_name(key)
                    );
                    Err(t.type_error(&msg))
                }
            }
        }
        Some(Kind::Dict) => {
            let d = cast::<Dict>(obj).expect("kind checked");
            match super::dict::get(t, d, key)? {
                Some(v) => Ok(v),
                None => Err(t.key_error(key)),
            }
        }
        Some(Kind::Instance) => {
            if let Some(r) = super::call::call_dunder(t, obj, t.names.getitem, &[key])? {
                return Ok(r);
            }
            let inst = cast::<Instance>(obj).expect("kind checked");
            let base = inst.base.get();
            if let Some(d) = cast::<Dict>(base) {
                return dict_subclass_getitem(t, obj, d, key);
            }
            if !base.is_unbound() {
                return getitem(t, base, key);
            }
            Err(not_subscriptable(t, obj))
        }
        Some(Kind::Class) => {
            let c = cast::<Class>(obj).expect("kind checked");
            let msg = format!("type '{}' is not subscriptable", c.name.as_str());
            Err(t.type_error(&msg))
        }
        _ => Err(not_subscriptable(t, obj)),
    }
}

#[cold]
fn not_subscriptable(t: &mut Thread, obj: Value) -> crate::Raised {
    let msg = format!("'{}' object is not subscriptable", t.type_name(obj));
    t.type_error(&msg)
}

#[cold]
fn bad_index(t: &mut Thread, what: &str, key: Value) -> crate::Raised {
    let msg = format!(
        "{} indices must be integers or slices, not {}",
        what,
        t.type_name(key)
    );
    t.type_error(&msg)
}

/// `obj[key] = v`.
pub fn setitem(t: &mut Thread, obj: Value, key: Value, v: Value) -> PyResult<()> {
    match kind_of(obj) {
        Some(Kind::List) => {
            let l = cast::<List>(obj).expect("kind checked");
            if let Some(s) = cast::<Slice>(key) {
                return list_set_slice(t, l, s, v);
            }
            match index_value(t, key)? {
                Some(i) => match norm_index(i, l.len()) {
                    Some(j) => {
                        l.items.get_mut()[j] = v;
                        Ok(())
                    }
                    None => Err(t.index_error("list assignment index out of range")),
                },
                None => Err(bad_index(t, "list", key)),
            }
        }
        Some(Kind::Dict) => {
            let d = cast::<Dict>(obj).expect("kind checked");
            super::dict::set(t, d, key, v)
        }
        Some(Kind::Instance) => {
            if super::call::call_dunder(t, obj, t.names.setitem, &[key, v])?.is_some() {
                return Ok(());
            }
            let base = cast::<Instance>(obj).expect("kind checked").base.get();
            // (A namedtuple's base tuple is immutable: the error names the class.)
            if !base.is_unbound() && kind_of(base) != Some(Kind::Tuple) {
                return setitem(t, base, key, v);
            }
            Err(no_item_assignment(t, obj))
        }
        _ => Err(no_item_assignment(t, obj)),
    }
}

#[cold]
fn no_item_assignment(t: &mut Thread, obj: Value) -> crate::Raised {
    let msg = format!(
        "'{}' object does not support item assignment",
        t.type_name(obj)
    );
    t.type_error(&msg)
}

fn list_set_slice(t: &mut Thread, l: Gc<List>, s: Gc<Slice>, v: Value) -> PyResult<()> {
    let src = super::iter::collect_list(t, v)?;
    let new_items = src.snapshot();
    let (start, stop, step, n) = slice_indices(t, s, l.len())?;
    if step == 1 {
        let stop = stop.max(start);
        l.items
            .get_mut()
            .splice(start as usize..stop as usize, new_items);
        return Ok(());
    }
    if new_items.len() != n {
        let msg = format!(
            "attempt to assign sequence of size {} to extended slice of size {}",
            new_items.len(),
            n
        );
        return Err(t.value_error(&msg));
    }
    let items = l.items.get_mut();
    for (k, x) in new_items.into_iter().enumerate() {
        items[(start + k as i64 * step) as usize] = x;
    }
    Ok(())
}

/// `del obj[key]`.
pub fn delitem(t: &mut Thread, obj: Value, key: Value) -> PyResult<()> {
    match kind_of(obj) {
        Some(Kind::List) => {
            let l = cast::<List>(obj).expect("kind checked");
            if let Some(s) = cast::<Slice>(key) {
                let (start, _, step, n) = slice_indices(t, s, l.len())?;
                let mut idx: Vec<usize> =
                    (0..n).map(|k| (start + k as i64 * step) as usize).collect();
                idx.sort_unstable();
                let items = l.items.get_mut();
                let mut k = 0;
                let mut pos = 0;
                items.retain(|_| {
                    let drop = k < idx.len() && idx[k] == pos;
                    if drop {
                        k += 1;
                    }
                    pos += 1;
                    !drop
                });
                return Ok(());
            }
            match index_value(t, key)? {
                Some(i) => match norm_index(i, l.len()) {
                    Some(j) => {
                        l.items.get_mut().remove(j);
                        Ok(())
                    }
                    None => Err(t.index_error("list assignment index out of range")),
                },
                None => Err(bad_index(t, "list", key)),
            }
        }
        Some(Kind::Dict) => {
            let d = cast::<Dict>(obj).expect("kind checked");
            match super::dict::remove(t, d, key)? {
                Some(_) => Ok(()),
                None => Err(t.key_error(key)),
            }
        }
        Some(Kind::Instance) => {
            if super::call::call_dunder(t, obj, t.names.delitem, &[key])?.is_some() {
                return Ok(());
            }
            let base = cast::<Instance>(obj).expect("kind checked").base.get();
            if !base.is_unbound() && kind_of(base) != Some(Kind::Tuple) {
                return delitem(t, base, key);
            }
            Err(no_item_deletion(t, obj))
        }
        _ => Err(no_item_deletion(t, obj)),
    }
}

#[cold]
fn no_item_deletion(t: &mut Thread, obj: Value) -> crate::Raised {
    let msg = format!(
        "'{}' object doesn't support item deletion",
        t.type_name(obj)
    );
    t.type_error(&msg)
}
