//! `dict` objects: a CPython-style compact table in insertion order.
//! Python-level operations (hashing and comparing keys through `__hash__`
//! and `__eq__`) live in `crate::ops::dict`.

use crate::gc::Tracer;
use crate::table::DictTable;
use crate::value::Value;

pub struct Dict {
    pub table: DictTable<Value, Value>,
}

impl Dict {
    pub fn new() -> Dict {
        Dict {
            table: DictTable::new(),
        }
    }
    pub fn len(&self) -> usize {
        self.table.len()
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    pub(crate) fn trace_fields(&self, tr: &mut Tracer) {
        for (k, v) in self.table.items() {
            tr.value(k);
            tr.value(v);
        }
    }
}
