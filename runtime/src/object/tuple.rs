//! `tuple` objects.

use crate::gc::Tracer;
use crate::value::Value;
use smallvec::SmallVec;

/// Items of up to this many are stored in the object itself (pairs, the
/// commonest tuples, cost no allocation besides the object).
pub const TUPLE_INLINE: usize = 2;

/// Tuple storage (immutable after construction).
pub type TupleItems = SmallVec<[Value; TUPLE_INLINE]>;

pub struct Tuple {
    pub items: TupleItems,
}

impl Tuple {
    pub(crate) fn trace_fields(&self, tr: &mut Tracer) {
        tr.values(&self.items);
    }
    #[inline(always)]
    pub fn len(&self) -> usize {
        self.items.len()
    }
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}
