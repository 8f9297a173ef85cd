//! Constructors of the builtin types (`int(...)`, `list(...)`, ...) and
//! the methods of `object`, exceptions, containers and functions. The
//! methods of `str` live in `str_methods`.

use super::args::{self, int_arg, kwarg, with_kw};
use super::{def_method, def_static};
use crate::gc::Gc;
use crate::method;
use crate::num;
use crate::object::*;
use crate::ops::{self, cast, kind_of};
use crate::thread::Thread;
use crate::value::Value;
use crate::PyResult;

pub fn install(t: &mut Thread) {
    let c = &t.classes;
    let (
        object,
        int,
        float,
        str_,
        bool_,
        list,
        tuple,
        dict,
        set,
        frozenset,
        range,
        slice,
        type_,
        base_exc,
    ) = (
        c.object,
        c.int,
        c.float,
        c.str,
        c.bool_,
        c.list,
        c.tuple,
        c.dict,
        c.set,
        c.frozenset,
        c.range,
        c.slice,
        c.type_,
        c.base_exception,
    );
    let (classmethod, staticmethod, property, super_) =
        (c.classmethod, c.staticmethod, c.property, c.super_);
    def_static(t, object, "__new__", "object.__new__", object_new);
    def_method(t, object, "__init__", "object.__init__", object_init);
    def_method(t, object, "__repr__", "object.__repr__", object_repr);
    def_method(t, object, "__str__", "object.__str__", object_str);
    def_method(t, object, "__eq__", "object.__eq__", object_eq);
    def_method(t, object, "__ne__", "object.__ne__", object_ne);
    def_method(t, object, "__hash__", "object.__hash__", object_hash);
    def_static(t, int, "__new__", "int.__new__", int_new);
    def_static(t, bool_, "__new__", "bool.__new__", bool_new);
    def_static(t, float, "__new__", "float.__new__", float_new);
    def_static(t, str_, "__new__", "str.__new__", str_new);
    def_static(t, list, "__new__", "list.__new__", list_new);
    def_method(t, list, "__init__", "list.__init__", list_init);
    def_static(t, tuple, "__new__", "tuple.__new__", tuple_new);
    def_static(t, dict, "__new__", "dict.__new__", dict_new);
    def_method(t, dict, "__init__", "dict.__init__", dict_init);
    def_static(t, set, "__new__", "set.__new__", set_new);
    def_static(t, frozenset, "__new__", "frozenset.__new__", frozenset_new);
    def_static(t, range, "__new__", "range.__new__", range_new);
    def_static(t, slice, "__new__", "slice.__new__", slice_new);
    def_static(t, type_, "__new__", "type.__new__", type_new);
    def_static(
        t,
        classmethod,
        "__new__",
        "classmethod.__new__",
        classmethod_new,
    );
    def_static(
        t,
        staticmethod,
        "__new__",
        "staticmethod.__new__",
        staticmethod_new,
    );
    def_static(t, property, "__new__", "property.__new__", property_new);
    method!(t, property, "property", "setter", property_setter);
    method!(t, property, "property", "getter", property_getter);
    method!(t, property, "property", "deleter", property_deleter);
    def_static(t, super_, "__new__", "super.__new__", super_new);
    def_method(t, base_exc, "__init__", "BaseException.__init__", exc_init);
    let import_error = t.classes.import_error;
    def_method(
        t,
        import_error,
        "__init__",
        "ImportError.__init__",
        import_error_init,
    );
    def_method(
        t,
        base_exc,
        "with_traceback",
        "BaseException.with_traceback",
        exc_with_traceback,
    );

    method!(t, list, "list", "append", list_append);
    method!(t, list, "list", "extend", list_extend);
    method!(t, list, "list", "pop", list_pop);
    method!(t, list, "list", "insert", list_insert);
    method!(t, list, "list", "remove", list_remove);
    method!(t, list, "list", "index", list_index);
    method!(t, list, "list", "count", list_count);
    def_method(t, list, "sort", "list.sort", super::functions::list_sort);
    method!(t, list, "list", "reverse", list_reverse);
    method!(t, list, "list", "copy", list_copy);
    method!(t, list, "list", "clear", list_clear);

    method!(t, tuple, "tuple", "index", list_index);
    method!(t, tuple, "tuple", "count", list_count);

    method!(t, dict, "dict", "get", dict_get);
    method!(t, dict, "dict", "keys", dict_keys);
    method!(t, dict, "dict", "values", dict_values);
    method!(t, dict, "dict", "items", dict_items);
    method!(t, dict, "dict", "pop", dict_pop);
    method!(t, dict, "dict", "popitem", dict_popitem);
    method!(t, dict, "dict", "setdefault", dict_setdefault);
    method!(t, dict, "dict", "update", dict_update);
    method!(t, dict, "dict", "copy", dict_copy);
    method!(t, dict, "dict", "clear", dict_clear);
    let fromkeys = super::builtin_fn(t, "fromkeys", "dict.fromkeys", dict_fromkeys, false);
    let cm = t
        .heap
        .alloc_immortal(ClassMethod { func: fromkeys })
        .as_value();
    let n = t.intern("fromkeys");
    dict.dict.get_mut().set(n, cm);

    for cls in [set, frozenset] {
        method!(t, cls, "set", "copy", set_copy);
        method!(t, cls, "set", "union", set_union);
        method!(t, cls, "set", "intersection", set_intersection);
        method!(t, cls, "set", "difference", set_difference);
        method!(
            t,
            cls,
            "set",
            "symmetric_difference",
            set_symmetric_difference
        );
        method!(t, cls, "set", "issubset", set_issubset);
        method!(t, cls, "set", "issuperset", set_issuperset);
        method!(t, cls, "set", "isdisjoint", set_isdisjoint);
    }
    method!(t, set, "set", "add", set_add);
    method!(t, set, "set", "remove", set_remove);
    method!(t, set, "set", "discard", set_discard);
    method!(t, set, "set", "pop", set_pop);
    method!(t, set, "set", "clear", set_clear);
    method!(t, set, "set", "update", set_update);
    method!(
        t,
        set,
        "set",
        "intersection_update",
        set_intersection_update
    );
    method!(t, set, "set", "difference_update", set_difference_update);
    method!(
        t,
        set,
        "set",
        "symmetric_difference_update",
        set_symmetric_difference_update
    );

    method!(t, c_generator(t), "generator", "send", gen_send);
    method!(t, c_generator(t), "generator", "close", gen_close);
    method!(t, c_generator(t), "generator", "throw", gen_throw);
    method!(t, c_generator(t), "generator", "__next__", iter_next);
    method!(t, c_generator(t), "generator", "__iter__", iter_self);
    let it = t.classes.iterator;
    method!(t, it, "iterator", "__next__", iter_next);
    method!(t, it, "iterator", "__iter__", iter_self);
    method!(t, slice, "slice", "indices", slice_indices);
    method!(t, range, "range", "index", range_index);
    method!(t, range, "range", "count", range_count);
    method!(t, int, "int", "bit_length", int_bit_length);
    method!(t, int, "int", "conjugate", int_conjugate);
    method!(t, float, "float", "is_integer", float_is_integer);
    method!(t, float, "float", "conjugate", float_conjugate);
    super::str_methods::install(t);
    let _ = kwarg;
}

