//! `collections.deque`: a `VecDeque<Value>` in the native state of an
//! instance (see `mod_collections.rs`), with CPython 3.11's methods,
//! messages and mutation checks.

use super::args::{self, int_arg};
use super::mod_collections::{lib_class, short_type_name};
use super::{builtin_fn, def_method};
use crate::gc::{Gc, Tracer};
use crate::object::class::Base;
use crate::object::*;
use crate::ops::{self, cast, CmpOp};
use crate::thread::Thread;
use crate::value::Value;
use crate::PyResult;
use std::any::Any;
use std::cell::Cell;
use std::collections::VecDeque;

pub struct DequeState {
    items: GcCell<VecDeque<Value>>,
    maxlen: Cell<Option<usize>>,
    /// Bumped by every operation that changes the length or order as
    /// CPython's `deque->state` (iterators compare it).
    state: Cell<u64>,
}

impl NativeState for DequeState {
    fn trace(&self, tr: &mut Tracer) {
        for v in self.items.get().iter() {
            tr.value(*v);
        }
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

impl DequeState {
    fn new(maxlen: Option<usize>) -> DequeState {
        DequeState {
            items: GcCell::new(VecDeque::new()),
            maxlen: Cell::new(maxlen),
            state: Cell::new(0),
        }
    }
    fn bump(&self) {
        self.state.set(self.state.get().wrapping_add(1));
    }
    fn len(&self) -> usize {
        self.items.get().len()
    }
    fn get(&self, i: usize) -> Option<Value> {
        self.items.get().get(i).copied()
    }
    fn push_back(&self, v: Value) {
        let q = self.items.get_mut();
        q.push_back(v);
        if let Some(m) = self.maxlen.get() {
            if q.len() > m {
                q.pop_front();
            }
        }
        self.bump();
    }
    fn push_front(&self, v: Value) {
        let q = self.items.get_mut();
        q.push_front(v);
        if let Some(m) = self.maxlen.get() {
            if q.len() > m {
                q.pop_back();
            }
        }
        self.bump();
    }
    fn snapshot(&self) -> Vec<Value> {
        self.items.get().iter().copied().collect()
    }
}

struct DequeIter {
    deque: Value,
    index: Cell<usize>,
    remaining: Cell<usize>,
    state: u64,
    reverse: bool,
}

impl NativeState for DequeIter {
    fn trace(&self, tr: &mut Tracer) {
        tr.value(self.deque);
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

const ITER_KEY: &str = "_deque_iterator";
const REV_ITER_KEY: &str = "_deque_reverse_iterator";

/// Creates the `deque` class and its iterator classes.
pub fn make_class(t: &mut Thread) -> Gc<Class> {
    let object = t.classes.object;
    let c = lib_class(t, "collections", "deque", object, Base::Object);
    let methods: &[(&'static str, &'static str, BuiltinFn)] = &[
        ("__init__", "deque.__init__", init),
        ("append", "deque.append", append),
        ("appendleft", "deque.appendleft", appendleft),
        ("pop", "deque.pop", pop),
        ("popleft", "deque.popleft", popleft),
        ("extend", "deque.extend", extend),
        ("extendleft", "deque.extendleft", extendleft),
        ("rotate", "deque.rotate", rotate),
        ("clear", "deque.clear", clear),
        ("copy", "deque.copy", copy),
        ("__copy__", "deque.__copy__", copy),
        ("count", "deque.count", count),
        ("index", "deque.index", index),
        ("insert", "deque.insert", insert),
        ("remove", "deque.remove", remove),
        ("reverse", "deque.reverse", reverse),
        ("__len__", "deque.__len__", len),
        ("__iter__", "deque.__iter__", iter),
        ("__reversed__", "deque.__reversed__", reversed),
        ("__getitem__", "deque.__getitem__", getitem),
        ("__setitem__", "deque.__setitem__", setitem),
        ("__delitem__", "deque.__delitem__", delitem),
        ("__contains__", "deque.__contains__", contains),
        ("__repr__", "deque.__repr__", repr),
        ("__eq__", "deque.__eq__", eq),
        ("__ne__", "deque.__ne__", ne),
        ("__lt__", "deque.__lt__", lt),
        ("__le__", "deque.__le__", le),
        ("__gt__", "deque.__gt__", gt),
        ("__ge__", "deque.__ge__", ge),
        ("__add__", "deque.__add__", add),
        ("__mul__", "deque.__mul__", mul),
        ("__rmul__", "deque.__rmul__", mul),
        ("__iadd__", "deque.__iadd__", iadd),
        ("__imul__", "deque.__imul__", imul),
    ];
    for (name, qual, f) in methods {
        def_method(t, c, name, qual, *f);
    }
    let hash = t.names.hash;
    c.dict.get_mut().set(hash, Value::NONE);
    let fget = builtin_fn(t, "maxlen", "deque.maxlen", maxlen_get, false);
    let fset = builtin_fn(t, "maxlen", "deque.maxlen", maxlen_set, false);
    let prop = t.heap.alloc_immortal(Property {
        fget,
        fset: Cell::new(fset),
        fdel: Cell::new(fset),
    });
    let n = t.intern("maxlen");
    c.dict.get_mut().set(n, prop.as_value());
    for (key, name) in [
        (ITER_KEY, "_deque_iterator"),
        (REV_ITER_KEY, "_deque_reverse_iterator"),
    ] {
        let ic = lib_class(t, "_collections", name, object, Base::Object);
        def_method(t, ic, "__iter__", "_deque_iterator.__iter__", iter_self);
        def_method(t, ic, "__next__", "_deque_iterator.__next__", iter_next);
        def_method(
            t,
            ic,
            "__length_hint__",
            "_deque_iterator.__length_hint__",
            iter_length_hint,
        );
        let k = t.intern(key);
        c.dict.get_mut().set(k, ic.as_value());
    }
    c
}

fn install_state(t: &mut Thread, inst: Gc<Instance>, st: DequeState) -> &'static DequeState {
    let n = t.alloc(Native {
        state: Box::new(st),
    });
    inst.base.set(n.as_value());
    native_state::<DequeState>(inst.as_value()).expect("just installed")
}

/// The deque state of `v`; an uninitialised deque (subclass whose
/// `__init__` did not call deque's) is an empty deque, as after `__new__`.
fn dq(t: &mut Thread, v: Value) -> PyResult<&'static DequeState> {
    if let Some(s) = native_state::<DequeState>(v) {
        return Ok(s);
    }
    if let Some(inst) = cast::<Instance>(v) {
        let k = t.intern(ITER_KEY);
        if inst.base.get().is_unbound() && inst.class.get().lookup(k).is_some() {
            return Ok(install_state(t, inst, DequeState::new(None)));
        }
    }
    let msg = format!(
        "descriptor requires a 'collections.deque' object but received a '{}'",
        t.type_name(v)
    );
    Err(t.type_error(&msg))
}

fn is_deque(v: Value) -> bool {
    native_state::<DequeState>(v).is_some()
}

/// The class that defines deque's methods (`deque` itself for subclasses).
fn deque_class(t: &mut Thread, v: Value) -> Gc<Class> {
    let k = t.intern(ITER_KEY);
    let cls = t.class_of(v);
    for c in cls.mro.get() {
        if c.dict.get().get(k).is_some() {
            return *c;
        }
    }
    cls
}

/// A new deque of exactly class `deque` with `items`.
fn new_deque(
    t: &mut Thread,
    like: Value,
    items: Vec<Value>,
    maxlen: Option<usize>,
) -> PyResult<Value> {
    let cls = deque_class(t, like);
    let obj = ops::call::new_instance(t, cls)?;
    let inst = cast::<Instance>(obj).expect("instance");
    let st = DequeState::new(maxlen);
    *st.items.get_mut() = items.into();
    install_state(t, inst, st);
    Ok(obj)
}

fn maxlen_value(t: &mut Thread, m: Option<usize>) -> Value {
    match m {
        Some(n) => t.new_int(n as i64),
        None => Value::NONE,
    }
}

fn init(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let (pos, kws) = args::with_kw(t, "deque", &args[1..], kw, &["iterable", "maxlen"])?;
    if pos.len() > 2 {
        let msg = format!("deque() takes at most 2 arguments ({} given)", pos.len());
        return Err(t.type_error(&msg));
    }
    let iterable = pos.first().copied().or(args::kwarg(&kws, "iterable"));
    let maxlen_v = pos.get(1).copied().or(args::kwarg(&kws, "maxlen"));
    let maxlen = match maxlen_v {
        None => None,
        Some(v) if v.is_none() => None,
        Some(v) => {
            if !ops::int::is_int(v) {
                return Err(t.type_error("an integer is required"));
            }
            let n = int_arg(t, v)?;
            if n < 0 {
                return Err(t.value_error("maxlen must be non-negative"));
            }
            Some(n as usize)
        }
    };
    let me = args[0];
    let st = match native_state::<DequeState>(me) {
        Some(s) => s,
        None => match cast::<Instance>(me) {
            Some(inst) => install_state(t, inst, DequeState::new(maxlen)),
            None => return Err(t.type_error("deque.__init__ requires a deque")),
        },
    };
    st.maxlen.set(maxlen);
    if st.len() > 0 {
        st.items.get_mut().clear();
        st.bump();
    }
    if let Some(src) = iterable {
        extend_with(t, st, me, src, false)?;
    }
    Ok(Value::NONE)
}

fn maxlen_get(t: &mut Thread, args: &[Value], _kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let st = dq(t, args[0])?;
    Ok(maxlen_value(t, st.maxlen.get()))
}

fn maxlen_set(t: &mut Thread, _args: &[Value], _kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    Err(t.attribute_error("attribute 'maxlen' of 'collections.deque' objects is not writable"))
}

fn append(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::exact(t, "deque.append", &args[1..], kw, 1)?;
    dq(t, args[0])?.push_back(a[0]);
    Ok(Value::NONE)
}

fn appendleft(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::exact(t, "deque.appendleft", &args[1..], kw, 1)?;
    dq(t, args[0])?.push_front(a[0]);
    Ok(Value::NONE)
}

fn pop(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    args::exact(t, "deque.pop", &args[1..], kw, 0)?;
    let st = dq(t, args[0])?;
    match st.items.get_mut().pop_back() {
        Some(v) => {
            st.bump();
            Ok(v)
        }
        None => Err(t.index_error("pop from an empty deque")),
    }
}

fn popleft(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    args::exact(t, "deque.popleft", &args[1..], kw, 0)?;
    let st = dq(t, args[0])?;
    match st.items.get_mut().pop_front() {
        Some(v) => {
            st.bump();
            Ok(v)
        }
        None => Err(t.index_error("pop from an empty deque")),
    }
}

/// Appends every item of `src` (at the left end, one by one, if `left`).
fn extend_with(
    t: &mut Thread,
    st: &'static DequeState,
    me: Value,
    src: Value,
    left: bool,
) -> PyResult<()> {
    let push = |v: Value| {
        if left {
            st.push_front(v)
        } else {
            st.push_back(v)
        }
    };
    if src.is(me) || matches!(ops::kind_of(src), Some(Kind::List) | Some(Kind::Tuple)) {
        let items = if src.is(me) {
            st.snapshot()
        } else {
            ops::collect_list(t, src)?.snapshot()
        };
        for v in items {
            push(v);
        }
        return Ok(());
    }
    let it = ops::iter(t, src)?;
    t.temp_roots.push(it);
    let r = loop {
        match ops::next(t, it) {
            Ok(Some(v)) => push(v),
            Ok(None) => break Ok(()),
            Err(e) => break Err(e),
        }
    };
    t.temp_roots.pop();
    r
}

fn extend(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::exact(t, "deque.extend", &args[1..], kw, 1)?;
    let st = dq(t, args[0])?;
    extend_with(t, st, args[0], a[0], false)?;
    Ok(Value::NONE)
}

fn extendleft(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::exact(t, "deque.extendleft", &args[1..], kw, 1)?;
    let st = dq(t, args[0])?;
    extend_with(t, st, args[0], a[0], true)?;
    Ok(Value::NONE)
}

fn rotate(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::range(t, "rotate", &args[1..], kw, 0, 1)?;
    let n = match a.first() {
        Some(v) => int_arg(t, *v)?,
        None => 1,
    };
    let st = dq(t, args[0])?;
    let len = st.len();
    if len > 1 {
        let k = n.rem_euclid(len as i64) as usize;
        st.items.get_mut().rotate_right(k);
    }
    st.bump();
    Ok(Value::NONE)
}

fn clear(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    args::exact(t, "deque.clear", &args[1..], kw, 0)?;
    let st = dq(t, args[0])?;
    st.items.get_mut().clear();
    st.bump();
    Ok(Value::NONE)
}

/// `deque.copy()`: exact deques directly, subclasses through their class.
fn copy_of(t: &mut Thread, me: Value) -> PyResult<Value> {
    let st = dq(t, me)?;
    let cls = t.class_of(me);
    if cls.ptr_eq(deque_class(t, me)) {
        let items = st.snapshot();
        return new_deque(t, me, items, st.maxlen.get());
    }
    let args = match st.maxlen.get() {
        Some(m) => vec![me, t.new_int(m as i64)],
        None => vec![me],
    };
    ops::call(t, cls.as_value(), &args, None)
}

fn copy(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    args::exact(t, "deque.copy", &args[1..], kw, 0)?;
    copy_of(t, args[0])
}

fn mutated(t: &mut Thread) -> crate::Raised {
    t.runtime_error("deque mutated during iteration")
}

fn count(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::exact(t, "deque.count", &args[1..], kw, 1)?;
    let st = dq(t, args[0])?;
    let start = st.state.get();
    let mut n = 0;
    let mut i = 0;
    while let Some(v) = st.get(i) {
        if ops::eq(t, v, a[0])? {
            n += 1;
        }
        if st.state.get() != start {
            return Err(mutated(t));
        }
        i += 1;
    }
    Ok(t.new_int(n))
}

fn index(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::range(t, "index", &args[1..], kw, 1, 3)?;
    let st = dq(t, args[0])?;
    let n = st.len() as i64;
    let clamp = |i: i64| {
        if i < 0 {
            (i + n).max(0)
        } else {
            i.min(n)
        }
    };
    let start = match a.get(1) {
        Some(v) => clamp(slice_index(t, *v)?),
        None => 0,
    };
    let stop = match a.get(2) {
        Some(v) => clamp(slice_index(t, *v)?),
        None => n,
    };
    let state = st.state.get();
    let mut i = start;
    while i < stop {
        let Some(v) = st.get(i as usize) else { break };
        let same = ops::eq(t, v, a[0])?;
        if st.state.get() != state {
            return Err(mutated(t));
        }
        if same {
            return Ok(t.new_int(i));
        }
        i += 1;
    }
    let msg = format!("{} is not in deque", ops::repr_string(t, a[0])?);
    Err(t.value_error(&msg))
}

fn slice_index(t: &mut Thread, v: Value) -> PyResult<i64> {
    match ops::item::index_value(t, v)? {
        Some(i) => Ok(i),
        None => Err(t.type_error("slice indices must be integers or have an __index__ method")),
    }
}

fn insert(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::exact(t, "insert", &args[1..], kw, 2)?;
    let i = int_arg(t, a[0])?;
    let st = dq(t, args[0])?;
    let n = st.len();
    if st.maxlen.get() == Some(n) {
        return Err(t.index_error("deque already at its maximum size"));
    }
    let pos = if i < 0 {
        (i + n as i64).max(0) as usize
    } else {
        (i as u64).min(n as u64) as usize
    };
    st.items.get_mut().insert(pos, a[1]);
    st.bump();
    Ok(Value::NONE)
}

fn remove(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::exact(t, "deque.remove", &args[1..], kw, 1)?;
    let st = dq(t, args[0])?;
    let state = st.state.get();
    let mut i = 0;
    while let Some(v) = st.get(i) {
        let same = ops::eq(t, v, a[0])?;
        if st.state.get() != state {
            return Err(t.index_error("deque mutated during remove()."));
        }
        if same {
            st.items.get_mut().remove(i);
            st.bump();
            return Ok(Value::NONE);
        }
        i += 1;
    }
    let msg = format!("{} is not in deque", ops::repr_string(t, a[0])?);
    Err(t.value_error(&msg))
}

fn reverse(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    args::exact(t, "deque.reverse", &args[1..], kw, 0)?;
    let st = dq(t, args[0])?;
    st.items.get_mut().make_contiguous().reverse();
    Ok(Value::NONE)
}

fn len(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    args::exact(t, "__len__", &args[1..], kw, 0)?;
    let st = dq(t, args[0])?;
    Ok(t.new_int(st.len() as i64))
}

fn make_iter(t: &mut Thread, me: Value, reverse: bool) -> PyResult<Value> {
    let st = dq(t, me)?;
    let k = t.intern(if reverse { REV_ITER_KEY } else { ITER_KEY });
    let cls = t
        .class_of(me)
        .lookup(k)
        .and_then(cast::<Class>)
        .expect("deque iterator class");
    let it = ops::call::new_instance(t, cls)?;
    let n = st.len();
    let state = DequeIter {
        deque: me,
        index: Cell::new(if reverse { n.wrapping_sub(1) } else { 0 }),
        remaining: Cell::new(n),
        state: st.state.get(),
        reverse,
    };
    let nat = t.alloc(Native {
        state: Box::new(state),
    });
    cast::<Instance>(it)
        .expect("instance")
        .base
        .set(nat.as_value());
    Ok(it)
}

fn iter(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    args::exact(t, "__iter__", &args[1..], kw, 0)?;
    make_iter(t, args[0], false)
}

fn reversed(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    args::exact(t, "__reversed__", &args[1..], kw, 0)?;
    make_iter(t, args[0], true)
}

fn iter_self(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    args::exact(t, "__iter__", &args[1..], kw, 0)?;
    Ok(args[0])
}

fn iter_next(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    args::exact(t, "__next__", &args[1..], kw, 0)?;
    let Some(it) = native_state::<DequeIter>(args[0]) else {
        return Err(t.type_error("expected a deque iterator"));
    };
    let st = dq(t, it.deque)?;
    if st.state.get() != it.state {
        return Err(mutated(t));
    }
    let item = if it.remaining.get() == 0 {
        None
    } else {
        st.get(it.index.get())
    };
    match item {
        Some(v) => {
            it.remaining.set(it.remaining.get() - 1);
            let i = it.index.get();
            it.index
                .set(if it.reverse { i.wrapping_sub(1) } else { i + 1 });
            Ok(v)
        }
        None => {
            let e = t.new_exception(t.classes.stop_iteration, vec![]);
            Err(t.raise(e))
        }
    }
}

fn iter_length_hint(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    args::exact(t, "__length_hint__", &args[1..], kw, 0)?;
    let n = native_state::<DequeIter>(args[0])
        .map(|it| it.remaining.get())
        .unwrap_or(0);
    Ok(t.new_int(n as i64))
}

/// A deque index argument, normalised; IndexError when out of range.
fn item_index(t: &mut Thread, st: &DequeState, key: Value) -> PyResult<usize> {
    match ops::item::index_value(t, key)? {
        Some(i) => match ops::item::norm_index(i, st.len()) {
            Some(j) => Ok(j),
            None => Err(t.index_error("deque index out of range")),
        },
        None => {
            let msg = format!("sequence index must be integer, not '{}'", t.type_name(key));
            Err(t.type_error(&msg))
        }
    }
}

fn getitem(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::exact(t, "__getitem__", &args[1..], kw, 1)?;
    let st = dq(t, args[0])?;
    let j = item_index(t, st, a[0])?;
    Ok(st.get(j).expect("index checked"))
}

fn setitem(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::exact(t, "__setitem__", &args[1..], kw, 2)?;
    let st = dq(t, args[0])?;
    let j = item_index(t, st, a[0])?;
    st.items.get_mut()[j] = a[1];
    Ok(Value::NONE)
}

fn delitem(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::exact(t, "__delitem__", &args[1..], kw, 1)?;
    let st = dq(t, args[0])?;
    let j = item_index(t, st, a[0])?;
    st.items.get_mut().remove(j);
    st.bump();
    Ok(Value::NONE)
}

fn contains(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::exact(t, "__contains__", &args[1..], kw, 1)?;
    let st = dq(t, args[0])?;
    let state = st.state.get();
    let mut i = 0;
    while let Some(v) = st.get(i) {
        let same = ops::eq(t, v, a[0])?;
        if st.state.get() != state {
            return Err(mutated(t));
        }
        if same {
            return Ok(Value::TRUE);
        }
        i += 1;
    }
    Ok(Value::FALSE)
}

fn repr(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    args::exact(t, "__repr__", &args[1..], kw, 0)?;
    let me = args[0];
    let st = dq(t, me)?;
    let key = me.bits();
    if t.repr_guard.contains(&key) {
        return Ok(t.new_str("[...]"));
    }
    t.check_native_stack()?;
    let list = t.new_list(st.snapshot());
    t.temp_roots.push(list);
    t.repr_guard.push(key);
    let r = ops::repr_string(t, list);
    t.repr_guard.pop();
    t.temp_roots.pop();
    let inner = r?;
    let name = short_type_name(t, me);
    let s = match st.maxlen.get() {
        Some(m) => format!("{name}({inner}, maxlen={m})"),
        None => format!("{name}({inner})"),
    };
    Ok(t.new_string(s))
}

fn richcmp(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>, op: CmpOp) -> PyResult<Value> {
    let a = args::exact(t, "comparison", &args[1..], kw, 1)?;
    let (me, other) = (args[0], a[0]);
    if !is_deque(me) || !is_deque(other) {
        return Ok(t.not_implemented);
    }
    let x = dq(t, me)?.snapshot();
    let y = dq(t, other)?.snapshot();
    let kx = t.new_tuple(x.clone());
    t.temp_roots.push(kx);
    let ky = t.new_tuple(y.clone());
    t.temp_roots.push(ky);
    let r = seq_cmp(t, &x, &y, op);
    t.temp_roots.pop();
    t.temp_roots.pop();
    r
}

fn seq_cmp(t: &mut Thread, x: &[Value], y: &[Value], op: CmpOp) -> PyResult<Value> {
    let n = x.len().min(y.len());
    for i in 0..n {
        if !ops::eq(t, x[i], y[i])? {
            return match op {
                CmpOp::Eq => Ok(Value::FALSE),
                CmpOp::Ne => Ok(Value::TRUE),
                _ => ops::compare(t, x[i], y[i], op),
            };
        }
    }
    let (a, b) = (x.len(), y.len());
    Ok(Value::bool(match op {
        CmpOp::Lt => a < b,
        CmpOp::Le => a <= b,
        CmpOp::Eq => a == b,
        CmpOp::Ne => a != b,
        CmpOp::Gt => a > b,
        CmpOp::Ge => a >= b,
    }))
}

fn eq(t: &mut Thread, a: &[Value], k: Option<Gc<Tuple>>) -> PyResult<Value> {
    richcmp(t, a, k, CmpOp::Eq)
}
fn ne(t: &mut Thread, a: &[Value], k: Option<Gc<Tuple>>) -> PyResult<Value> {
    richcmp(t, a, k, CmpOp::Ne)
}
fn lt(t: &mut Thread, a: &[Value], k: Option<Gc<Tuple>>) -> PyResult<Value> {
    richcmp(t, a, k, CmpOp::Lt)
}
fn le(t: &mut Thread, a: &[Value], k: Option<Gc<Tuple>>) -> PyResult<Value> {
    richcmp(t, a, k, CmpOp::Le)
}
fn gt(t: &mut Thread, a: &[Value], k: Option<Gc<Tuple>>) -> PyResult<Value> {
    richcmp(t, a, k, CmpOp::Gt)
}
fn ge(t: &mut Thread, a: &[Value], k: Option<Gc<Tuple>>) -> PyResult<Value> {
    richcmp(t, a, k, CmpOp::Ge)
}

fn add(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::exact(t, "__add__", &args[1..], kw, 1)?;
    if !is_deque(a[0]) {
        let msg = format!(
            "can only concatenate deque (not \"{}\") to deque",
            t.type_name(a[0])
        );
        return Err(t.type_error(&msg));
    }
    let new = copy_of(t, args[0])?;
    t.temp_roots.push(new);
    let r = (|| {
        let st = dq(t, new)?;
        extend_with(t, st, new, a[0], false)
    })();
    t.temp_roots.pop();
    r.map(|_| new)
}

fn repeat_count(t: &mut Thread, v: Value) -> PyResult<i64> {
    match ops::item::index_value(t, v)? {
        Some(n) => Ok(n),
        None => {
            let msg = format!(
                "can't multiply sequence by non-int of type '{}'",
                t.type_name(v)
            );
            Err(t.type_error(&msg))
        }
    }
}

fn repeat_in_place(t: &mut Thread, st: &DequeState, n: i64) -> PyResult<()> {
    if n <= 0 {
        if st.len() > 0 {
            st.items.get_mut().clear();
            st.bump();
        }
        return Ok(());
    }
    if n == 1 || st.len() == 0 {
        return Ok(());
    }
    let items = st.snapshot();
    let mut reps = n as u64 - 1;
    if let Some(m) = st.maxlen.get() {
        // Only the last `maxlen` items survive.
        let needed = (m as u64).div_ceil(items.len() as u64) + 1;
        reps = reps.min(needed);
    } else if (items.len() as u64).saturating_mul(n as u64) > (1 << 32) {
        return Err(t.raise_msg(t.classes.memory_error, ""));
    }
    for _ in 0..reps {
        for v in &items {
            st.push_back(*v);
        }
    }
    Ok(())
}

fn mul(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::exact(t, "__mul__", &args[1..], kw, 1)?;
    let n = repeat_count(t, a[0])?;
    let new = copy_of(t, args[0])?;
    t.temp_roots.push(new);
    let r = (|| {
        let st = dq(t, new)?;
        repeat_in_place(t, st, n)
    })();
    t.temp_roots.pop();
    r.map(|_| new)
}

fn iadd(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::exact(t, "__iadd__", &args[1..], kw, 1)?;
    let st = dq(t, args[0])?;
    extend_with(t, st, args[0], a[0], false)?;
    Ok(args[0])
}

fn imul(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::exact(t, "__imul__", &args[1..], kw, 1)?;
    let n = repeat_count(t, a[0])?;
    let st = dq(t, args[0])?;
    repeat_in_place(t, st, n)?;
    Ok(args[0])
}
