//! Boxed ints: 64-bit values too wide for an inline int, and big ints.

use crate::gc::Tracer;
use crate::num::Int;

/// An int that fits `i64` but not the inline 48 bits.
pub struct BoxedInt(pub i64);

impl BoxedInt {
    pub(crate) fn trace_fields(&self, _tr: &mut Tracer) {}
}

/// An int beyond `i64`. Always normalised: holds `Int::Big` of a value that
/// does not fit `i64` (stored as an `Int` so arithmetic can borrow it).
pub struct BigIntObj(pub Int);

impl BigIntObj {
    pub(crate) fn trace_fields(&self, _tr: &mut Tracer) {}
}
