//! `collections.OrderedDict`: a dict subclass (`Base::Dict`). The dict table
//! already keeps insertion order, so the order is the table's: moving a key
//! to the end removes and re-inserts its entry (same key object, hash and
//! value); moving it to the front rebuilds the table with it first. Updates
//! go through `self[key] = value` as CPython's `mutablemapping_update`.

use crate::builtins::def_method;
use crate::builtins::mod_collections::{lib_class, short_type_name};
use crate::builtins::mod_collections_counter::{items_of, scoped};
use crate::gc::Gc;
use crate::object::class::Base;
use crate::object::*;
use crate::ops::{self, cast};
use crate::thread::Thread;
use crate::value::Value;
use crate::PyResult;
use std::convert::Infallible;

const MOVE_TO_END: &str = "OrderedDict.move_to_end";

pub fn make_ordereddict(t: &mut Thread) -> Gc<Class> {
    let dict = t.classes.dict;
    let c = lib_class(t, "collections", "OrderedDict", dict, Base::Dict);
    let methods: [(&'static str, &'static str, BuiltinFn); 12] = [
        ("__init__", "OrderedDict.__init__", od_init),
        ("update", "OrderedDict.update", od_update),
        ("move_to_end", MOVE_TO_END, od_move_to_end),
        ("popitem", "OrderedDict.popitem", od_popitem),
        ("__repr__", "OrderedDict.__repr__", od_repr),
        ("__eq__", "OrderedDict.__eq__", od_eq),
        ("__ne__", "OrderedDict.__ne__", od_ne),
        ("__reversed__", "OrderedDict.__reversed__", od_reversed),
        ("copy", "OrderedDict.copy", od_copy),
        ("__or__", "OrderedDict.__or__", od_or),
        ("__ror__", "OrderedDict.__ror__", od_ror),
        ("__ior__", "OrderedDict.__ior__", od_ior),
    ];
    for (name, qual, f) in methods {
        def_method(t, c, name, qual, f);
    }
    let f = crate::builtins::builtin_fn(t, "fromkeys", "OrderedDict.fromkeys", od_fromkeys, false);
    let cm = t.heap.alloc_immortal(ClassMethod { func: f }).as_value();
    let n = t.intern("fromkeys");
    c.dict.get_mut().set(n, cm);
    let h = t.names.hash;
    c.dict.get_mut().set(h, Value::NONE);
    c
}

/// Binds the arguments of an Argument Clinic method (`names` excludes the
/// receiver; the first `required` have no default), with its messages.
fn clinic(
    t: &mut Thread,
    f: &str,
    args: &[Value],
    kw: Option<Gc<Tuple>>,
    names: &[&str],
    required: usize,
) -> PyResult<Vec<Value>> {
    let (pos, kws) = ops::call::split_kw(args, kw);
    let n = names.len();
    let given = pos.len() + kws.len();
    if given > n {
        let s = if n == 1 { "" } else { "s" };
        let msg = format!("{f}() takes at most {n} argument{s} ({given} given)");
        return Err(t.type_error(&msg));
    }
    let mut out = vec![Value::UNBOUND; n];
    out[..pos.len()].copy_from_slice(pos);
    for (k, v) in kws {
        match names.iter().position(|x| *x == k.as_str()) {
            Some(i) if i < pos.len() => {
                let msg = format!(
                    "argument for {f}() given by name ('{}') and position ({})",
                    names[i],
                    i + 1
                );
                return Err(t.type_error(&msg));
            }
            Some(i) => out[i] = v,
            None => {
                let msg = format!("'{}' is an invalid keyword argument for {f}()", k.as_str());
                return Err(t.type_error(&msg));
            }
        }
    }
    if let Some(i) = (0..required).find(|&i| out[i].is_unbound()) {
        let msg = format!(
            "{f}() missing required argument '{}' (pos {})",
            names[i],
            i + 1
        );
        return Err(t.type_error(&msg));
    }
    Ok(out)
}

