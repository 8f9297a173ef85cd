//! Ints as values: conversions between `Value` and `num::Int`, and mapping
//! numeric errors to Python exceptions.

use super::{cast, kind_of};
use crate::num::{self, Int, Num, NumError};
use crate::object::*;
use crate::thread::Thread;
use crate::value::Value;
use crate::{PyResult, Raised};
use std::borrow::Cow;

/// Whether `v` is an int (bools count, as in Python).
#[inline]
pub fn is_int(v: Value) -> bool {
    v.is_small_int()
        || v.is_bool()
        || matches!(kind_of(v), Some(Kind::BoxedInt) | Some(Kind::BigInt))
}

/// The value as `i64`, if it is an int that fits.
#[inline]
pub fn to_i64(v: Value) -> Option<i64> {
    if let Some(i) = v.as_small_int() {
        return Some(i);
    }
    if let Some(b) = v.as_bool() {
        return Some(b as i64);
    }
    cast::<BoxedInt>(v).map(|b| b.0)
}

/// The value as a `num::Int`, if it is an int (copies a big int's digits;
/// see [`int_ref`] to borrow them).
pub fn to_int(v: Value) -> Option<Int> {
    int_ref(v).map(Cow::into_owned)
}

/// The value as a `num::Int` borrowed from its object when it is big.
///
/// The borrow is valid while `v` is reachable (as for every `Gc` deref); ints
/// are immutable, so it only must not be held across a safepoint where `v`
/// could be the last reference. Callers use it within one operation.
#[inline]
pub fn int_ref(v: Value) -> Option<Cow<'static, Int>> {
    if let Some(i) = to_i64(v) {
        return Some(Cow::Owned(Int::Small(i)));
    }
    let b = cast::<BigIntObj>(v)?;
    let p: *const Int = &b.0;
    // SAFETY: `p` points into a live, immutable heap object (`v` is an int
    // value the caller holds); the collector never moves objects, and callers
    // finish with the borrow before the next safepoint (see above).
    Some(Cow::Borrowed(unsafe { &*p }))
}

/// Whether an int value is negative.
pub fn is_negative(v: Value) -> bool {
    int_ref(v).is_some_and(|i| i.is_negative())
}

/// A value from a `num::Int`.
pub fn from_int(t: &mut Thread, i: Int) -> Value {
    match i {
        Int::Small(i) => t.new_int(i),
        Int::Big(b) => t.new_bigint(b),
    }
}

/// A value from an `i128`.
pub fn from_i128(t: &mut Thread, i: i128) -> Value {
    match i64::try_from(i) {
        Ok(x) => t.new_int(x),
        Err(_) => t.new_bigint(num_bigint::BigInt::from(i)),
    }
}

/// The value as `i128`, if it is an int that fits.
pub fn to_i128(v: Value) -> Option<i128> {
    use num_traits::ToPrimitive;
    match to_int(v)? {
        Int::Small(i) => Some(i as i128),
        Int::Big(b) => b.to_i128(),
    }
}

/// A value from a `num::Num`.
pub fn from_num(t: &mut Thread, n: Num) -> Value {
    match n {
        Num::Int(i) => from_int(t, i),
        Num::Float(f) => Value::float(f),
    }
}

/// `int(True)` is `1`: strips bool-ness from an int value.
pub fn to_plain_int(t: &mut Thread, v: Value) -> Value {
    match v.as_bool() {
        Some(b) => Value::small_int_unchecked(b as i64),
        None => {
            let _ = t;
            v
        }
    }
}

/// Raises the Python exception for a numeric error.
#[cold]
pub fn num_err(t: &mut Thread, e: NumError) -> Raised {
    match e {
        NumError::ZeroDivision(m) => t.zero_division(m),
        NumError::Overflow(m) => t.overflow_error(m),
        NumError::Value(m) => t.value_error(&m),
        NumError::Unsupported(m) => t.unsupported(m),
    }
}

/// Maps a numeric result into a `PyResult`.
#[inline]
pub fn check<T>(t: &mut Thread, r: Result<T, NumError>) -> PyResult<T> {
    r.map_err(|e| num_err(t, e))
}

/// Decimal text of an int value (with CPython's digit limit).
pub fn int_to_decimal(t: &mut Thread, v: Value) -> PyResult<String> {
    match to_int(v) {
        Some(i) => check(t, num::int_to_str(&i)),
        None => Ok(String::new()),
    }
}

/// The value as `f64` if it is a float or an int (TypeError-free probe).
pub fn as_f64(t: &mut Thread, v: Value) -> PyResult<Option<f64>> {
    if let Some(f) = v.as_float() {
        return Ok(Some(f));
    }
    match to_int(v) {
        Some(i) => check(t, num::int_to_f64(&i)).map(Some),
        None => Ok(None),
    }
}
