//! `collections.Counter`: a dict subclass (`Base::Dict`) whose methods
//! follow CPython 3.11's pure-Python `Counter` step by step (the same
//! dynamic calls of `self.update`, `self.items()`, `self[e]`, `__missing__`
//! and the same comparisons, so overrides and errors behave alike). The
//! class is named `Counter` (a Python class in CPython, so messages say
//! `'Counter'`), with module `collections`.

use super::def_method;
use super::mod_collections::short_type_name;
use crate::bytecode::BinOp;
use crate::gc::Gc;
use crate::object::class::Base;
use crate::object::*;
use crate::ops::{self, cast, CmpOp};
use crate::thread::Thread;
use crate::value::Value;
use crate::PyResult;

pub fn make_counter(t: &mut Thread) -> Gc<Class> {
    let dict = t.classes.dict;
    let c = t.make_builtin_class("Counter", Some(dict), Base::Dict);
    let m = t.intern("collections");
    c.module.set(m.as_value());
    let methods: [(&'static str, &'static str, BuiltinFn); 26] = [
        ("__init__", "Counter.__init__", c_init),
        ("__missing__", "Counter.__missing__", c_missing),
        ("total", "Counter.total", c_total),
        ("most_common", MOST_COMMON, c_most_common),
        ("elements", "Counter.elements", c_elements),
        ("update", "Counter.update", c_update),
        ("subtract", "Counter.subtract", c_subtract),
        ("copy", "Counter.copy", c_copy),
        ("__delitem__", "Counter.__delitem__", c_delitem),
        ("__repr__", "Counter.__repr__", c_repr),
        ("__eq__", "Counter.__eq__", c_eq),
        ("__ne__", "Counter.__ne__", c_ne),
        ("__le__", "Counter.__le__", c_le),
        ("__lt__", "Counter.__lt__", c_lt),
        ("__ge__", "Counter.__ge__", c_ge),
        ("__gt__", "Counter.__gt__", c_gt),
        ("__add__", "Counter.__add__", c_add),
        ("__sub__", "Counter.__sub__", c_sub),
        ("__or__", "Counter.__or__", c_or),
        ("__and__", "Counter.__and__", c_and),
        ("__pos__", "Counter.__pos__", c_pos),
        ("__neg__", "Counter.__neg__", c_neg),
        ("__iadd__", "Counter.__iadd__", c_iadd),
        ("__isub__", "Counter.__isub__", c_isub),
        ("__ior__", "Counter.__ior__", c_ior),
        ("__iand__", "Counter.__iand__", c_iand),
    ];
    for (name, qual, f) in methods {
        def_method(t, c, name, qual, f);
    }
    def_method(
        t,
        c,
        "_keep_positive",
        "Counter._keep_positive",
        c_keep_positive,
    );
    let f = super::builtin_fn(t, "fromkeys", "Counter.fromkeys", c_fromkeys, false);
    let cm = t.heap.alloc_immortal(ClassMethod { func: f }).as_value();
    let n = t.intern("fromkeys");
    c.dict.get_mut().set(n, cm);
    // A class defining `__eq__` gets `__hash__ = None`.
    let h = t.names.hash;
    c.dict.get_mut().set(h, Value::NONE);
    c
}

const MOST_COMMON: &str = "Counter.most_common";

// ----- helpers shared with OrderedDict -----

/// Runs `f`, then drops whatever it pushed on `temp_roots`.
pub(crate) fn scoped<R>(t: &mut Thread, f: impl FnOnce(&mut Thread) -> PyResult<R>) -> PyResult<R> {
    let mark = t.temp_roots.len();
    let r = f(t);
    t.temp_roots.truncate(mark);
    r
}

