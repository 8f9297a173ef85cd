//! Calling values: builtins directly, Python functions through the
//! interpreter's hook, bound methods, classes (instantiation) and objects
//! with `__call__`.

use super::{cast, kind_of};
use crate::gc::Gc;
use crate::object::class::Base;
use crate::object::*;
use crate::thread::Thread;
use crate::value::Value;
use crate::PyResult;
use std::cell::Cell;

/// Calls `f` with positional `args` followed by keyword values named by `kwnames`.
pub fn call(
    t: &mut Thread,
    f: Value,
    args: &[Value],
    kwnames: Option<Gc<Tuple>>,
) -> PyResult<Value> {
    match kind_of(f) {
        Some(Kind::Builtin) => {
            let b = cast::<Builtin>(f).expect("kind checked");
            if b.receiver.is_unbound() {
                (b.f)(t, args, kwnames)
            } else {
                let mut v = Vec::with_capacity(args.len() + 1);
                v.push(b.receiver);
                v.extend_from_slice(args);
                (b.f)(t, &v, kwnames)
            }
        }
        Some(Kind::BoundMethod) => {
            let m = cast::<BoundMethod>(f).expect("kind checked");
            let mut v = Vec::with_capacity(args.len() + 1);
            v.push(m.receiver);
            v.extend_from_slice(args);
            call(t, m.func, &v, kwnames)
        }
        Some(Kind::Function) => (t.hooks.call)(t, f, args, kwnames),
        Some(Kind::Class) => call_class(t, cast::<Class>(f).expect("kind checked"), args, kwnames),
        Some(Kind::Instance) => {
            let cls = t.class_of(f);
            match cls.lookup(t.names.call) {
                Some(m) => {
                    let mut v = Vec::with_capacity(args.len() + 1);
                    v.push(f);
                    v.extend_from_slice(args);
                    call(t, m, &v, kwnames)
                }
                None => Err(not_callable(t, f)),
            }
        }
        Some(Kind::StaticMethod) => {
            let s = cast::<StaticMethod>(f).expect("kind checked");
            call(t, s.func, args, kwnames)
        }
        _ => Err(not_callable(t, f)),
    }
}

#[cold]
fn not_callable(t: &mut Thread, f: Value) -> crate::Raised {
    let msg = format!("'{}' object is not callable", t.type_name(f));
    t.type_error(&msg)
}

/// Calls a class attribute `m` (found on the class of `obj`) as a method of `obj`.
pub fn call_descriptor(t: &mut Thread, m: Value, obj: Value, args: &[Value]) -> PyResult<Value> {
    match kind_of(m) {
        Some(Kind::Function) | Some(Kind::Builtin) => {
            let mut v = Vec::with_capacity(args.len() + 1);
            v.push(obj);
            v.extend_from_slice(args);
            call(t, m, &v, None)
        }
        _ => {
            let bound = super::attr::bind(t, m, obj, t.class_of(obj))?;
            call(t, bound, args, None)
        }
    }
}

/// Looks up `name` on `obj` and calls it (e.g. `obj.__eq__(other)`).
pub fn call_method(t: &mut Thread, obj: Value, name: Gc<Str>, args: &[Value]) -> PyResult<Value> {
    let f = super::attr::getattr(t, obj, name)?;
    call(t, f, args, None)
}

/// Calls a dunder found on the type of `obj`, if the type defines it.
pub fn call_dunder(
    t: &mut Thread,
    obj: Value,
    name: Gc<Str>,
    args: &[Value],
) -> PyResult<Option<Value>> {
    let cls = t.class_of(obj);
    match cls.lookup(name) {
        Some(m) => call_descriptor(t, m, obj, args).map(Some),
        None => Ok(None),
    }
}

/// Creates an instance of a user class for `cls(*args)` before `__init__`
/// runs: exception instances get `args` as CPython's `BaseException.__new__`
/// gives them.
pub fn new_instance_for_call(t: &mut Thread, cls: Gc<Class>, args: &[Value]) -> PyResult<Value> {
    let obj = new_instance(t, cls)?;
    if cls.base == Base::Exception && !args.is_empty() {
        let tup = t.new_tuple_from(args);
        if let Some(inst) = cast::<Instance>(obj) {
            if let Some(e) = inst.exc.get_mut() {
                e.args = tup;
            }
        }
    }
    Ok(obj)
}

/// Whether `cls(...)` creates the instance with `object.__new__` and then
/// runs a Python `__init__` (the interpreter can then run `__init__` as an
/// ordinary frame); returns that `__init__`.
pub fn plain_init(t: &Thread, cls: Gc<Class>) -> Option<Gc<Function>> {
    if cls.base == Base::Builtin {
        return None;
    }
    // Cached per class version (the answer depends only on the MRO's dicts).
    let version = cls.version.get();
    if let Some((v, init)) = cls.init_cache.get() {
        if v == version {
            return init;
        }
    }
    let init = find_plain_init(t, cls);
    cls.init_cache.set(Some((version, init)));
    init
}

fn find_plain_init(t: &Thread, cls: Gc<Class>) -> Option<Gc<Function>> {
    let plain_new = match cls.lookup(t.names.new) {
        Some(n) => cast::<Builtin>(n)
            .map(|b| b.qualname == "object.__new__")
            .unwrap_or(false),
        None => true,
    };
    if !plain_new {
        return None;
    }
    cls.lookup(t.names.init).and_then(cast::<Function>)
}