// ----- object -----

fn object_new(t: &mut Thread, args: &[Value], _kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    match args.first().and_then(|c| cast::<Class>(*c)) {
        Some(cls) => ops::call::new_instance(t, cls),
        None => Err(t.type_error("object.__new__(X): X is not a type object")),
    }
}

fn object_init(_t: &mut Thread, _args: &[Value], _kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    Ok(Value::NONE)
}

fn object_repr(t: &mut Thread, args: &[Value], _kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let v = args[0];
    let cls = t.class_of(v);
    let module = ops::as_str(cls.module.get())
        .map(|m| m.as_str().to_string())
        .unwrap_or_default();
    let s = format!(
        "<{}.{} object at {:#x}>",
        module,
        cls.qualname.get().as_str(),
        v.bits() & 0xFFFF_FFFF_FFFF
    );
    Ok(t.new_string(s))
}

fn object_str(t: &mut Thread, args: &[Value], _kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    ops::repr(t, args[0])
}

fn object_eq(t: &mut Thread, args: &[Value], _kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(t.type_error("expected 1 argument"));
    }
    Ok(if args[0].is(args[1]) {
        Value::TRUE
    } else {
        t.not_implemented
    })
}

fn object_ne(t: &mut Thread, args: &[Value], _kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(t.type_error("expected 1 argument"));
    }
    let r = ops::compare(t, args[0], args[1], ops::CmpOp::Eq)?;
    let b = ops::truthy(t, r)?;
    Ok(Value::bool(!b))
}

fn object_hash(t: &mut Thread, args: &[Value], _kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    Ok(t.new_int(ops::compare::identity_hash(args[0])))
}

// ----- constructors -----

fn int_new(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let (pos, kws) = with_kw(t, "int", &args[1..], kw, &["base"])?;
    args::check_count(t, "int", pos.len(), 0, 2)?;
    let base = pos.get(1).copied().or_else(|| kwarg(&kws, "base"));
    let Some(x) = pos.first().copied() else {
        if base.is_some() {
            return Err(t.type_error("int() missing string argument"));
        }
        return Ok(Value::small_int_unchecked(0));
    };
    if let Some(b) = base {
        let b = int_arg(t, b)?;
        let Some(s) = ops::as_str(x) else {
            return Err(t.type_error("int() can't convert non-string with explicit base"));
        };
        if !(b == 0 || (2..=36).contains(&b)) {
            return Err(t.value_error("int() base must be >= 2 and <= 36, or 0"));
        }
        let r = ops::int::check(t, num::parse_int(s.as_str(), b as u32))?;
        return Ok(ops::int::from_int(t, r));
    }
    int_from_value(t, x)
}

