//! `list` objects.

use super::GcCell;
use crate::gc::Tracer;
use crate::value::Value;

pub struct List {
    pub items: GcCell<Vec<Value>>,
}

impl List {
    pub fn new(items: Vec<Value>) -> List {
        List {
            items: GcCell::new(items),
        }
    }
    pub(crate) fn trace_fields(&self, tr: &mut Tracer) {
        tr.values(self.items.get());
    }
    #[inline(always)]
    pub fn len(&self) -> usize {
        self.items.get().len()
    }
    pub fn is_empty(&self) -> bool {
        self.items.get().is_empty()
    }
    #[inline(always)]
    pub fn get(&self, i: usize) -> Option<Value> {
        self.items.get().get(i).copied()
    }
    pub fn push(&self, v: Value) {
        self.items.get_mut().push(v);
    }
    /// A copy of the items (safe to iterate while running Python code).
    pub fn snapshot(&self) -> Vec<Value> {
        self.items.get().clone()
    }
}
