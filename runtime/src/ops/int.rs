//! Ints as values: conversions between `Value` and `num::Int`, and mapping
//! numeric errors to Python exceptions.

use super::{cast, kind_of};
use crate::num::{self, Int, Num, NumError};
use crate::object::*;
use crate::thread::Thread;
use crate::value::Value;
use crate::{PyResult, Raised};

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

/// The value as a `num::Int`, if it is an int.
pub fn to_int(v: Value) -> Option<Int> {
    if let Some(i) = to_i64(v) {
        return Some(Int::Small(i));
    }
    cast::<BigIntObj>(v).map(|b| Int::Big(b.0.clone()))
}

/// Whether an int value is negative.
pub fn is_negative(v: Value) -> bool {
    match to_int(v) {
        Some(Int::Small(i)) => i < 0,
        Some(Int::Big(b)) => b.sign() == num_bigint::Sign::Minus,
        None => false,
    }
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
