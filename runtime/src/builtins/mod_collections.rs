//! The `collections` module: `deque`, `defaultdict`, `namedtuple`,
//! `Counter`, `OrderedDict`.
//!
//! Representations (all ordinary `Instance`s, so attribute lookup, dunder
//! dispatch and subclassing work as for any instance):
//! - `deque` (`mod_collections_deque.rs`): an instance of the builtin class
//!   `collections.deque` whose `base` is a `Native` holding a
//!   `VecDeque<Value>` (O(1) at both ends), the maxlen and a mutation
//!   counter that its iterators (instances of `_deque_iterator`) check.
//! - `defaultdict` (`mod_collections_dict.rs`): a `Base::Dict` class, so the
//!   instance's `base` is a real dict and the object protocol treats it as a
//!   dict subclass; `default_factory` is an ordinary instance attribute and
//!   `__missing__` calls it.
//! - `Counter` (`mod_collections_counter.rs`) and `OrderedDict`
//!   (`mod_collections_odict.rs`): `Base::Dict` classes like defaultdict.
//!   Counter follows CPython's pure-Python class call for call; OrderedDict
//!   keeps its order in the dict table itself (see that file).
//! - `namedtuple` (`mod_collections_tuple.rs`): each call builds a new class
//!   whose bases are `(tuple,)` (so `isinstance(p, tuple)` holds) but whose
//!   layout is `Base::Object`; an instance's `base` is the plain tuple of its
//!   values, so indexing, iteration, comparison, `+`, `*` and hashing go to
//!   the tuple (the object protocol falls back to `Instance::base`). Fields
//!   are properties whose getter is a builtin bound to the field's index and
//!   whose setter/deleter raise CPython's "can't set attribute"; the class
//!   has empty `__slots__`.
//!
//! Library classes are named by CPython's `tp_name` (`collections.deque`),
//! which error messages use, with `qualname`/`module` set so that
//! `repr(deque)` reads `<class 'collections.deque'>`.

use super::modules::{new_module, set, set_fn};

use crate::gc::Gc;
use crate::object::class::Base;
use crate::object::*;
use crate::thread::Thread;
use crate::value::Value;
use crate::PyResult;

/// Creates the module.
pub fn make(t: &mut Thread) -> PyResult<Option<Value>> {
    let m = new_module(t, "collections");
    t.temp_roots.push(m.as_value());
    let dq = super::mod_collections_deque::make_class(t);
    set(t, m, "deque", dq.as_value());
    let dd = super::mod_collections_dict::make_defaultdict(t);
    set(t, m, "defaultdict", dd.as_value());
    let counter = super::mod_collections_counter::make_counter(t);
    set(t, m, "Counter", counter.as_value());
    let od = super::mod_collections_odict::make_ordereddict(t);
    set(t, m, "OrderedDict", od.as_value());
    set_fn(
        t,
        m,
        "namedtuple",
        "namedtuple",
        super::mod_collections_tuple::namedtuple,
    );
    t.temp_roots.pop();
    Ok(Some(m.as_value()))
}

/// A library class (immortal) named by CPython's `tp_name` (`module.qualname`).
pub(crate) fn lib_class(
    t: &mut Thread,
    module: &str,
    qualname: &str,
    parent: Gc<Class>,
    base: Base,
) -> Gc<Class> {
    let c = t.make_builtin_class(&format!("{module}.{qualname}"), Some(parent), base);
    let q = t.intern(qualname);
    c.qualname.set(q);
    let m = t.intern(module);
    c.module.set(m.as_value());
    c
}

/// The short name of a value's class (`deque` for `collections.deque`), as
/// CPython's `_PyType_Name`.
pub(crate) fn short_type_name(t: &Thread, v: Value) -> String {
    let n = t.type_name(v);
    match n.rfind('.') {
        Some(i) => n[i + 1..].to_string(),
        None => n,
    }
}

/// Binds a builtin with a fixed receiver (called as `f(receiver, args...)`).
pub(crate) fn bound_builtin(
    t: &mut Thread,
    name: &'static str,
    f: BuiltinFn,
    receiver: Value,
) -> Value {
    t.alloc(Builtin {
        name,
        qualname: name,
        f,
        receiver,
        is_method: false,
    })
    .as_value()
}

/// `callable(v)`.
pub(crate) fn is_callable(t: &Thread, v: Value) -> bool {
    match crate::ops::kind_of(v) {
        Some(Kind::Function)
        | Some(Kind::Builtin)
        | Some(Kind::BoundMethod)
        | Some(Kind::Class) => true,
        Some(Kind::Instance) => t.class_of(v).lookup(t.names.call).is_some(),
        _ => false,
    }
}