/// Binds the arguments of a method defined in Python (`names` includes the
/// receiver; the first `required` have no default; the first `posonly` are
/// positional-only), with CPython's messages. Missing ones are UNBOUND.
/// With `varkw`, unknown keywords are returned instead of refused.
pub(crate) fn bind_py(
    t: &mut Thread,
    qual: &str,
    args: &[Value],
    kw: Option<Gc<Tuple>>,
    names: &[&str],
    required: usize,
    posonly: usize,
    varkw: bool,
) -> PyResult<(Vec<Value>, Vec<(Gc<Str>, Value)>)> {
    let (pos, kws) = ops::call::split_kw(args, kw);
    let n = names.len();
    if pos.len() > n {
        let given = pos.len();
        let was = if given == 1 { "was" } else { "were" };
        let msg = if required < n {
            format!("{qual}() takes from {required} to {n} positional arguments but {given} {was} given")
        } else {
            let s = if n == 1 { "" } else { "s" };
            format!("{qual}() takes {n} positional argument{s} but {given} {was} given")
        };
        return Err(t.type_error(&msg));
    }
    let mut out = vec![Value::UNBOUND; n];
    out[..pos.len()].copy_from_slice(pos);
    let mut extra = Vec::new();
    let mut posonly_kw = Vec::new();
    for (k, v) in kws {
        match names.iter().position(|x| *x == k.as_str()) {
            Some(i) if i >= posonly => {
                if !out[i].is_unbound() {
                    let msg = format!("{qual}() got multiple values for argument '{}'", names[i]);
                    return Err(t.type_error(&msg));
                }
                out[i] = v;
            }
            Some(i) if !varkw => posonly_kw.push(names[i]),
            _ if varkw => extra.push((k, v)),
            _ => {
                let msg = format!(
                    "{qual}() got an unexpected keyword argument '{}'",
                    k.as_str()
                );
                return Err(t.type_error(&msg));
            }
        }
    }
    if !posonly_kw.is_empty() {
        let msg = format!(
            "{qual}() got some positional-only arguments passed as keyword arguments: '{}'",
            posonly_kw.join(", ")
        );
        return Err(t.type_error(&msg));
    }
    let missing: Vec<&str> = (0..required)
        .filter(|&i| out[i].is_unbound())
        .map(|i| names[i])
        .collect();
    if !missing.is_empty() {
        let quoted: Vec<String> = missing.iter().map(|m| format!("'{m}'")).collect();
        let list = match quoted.len() {
            1 => quoted[0].clone(),
            k => format!("{} and {}", quoted[..k - 1].join(", "), quoted[k - 1]),
        };
        let s = if missing.len() == 1 { "" } else { "s" };
        let msg = format!(
            "{qual}() missing {} required positional argument{s}: {list}",
            missing.len()
        );
        return Err(t.type_error(&msg));
    }
    Ok((out, extra))
}

/// Calls `f(*pos, **kws)`.
pub(crate) fn call_kw(
    t: &mut Thread,
    f: Value,
    pos: &[Value],
    kws: &[(Gc<Str>, Value)],
) -> PyResult<Value> {
    if kws.is_empty() {
        return ops::call(t, f, pos, None);
    }
    let names: Vec<Value> = kws.iter().map(|(k, _)| k.as_value()).collect();
    let names = t.new_tuple(names);
    t.temp_roots.push(names);
    let mut all = pos.to_vec();
    all.extend(kws.iter().map(|(_, v)| *v));
    let r = ops::call(t, f, &all, cast::<Tuple>(names));
    t.temp_roots.pop();
    r
}

/// `obj.name(*args)`.
pub(crate) fn call_named(
    t: &mut Thread,
    obj: Value,
    name: &str,
    args: &[Value],
) -> PyResult<Value> {
    let n = t.intern(name);
    ops::call_method(t, obj, n, args)
}

/// Whether the builtin method `m` has this qualified name.
fn is_builtin(m: Option<Value>, qualname: &str) -> bool {
    m.and_then(cast::<Builtin>)
        .is_some_and(|b| b.qualname == qualname)
}

