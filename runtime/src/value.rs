//! `Value`: the 8-byte NaN-boxed representation of every Python value.
//!
//! Layout (the top 16 bits select the kind):
//! 1. Any bit pattern whose top 16 bits are not `0xFFF9..=0xFFFF` is an
//!    `f64`, stored as is. NaNs are canonicalised to `CANON_NAN` on entry so
//!    no float can collide with a tag.
//! 2. `0xFFF9`: a heap object; the low 48 bits are a pointer to its `Header`.
//! 3. `0xFFFA`: a small int; the low 48 bits are a sign-extended `i48`.
//! 4. `0xFFFB`: a bool (payload 0 or 1).
//! 5. `0xFFFC`: `None`.
//! 6. `0xFFFD`: the "unbound" marker (empty local, empty cell, absent value);
//!    never visible to Python code.
//!
//! `Value` is `Copy`, has no `Drop`, and is neither `Send` nor `Sync`, so a
//! heap value cannot cross into a compiler thread by accident.

use crate::gc::Header;
use std::marker::PhantomData;

const TAG_SHIFT: u32 = 48;
const PAYLOAD_MASK: u64 = (1 << TAG_SHIFT) - 1;
pub const TAG_OBJ: u64 = 0xFFF9;
pub const TAG_INT: u64 = 0xFFFA;
pub const TAG_BOOL: u64 = 0xFFFB;
pub const TAG_NONE: u64 = 0xFFFC;
pub const TAG_UNBOUND: u64 = 0xFFFD;
/// The one NaN bit pattern floats use.
pub const CANON_NAN: u64 = 0x7FF8_0000_0000_0000;

/// Smallest and largest ints stored inline.
pub const SMALL_INT_MIN: i64 = -(1 << 47);
pub const SMALL_INT_MAX: i64 = (1 << 47) - 1;

/// A Python value. See the module documentation for the encoding.
#[derive(Copy, Clone)]
#[repr(transparent)]
pub struct Value(u64, PhantomData<*const ()>);

impl Value {
    pub const NONE: Value = Value::from_bits(TAG_NONE << TAG_SHIFT);
    pub const TRUE: Value = Value::from_bits(TAG_BOOL << TAG_SHIFT | 1);
    pub const FALSE: Value = Value::from_bits(TAG_BOOL << TAG_SHIFT);
    pub const UNBOUND: Value = Value::from_bits(TAG_UNBOUND << TAG_SHIFT);

    #[inline(always)]
    pub const fn from_bits(bits: u64) -> Value {
        Value(bits, PhantomData)
    }
    #[inline(always)]
    pub const fn bits(self) -> u64 {
        self.0
    }
    #[inline(always)]
    fn tag(self) -> u64 {
        self.0 >> TAG_SHIFT
    }

    // ----- floats -----
    #[inline(always)]
    pub fn float(f: f64) -> Value {
        if f.is_nan() {
            Value::from_bits(CANON_NAN)
        } else {
            Value::from_bits(f.to_bits())
        }
    }
    #[inline(always)]
    pub fn is_float(self) -> bool {
        self.0 < (TAG_OBJ << TAG_SHIFT)
    }
    #[inline(always)]
    pub fn as_float(self) -> Option<f64> {
        if self.is_float() {
            Some(f64::from_bits(self.0))
        } else {
            None
        }
    }
    /// The float inside; the caller has checked `is_float`.
    #[inline(always)]
    pub fn float_unchecked(self) -> f64 {
        f64::from_bits(self.0)
    }

    // ----- small ints -----
    /// An inline int, if `i` fits 48 bits.
    #[inline(always)]
    pub fn small_int(i: i64) -> Option<Value> {
        if (SMALL_INT_MIN..=SMALL_INT_MAX).contains(&i) {
            Some(Value::from_bits(
                TAG_INT << TAG_SHIFT | (i as u64 & PAYLOAD_MASK),
            ))
        } else {
            None
        }
    }
    /// An inline int; `i` must fit 48 bits.
    #[inline(always)]
    pub const fn small_int_unchecked(i: i64) -> Value {
        Value::from_bits(TAG_INT << TAG_SHIFT | (i as u64 & PAYLOAD_MASK))
    }
    #[inline(always)]
    pub fn is_small_int(self) -> bool {
        self.tag() == TAG_INT
    }
    #[inline(always)]
    pub fn as_small_int(self) -> Option<i64> {
        if self.is_small_int() {
            Some(self.small_int_value())
        } else {
            None
        }
    }
    /// The inline int; the caller has checked `is_small_int`.
    #[inline(always)]
    pub fn small_int_value(self) -> i64 {
        ((self.0 << 16) as i64) >> 16
    }

