//! Modules and their global cells.
//!
//! Every global name of a module lives in a `GlobalCell`; code objects resolve
//! their global slots to cells when loaded, so a global load is one pointer
//! chase. A cell holds `Value::UNBOUND` while the name is undefined. Each
//! store bumps the cell's version so inline caches and compiled code can
//! key on it.

use super::addr_hash::AddrMap;
use super::str::Str;
use super::GcCell;
use crate::gc::{Gc, Tracer};
use crate::value::Value;
use std::cell::Cell;

pub struct GlobalCell {
    pub name: Gc<Str>,
    pub value: Cell<Value>,
    pub version: Cell<u32>,
    /// Compiled code that assumed this cell keeps its value (it folded the
    /// value in); every store invalidates it (runtime::jit invariant 4).
    pub watchers: crate::jit::Watchers,
}

impl GlobalCell {
    #[inline(always)]
    pub fn get(&self) -> Value {
        self.value.get()
    }
    /// A cell holding `UNBOUND`, version 0.
    pub fn new(name: Gc<Str>) -> GlobalCell {
        GlobalCell {
            name,
            value: Cell::new(Value::UNBOUND),
            version: Cell::new(0),
            watchers: crate::jit::Watchers::default(),
        }
    }
    #[inline]
    pub fn set(&self, v: Value) {
        self.value.set(v);
        self.version.set(self.version.get().wrapping_add(1));
        // The code that assumed the old value.
        self.watchers.fire();
    }
    /// Records that `w`'s code assumed this cell's current value.
    pub fn watch(&self, w: crate::jit::Watcher) {
        self.watchers.watch(w);
    }
    pub(crate) fn trace_fields(&self, tr: &mut Tracer) {
        tr.gc(self.name);
        tr.value(self.value.get());
    }
}

pub struct Module {
    pub name: Gc<Str>,
    /// Cells by interned-name address, in creation order in `order`.
    pub cells: GcCell<AddrMap<Gc<GlobalCell>>>,
    pub order: GcCell<Vec<Gc<GlobalCell>>>,
    /// A builtin (Rust) module rather than one loaded from a file.
    pub native: bool,
}

impl Module {
    pub fn new(name: Gc<Str>, native: bool) -> Module {
        Module {
            name,
            cells: GcCell::new(AddrMap::default()),
            order: GcCell::new(Vec::new()),
            native,
        }
    }
    /// The cell for `name`, if one was ever created.
    pub fn cell(&self, name: Gc<Str>) -> Option<Gc<GlobalCell>> {
        self.cells.get().get(&name.addr()).copied()
    }
    /// The value bound to `name`, if any.
    pub fn get(&self, name: Gc<Str>) -> Option<Value> {
        self.cell(name).map(|c| c.get()).filter(|v| !v.is_unbound())
    }
    pub(crate) fn trace_fields(&self, tr: &mut Tracer) {
        tr.gc(self.name);
        for c in self.order.get() {
            tr.gc(*c);
        }
    }
}