fn no_args(t: &mut Thread, qual: &str, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<()> {
    crate::builtins::args::no_kw(t, qual, kw)?;
    if args.len() > 1 {
        let msg = format!("{qual}() takes no arguments ({} given)", args.len() - 1);
        return Err(t.type_error(&msg));
    }
    Ok(())
}

fn this(t: &mut Thread, v: Value) -> PyResult<Gc<Dict>> {
    match ops::as_dict(v) {
        Some(d) => Ok(d),
        None => Err(t.type_error("descriptor requires a 'collections.OrderedDict' object")),
    }
}

/// Whether `v` is an OrderedDict (or an instance of a subclass).
fn is_od(t: &mut Thread, v: Value) -> bool {
    let n = t.intern("move_to_end");
    let cls = t.class_of(v);
    let mro = cls.mro.get().clone();
    mro.into_iter().any(|c| {
        c.dict
            .get()
            .get(n)
            .and_then(cast::<Builtin>)
            .is_some_and(|b| b.qualname == MOVE_TO_END)
    })
}

fn identity(a: Value, b: Value) -> Result<bool, Infallible> {
    Ok(a.is(b))
}

/// `mutablemapping_add_pairs`: `self[k] = v` for each pair of `pairs`.
fn add_pairs(t: &mut Thread, me: Value, pairs: Value) -> PyResult<()> {
    scoped(t, |t| {
        let it = ops::iter(t, pairs)?;
        t.temp_roots.push(it);
        while let Some(pair) = ops::next(t, it)? {
            t.temp_roots.push(pair);
            let pi = ops::iter(t, pair)?;
            t.temp_roots.push(pi);
            let Some(k) = ops::next(t, pi)? else {
                return Err(t.value_error("need more than 0 values to unpack"));
            };
            t.temp_roots.push(k);
            let Some(v) = ops::next(t, pi)? else {
                return Err(t.value_error("need more than 1 value to unpack"));
            };
            t.temp_roots.push(v);
            if ops::next(t, pi)?.is_some() {
                return Err(t.value_error("too many values to unpack (expected 2)"));
            }
            ops::setitem(t, me, k, v)?;
        }
        Ok(())
    })
}

/// `mutablemapping_update_arg`: a dict's items, else `keys()` and
/// `arg[key]`, else `items()`, else pairs.
fn update_arg(t: &mut Thread, me: Value, arg: Value) -> PyResult<()> {
    scoped(t, |t| {
        if crate::ops::kind_of(arg) == Some(Kind::Dict) {
            for (k, v) in items_of(t, arg)? {
                ops::setitem(t, me, k, v)?;
            }
            return Ok(());
        }
        let kn = t.intern("keys");
        if let Some(keys) = ops::getattr_opt(t, arg, kn)? {
            t.temp_roots.push(keys);
            let ks = ops::call(t, keys, &[], None)?;
            t.temp_roots.push(ks);
            let it = ops::iter(t, ks)?;
            t.temp_roots.push(it);
            while let Some(k) = ops::next(t, it)? {
                t.temp_roots.push(k);
                let v = ops::getitem(t, arg, k)?;
                t.temp_roots.push(v);
                ops::setitem(t, me, k, v)?;
            }
            return Ok(());
        }
        let iname = t.intern("items");
        if let Some(items) = ops::getattr_opt(t, arg, iname)? {
            t.temp_roots.push(items);
            let its = ops::call(t, items, &[], None)?;
            t.temp_roots.push(its);
            return add_pairs(t, me, its);
        }
        add_pairs(t, me, arg)
    })
}

/// `mutablemapping_update(self, args, kwargs)`.
fn update(t: &mut Thread, me: Value, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<()> {
    let (pos, kws) = ops::call::split_kw(args, kw);
    if let Some(a) = pos.first() {
        update_arg(t, me, *a)?;
    }
    for (k, v) in kws {
        ops::setitem(t, me, k.as_value(), v)?;
    }
    Ok(())
}

fn od_init(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let (pos, _) = ops::call::split_kw(&args[1..], kw);
    if pos.len() > 1 {
        let msg = format!("expected at most 1 arguments, got {}", pos.len());
        return Err(t.type_error(&msg));
    }
    update(t, args[0], &args[1..], kw)?;
    Ok(Value::NONE)
}

fn od_update(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let (pos, _) = ops::call::split_kw(&args[1..], kw);
    if pos.len() > 1 {
        let msg = format!(
            "update() takes at most 1 positional argument ({} given)",
            pos.len()
        );
        return Err(t.type_error(&msg));
    }
    update(t, args[0], &args[1..], kw)?;
    Ok(Value::NONE)
}

/// All entries of `d` in order, as `(key, hash, value)`.
fn entries(d: Gc<Dict>) -> Vec<(Value, i64, Value)> {
    let mut out = Vec::with_capacity(d.len());
    let mut pos = 0;
    while let Some((next, k, h, v)) = d.table.next_entry(pos) {
        out.push((k, h, v));
        pos = next;
    }
    out
}

fn od_move_to_end(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = clinic(t, "move_to_end", &args[1..], kw, &["key", "last"], 1)?;
    let d = this(t, args[0])?;
    let key = a[0];
    let last = if a[1].is_unbound() {
        true
    } else {
        ops::truthy(t, a[1])?
    };
    let h = ops::hash(t, key)?;
    let Some(ix) = d.table.lookup(key, h, &mut |a, b| ops::eq(t, a, b))? else {
        return Err(t.key_error(key));
    };
    let Some((k, kh, v)) = d.table.entry_at(ix) else {
        return Err(t.key_error(key));
    };
    let all = entries(d);
    if last {
        if all.last().is_some_and(|e| e.0.is(k)) {
            return Ok(Value::NONE);
        }
        let _ = d.table.remove(k, kh, &mut identity);
        let _ = d.table.insert(k, kh, v, &mut identity);
    } else {
        if all.first().is_some_and(|e| e.0.is(k)) {
            return Ok(Value::NONE);
        }
        // No Python code runs here: the keys are distinct, compared by identity.
        d.table.clear();
        let _ = d.table.insert(k, kh, v, &mut identity);
        for (ek, eh, ev) in all {
            if !ek.is(k) {
                let _ = d.table.insert(ek, eh, ev, &mut identity);
            }
        }
    }
    Ok(Value::NONE)
}

fn od_popitem(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = clinic(t, "popitem", &args[1..], kw, &["last"], 0)?;
    let d = this(t, args[0])?;
    let last = if a[0].is_unbound() {
        true
    } else {
        ops::truthy(t, a[0])?
    };
    let popped = if last {
        d.table.popitem()
    } else {
        match d.table.next_entry(0) {
            Some((_, k, h, _)) => d.table.remove(k, h, &mut identity).unwrap_or(None),
            None => None,
        }
    };
    match popped {
        Some((k, v)) => Ok(t.new_tuple_from(&[k, v])),
        None => {
            let m = t.new_str("dictionary is empty");
            let e = t.new_exception(t.classes.key_error, vec![m]);
            Err(t.raise(e))
        }
    }
}

fn od_repr(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    no_args(t, "OrderedDict.__repr__", args, kw)?;
    let me = args[0];
    let d = this(t, me)?;
    let key = me.bits();
    if t.repr_guard.contains(&key) {
        return Ok(t.new_str("..."));
    }
    let name = short_type_name(t, me);
    if d.is_empty() {
        return Ok(t.new_string(format!("{name}()")));
    }
    t.repr_guard.push(key);
    let r = scoped(t, |t| {
        let exact = t.class_of(me).name.as_str() == "collections.OrderedDict";
        let pieces = if exact {
            let mut v = Vec::new();
            for (k, x) in d.table.items() {
                let p = t.new_tuple_from(&[k, x]);
                t.temp_roots.push(p);
                v.push(p);
            }
            t.new_list(v)
        } else {
            let n = t.intern("items");
            let items = ops::call_method(t, me, n, &[])?;
            t.temp_roots.push(items);
            ops::collect_list(t, items)?.as_value()
        };
        t.temp_roots.push(pieces);
        ops::repr_string(t, pieces)
    });
    t.repr_guard.pop();
    let r = r?;
    Ok(t.new_string(format!("{name}({r})")))
}

/// `a == b` for OrderedDicts: dict equality, then the same key order.
fn od_equal(t: &mut Thread, a: Value, b: Value) -> PyResult<Option<bool>> {
    let Some(db) = ops::as_dict(b) else {
        return Ok(None);
    };
    let da = this(t, a)?;
    if !ops::dict::dict_eq(t, da, db)? {
        return Ok(Some(false));
    }
    if !is_od(t, b) {
        return Ok(Some(true));
    }
    scoped(t, |t| {
        let (ka, kb) = (da.table.keys(), db.table.keys());
        t.temp_roots.extend_from_slice(&ka);
        t.temp_roots.extend_from_slice(&kb);
        if ka.len() != kb.len() {
            return Ok(Some(false));
        }
        for (x, y) in ka.into_iter().zip(kb) {
            if !ops::eq(t, x, y)? {
                return Ok(Some(false));
            }
        }
        Ok(Some(true))
    })
}

fn od_eq(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = crate::builtins::args::exact(t, "__eq__", &args[1..], kw, 1)?;
    Ok(match od_equal(t, args[0], a[0])? {
        Some(r) => Value::bool(r),
        None => t.not_implemented,
    })
}

fn od_ne(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = crate::builtins::args::exact(t, "__ne__", &args[1..], kw, 1)?;
    Ok(match od_equal(t, args[0], a[0])? {
        Some(r) => Value::bool(!r),
        None => t.not_implemented,
    })
}

fn od_reversed(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    no_args(t, "OrderedDict.__reversed__", args, kw)?;
    let d = this(t, args[0])?;
    let keys = d.table.keys();
    let n = keys.len();
    let l = t.new_list(keys);
    Ok(t.new_iter(IterState::ListRev { list: l, index: n }))
}

fn od_copy(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    no_args(t, "OrderedDict.copy", args, kw)?;
    let me = args[0];
    let d = this(t, me)?;
    let cls = t.class_of(me);
    scoped(t, |t| {
        let new = ops::call(t, cls.as_value(), &[], None)?;
        t.temp_roots.push(new);
        let items = d.table.items();
        for (k, v) in &items {
            t.temp_roots.push(*k);
            t.temp_roots.push(*v);
        }
        for (k, v) in items {
            ops::setitem(t, new, k, v)?;
        }
        Ok(new)
    })
}

fn od_fromkeys(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = clinic(t, "fromkeys", &args[1..], kw, &["iterable", "value"], 1)?;
    let value = if a[1].is_unbound() { Value::NONE } else { a[1] };
    scoped(t, |t| {
        let new = ops::call(t, args[0], &[], None)?;
        t.temp_roots.push(new);
        let it = ops::iter(t, a[0])?;
        t.temp_roots.push(it);
        while let Some(k) = ops::next(t, it)? {
            ops::setitem(t, new, k, value)?;
        }
        Ok(new)
    })
}

/// `odict_or(left, right)`: a copy of `left` of the OrderedDict's type,
/// updated with `right`; NotImplemented unless the other side is a dict.
fn binor(t: &mut Thread, left: Value, right: Value) -> PyResult<Value> {
    let (cls, other) = if is_od(t, left) {
        (t.class_of(left), right)
    } else {
        (t.class_of(right), left)
    };
    if ops::as_dict(other).is_none() {
        return Ok(t.not_implemented);
    }
    scoped(t, |t| {
        let new = ops::call(t, cls.as_value(), &[left], None)?;
        t.temp_roots.push(new);
        update_arg(t, new, right)?;
        Ok(new)
    })
}

fn od_or(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = crate::builtins::args::exact(t, "__or__", &args[1..], kw, 1)?;
    binor(t, args[0], a[0])
}

fn od_ror(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = crate::builtins::args::exact(t, "__ror__", &args[1..], kw, 1)?;
    binor(t, a[0], args[0])
}

fn od_ior(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = crate::builtins::args::exact(t, "__ior__", &args[1..], kw, 1)?;
    update_arg(t, args[0], a[0])?;
    Ok(args[0])
}