/// `a, b = item` with the interpreter's messages.
pub(crate) fn unpack2(t: &mut Thread, item: Value) -> PyResult<(Value, Value)> {
    if let Some(tu) = cast::<Tuple>(item) {
        if tu.len() == 2 {
            return Ok((tu.items[0], tu.items[1]));
        }
    }
    let it = match ops::iter(t, item) {
        Ok(it) => it,
        Err(e) => {
            if t.exc_is(t.classes.type_error) {
                let msg = format!("cannot unpack non-iterable {} object", t.type_name(item));
                t.exc = Value::NONE;
                return Err(t.type_error(&msg));
            }
            return Err(e);
        }
    };
    scoped(t, |t| {
        t.temp_roots.push(it);
        let mut got = Vec::new();
        while got.len() < 3 {
            match ops::next(t, it)? {
                Some(v) => {
                    t.temp_roots.push(v);
                    got.push(v)
                }
                None => break,
            }
        }
        match got.len() {
            2 => Ok((got[0], got[1])),
            3 => Err(t.value_error("too many values to unpack (expected 2)")),
            k => {
                let msg = format!("not enough values to unpack (expected 2, got {k})");
                Err(t.value_error(&msg))
            }
        }
    })
}

/// `list(v.items())` as pairs, rooted on `temp_roots` (the caller scopes
/// them): a dict's table directly unless its class overrides `items`.
pub(crate) fn items_of(t: &mut Thread, v: Value) -> PyResult<Vec<(Value, Value)>> {
    let n = t.intern("items");
    let m = t.class_of(v).lookup(n);
    let pairs = match ops::as_dict(v) {
        Some(d) if is_builtin(m, "dict.items") => d.table.items(),
        _ => {
            let items = ops::call_method(t, v, n, &[])?;
            t.temp_roots.push(items);
            let l = ops::collect_list(t, items)?;
            t.temp_roots.push(l.as_value());
            let mut out = Vec::new();
            for item in l.snapshot() {
                out.push(unpack2(t, item)?);
            }
            out
        }
    };
    for (k, x) in &pairs {
        t.temp_roots.push(*k);
        t.temp_roots.push(*x);
    }
    Ok(pairs)
}

/// The keys of a dict-based instance in iteration order, rooted.
fn keys_of(t: &mut Thread, v: Value) -> PyResult<Vec<Value>> {
    let l = ops::collect_list(t, v)?;
    t.temp_roots.push(l.as_value());
    Ok(l.snapshot())
}

fn truth(t: &mut Thread, a: Value, b: Value, op: CmpOp) -> PyResult<bool> {
    let r = ops::compare(t, a, b, op)?;
    ops::truthy(t, r)
}

fn zero() -> Value {
    Value::small_int_unchecked(0)
}

// ----- Counter -----

/// The class `Counter` itself, found in the MRO of `v`'s class.
fn counter_class(t: &mut Thread, v: Value) -> Option<Gc<Class>> {
    let n = t.intern("most_common");
    let cls = t.class_of(v);
    let mro = cls.mro.get().clone();
    mro.into_iter()
        .find(|c| is_builtin(c.dict.get().get(n), MOST_COMMON))
}

fn this_dict(t: &mut Thread, v: Value, what: &str) -> PyResult<Gc<Dict>> {
    match ops::as_dict(v) {
        Some(d) => Ok(d),
        None => {
            let msg = format!("{what} requires a 'Counter' object");
            Err(t.type_error(&msg))
        }
    }
}

/// `self.get(elem, 0)` for a Counter (dict.get).
fn get0(t: &mut Thread, d: Gc<Dict>, k: Value) -> PyResult<Value> {
    Ok(ops::dict::get(t, d, k)?.unwrap_or(zero()))
}

/// A new, empty, exact `Counter`.
fn new_counter(t: &mut Thread, like: Value) -> PyResult<Value> {
    let Some(cls) = counter_class(t, like) else {
        return Err(t.type_error("Counter method requires a 'Counter' object"));
    };
    let r = ops::call(t, cls.as_value(), &[], None)?;
    t.temp_roots.push(r);
    Ok(r)
}

fn set_in(t: &mut Thread, c: Value, k: Value, v: Value) -> PyResult<()> {
    let d = this_dict(t, c, "Counter")?;
    ops::dict::set(t, d, k, v)
}