/// `int(x)` for one argument.
pub fn int_from_value(t: &mut Thread, x: Value) -> PyResult<Value> {
    if ops::int::is_int(x) {
        return Ok(ops::int::to_plain_int(t, x));
    }
    if let Some(f) = x.as_float() {
        let r = ops::int::check(t, num::f64_to_int(f))?;
        return Ok(ops::int::from_int(t, r));
    }
    if let Some(s) = ops::as_str(x) {
        let r = ops::int::check(t, num::parse_int(s.as_str(), 10))?;
        return Ok(ops::int::from_int(t, r));
    }
    if kind_of(x) == Some(Kind::Instance) {
        for n in [t.names.int_, t.names.index] {
            if let Some(r) = ops::call::call_dunder(t, x, n, &[])? {
                return Ok(r);
            }
        }
    }
    let msg = format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        t.type_name(x)
    );
    Err(t.type_error(&msg))
}

fn bool_new(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::range(t, "bool", &args[1..], kw, 0, 1)?;
    match a.first() {
        Some(v) => Ok(Value::bool(ops::truthy(t, *v)?)),
        None => Ok(Value::FALSE),
    }
}

fn float_new(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::range(t, "float", &args[1..], kw, 0, 1)?;
    let Some(&x) = a.first() else {
        return Ok(Value::float(0.0));
    };
    if x.is_float() {
        return Ok(x);
    }
    if let Some(i) = ops::int::to_int(x) {
        let f = ops::int::check(t, num::int_to_f64(&i))?;
        return Ok(Value::float(f));
    }
    if let Some(s) = ops::as_str(x) {
        let f = ops::int::check(t, num::parse_float(s.as_str()))?;
        return Ok(Value::float(f));
    }
    if kind_of(x) == Some(Kind::Instance) {
        for n in [t.names.float_, t.names.index] {
            if let Some(r) = ops::call::call_dunder(t, x, n, &[])? {
                return Ok(r);
            }
        }
    }
    let msg = format!(
        "float() argument must be a string or a real number, not '{}'",
        t.type_name(x)
    );
    Err(t.type_error(&msg))
}

fn str_new(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::range(t, "str", &args[1..], kw, 0, 1)?;
    match a.first() {
        Some(v) => ops::str_(t, *v),
        None => Ok(t.new_str("")),
    }
}

fn list_new(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::range(t, "list", &args[1..], kw, 0, 1)?;
    match a.first() {
        Some(v) => {
            let l = ops::collect_list(t, *v)?;
            if cast::<List>(*v).map(|x| x.ptr_eq(l)).unwrap_or(false) {
                return Ok(t.new_list(l.snapshot()));
            }
            Ok(l.as_value())
        }
        None => Ok(t.new_list(Vec::new())),
    }
}

fn list_init(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::range(t, "list", &args[1..], kw, 0, 1)?;
    if let (Some(l), Some(src)) = (ops::as_list(args[0]), a.first()) {
        let items = ops::collect_list(t, *src)?;
        *l.items.get_mut() = items.snapshot();
    }
    Ok(Value::NONE)
}

fn tuple_new(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::range(t, "tuple", &args[1..], kw, 0, 1)?;
    match a.first() {
        Some(v) if kind_of(*v) == Some(Kind::Tuple) => Ok(*v),
        Some(v) => {
            let l = ops::collect_list(t, *v)?;
            Ok(t.new_tuple(l.snapshot()))
        }
        None => Ok(t.empty_tuple),
    }
}

fn dict_new(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let d = t.new_dict();
    t.temp_roots.push(d.as_value());
    let r = dict_fill(t, d, &args[1..], kw);
    t.temp_roots.pop();
    r.map(|_| d.as_value())
}

