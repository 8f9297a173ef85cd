//! The object protocol: what every tier does with a value it cannot handle
//! inline — arithmetic, comparison, attributes, items, iteration, calls,
//! `repr`/`str`, hashing — with CPython's semantics and error messages.

pub mod arith;
pub mod attr;
pub mod call;
pub mod class;
pub mod class_flags;
pub mod compare;
pub mod dict;
pub mod exc;
pub mod int;
pub mod item;
pub mod iter;
pub mod repr;
pub mod set;

pub use arith::{binary, inplace, unary, UnaryOp};
pub use attr::{delattr, getattr, getattr_opt, load_method, setattr};
pub use call::{call, call_method};
pub use compare::{compare, eq, hash, CmpOp};
pub use item::{delitem, getitem, setitem};
pub use iter::{collect_list, iter, next};
pub use repr::{repr, repr_string, str_, str_string};

use crate::gc::Gc;
use crate::object::*;
use crate::thread::Thread;
use crate::value::Value;
use crate::PyResult;

/// Downcasts a value to a heap object of a given payload type.
#[inline(always)]
pub fn cast<T: crate::gc::HeapObj>(v: Value) -> Option<Gc<T>> {
    Gc::from_value(v)
}

/// The kind of a heap value.
#[inline(always)]
pub fn kind_of(v: Value) -> Option<Kind> {
    // SAFETY: object values point at live headers.
    v.header().map(|h| unsafe { (*h).kind })
}

/// The `str` payload of a value, if it is a str.
#[inline(always)]
pub fn as_str(v: Value) -> Option<Gc<Str>> {
    cast::<Str>(v)
}

/// Python truthiness (`bool(v)`).
pub fn truthy(t: &mut Thread, v: Value) -> PyResult<bool> {
    if let Some(b) = v.as_bool() {
        return Ok(b);
    }
    if let Some(i) = v.as_small_int() {
        return Ok(i != 0);
    }
    if let Some(f) = v.as_float() {
        return Ok(f != 0.0);
    }
    if v.is_none() {
        return Ok(false);
    }
    match kind_of(v) {
        Some(Kind::Str) => Ok(!as_str(v).map(|s| s.is_empty()).unwrap_or(true)),
        Some(Kind::List) => Ok(cast::<List>(v).map(|l| !l.is_empty()).unwrap_or(false)),
        Some(Kind::Tuple) => Ok(cast::<Tuple>(v).map(|x| !x.is_empty()).unwrap_or(false)),
        Some(Kind::Dict) => Ok(cast::<Dict>(v).map(|d| !d.is_empty()).unwrap_or(false)),
        Some(Kind::Set) => Ok(cast::<Set>(v).map(|s| !s.is_empty()).unwrap_or(false)),
        Some(Kind::Range) => Ok(cast::<Range>(v).map(|r| !r.is_empty()).unwrap_or(false)),
        Some(Kind::DictView) => Ok(len(t, v)? > 0),
        Some(Kind::BoxedInt) | Some(Kind::BigInt) => Ok(true),
        Some(Kind::Instance) => {
            let cls = t.class_of(v);
            if let Some(m) = cls.lookup(t.names.bool_) {
                let r = call::call_descriptor(t, m, v, &[])?;
                return match r.as_bool() {
                    Some(b) => Ok(b),
                    None => Err(t.type_error(&format!(
                        "__bool__ should return bool, returned {}",
                        t.type_name(r)
                    ))),
                };
            }
            if let Some(m) = cls.lookup(t.names.len) {
                let r = call::call_descriptor(t, m, v, &[])?;
                return Ok(len_result(t, r)? != 0);
            }
            let inst = cast::<Instance>(v);
            if let Some(b) = inst.map(|i| i.base.get()).filter(|b| !b.is_unbound()) {
                return truthy(t, b);
            }
            Ok(true)
        }
        _ => Ok(true),
    }
}

/// Validates what `__len__` returned.
pub fn len_result(t: &mut Thread, r: Value) -> PyResult<usize> {
    match int::to_i64(r) {
        Some(n) if n >= 0 => Ok(n as usize),
        Some(_) => Err(t.value_error("__len__() should return >= 0")),
        None => Err(t.type_error(&format!(
            "'{}' object cannot be interpreted as an integer",
            t.type_name(r)
        ))),
    }
}

/// `len(v)`.
pub fn len(t: &mut Thread, v: Value) -> PyResult<usize> {
    match kind_of(v) {
        Some(Kind::Str) => return Ok(as_str(v).map(|s| s.len()).unwrap_or(0)),
        Some(Kind::List) => return Ok(cast::<List>(v).map(|l| l.len()).unwrap_or(0)),
        Some(Kind::Tuple) => return Ok(cast::<Tuple>(v).map(|x| x.len()).unwrap_or(0)),
        Some(Kind::Dict) => return Ok(cast::<Dict>(v).map(|d| d.len()).unwrap_or(0)),
        Some(Kind::Set) => return Ok(cast::<Set>(v).map(|s| s.len()).unwrap_or(0)),
        Some(Kind::Range) => {
            let n = cast::<Range>(v).map(|r| r.len()).unwrap_or(0);
            return match usize::try_from(n).ok().filter(|&n| n <= i64::MAX as usize) {
                Some(n) => Ok(n),
                None => Err(t.overflow_error("Python int too large to convert to C ssize_t")),
            };
        }
        Some(Kind::DictView) => {
            return Ok(cast::<DictView>(v)
                .and_then(|d| as_dict(d.dict))
                .map(|d| d.len())
                .unwrap_or(0))
        }
        Some(Kind::Instance) => {
            let cls = t.class_of(v);
            if let Some(m) = cls.lookup(t.names.len) {
                let r = call::call_descriptor(t, m, v, &[])?;
                return len_result(t, r);
            }
            if let Some(b) = cast::<Instance>(v)
                .map(|i| i.base.get())
                .filter(|b| !b.is_unbound())
            {
                return len(t, b);
            }
        }
        _ => {}
    }
    Err(t.type_error(&format!("object of type '{}' has no len()", t.type_name(v))))
}

/// `isinstance(v, cls)` for a single class.
#[inline]
pub fn isinstance(t: &Thread, v: Value, cls: Gc<Class>) -> bool {
    let c = t.class_of(v);
    c.ptr_eq(cls) || c.is_subclass(cls)
}

/// The builtin value inside a list/dict-subclass (or library type)
/// instance, else `v` itself.
#[inline]
pub fn builtin_base(v: Value) -> Value {
    cast::<Instance>(v)
        .map(|i| i.base.get())
        .filter(|b| !b.is_unbound())
        .unwrap_or(v)
}

/// The list inside a list or list-subclass instance.
#[inline]
pub fn as_list(v: Value) -> Option<Gc<List>> {
    cast::<List>(v).or_else(|| cast::<Instance>(v).and_then(|i| cast::<List>(i.base.get())))
}

/// The dict inside a dict or dict-subclass instance.
#[inline]
pub fn as_dict(v: Value) -> Option<Gc<Dict>> {
    cast::<Dict>(v).or_else(|| cast::<Instance>(v).and_then(|i| cast::<Dict>(i.base.get())))
}