fn c_init(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let (a, kws) = bind_py(
        t,
        "Counter.__init__",
        args,
        kw,
        &["self", "iterable"],
        1,
        2,
        true,
    )?;
    let it = if a[1].is_unbound() { Value::NONE } else { a[1] };
    let n = t.intern("update");
    let upd = ops::getattr(t, a[0], n)?;
    t.temp_roots.push(upd);
    let r = call_kw(t, upd, &[it], &kws);
    t.temp_roots.pop();
    r.map(|_| Value::NONE)
}

fn c_missing(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    bind_py(
        t,
        "Counter.__missing__",
        args,
        kw,
        &["self", "key"],
        2,
        0,
        false,
    )?;
    Ok(zero())
}

fn c_total(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let (a, _) = bind_py(t, "Counter.total", args, kw, &["self"], 1, 0, false)?;
    scoped(t, |t| {
        let vals = call_named(t, a[0], "values", &[])?;
        t.temp_roots.push(vals);
        let l = ops::collect_list(t, vals)?;
        t.temp_roots.push(l.as_value());
        let mut acc = zero();
        for v in l.snapshot() {
            acc = ops::binary(t, acc, v, BinOp::Add)?;
            t.temp_roots.push(acc);
        }
        Ok(acc)
    })
}

/// The items of `me` sorted by count, descending, ties in order (CPython's
/// `sorted(..., key=itemgetter(1), reverse=True)`), truncated to `n`.
fn most_common(t: &mut Thread, me: Value, n: Value) -> PyResult<Value> {
    scoped(t, |t| {
        let items = call_named(t, me, "items", &[])?;
        t.temp_roots.push(items);
        let l = ops::collect_list(t, items)?;
        t.temp_roots.push(l.as_value());
        let items = l.snapshot();
        let limit = if n.is_none() {
            None
        } else {
            Some(super::args::int_arg(t, n)?)
        };
        if limit.is_some_and(|k| k <= 0) {
            return Ok(t.new_list(vec![]));
        }
        let one = Value::small_int_unchecked(1);
        let mut keys = Vec::with_capacity(items.len());
        for it in &items {
            let k = ops::getitem(t, *it, one)?;
            t.temp_roots.push(k);
            keys.push(k);
        }
        if limit == Some(1) {
            // heapq.nlargest(1, ...) is max(): the first largest, by `>`.
            let mut best: Option<usize> = None;
            for i in 0..items.len() {
                best = match best {
                    None => Some(i),
                    Some(b) if truth(t, keys[i], keys[b], CmpOp::Gt)? => Some(i),
                    keep => keep,
                };
            }
            let r: Vec<Value> = best.map(|b| items[b]).into_iter().collect();
            return Ok(t.new_list(r));
        }
        let mut idx: Vec<usize> = (0..items.len()).rev().collect();
        super::sort::sort_by(&mut idx, &mut |a: usize, b: usize| {
            truth(t, keys[a], keys[b], CmpOp::Lt)
        })?;
        idx.reverse();
        if let Some(k) = limit {
            idx.truncate(k as usize);
        }
        let r: Vec<Value> = idx.into_iter().map(|i| items[i]).collect();
        Ok(t.new_list(r))
    })
}

fn c_most_common(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let (a, _) = bind_py(t, MOST_COMMON, args, kw, &["self", "n"], 1, 0, false)?;
    let n = if a[1].is_unbound() { Value::NONE } else { a[1] };
    most_common(t, a[0], n)
}