    // ----- bool, None, unbound -----
    #[inline(always)]
    pub fn bool(b: bool) -> Value {
        if b {
            Value::TRUE
        } else {
            Value::FALSE
        }
    }
    #[inline(always)]
    pub fn is_bool(self) -> bool {
        self.tag() == TAG_BOOL
    }
    #[inline(always)]
    pub fn as_bool(self) -> Option<bool> {
        if self.is_bool() {
            Some(self.0 & 1 == 1)
        } else {
            None
        }
    }
    #[inline(always)]
    pub fn is_none(self) -> bool {
        self.0 == Value::NONE.0
    }
    #[inline(always)]
    pub fn is_unbound(self) -> bool {
        self.0 == Value::UNBOUND.0
    }

    // ----- heap objects -----
    #[inline(always)]
    pub fn is_obj(self) -> bool {
        self.tag() == TAG_OBJ
    }
    /// A value referring to the heap object whose header is at `p`.
    #[inline(always)]
    pub fn from_header(p: *const Header) -> Value {
        debug_assert!((p as u64) <= PAYLOAD_MASK);
        Value::from_bits(TAG_OBJ << TAG_SHIFT | p as u64)
    }
    /// The object header, if this is a heap object.
    #[inline(always)]
    pub fn header(self) -> Option<*const Header> {
        if self.is_obj() {
            Some((self.0 & PAYLOAD_MASK) as *const Header)
        } else {
            None
        }
    }
    /// The header pointer; the caller has checked `is_obj`.
    #[inline(always)]
    pub fn header_unchecked(self) -> *const Header {
        (self.0 & PAYLOAD_MASK) as *const Header
    }

    /// Identity (`is`): same bits. Floats compare by bits too, as CPython's
    /// `is` does on the same float object; programs must not rely on it.
    #[inline(always)]
    pub fn is(self, other: Value) -> bool {
        self.0 == other.0
    }
}

/// Bit identity (Python's `is`), which the hash tables use to skip `__eq__`.
impl PartialEq for Value {
    #[inline(always)]
    fn eq(&self, other: &Value) -> bool {
        self.0 == other.0
    }
}

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(x) = self.as_float() {
            write!(f, "Float({x})")
        } else if let Some(i) = self.as_small_int() {
            write!(f, "Int({i})")
        } else if let Some(b) = self.as_bool() {
            write!(f, "Bool({b})")
        } else if self.is_none() {
            write!(f, "None")
        } else if self.is_unbound() {
            write!(f, "Unbound")
        } else {
            write!(f, "Obj({:#x})", self.0 & PAYLOAD_MASK)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout() {
        assert_eq!(std::mem::size_of::<Value>(), 8);
        assert_eq!(std::mem::align_of::<Value>(), 8);
        assert_eq!(std::mem::size_of::<Option<Value>>(), 16);
    }

    #[test]
    fn floats_round_trip_and_nan_is_canonical() {
        for f in [
            0.0,
            -0.0,
            1.5,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::MIN_POSITIVE,
            1e308,
        ] {
            let v = Value::float(f);
            assert!(v.is_float());
            assert_eq!(v.as_float().unwrap().to_bits(), f.to_bits());
        }
        let weird_nan = f64::from_bits(0xFFFF_0000_0000_0001);
        assert!(weird_nan.is_nan());
        let v = Value::float(weird_nan);
        assert!(v.is_float() && v.as_float().unwrap().is_nan());
        assert_eq!(v.bits(), CANON_NAN);
    }

    #[test]
    fn small_ints() {
        for i in [0, 1, -1, SMALL_INT_MAX, SMALL_INT_MIN, 12345678] {
            let v = Value::small_int(i).unwrap();
            assert!(v.is_small_int() && !v.is_float() && !v.is_obj());
            assert_eq!(v.as_small_int(), Some(i));
        }
        assert!(Value::small_int(SMALL_INT_MAX + 1).is_none());
        assert!(Value::small_int(SMALL_INT_MIN - 1).is_none());
    }

    #[test]
    fn singletons_are_distinct() {
        let all = [Value::NONE, Value::TRUE, Value::FALSE, Value::UNBOUND];
        for (i, a) in all.iter().enumerate() {
            assert!(!a.is_float() && !a.is_obj() && !a.is_small_int());
            for (j, b) in all.iter().enumerate() {
                assert_eq!(i == j, a.is(*b));
            }
        }
        assert_eq!(Value::TRUE.as_bool(), Some(true));
        assert_eq!(Value::FALSE.as_bool(), Some(false));
    }
}
