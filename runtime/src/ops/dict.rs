//! Dict operations at the Python level: keys hashed with `hash()` and
//! compared with `==` (identity first), on CPython's compact table.

use super::compare::{eq, hash};
use crate::gc::Gc;
use crate::object::*;
use crate::thread::Thread;
use crate::value::Value;
use crate::{PyResult, Raised};

/// A `FnMut` comparing two keys with Python equality.
macro_rules! py_eq {
    ($t:expr) => {
        &mut |a: Value, b: Value| -> Result<bool, Raised> { eq($t, a, b) }
    };
}
pub(crate) use py_eq;

/// `d.get(key)`.
pub fn get(t: &mut Thread, d: Gc<Dict>, key: Value) -> PyResult<Option<Value>> {
    let h = hash(t, key)?;
    d.table.get(key, h, py_eq!(t))
}

/// `d[key] = v`.
pub fn set(t: &mut Thread, d: Gc<Dict>, key: Value, v: Value) -> PyResult<()> {
    let h = hash(t, key)?;
    d.table.insert(key, h, v, py_eq!(t))?;
    Ok(())
}

/// Removes `key`, returning its value if it was present.
pub fn remove(t: &mut Thread, d: Gc<Dict>, key: Value) -> PyResult<Option<Value>> {
    let h = hash(t, key)?;
    Ok(d.table.remove(key, h, py_eq!(t))?.map(|(_, v)| v))
}

/// `key in d`.
pub fn contains(t: &mut Thread, d: Gc<Dict>, key: Value) -> PyResult<bool> {
    let h = hash(t, key)?;
    d.table.contains(key, h, py_eq!(t))
}

/// `d.setdefault(key, default)`.
pub fn setdefault(t: &mut Thread, d: Gc<Dict>, key: Value, default: Value) -> PyResult<Value> {
    let h = hash(t, key)?;
    d.table.get_or_insert(key, h, default, py_eq!(t))
}

/// Copies every item of `src` into `d` (later keys win).
pub fn update_from_dict(t: &mut Thread, d: Gc<Dict>, src: Gc<Dict>) -> PyResult<()> {
    let mut pos = 0;
    while let Some((next, k, h, v)) = src.table.next_entry(pos) {
        d.table.insert(k, h, v, py_eq!(t))?;
        pos = next;
    }
    Ok(())
}

/// Calls `f(key, value)` for each item of a mapping that is not a dict
/// (an object with `keys()`: `src[k]` for each `k` in `src.keys()`, as
/// CPython's `PyDict_Merge`). `false` if `src` has no `keys`.
pub fn for_each_mapping_item(
    t: &mut Thread,
    src: Value,
    f: &mut dyn FnMut(&mut Thread, Value, Value) -> PyResult<()>,
) -> PyResult<bool> {
    let name = t.intern("keys");
    let Some(keys) = super::attr::getattr_opt(t, src, name)? else {
        return Ok(false);
    };
    let keys = super::call(t, keys, &[], None)?;
    t.temp_roots.push(keys);
    let r = (|| {
        let it = super::iter::iter(t, keys)?;
        t.temp_roots.push(it);
        let r = (|| {
            while let Some(k) = super::iter::next(t, it)? {
                let v = super::getitem(t, src, k)?;
                f(t, k, v)?;
            }
            Ok(())
        })();
        t.temp_roots.pop();
        r
    })();
    t.temp_roots.pop();
    r.map(|_| true)
}

/// `d.update(other)` for a mapping or an iterable of pairs.
pub fn update(t: &mut Thread, d: Gc<Dict>, other: Value) -> PyResult<()> {
    if let Some(src) = super::as_dict(other) {
        return update_from_dict(t, d, src);
    }
    if for_each_mapping_item(t, other, &mut |t, k, v| set(t, d, k, v))? {
        return Ok(());
    }
    let items = super::iter::collect_list(t, other)?;
    for (n, item) in items.snapshot().into_iter().enumerate() {
        let pair = super::iter::collect_list(t, item).map_err(|e| {
            if t.exc_is(t.classes.type_error) {
                let msg =
                    format!("cannot convert dictionary update sequence element #{n} to a sequence");
                t.type_error(&msg)
            } else {
                e
            }
        })?;
        if pair.len() != 2 {
            let msg = format!(
                "dictionary update sequence element #{n} has length {}; 2 is required",
                pair.len()
            );
            return Err(t.value_error(&msg));
        }
        let (k, v) = (pair.items.get()[0], pair.items.get()[1]);
        set(t, d, k, v)?;
    }
    Ok(())
}

/// `a == b` for dicts: same keys with equal values.
pub fn dict_eq(t: &mut Thread, a: Gc<Dict>, b: Gc<Dict>) -> PyResult<bool> {
    if a.len() != b.len() {
        return Ok(false);
    }
    for (k, v) in a.table.items() {
        match get(t, b, k)? {
            Some(w) => {
                if !eq(t, v, w)? {
                    return Ok(false);
                }
            }
            None => return Ok(false),
        }
    }
    Ok(true)
}

/// A new dict with the same items in the same order.
pub fn copy(t: &mut Thread, d: Gc<Dict>) -> Gc<Dict> {
    let table = d.table.copy();
    t.alloc(Dict { table })
}