/// Creates a bare instance of a user class (before `__init__`).
pub fn new_instance(t: &mut Thread, cls: Gc<Class>) -> PyResult<Value> {
    let base = match cls.base {
        Base::List => t.new_list(Vec::new()),
        Base::Dict => t.new_dict().as_value(),
        _ => Value::UNBOUND,
    };
    let exc = if cls.base == Base::Exception {
        let args = t.empty_tuple;
        Some(Box::new(ExcData::new(args)))
    } else {
        None
    };
    let inst = t.alloc(Instance {
        class: Cell::new(cls),
        shape: Cell::new(cls.root_shape),
        slots: GcCell::new(crate::object::class::InstanceSlots::with_capacity(
            cls.slot_hint.get() as usize,
        )),
        base: Cell::new(base),
        dict: Cell::new(Value::UNBOUND),
        exc: GcCell::new(exc),
    });
    Ok(inst.as_value())
}

/// `cls(*args, **kw)`: builtin constructors, or `__new__` then `__init__`.
pub fn call_class(
    t: &mut Thread,
    cls: Gc<Class>,
    args: &[Value],
    kwnames: Option<Gc<Tuple>>,
) -> PyResult<Value> {
    // A class whose `__new__` is a builtin constructor (int, str, list, ...,
    // and the exception classes) or a user-defined `__new__`.
    let new = cls.lookup(t.names.new);
    // `list(...)` and `dict(...)` themselves (not subclasses): the builtin
    // `__new__` builds the plain object, which the interpreter's fast paths
    // recognise; only subclasses need an `Instance` around the storage.
    let exact_container = cls.ptr_eq(t.classes.list) || cls.ptr_eq(t.classes.dict);
    let obj = match new {
        Some(n) if exact_container => {
            let f = cast::<StaticMethod>(n).map(|s| s.func).unwrap_or(n);
            let mut v = Vec::with_capacity(args.len() + 1);
            v.push(cls.as_value());
            v.extend_from_slice(args);
            return call(t, f, &v, kwnames);
        }
        Some(n) if cast::<Builtin>(n).is_some() && cls.base == Base::Builtin => {
            // Builtin value types: the constructor does everything.
            let mut v = Vec::with_capacity(args.len() + 1);
            v.push(cls.as_value());
            v.extend_from_slice(args);
            return call(t, n, &v, kwnames);
        }
        Some(n) if kind_of(n) == Some(Kind::StaticMethod) || kind_of(n) == Some(Kind::Function) => {
            let f = cast::<StaticMethod>(n).map(|s| s.func).unwrap_or(n);
            let mut v = Vec::with_capacity(args.len() + 1);
            v.push(cls.as_value());
            v.extend_from_slice(args);
            let obj = call(t, f, &v, kwnames)?;
            if !super::isinstance(t, obj, cls) {
                return Ok(obj);
            }
            obj
        }
        _ => {
            let (pos, _) = split_kw(args, kwnames);
            new_instance_for_call(t, cls, pos)?
        }
    };
    // Keep the new object reachable while __init__ runs.
    t.temp_roots.push(obj);
    let r = init_instance(t, cls, obj, args, kwnames);
    t.temp_roots.pop();
    r.map(|_| obj)
}

fn init_instance(
    t: &mut Thread,
    cls: Gc<Class>,
    obj: Value,
    args: &[Value],
    kwnames: Option<Gc<Tuple>>,
) -> PyResult<()> {
    match cls.lookup(t.names.init) {
        Some(init)
            if kind_of(init) == Some(Kind::Builtin)
                && cast::<Builtin>(init)
                    .map(|b| b.qualname == "object.__init__")
                    .unwrap_or(false) =>
        {
            if !args.is_empty()
                && cls
                    .lookup(t.names.new)
                    .map(|n| kind_of(n) == Some(Kind::Builtin))
                    .unwrap_or(true)
            {
                let msg = format!("{}() takes no arguments", cls.name.as_str());
                return Err(t.type_error(&msg));
            }
            Ok(())
        }
        Some(init) => {
            let r = if matches!(kind_of(init), Some(Kind::Function) | Some(Kind::Builtin)) {
                let mut v = Vec::with_capacity(args.len() + 1);
                v.push(obj);
                v.extend_from_slice(args);
                call(t, init, &v, kwnames)?
            } else {
                // Any other descriptor (staticmethod, classmethod, ...) binds
                // as an attribute lookup would.
                let bound = super::attr::bind(t, init, obj, cls)?;
                t.temp_roots.push(bound);
                let r = call(t, bound, args, kwnames);
                t.temp_roots.pop();
                r?
            };
            if !r.is_none() {
                let msg = format!("__init__() should return None, not '{}'", t.type_name(r));
                return Err(t.type_error(&msg));
            }
            Ok(())
        }
        None => Ok(()),
    }
}

/// Splits `kwnames` and the trailing keyword values of `args`.
pub fn split_kw(args: &[Value], kwnames: Option<Gc<Tuple>>) -> (&[Value], Vec<(Gc<Str>, Value)>) {
    match kwnames {
        None => (args, Vec::new()),
        Some(names) => {
            let n = names.len();
            let npos = args.len() - n;
            let kws = names
                .items
                .iter()
                .zip(&args[npos..])
                .filter_map(|(k, v)| cast::<Str>(*k).map(|s| (s, *v)))
                .collect();
            (&args[..npos], kws)
        }
    }
}
