//! `tuple` objects.

use crate::gc::Tracer;
use crate::value::Value;

pub struct Tuple {
    pub items: Box<[Value]>,
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
