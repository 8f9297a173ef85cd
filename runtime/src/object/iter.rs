//! Iterator objects for the builtin types and the lazy builtins
//! (`enumerate`, `zip`, `map`, `filter`, `reversed`).

use super::GcCell;
use crate::gc::Tracer;
use crate::value::Value;

pub enum IterState {
    /// Over a list or a list-subclass's list, by index.
    List {
        list: Value,
        index: usize,
    },
    /// Over a list backwards (`reversed`).
    ListRev {
        list: Value,
        index: usize,
    },
    Tuple {
        tuple: Value,
        index: usize,
    },
    Range {
        next: i64,
        step: i64,
        remaining: i64,
    },
    /// Over a str, by byte offset.
    Str {
        s: Value,
        offset: usize,
    },
    /// Over a dict's keys/values/items: `which` 0 keys, 1 values, 2 items;
    /// `size` is the dict's length when iteration started.
    Dict {
        dict: Value,
        index: usize,
        which: u8,
        size: usize,
    },
    /// Over a set's table positions; `size` as for dicts.
    Set {
        set: Value,
        index: usize,
        size: usize,
    },
    Enumerate {
        inner: Value,
        count: Value,
    },
    Zip {
        iters: Vec<Value>,
    },
    Map {
        func: Value,
        iters: Vec<Value>,
    },
    Filter {
        func: Value,
        inner: Value,
    },
    /// Over an object with `__getitem__` (the old sequence protocol), or reversed() of a sequence.
    Seq {
        obj: Value,
        index: i64,
        step: i64,
    },
    /// `iter(callable, sentinel)`.
    Callable {
        func: Value,
        sentinel: Value,
    },
    Exhausted,
}

pub struct IterObj {
    pub state: GcCell<IterState>,
}

impl IterObj {
    pub fn new(state: IterState) -> IterObj {
        IterObj {
            state: GcCell::new(state),
        }
    }
    pub(crate) fn trace_fields(&self, tr: &mut Tracer) {
        match self.state.get() {
            IterState::List { list: v, .. }
            | IterState::ListRev { list: v, .. }
            | IterState::Tuple { tuple: v, .. }
            | IterState::Str { s: v, .. }
            | IterState::Dict { dict: v, .. }
            | IterState::Set { set: v, .. }
            | IterState::Seq { obj: v, .. } => tr.value(*v),
            IterState::Enumerate { inner, count } => tr.values(&[*inner, *count]),
            IterState::Zip { iters } => tr.values(iters),
            IterState::Map { func, iters } => {
                tr.value(*func);
                tr.values(iters)
            }
            IterState::Filter { func, inner } => tr.values(&[*func, *inner]),
            IterState::Callable { func, sentinel } => tr.values(&[*func, *sentinel]),
            IterState::Range { .. } | IterState::Exhausted => {}
        }
    }
}

/// A view of a dict: `which` 0 keys, 1 values, 2 items.
pub struct DictView {
    pub dict: Value,
    pub which: u8,
}

impl DictView {
    pub(crate) fn trace_fields(&self, tr: &mut Tracer) {
        tr.value(self.dict);
    }
}