fn c_elements(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let (a, _) = bind_py(t, "Counter.elements", args, kw, &["self"], 1, 0, false)?;
    scoped(t, |t| {
        let Some(itm) = super::modules::builtin_module(t, "itertools")? else {
            return Err(t.runtime_error("itertools is missing"));
        };
        let get = |t: &mut Thread, o: Value, name: &str| -> PyResult<Value> {
            let n = t.intern(name);
            let v = ops::getattr(t, o, n)?;
            t.temp_roots.push(v);
            Ok(v)
        };
        let chain = get(t, itm, "chain")?;
        let from_iterable = get(t, chain, "from_iterable")?;
        let starmap = get(t, itm, "starmap")?;
        let repeat = get(t, itm, "repeat")?;
        let items = call_named(t, a[0], "items", &[])?;
        t.temp_roots.push(items);
        let sm = ops::call(t, starmap, &[repeat, items], None)?;
        t.temp_roots.push(sm);
        ops::call(t, from_iterable, &[sm], None)
    })
}

fn c_fromkeys(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    bind_py(
        t,
        "Counter.fromkeys",
        args,
        kw,
        &["cls", "iterable", "v"],
        2,
        0,
        false,
    )?;
    let c = t.classes.not_implemented_error;
    Err(t.raise_msg(
        c,
        "Counter.fromkeys() is undefined.  Use Counter(iterable) instead.",
    ))
}

/// `_count_elements(mapping, iterable)`: the C helper, with its fast path
/// when the class keeps dict's `get` and `__setitem__`.
fn count_elements(t: &mut Thread, me: Value, iterable: Value) -> PyResult<()> {
    scoped(t, |t| {
        let it = ops::iter(t, iterable)?;
        t.temp_roots.push(it);
        let cls = t.class_of(me);
        let gn = t.intern("get");
        let sn = t.intern("__setitem__");
        let fast = is_builtin(cls.lookup(gn), "dict.get")
            && cls.lookup(sn).is_none_or(|m| cast::<Builtin>(m).is_some());
        let one = Value::small_int_unchecked(1);
        match ops::as_dict(me) {
            Some(d) if fast => {
                while let Some(k) = ops::next(t, it)? {
                    let nv = match ops::dict::get(t, d, k)? {
                        None => one,
                        Some(old) => ops::binary(t, old, one, BinOp::Add)?,
                    };
                    ops::dict::set(t, d, k, nv)?;
                }
            }
            _ => {
                let get = ops::getattr(t, me, gn)?;
                t.temp_roots.push(get);
                while let Some(k) = ops::next(t, it)? {
                    let old = ops::call(t, get, &[k, zero()], None)?;
                    let nv = ops::binary(t, old, one, BinOp::Add)?;
                    ops::setitem(t, me, k, nv)?;
                }
            }
        }
        Ok(())
    })
}

/// `self.<name>(kwds)` for the keyword arguments of update/subtract.
fn recurse_kwds(t: &mut Thread, me: Value, name: &str, kws: &[(Gc<Str>, Value)]) -> PyResult<()> {
    if kws.is_empty() {
        return Ok(());
    }
    let d = t.new_dict();
    t.temp_roots.push(d.as_value());
    let r = (|| {
        for (k, v) in kws {
            ops::dict::set(t, d, k.as_value(), *v)?;
        }
        call_named(t, me, name, &[d.as_value()])
    })();
    t.temp_roots.pop();
    r.map(|_| ())
}

fn c_update(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let (a, kws) = bind_py(
        t,
        "Counter.update",
        args,
        kw,
        &["self", "iterable"],
        1,
        2,
        true,
    )?;
    let me = a[0];
    let src = a[1];
    if !src.is_unbound() && !src.is_none() {
        if ops::as_dict(src).is_some() {
            let d = this_dict(t, me, "Counter.update")?;
            if !d.is_empty() {
                scoped(t, |t| {
                    for (elem, count) in items_of(t, src)? {
                        let old = get0(t, d, elem)?;
                        let nv = ops::binary(t, count, old, BinOp::Add)?;
                        t.temp_roots.push(nv);
                        ops::setitem(t, me, elem, nv)?;
                    }
                    Ok(())
                })?;
            } else {
                ops::dict::update(t, d, src)?;
            }
        } else {
            count_elements(t, me, src)?;
        }
    }
    recurse_kwds(t, me, "update", &kws)?;
    Ok(Value::NONE)
}

