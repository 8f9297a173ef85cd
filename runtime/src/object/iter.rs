//! Iterator objects for the builtin types and the lazy builtins
//! (`enumerate`, `zip`, `map`, `filter`, `reversed`).

use super::{Class, GcCell};
use crate::gc::{Gc, Tracer};
use crate::value::Value;

/// `repr(C, u8)`: a tag byte, then the variant's fields in order from
/// offset 8, so compiled code can step range and list iterators inline
/// (`runtime::jit::IterLayout`, probed and unit-tested).
#[repr(C, u8)]
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
    /// An `itertools` iterator (its class is the tool's).
    Tool(Box<Tool>),
}

/// An `itertools` iterator: its (immortal) class and state.
pub struct Tool {
    pub cls: Gc<Class>,
    pub kind: ToolKind,
}

/// The state of an `itertools` iterator. `Value::UNBOUND` stands for
/// CPython's NULL (an iterator that has been cleared, a value not yet read).
pub enum ToolKind {
    Count {
        cur: Value,
        step: Value,
    },
    Islice {
        it: Value,
        next: usize,
        stop: Option<usize>,
        step: usize,
        cnt: usize,
    },
    Cycle {
        it: Value,
        saved: Vec<Value>,
        index: usize,
    },
    Repeat {
        obj: Value,
        remaining: Option<usize>,
    },
    Chain {
        source: Value,
        active: Value,
    },
    Accumulate {
        it: Value,
        func: Value,
        total: Value,
        initial: Value,
    },
    /// permutations (0), combinations (1), combinations_with_replacement (2).
    Combinatoric {
        which: u8,
        pool: Vec<Value>,
        r: usize,
        indices: Vec<usize>,
        cycles: Vec<usize>,
        first: bool,
    },
    Product {
        pools: Vec<Vec<Value>>,
        indices: Vec<usize>,
        first: bool,
    },
    ZipLongest {
        iters: Vec<Value>,
        fill: Value,
        active: usize,
    },
    Starmap {
        func: Value,
        it: Value,
    },
    /// takewhile (0), dropwhile (1), filterfalse (2).
    Predicate {
        which: u8,
        func: Value,
        it: Value,
        flag: bool,
    },
    Compress {
        data: Value,
        selectors: Value,
    },
    Pairwise {
        it: Value,
        old: Value,
    },
    GroupBy {
        it: Value,
        keyfunc: Value,
        tgtkey: Value,
        currkey: Value,
        currvalue: Value,
        currgrouper: Value,
        grouper_cls: Gc<Class>,
    },
    Grouper {
        parent: Value,
        tgtkey: Value,
    },
    Tee {
        it: Value,
        buf: Value,
        index: usize,
    },
    Done,
}

impl Tool {
    fn trace(&self, tr: &mut Tracer) {
        match &self.kind {
            ToolKind::Count { cur, step } => tr.values(&[*cur, *step]),
            ToolKind::Islice { it, .. } => tr.value(*it),
            ToolKind::Cycle { it, saved, .. } => {
                tr.value(*it);
                tr.values(saved)
            }
            ToolKind::Repeat { obj, .. } => tr.value(*obj),
            ToolKind::Chain { source, active } => tr.values(&[*source, *active]),
            ToolKind::Accumulate {
                it,
                func,
                total,
                initial,
            } => tr.values(&[*it, *func, *total, *initial]),
            ToolKind::Combinatoric { pool, .. } => tr.values(pool),
            ToolKind::Product { pools, .. } => {
                for p in pools {
                    tr.values(p)
                }
            }
            ToolKind::ZipLongest { iters, fill, .. } => {
                tr.values(iters);
                tr.value(*fill)
            }
            ToolKind::Starmap { func, it } => tr.values(&[*func, *it]),
            ToolKind::Predicate { func, it, .. } => tr.values(&[*func, *it]),
            ToolKind::Compress { data, selectors } => tr.values(&[*data, *selectors]),
            ToolKind::Pairwise { it, old } => tr.values(&[*it, *old]),
            ToolKind::GroupBy {
                it,
                keyfunc,
                tgtkey,
                currkey,
                currvalue,
                currgrouper,
                ..
            } => tr.values(&[*it, *keyfunc, *tgtkey, *currkey, *currvalue, *currgrouper]),
            ToolKind::Grouper { parent, tgtkey } => tr.values(&[*parent, *tgtkey]),
            ToolKind::Tee { it, buf, .. } => tr.values(&[*it, *buf]),
            ToolKind::Done => {}
        }
    }
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
            IterState::Tool(tool) => tool.trace(tr),
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
