//! `collections.defaultdict`: a dict subclass (`Base::Dict`) whose
//! `default_factory` is an ordinary instance attribute.

use super::args;
use super::def_method;
use super::mod_collections::{is_callable, lib_class, short_type_name};
use crate::gc::Gc;
use crate::object::class::Base;
use crate::object::*;
use crate::ops::{self, cast};
use crate::thread::Thread;
use crate::value::Value;
use crate::PyResult;

pub fn make_defaultdict(t: &mut Thread) -> Gc<Class> {
    let dict = t.classes.dict;
    let c = lib_class(t, "collections", "defaultdict", dict, Base::Dict);
    def_method(t, c, "__init__", "defaultdict.__init__", dd_init);
    def_method(t, c, "__missing__", "defaultdict.__missing__", dd_missing);
    def_method(t, c, "__repr__", "defaultdict.__repr__", dd_repr);
    def_method(t, c, "copy", "defaultdict.copy", dd_copy);
    def_method(t, c, "__copy__", "defaultdict.__copy__", dd_copy);
    c
}

fn factory_name(t: &mut Thread) -> Gc<Str> {
    t.intern("default_factory")
}

/// The `default_factory` of a defaultdict (None if never set).
fn factory(t: &mut Thread, me: Value) -> Value {
    let n = factory_name(t);
    cast::<Instance>(me)
        .and_then(|i| i.get_attr(n))
        .unwrap_or(Value::NONE)
}

fn dd_init(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let me = args[0];
    let Some(inst) = cast::<Instance>(me) else {
        return Err(t.type_error("defaultdict.__init__ requires a defaultdict"));
    };
    let nkw = kw.map(|k| k.len()).unwrap_or(0);
    let npos = args.len() - 1 - nkw;
    let f = if npos >= 1 { args[1] } else { Value::NONE };
    if !f.is_none() && !is_callable(t, f) {
        return Err(t.type_error("first argument must be callable or None"));
    }
    let n = factory_name(t);
    ops::attr::set_instance_attr(t, inst, n, f)?;
    let rest: Vec<Value> = if npos >= 1 {
        std::iter::once(me)
            .chain(args[2..].iter().copied())
            .collect()
    } else {
        args.to_vec()
    };
    let init = t.names.init;
    let dict_init = t.classes.dict.lookup(init).expect("dict.__init__");
    ops::call(t, dict_init, &rest, kw)
}

fn dd_missing(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::exact(t, "__missing__", &args[1..], kw, 1)?;
    let me = args[0];
    let f = factory(t, me);
    if f.is_none() {
        return Err(t.key_error(a[0]));
    }
    let v = ops::call(t, f, &[], None)?;
    t.temp_roots.push(v);
    let r = ops::setitem(t, me, a[0], v);
    t.temp_roots.pop();
    r.map(|_| v)
}

fn dd_repr(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    args::exact(t, "__repr__", &args[1..], kw, 0)?;
    let me = args[0];
    let Some(d) = ops::as_dict(me) else {
        return Err(t.type_error("defaultdict.__repr__ requires a defaultdict"));
    };
    let f = factory(t, me);
    let fr = if f.is_none() {
        "None".to_string()
    } else {
        let key = f.bits();
        if t.repr_guard.contains(&key) {
            "...".to_string()
        } else {
            t.repr_guard.push(key);
            let r = ops::repr_string(t, f);
            t.repr_guard.pop();
            r?
        }
    };
    let dr = ops::repr_string(t, d.as_value())?;
    let name = short_type_name(t, me);
    Ok(t.new_string(format!("{name}({fr}, {dr})")))
}

fn dd_copy(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    args::exact(t, "copy", &args[1..], kw, 0)?;
    let me = args[0];
    let f = factory(t, me);
    let cls = t.class_of(me);
    ops::call(t, cls.as_value(), &[f, me], None)
}