fn c_subtract(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let (a, kws) = bind_py(
        t,
        "Counter.subtract",
        args,
        kw,
        &["self", "iterable"],
        1,
        2,
        true,
    )?;
    let me = a[0];
    let src = a[1];
    if !src.is_unbound() && !src.is_none() {
        let d = this_dict(t, me, "Counter.subtract")?;
        scoped(t, |t| {
            if ops::as_dict(src).is_some() {
                for (elem, count) in items_of(t, src)? {
                    let old = get0(t, d, elem)?;
                    let nv = ops::binary(t, old, count, BinOp::Sub)?;
                    t.temp_roots.push(nv);
                    ops::setitem(t, me, elem, nv)?;
                }
            } else {
                let it = ops::iter(t, src)?;
                t.temp_roots.push(it);
                while let Some(elem) = ops::next(t, it)? {
                    let old = get0(t, d, elem)?;
                    let nv = ops::binary(t, old, Value::small_int_unchecked(1), BinOp::Sub)?;
                    ops::setitem(t, me, elem, nv)?;
                }
            }
            Ok(())
        })?;
    }
    recurse_kwds(t, me, "subtract", &kws)?;
    Ok(Value::NONE)
}

fn c_copy(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let (a, _) = bind_py(t, "Counter.copy", args, kw, &["self"], 1, 0, false)?;
    let cls = t.class_of(a[0]);
    ops::call(t, cls.as_value(), &[a[0]], None)
}

fn c_delitem(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let (a, _) = bind_py(
        t,
        "Counter.__delitem__",
        args,
        kw,
        &["self", "elem"],
        2,
        0,
        false,
    )?;
    if ops::compare::contains(t, a[0], a[1])? {
        let d = this_dict(t, a[0], "Counter.__delitem__")?;
        if ops::dict::remove(t, d, a[1])?.is_none() {
            return Err(t.key_error(a[1]));
        }
    }
    Ok(Value::NONE)
}

fn c_repr(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let (a, _) = bind_py(t, "Counter.__repr__", args, kw, &["self"], 1, 0, false)?;
    let me = a[0];
    let name = short_type_name(t, me);
    if !ops::truthy(t, me)? {
        return Ok(t.new_string(format!("{name}()")));
    }
    scoped(t, |t| {
        let d = t.new_dict();
        t.temp_roots.push(d.as_value());
        let src = match call_named(t, me, "most_common", &[]) {
            Ok(v) => v,
            Err(e) => {
                if !t.exc_is(t.classes.type_error) {
                    return Err(e);
                }
                t.exc = Value::NONE;
                me
            }
        };
        t.temp_roots.push(src);
        ops::dict::update(t, d, src)?;
        let r = ops::repr_string(t, d.as_value())?;
        Ok(t.new_string(format!("{name}({r})")))
    })
}

fn is_counter(t: &mut Thread, v: Value) -> bool {
    counter_class(t, v).is_some()
}

/// `all(self[e] <op> other[e] for c in (self, other) for e in c)`, or
/// NotImplemented when `other` is not a Counter.
fn all_counts(
    t: &mut Thread,
    args: &[Value],
    kw: Option<Gc<Tuple>>,
    qual: &str,
    op: CmpOp,
) -> PyResult<Value> {
    let (a, _) = bind_py(t, qual, args, kw, &["self", "other"], 2, 0, false)?;
    let (me, other) = (a[0], a[1]);
    if !is_counter(t, other) {
        return Ok(t.not_implemented);
    }
    scoped(t, |t| {
        for c in [me, other] {
            for e in keys_of(t, c)? {
                let x = ops::getitem(t, me, e)?;
                t.temp_roots.push(x);
                let y = ops::getitem(t, other, e)?;
                t.temp_roots.push(y);
                if !truth(t, x, y, op)? {
                    return Ok(Value::bool(false));
                }
            }
        }
        Ok(Value::bool(true))
    })
}

