//! `set` and `frozenset` objects: CPython's open-addressing table, so
//! iteration order matches CPython's. Python-level operations live in
//! `crate::ops::set`.

use crate::gc::Tracer;
use crate::table::SetTable;
use crate::value::Value;

pub struct Set {
    pub table: SetTable<Value>,
    pub frozen: bool,
}

impl Set {
    pub fn new(frozen: bool) -> Set {
        Set {
            table: SetTable::new(),
            frozen,
        }
    }
    pub fn len(&self) -> usize {
        self.table.len()
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    pub(crate) fn trace_fields(&self, tr: &mut Tracer) {
        for k in self.table.keys() {
            tr.value(k);
        }
    }
}