fn dict_fill(t: &mut Thread, d: Gc<Dict>, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<()> {
    let (pos, kws) = ops::call::split_kw(args, kw);
    if pos.len() > 1 {
        let msg = format!("dict expected at most 1 argument, got {}", pos.len());
        return Err(t.type_error(&msg));
    }
    if let Some(src) = pos.first() {
        ops::dict::update(t, d, *src)?;
    }
    for (k, v) in kws {
        ops::dict::set(t, d, k.as_value(), v)?;
    }
    Ok(())
}

fn dict_init(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    if let Some(d) = ops::as_dict(args[0]) {
        dict_fill(t, d, &args[1..], kw)?;
    }
    Ok(Value::NONE)
}

fn set_new(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::range(t, "set", &args[1..], kw, 0, 1)?;
    match a.first() {
        Some(v) => ops::set::from_iterable(t, *v, false),
        None => Ok(t.new_set(false).as_value()),
    }
}

fn frozenset_new(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::range(t, "frozenset", &args[1..], kw, 0, 1)?;
    match a.first() {
        Some(v) if cast::<Set>(*v).map(|s| s.frozen).unwrap_or(false) => Ok(*v),
        Some(v) => ops::set::from_iterable(t, *v, true),
        None => Ok(t.new_set(true).as_value()),
    }
}

fn range_arg(t: &mut Thread, v: Value) -> PyResult<i128> {
    if ops::int::is_int(v) {
        return match ops::int::to_i128(v).filter(|i| i.unsigned_abs() < (1u128 << 100)) {
            Some(i) => Ok(i),
            None => Err(t.unsupported("range() beyond 100-bit bounds")),
        };
    }
    int_arg(t, v).map(|i| i as i128)
}

fn range_new(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = &args[1..];
    args::no_kw(t, "range", kw)?;
    let (start, stop, step) = match a.len() {
        1 => (0, range_arg(t, a[0])?, 1),
        2 => (range_arg(t, a[0])?, range_arg(t, a[1])?, 1),
        3 => (
            range_arg(t, a[0])?,
            range_arg(t, a[1])?,
            range_arg(t, a[2])?,
        ),
        0 => return Err(t.type_error("range expected at least 1 argument, got 0")),
        n => {
            let msg = format!("range expected at most 3 arguments, got {n}");
            return Err(t.type_error(&msg));
        }
    };
    if step == 0 {
        return Err(t.value_error("range() arg 3 must not be zero"));
    }
    Ok(t.alloc(Range { start, stop, step }).as_value())
}

fn slice_new(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::range(t, "slice", &args[1..], kw, 1, 3)?;
    let (start, stop, step) = match a.len() {
        1 => (Value::NONE, a[0], Value::NONE),
        2 => (a[0], a[1], Value::NONE),
        _ => (a[0], a[1], a[2]),
    };
    Ok(t.alloc(Slice { start, stop, step }).as_value())
}

fn type_new(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = &args[1..];
    args::no_kw(t, "type", kw)?;
    match a.len() {
        1 => Ok(t.class_of(a[0]).as_value()),
        3 => Err(t.unsupported("type() with three arguments")),
        _ => Err(t.type_error("type() takes 1 or 3 arguments")),
    }
}

fn classmethod_new(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::exact(t, "classmethod", &args[1..], kw, 1)?;
    Ok(t.alloc(ClassMethod { func: a[0] }).as_value())
}

fn staticmethod_new(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::exact(t, "staticmethod", &args[1..], kw, 1)?;
    Ok(t.alloc(StaticMethod { func: a[0] }).as_value())
}

fn property_new(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let (pos, kws) = with_kw(
        t,
        "property",
        &args[1..],
        kw,
        &["fget", "fset", "fdel", "doc"],
    )?;
    let get = |i: usize, n: &str| {
        pos.get(i)
            .copied()
            .or_else(|| kwarg(&kws, n))
            .unwrap_or(Value::NONE)
    };
    let p = Property {
        fget: get(0, "fget"),
        fset: std::cell::Cell::new(get(1, "fset")),
        fdel: std::cell::Cell::new(get(2, "fdel")),
    };
    Ok(t.alloc(p).as_value())
}

fn property_copy(t: &mut Thread, args: &[Value], which: u8) -> PyResult<Value> {
    let Some(p) = args.first().and_then(|v| cast::<Property>(*v)) else {
        return Err(t.type_error("descriptor requires a 'property' object"));
    };
    let f = args.get(1).copied().unwrap_or(Value::NONE);
    let (mut g, mut s, mut d) = (p.fget, p.fset.get(), p.fdel.get());
    match which {
        0 => g = f,
        1 => s = f,
        _ => d = f,
    }
    Ok(t.alloc(Property {
        fget: g,
        fset: std::cell::Cell::new(s),
        fdel: std::cell::Cell::new(d),
    })
    .as_value())
}

fn property_getter(t: &mut Thread, args: &[Value], _kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    property_copy(t, args, 0)
}
fn property_setter(t: &mut Thread, args: &[Value], _kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    property_copy(t, args, 1)
}
fn property_deleter(t: &mut Thread, args: &[Value], _kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    property_copy(t, args, 2)
}

fn super_new(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::range(t, "super", &args[1..], kw, 0, 2)?;
    if a.len() < 2 {
        return Err(t.runtime_error("super(): no arguments"));
    }
    let Some(cls) = cast::<Class>(a[0]) else {
        let msg = format!(
            "super() argument 1 must be a type, not {}",
            t.type_name(a[0])
        );
        return Err(t.type_error(&msg));
    };
    let ok = cast::<Class>(a[1])
        .map(|c| c.ptr_eq(cls) || c.is_subclass(cls))
        .unwrap_or(false)
        || ops::isinstance(t, a[1], cls);
    if !ok {
        return Err(t.type_error("super(type, obj): obj must be an instance or subtype of type"));
    }
    Ok(t.alloc(Super {
        cls: a[0],
        obj: a[1],
    })
    .as_value())
}

fn exc_init(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    args::no_kw(t, "BaseException", kw)?;
    let tup = t.new_tuple_from(&args[1..]);
    if let Some(inst) = cast::<Instance>(args[0]) {
        if let Some(e) = inst.exc.get_mut() {
            e.args = tup;
        }
    }
    Ok(Value::NONE)
}

/// `ImportError(*args, name=None, path=None)`: the keywords become attributes
/// (`msg`, `name` and `path` read as None until set; see ops::attr).
fn import_error_init(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let (pos, kws) = crate::ops::call::split_kw(&args[1..], kw);
    for (k, v) in &kws {
        if !matches!(k.as_str(), "name" | "path") {
            let msg = format!(
                "'{}' is an invalid keyword argument for ImportError()",
                k.as_str()
            );
            return Err(t.type_error(&msg));
        }
        crate::ops::setattr(t, args[0], *k, *v)?;
    }
    let tup = t.new_tuple_from(pos);
    if let Some(inst) = cast::<Instance>(args[0]) {
        if let Some(e) = inst.exc.get_mut() {
            e.args = tup;
        }
    }
    Ok(Value::NONE)
}

fn exc_with_traceback(_t: &mut Thread, args: &[Value], _kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    Ok(args[0])
}

// ----- list -----

fn this_list(t: &mut Thread, v: Value) -> PyResult<Gc<List>> {
    match ops::as_list(v) {
        Some(l) => Ok(l),
        None => Err(t.type_error("descriptor requires a 'list' object")),
    }
}

fn list_append(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::exact(t, "list.append", &args[1..], kw, 1)?;
    let l = this_list(t, args[0])?;
    l.push(a[0]);
    Ok(Value::NONE)
}

fn list_extend(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::exact(t, "list.extend", &args[1..], kw, 1)?;
    let l = this_list(t, args[0])?;
    let items = ops::collect_list(t, a[0])?;
    let new = items.snapshot();
    l.items.get_mut().extend(new);
    Ok(Value::NONE)
}

fn list_pop(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::range(t, "pop", &args[1..], kw, 0, 1)?;
    let l = this_list(t, args[0])?;
    if l.is_empty() {
        return Err(t.index_error("pop from empty list"));
    }
    let i = match a.first() {
        Some(v) => int_arg(t, *v)?,
        None => -1,
    };
    match ops::item::norm_index(i, l.len()) {
        Some(j) => Ok(l.items.get_mut().remove(j)),
        None => Err(t.index_error("pop index out of range")),
    }
}

fn list_insert(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::range(t, "insert", &args[1..], kw, 2, 2)?;
    let l = this_list(t, args[0])?;
    let n = l.len() as i64;
    let mut i = int_arg(t, a[0])?;
    if i < 0 {
        i = (i + n).max(0);
    }
    let i = i.min(n) as usize;
    l.items.get_mut().insert(i, a[1]);
    Ok(Value::NONE)
}

fn list_remove(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::exact(t, "list.remove", &args[1..], kw, 1)?;
    let l = this_list(t, args[0])?;
    let mut i = 0;
    while let Some(x) = l.get(i) {
        if ops::eq(t, x, a[0])? {
            if i < l.len() {
                l.items.get_mut().remove(i);
            }
            return Ok(Value::NONE);
        }
        i += 1;
    }
    Err(t.value_error("list.remove(x): x not in list"))
}

fn seq_items(v: Value) -> Vec<Value> {
    match cast::<Tuple>(v) {
        Some(tu) => tu.items.to_vec(),
        None => ops::as_list(v).map(|l| l.snapshot()).unwrap_or_default(),
    }
}

fn list_index(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::range(t, "index", &args[1..], kw, 1, 3)?;
    let items = seq_items(args[0]);
    let n = items.len() as i64;
    let clamp = |i: i64| if i < 0 { (i + n).max(0) } else { i.min(n) };
    let start = match a.get(1) {
        Some(v) => clamp(int_arg(t, *v)?),
        None => 0,
    };
    let stop = match a.get(2) {
        Some(v) => clamp(int_arg(t, *v)?),
        None => n,
    };
    for i in start..stop {
        if ops::eq(t, items[i as usize], a[0])? {
            return Ok(t.new_int(i));
        }
    }
    let msg = if kind_of(args[0]) == Some(Kind::Tuple) {
        "tuple.index(x): x not in tuple".to_string()
    } else {
        format!("{} is not in list", ops::repr_string(t, a[0])?)
    };
    Err(t.value_error(&msg))
}

fn list_count(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::exact(t, "count", &args[1..], kw, 1)?;
    let mut n = 0;
    for x in seq_items(args[0]) {
        if ops::eq(t, x, a[0])? {
            n += 1;
        }
    }
    Ok(t.new_int(n))
}

fn list_reverse(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    args::exact(t, "list.reverse", &args[1..], kw, 0)?;
    this_list(t, args[0])?.items.get_mut().reverse();
    Ok(Value::NONE)
}

fn list_copy(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    args::exact(t, "list.copy", &args[1..], kw, 0)?;
    let items = this_list(t, args[0])?.snapshot();
    Ok(t.new_list(items))
}

fn list_clear(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    args::exact(t, "list.clear", &args[1..], kw, 0)?;
    this_list(t, args[0])?.items.get_mut().clear();
    Ok(Value::NONE)
}

// ----- dict -----

fn this_dict(t: &mut Thread, v: Value) -> PyResult<Gc<Dict>> {
    match ops::as_dict(v) {
        Some(d) => Ok(d),
        None => Err(t.type_error("descriptor requires a 'dict' object")),
    }
}

fn dict_get(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::range(t, "get", &args[1..], kw, 1, 2)?;
    let d = this_dict(t, args[0])?;
    Ok(ops::dict::get(t, d, a[0])?.unwrap_or(a.get(1).copied().unwrap_or(Value::NONE)))
}

fn dict_view(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>, which: u8) -> PyResult<Value> {
    args::exact(t, "view", &args[1..], kw, 0)?;
    let d = this_dict(t, args[0])?;
    Ok(t.alloc(DictView {
        dict: d.as_value(),
        which,
    })
    .as_value())
}

fn dict_keys(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    dict_view(t, args, kw, 0)
}
fn dict_values(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    dict_view(t, args, kw, 1)
}
fn dict_items(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    dict_view(t, args, kw, 2)
}

fn dict_pop(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::range(t, "pop", &args[1..], kw, 1, 2)?;
    let d = this_dict(t, args[0])?;
    match ops::dict::remove(t, d, a[0])? {
        Some(v) => Ok(v),
        None => match a.get(1) {
            Some(v) => Ok(*v),
            None => Err(t.key_error(a[0])),
        },
    }
}

fn dict_popitem(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    args::exact(t, "popitem", &args[1..], kw, 0)?;
    let d = this_dict(t, args[0])?;
    match d.table.popitem() {
        Some((k, v)) => Ok(t.new_tuple_from(&[k, v])),
        None => {
            let m = t.new_str("popitem(): dictionary is empty");
            let e = t.new_exception(t.classes.key_error, vec![m]);
            Err(t.raise(e))
        }
    }
}

fn dict_setdefault(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::range(t, "setdefault", &args[1..], kw, 1, 2)?;
    let d = this_dict(t, args[0])?;
    ops::dict::setdefault(t, d, a[0], a.get(1).copied().unwrap_or(Value::NONE))
}

fn dict_update(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let d = this_dict(t, args[0])?;
    dict_fill(t, d, &args[1..], kw)?;
    Ok(Value::NONE)
}

fn dict_copy(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    args::exact(t, "copy", &args[1..], kw, 0)?;
    let d = this_dict(t, args[0])?;
    Ok(ops::dict::copy(t, d).as_value())
}

fn dict_clear(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    args::exact(t, "clear", &args[1..], kw, 0)?;
    this_dict(t, args[0])?.table.clear();
    Ok(Value::NONE)
}

fn dict_fromkeys(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::range(t, "fromkeys", &args[1..], kw, 1, 2)?;
    let d = t.new_dict();
    t.temp_roots.push(d.as_value());
    let r = (|| {
        let keys = ops::collect_list(t, a[0])?;
        let v = a.get(1).copied().unwrap_or(Value::NONE);
        for k in keys.snapshot() {
            ops::dict::set(t, d, k, v)?;
        }
        Ok(d.as_value())
    })();
    t.temp_roots.pop();
    r
}

// ----- set -----

fn this_set(t: &mut Thread, v: Value) -> PyResult<Gc<Set>> {
    match cast::<Set>(v) {
        Some(s) => Ok(s),
        None => Err(t.type_error("descriptor requires a 'set' object")),
    }
}

fn set_add(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::exact(t, "set.add", &args[1..], kw, 1)?;
    let s = this_set(t, args[0])?;
    ops::set::add(t, s, a[0])?;
    Ok(Value::NONE)
}

fn set_remove(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::exact(t, "set.remove", &args[1..], kw, 1)?;
    let s = this_set(t, args[0])?;
    if !ops::set::discard(t, s, a[0])? {
        return Err(t.key_error(a[0]));
    }
    Ok(Value::NONE)
}

fn set_discard(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::exact(t, "set.discard", &args[1..], kw, 1)?;
    let s = this_set(t, args[0])?;
    ops::set::discard(t, s, a[0])?;
    Ok(Value::NONE)
}

fn set_pop(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    args::exact(t, "set.pop", &args[1..], kw, 0)?;
    let s = this_set(t, args[0])?;
    match s.table.pop() {
        Some(v) => Ok(v),
        None => {
            let m = t.new_str("pop from an empty set");
            let e = t.new_exception(t.classes.key_error, vec![m]);
            Err(t.raise(e))
        }
    }
}

fn set_clear(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    args::exact(t, "set.clear", &args[1..], kw, 0)?;
    this_set(t, args[0])?.table.clear();
    Ok(Value::NONE)
}

fn set_copy(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    args::exact(t, "copy", &args[1..], kw, 0)?;
    let s = this_set(t, args[0])?;
    if s.frozen {
        return Ok(args[0]);
    }
    let table = s.table.copy();
    Ok(t.alloc(Set {
        table,
        frozen: false,
    })
    .as_value())
}

fn set_multi(t: &mut Thread, args: &[Value], op: &str, in_place: bool) -> PyResult<Value> {
    let s = this_set(t, args[0])?;
    let others = &args[1..];
    if others.is_empty() {
        if in_place {
            return Ok(Value::NONE);
        }
        let table = s.table.copy();
        return Ok(t
            .alloc(Set {
                table,
                frozen: s.frozen,
            })
            .as_value());
    }
    let mut acc = s;
    let mut result = Value::NONE;
    for (i, o) in others.iter().enumerate() {
        let r = ops::set::method_op(t, acc, *o, op)?;
        if !in_place {
            result = r;
            if i + 1 < others.len() {
                acc = cast::<Set>(r).expect("set result");
                t.temp_roots.push(r);
            }
        }
    }
    if !in_place {
        for _ in 1..others.len() {
            t.temp_roots.pop();
        }
    }
    Ok(result)
}

fn set_union(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    args::no_kw(t, "union", kw)?;
    set_multi(t, args, "union", false)
}
fn set_intersection(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    args::no_kw(t, "intersection", kw)?;
    set_multi(t, args, "intersection", false)
}
fn set_difference(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    args::no_kw(t, "difference", kw)?;
    set_multi(t, args, "difference", false)
}
fn set_symmetric_difference(
    t: &mut Thread,
    args: &[Value],
    kw: Option<Gc<Tuple>>,
) -> PyResult<Value> {
    let a = args::exact(t, "symmetric_difference", &args[1..], kw, 1)?;
    let s = this_set(t, args[0])?;
    ops::set::method_op(t, s, a[0], "symmetric_difference")
}
fn set_update(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    args::no_kw(t, "update", kw)?;
    set_multi(t, args, "update", true)
}
fn set_intersection_update(
    t: &mut Thread,
    args: &[Value],
    kw: Option<Gc<Tuple>>,
) -> PyResult<Value> {
    args::no_kw(t, "intersection_update", kw)?;
    set_multi(t, args, "intersection_update", true)
}
fn set_difference_update(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    args::no_kw(t, "difference_update", kw)?;
    set_multi(t, args, "difference_update", true)
}
fn set_symmetric_difference_update(
    t: &mut Thread,
    args: &[Value],
    kw: Option<Gc<Tuple>>,
) -> PyResult<Value> {
    let a = args::exact(t, "symmetric_difference_update", &args[1..], kw, 1)?;
    let s = this_set(t, args[0])?;
    ops::set::method_op(t, s, a[0], "symmetric_difference_update")
}
fn set_issubset(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::exact(t, "issubset", &args[1..], kw, 1)?;
    let s = this_set(t, args[0])?;
    ops::set::method_op(t, s, a[0], "issubset")
}
fn set_issuperset(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::exact(t, "issuperset", &args[1..], kw, 1)?;
    let s = this_set(t, args[0])?;
    ops::set::method_op(t, s, a[0], "issuperset")
}
fn set_isdisjoint(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::exact(t, "isdisjoint", &args[1..], kw, 1)?;
    let s = this_set(t, args[0])?;
    ops::set::method_op(t, s, a[0], "isdisjoint")
}

// ----- iterators and generators -----

fn c_generator(t: &Thread) -> Gc<Class> {
    t.classes.generator
}

fn stop_with(t: &mut Thread, v: Value) -> crate::Raised {
    let args = if v.is_none() { vec![] } else { vec![v] };
    let e = t.new_exception(t.classes.stop_iteration, args);
    t.raise(e)
}

fn gen_send(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::exact(t, "send", &args[1..], kw, 1)?;
    let Some(g) = cast::<Generator>(args[0]) else {
        return Err(t.type_error("descriptor 'send' requires a 'generator' object"));
    };
    match (t.hooks.resume)(t, g, a[0])? {
        Some(v) => Ok(v),
        None => {
            let r = t.gen_return;
            t.gen_return = Value::NONE;
            Err(stop_with(t, r))
        }
    }
}

fn gen_close(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    args::exact(t, "close", &args[1..], kw, 0)?;
    let Some(g) = cast::<Generator>(args[0]) else {
        return Err(t.type_error("descriptor 'close' requires a 'generator' object"));
    };
    ops::iter::close_generator(t, g)?;
    Ok(Value::NONE)
}

/// `generator.throw(typ[, val[, tb]])`: the exception instance CPython's
/// `_gen_throw` makes from its arguments, raised inside the generator.
fn gen_throw(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::range(t, "throw", &args[1..], kw, 1, 3)?;
    let Some(g) = cast::<Generator>(args[0]) else {
        return Err(t.type_error("descriptor 'throw' requires a 'generator' object"));
    };
    let (typ, val) = (a[0], a.get(1).copied().unwrap_or(Value::NONE));
    if a.len() == 3 && !a[2].is_none() {
        return Err(t.type_error("throw() third argument must be a traceback object"));
    }
    let base = t.classes.base_exception;
    let exc = match cast::<Class>(typ) {
        Some(c) if c.is_subclass(base) => {
            if ops::isinstance(t, val, c) {
                val
            } else if val.is_none() {
                ops::call(t, typ, &[], None)?
            } else if let Some(tu) = cast::<Tuple>(val) {
                let items = tu.items.to_vec();
                ops::call(t, typ, &items, None)?
            } else {
                ops::call(t, typ, &[val], None)?
            }
        }
        _ if ops::isinstance(t, typ, base) => {
            if !val.is_none() {
                return Err(t.type_error("instance exception may not have a separate value"));
            }
            typ
        }
        _ => {
            let msg = format!(
                "exceptions must be classes or instances deriving from BaseException, not {}",
                t.type_name(typ)
            );
            return Err(t.type_error(&msg));
        }
    };
    match (t.hooks.throw)(t, g, exc)? {
        Some(v) => Ok(v),
        None => {
            let r = t.gen_return;
            t.gen_return = Value::NONE;
            Err(stop_with(t, r))
        }
    }
}

fn iter_next(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    args::exact(t, "__next__", &args[1..], kw, 0)?;
    match ops::next(t, args[0])? {
        Some(v) => Ok(v),
        None => {
            let r = if kind_of(args[0]) == Some(Kind::Generator) {
                t.gen_return
            } else {
                Value::NONE
            };
            t.gen_return = Value::NONE;
            Err(stop_with(t, r))
        }
    }
}

fn iter_self(_t: &mut Thread, args: &[Value], _kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    Ok(args[0])
}

fn slice_indices(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::exact(t, "indices", &args[1..], kw, 1)?;
    let Some(s) = cast::<Slice>(args[0]) else {
        return Err(t.type_error("descriptor 'indices' requires a 'slice' object"));
    };
    let n = int_arg(t, a[0])?;
    if n < 0 {
        return Err(t.value_error("length should not be negative"));
    }
    let (start, stop, step, _) = ops::item::slice_indices(t, s, n as usize)?;
    let (a, b, c) = (t.new_int(start), t.new_int(stop), t.new_int(step));
    Ok(t.new_tuple_from(&[a, b, c]))
}

fn range_index(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::exact(t, "index", &args[1..], kw, 1)?;
    let r = cast::<Range>(args[0]).expect("range receiver");
    if let Some(i) = ops::int::to_i128(a[0]) {
        let n = r.len();
        if n > 0 {
            let off = i - r.start;
            if off % r.step == 0 && (0..n).contains(&(off / r.step)) {
                return Ok(ops::int::from_i128(t, off / r.step));
            }
        }
    }
    let msg = format!("{} is not in range", ops::repr_string(t, a[0])?);
    Err(t.value_error(&msg))
}

fn range_count(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::exact(t, "count", &args[1..], kw, 1)?;
    let found = ops::compare::contains(t, args[0], a[0])?;
    Ok(Value::small_int_unchecked(found as i64))
}

// ----- numbers -----

fn int_bit_length(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    args::exact(t, "bit_length", &args[1..], kw, 0)?;
    let i = ops::int::to_int(args[0]).unwrap_or(num::Int::Small(0));
    Ok(t.new_int(num::int_bit_length(&i) as i64))
}

fn int_conjugate(t: &mut Thread, args: &[Value], _kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    Ok(ops::int::to_plain_int(t, args[0]))
}

fn float_is_integer(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    args::exact(t, "is_integer", &args[1..], kw, 0)?;
    Ok(Value::bool(
        args[0]
            .as_float()
            .map(num::float_is_integer)
            .unwrap_or(false),
    ))
}

fn float_conjugate(_t: &mut Thread, args: &[Value], _kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    Ok(args[0])
}