fn c_eq(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    all_counts(t, args, kw, "Counter.__eq__", CmpOp::Eq)
}
fn c_le(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    all_counts(t, args, kw, "Counter.__le__", CmpOp::Le)
}
fn c_ge(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    all_counts(t, args, kw, "Counter.__ge__", CmpOp::Ge)
}

fn c_ne(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let (a, _) = bind_py(
        t,
        "Counter.__ne__",
        args,
        kw,
        &["self", "other"],
        2,
        0,
        false,
    )?;
    if !is_counter(t, a[1]) {
        return Ok(t.not_implemented);
    }
    let r = truth(t, a[0], a[1], CmpOp::Eq)?;
    Ok(Value::bool(!r))
}

/// `self <first> other and self != other`.
fn strict(
    t: &mut Thread,
    args: &[Value],
    kw: Option<Gc<Tuple>>,
    qual: &str,
    first: CmpOp,
) -> PyResult<Value> {
    let (a, _) = bind_py(t, qual, args, kw, &["self", "other"], 2, 0, false)?;
    if !is_counter(t, a[1]) {
        return Ok(t.not_implemented);
    }
    let r = ops::compare(t, a[0], a[1], first)?;
    t.temp_roots.push(r);
    let ok = ops::truthy(t, r);
    t.temp_roots.pop();
    if !ok? {
        return Ok(r);
    }
    ops::compare(t, a[0], a[1], CmpOp::Ne)
}

fn c_lt(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    strict(t, args, kw, "Counter.__lt__", CmpOp::Le)
}
fn c_gt(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    strict(t, args, kw, "Counter.__gt__", CmpOp::Ge)
}

#[derive(Clone, Copy, PartialEq)]
enum Multi {
    Add,
    Sub,
    Or,
    And,
}

/// `+ - | &` between Counters, keeping positive counts, in CPython's order.
fn multiset(
    t: &mut Thread,
    args: &[Value],
    kw: Option<Gc<Tuple>>,
    qual: &str,
    op: Multi,
) -> PyResult<Value> {
    let (a, _) = bind_py(t, qual, args, kw, &["self", "other"], 2, 0, false)?;
    let (me, other) = (a[0], a[1]);
    if !is_counter(t, other) {
        return Ok(t.not_implemented);
    }
    scoped(t, |t| {
        let result = new_counter(t, me)?;
        for (elem, count) in items_of(t, me)? {
            let oc = ops::getitem(t, other, elem)?;
            t.temp_roots.push(oc);
            let nc = match op {
                Multi::Add => ops::binary(t, count, oc, BinOp::Add)?,
                Multi::Sub => ops::binary(t, count, oc, BinOp::Sub)?,
                Multi::Or => {
                    if truth(t, count, oc, CmpOp::Lt)? {
                        oc
                    } else {
                        count
                    }
                }
                Multi::And => {
                    if truth(t, count, oc, CmpOp::Lt)? {
                        count
                    } else {
                        oc
                    }
                }
            };
            t.temp_roots.push(nc);
            if truth(t, nc, zero(), CmpOp::Gt)? {
                set_in(t, result, elem, nc)?;
            }
        }
        if op != Multi::And {
            for (elem, count) in items_of(t, other)? {
                if ops::compare::contains(t, me, elem)? {
                    continue;
                }
                keep_signed(t, result, elem, count, op == Multi::Sub)?;
            }
        }
        Ok(result)
    })
}

fn c_add(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    multiset(t, args, kw, "Counter.__add__", Multi::Add)
}
fn c_sub(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    multiset(t, args, kw, "Counter.__sub__", Multi::Sub)
}
fn c_or(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    multiset(t, args, kw, "Counter.__or__", Multi::Or)
}
fn c_and(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    multiset(t, args, kw, "Counter.__and__", Multi::And)
}

