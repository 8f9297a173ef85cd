//! Dunder methods of builtin types as callable attributes, for explicit
//! calls such as `super().__getitem__(k)` in a list subclass or
//! `object.__setattr__(self, n, v)`. Ordinary operations never go through
//! these: the object protocol handles builtin values directly.

use super::args::{self, attr_name};
use super::def_method;
use crate::gc::Gc;
use crate::object::*;
use crate::ops::{self, cast};
use crate::thread::Thread;
use crate::value::Value;
use crate::PyResult;

pub fn install(t: &mut Thread) {
    let c = &t.classes;
    let containers = [
        (c.list, "list"),
        (c.dict, "dict"),
        (c.tuple, "tuple"),
        (c.str, "str"),
    ];
    let object = c.object;
    for (cls, _) in containers {
        def_method(t, cls, "__getitem__", "__getitem__", getitem);
        def_method(t, cls, "__len__", "__len__", len);
        def_method(t, cls, "__contains__", "__contains__", contains);
        def_method(t, cls, "__iter__", "__iter__", iter);
        def_method(t, cls, "__repr__", "__repr__", repr);
    }
    for cls in [t.classes.list, t.classes.dict] {
        def_method(t, cls, "__setitem__", "__setitem__", setitem);
        def_method(t, cls, "__delitem__", "__delitem__", delitem);
    }
    def_method(
        t,
        object,
        "__setattr__",
        "object.__setattr__",
        object_setattr,
    );
    def_method(
        t,
        object,
        "__getattribute__",
        "object.__getattribute__",
        object_getattribute,
    );
    def_method(
        t,
        object,
        "__delattr__",
        "object.__delattr__",
        object_delattr,
    );
}

/// The builtin value behind `v`: the list or dict of a subclass instance, so
/// the operation does not dispatch back to the subclass's override.
fn base(v: Value) -> Value {
    match cast::<Instance>(v) {
        Some(i) if !i.base.get().is_unbound() => i.base.get(),
        _ => v,
    }
}

fn getitem(t: &mut Thread, a: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let x = args::exact(t, "__getitem__", &a[1..], kw, 1)?;
    let b = base(a[0]);
    if let Some(d) = cast::<Dict>(b) {
        if !b.is(a[0]) {
            return ops::item::dict_subclass_getitem(t, a[0], d, x[0]);
        }
    }
    ops::getitem(t, b, x[0])
}

fn setitem(t: &mut Thread, a: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let x = args::range(t, "__setitem__", &a[1..], kw, 2, 2)?;
    ops::setitem(t, base(a[0]), x[0], x[1])?;
    Ok(Value::NONE)
}

fn delitem(t: &mut Thread, a: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let x = args::exact(t, "__delitem__", &a[1..], kw, 1)?;
    ops::delitem(t, base(a[0]), x[0])?;
    Ok(Value::NONE)
}

fn len(t: &mut Thread, a: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    args::exact(t, "__len__", &a[1..], kw, 0)?;
    let n = ops::len(t, base(a[0]))?;
    Ok(t.new_int(n as i64))
}

fn contains(t: &mut Thread, a: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let x = args::exact(t, "__contains__", &a[1..], kw, 1)?;
    Ok(Value::bool(ops::compare::contains(t, base(a[0]), x[0])?))
}

fn iter(t: &mut Thread, a: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    args::exact(t, "__iter__", &a[1..], kw, 0)?;
    ops::iter(t, base(a[0]))
}

fn repr(t: &mut Thread, a: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    args::exact(t, "__repr__", &a[1..], kw, 0)?;
    ops::repr(t, base(a[0]))
}

fn object_setattr(t: &mut Thread, a: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let x = args::range(t, "__setattr__", &a[1..], kw, 2, 2)?;
    let name = attr_name(t, x[0])?;
    match cast::<Instance>(a[0]) {
        // Bypasses a user `__setattr__` (that is what calling object's does).
        Some(inst) => ops::attr::set_instance_attr(t, inst, name, x[1])?,
        None => ops::setattr(t, a[0], name, x[1])?,
    }
    Ok(Value::NONE)
}

fn object_getattribute(t: &mut Thread, a: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let x = args::exact(t, "__getattribute__", &a[1..], kw, 1)?;
    let name = attr_name(t, x[0])?;
    ops::getattr(t, a[0], name)
}

fn object_delattr(t: &mut Thread, a: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let x = args::exact(t, "__delattr__", &a[1..], kw, 1)?;
    let name = attr_name(t, x[0])?;
    match cast::<Instance>(a[0]) {
        // Bypasses a user `__delattr__` (that is what calling object's does).
        Some(inst) => ops::attr::generic_delattr(t, a[0], inst, name)?,
        None => ops::delattr(t, a[0], name)?,
    }
    Ok(Value::NONE)
}
