//! Boxed ints: 64-bit values too wide for an inline int, and big ints.

use crate::gc::Tracer;
use num_bigint::BigInt;

/// An int that fits `i64` but not the inline 48 bits.
pub struct BoxedInt(pub i64);

impl BoxedInt {
    pub(crate) fn trace_fields(&self, _tr: &mut Tracer) {}
}

/// An int beyond `i64`. Always normalised: never holds a value that fits `i64`.
pub struct BigIntObj(pub BigInt);

impl BigIntObj {
    pub(crate) fn trace_fields(&self, _tr: &mut Tracer) {}
}