/// Stores `count` under `elem` in `result` if it is positive, or, with
/// `negate`, stores `-count` if it is negative (the rule of unary `+`/`-`
/// and of the one-sided parts of `+`, `-`, `|`).
fn keep_signed(
    t: &mut Thread,
    result: Value,
    elem: Value,
    count: Value,
    negate: bool,
) -> PyResult<()> {
    if negate {
        if truth(t, count, zero(), CmpOp::Lt)? {
            let nc = ops::binary(t, zero(), count, BinOp::Sub)?;
            t.temp_roots.push(nc);
            set_in(t, result, elem, nc)?;
        }
    } else if truth(t, count, zero(), CmpOp::Gt)? {
        set_in(t, result, elem, count)?;
    }
    Ok(())
}

/// Unary `+` (keep positive counts) and `-` (negate negative ones).
fn unary(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>, neg: bool) -> PyResult<Value> {
    let qual = if neg {
        "Counter.__neg__"
    } else {
        "Counter.__pos__"
    };
    let (a, _) = bind_py(t, qual, args, kw, &["self"], 1, 0, false)?;
    let me = a[0];
    scoped(t, |t| {
        let result = new_counter(t, me)?;
        for (elem, count) in items_of(t, me)? {
            keep_signed(t, result, elem, count, neg)?;
        }
        Ok(result)
    })
}

fn c_pos(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    unary(t, args, kw, false)
}
fn c_neg(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    unary(t, args, kw, true)
}

/// Deletes the elements whose count is not positive; returns `me`.
fn keep_positive(t: &mut Thread, me: Value) -> PyResult<Value> {
    scoped(t, |t| {
        let mut drop = Vec::new();
        for (elem, count) in items_of(t, me)? {
            if !truth(t, count, zero(), CmpOp::Gt)? {
                drop.push(elem);
            }
        }
        for elem in drop {
            ops::delitem(t, me, elem)?;
        }
        Ok(me)
    })
}

fn c_keep_positive(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let (a, _) = bind_py(
        t,
        "Counter._keep_positive",
        args,
        kw,
        &["self"],
        1,
        0,
        false,
    )?;
    keep_positive(t, a[0])
}

/// `+=`, `-=`, `|=`, `&=`: in place, then `_keep_positive`.
fn inplace(
    t: &mut Thread,
    args: &[Value],
    kw: Option<Gc<Tuple>>,
    qual: &str,
    op: Multi,
) -> PyResult<Value> {
    let (a, _) = bind_py(t, qual, args, kw, &["self", "other"], 2, 0, false)?;
    let (me, other) = (a[0], a[1]);
    scoped(t, |t| {
        match op {
            Multi::Add | Multi::Sub => {
                let bop = if op == Multi::Add {
                    BinOp::Add
                } else {
                    BinOp::Sub
                };
                for (elem, count) in items_of(t, other)? {
                    let cur = ops::getitem(t, me, elem)?;
                    t.temp_roots.push(cur);
                    let nv = ops::inplace(t, cur, count, bop)?;
                    t.temp_roots.push(nv);
                    ops::setitem(t, me, elem, nv)?;
                }
            }
            Multi::Or => {
                for (elem, oc) in items_of(t, other)? {
                    let count = ops::getitem(t, me, elem)?;
                    t.temp_roots.push(count);
                    if truth(t, oc, count, CmpOp::Gt)? {
                        ops::setitem(t, me, elem, oc)?;
                    }
                }
            }
            Multi::And => {
                for (elem, count) in items_of(t, me)? {
                    let oc = ops::getitem(t, other, elem)?;
                    t.temp_roots.push(oc);
                    if truth(t, oc, count, CmpOp::Lt)? {
                        ops::setitem(t, me, elem, oc)?;
                    }
                }
            }
        }
        let n = t.intern("_keep_positive");
        ops::call_method(t, me, n, &[])
    })
}

fn c_iadd(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    inplace(t, args, kw, "Counter.__iadd__", Multi::Add)
}
fn c_isub(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    inplace(t, args, kw, "Counter.__isub__", Multi::Sub)
}
fn c_ior(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    inplace(t, args, kw, "Counter.__ior__", Multi::Or)
}
fn c_iand(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    inplace(t, args, kw, "Counter.__iand__", Multi::And)
}
