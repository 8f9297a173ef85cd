//! `collections.namedtuple`: builds a class with bases `(tuple,)` whose
//! instances keep their values in a plain tuple in `Instance::base` (see
//! `mod_collections.rs`).

use super::args;
use super::mod_collections::bound_builtin;
use crate::gc::Gc;
use crate::object::class::Base;
use crate::object::shape::Shape;
use crate::object::*;
use crate::ops::{self, cast};
use crate::thread::Thread;
use crate::value::Value;
use crate::PyResult;
use std::cell::Cell;

const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

fn str_of(t: &mut Thread, v: Value) -> PyResult<String> {
    ops::str_string(t, v)
}

/// `namedtuple(typename, field_names, *, rename=False, defaults=None, module=None)`.
pub fn namedtuple(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let (pos, kws) = args::with_kw(
        t,
        "namedtuple",
        args,
        kw,
        &["typename", "field_names", "rename", "defaults", "module"],
    )?;
    if pos.len() > 2 {
        let msg = format!(
            "namedtuple() takes 2 positional arguments but {} were given",
            pos.len()
        );
        return Err(t.type_error(&msg));
    }
    let mut typename = pos.first().copied();
    let mut field_names = pos.get(1).copied();
    for (k, v) in &kws {
        let slot = match k.as_str() {
            "typename" => &mut typename,
            "field_names" => &mut field_names,
            _ => continue,
        };
        if slot.is_some() {
            let msg = format!(
                "namedtuple() got multiple values for argument '{}'",
                k.as_str()
            );
            return Err(t.type_error(&msg));
        }
        *slot = Some(*v);
    }
    let missing: Vec<&str> = [("typename", typename), ("field_names", field_names)]
        .iter()
        .filter(|(_, v)| v.is_none())
        .map(|(n, _)| *n)
        .collect();
    if !missing.is_empty() {
        let msg = if missing.len() == 1 {
            format!(
                "namedtuple() missing 1 required positional argument: '{}'",
                missing[0]
            )
        } else {
            "namedtuple() missing 2 required positional arguments: 'typename' and 'field_names'"
                .to_string()
        };
        return Err(t.type_error(&msg));
    }
    let (typename, field_names) = (typename.expect("checked"), field_names.expect("checked"));
    let rename = match args::kwarg(&kws, "rename") {
        Some(v) => ops::truthy(t, v)?,
        None => false,
    };
    let defaults = args::kwarg(&kws, "defaults").filter(|v| !v.is_none());
    let module = args::kwarg(&kws, "module").filter(|v| !v.is_none());

    let mut names: Vec<String> = match ops::as_str(field_names) {
        Some(s) => s
            .as_str()
            .replace(',', " ")
            .split_whitespace()
            .map(|x| x.to_string())
            .collect(),
        None => {
            let l = ops::collect_list(t, field_names)?;
            t.temp_roots.push(l.as_value());
            let mut out = Vec::new();
            let mut r = Ok(());
            for v in l.snapshot() {
                match str_of(t, v) {
                    Ok(s) => out.push(s),
                    Err(e) => {
                        r = Err(e);
                        break;
                    }
                }
            }
            t.temp_roots.pop();
            r?;
            out
        }
    };
    let typename = str_of(t, typename)?;
    if rename {
        let mut seen: Vec<String> = Vec::new();
        for (i, name) in names.iter_mut().enumerate() {
            if !super::str_case::is_identifier(name)
                || KEYWORDS.contains(&name.as_str())
                || name.starts_with('_')
                || seen.contains(name)
            {
                *name = format!("_{i}");
            }
            seen.push(name.clone());
        }
    }
    for name in std::iter::once(&typename).chain(names.iter()) {
        if !super::str_case::is_identifier(name) {
            let msg = format!(
                "Type names and field names must be valid identifiers: {}",
                crate::ops::repr::quote_str(name)
            );
            return Err(t.value_error(&msg));
        }
        if KEYWORDS.contains(&name.as_str()) {
            let msg = format!(
                "Type names and field names cannot be a keyword: {}",
                crate::ops::repr::quote_str(name)
            );
            return Err(t.value_error(&msg));
        }
    }
    let mut seen: Vec<&String> = Vec::new();
    for name in &names {
        if name.starts_with('_') && !rename {
            let msg = format!(
                "Field names cannot start with an underscore: {}",
                crate::ops::repr::quote_str(name)
            );
            return Err(t.value_error(&msg));
        }
        if seen.contains(&name) {
            let msg = format!(
                "Encountered duplicate field name: {}",
                crate::ops::repr::quote_str(name)
            );
            return Err(t.value_error(&msg));
        }
        seen.push(name);
    }
    let defaults: Vec<Value> = match defaults {
        Some(d) => ops::collect_list(t, d)?.snapshot(),
        None => Vec::new(),
    };
    let kd = t.new_tuple(defaults.clone());
    t.temp_roots.push(kd);
    let r = build(t, &typename, &names, &defaults, module);
    t.temp_roots.pop();
    r
}

fn build(
    t: &mut Thread,
    typename: &str,
    names: &[String],
    defaults: &[Value],
    module: Option<Value>,
) -> PyResult<Value> {
    if defaults.len() > names.len() {
        return Err(t.type_error("Got more default values than field names"));
    }
    let module = match module {
        Some(m) => m,
        None => match t.frames.last() {
            Some(f) => f.globals.name.as_value(),
            None => t.new_str("__main__"),
        },
    };
    let name = t.intern(typename);
    let tuple = t.classes.tuple;
    let object = t.classes.object;
    let root_shape = t.heap.alloc_immortal(Shape::root());
    let cls = t.alloc(Class::new(
        name,
        name,
        module,
        vec![tuple],
        Base::Object,
        root_shape,
    ));
    t.temp_roots.push(cls.as_value());
    *cls.mro.get_mut() = vec![cls, tuple, object];
    *cls.slots.get_mut() = Some(Vec::new());
    let r = fill_class(t, cls, names, defaults, module);
    t.temp_roots.pop();
    r.map(|_| cls.as_value())
}

fn set_attr(t: &mut Thread, cls: Gc<Class>, name: &str, v: Value) {
    let n = t.intern(name);
    cls.dict.get_mut().set(n, v);
}

fn method(t: &mut Thread, cls: Gc<Class>, name: &'static str, f: BuiltinFn, is_method: bool) {
    let v = t
        .alloc(Builtin {
            name,
            qualname: name,
            f,
            receiver: Value::UNBOUND,
            is_method,
        })
        .as_value();
    set_attr(t, cls, name, v);
}

fn fill_class(
    t: &mut Thread,
    cls: Gc<Class>,
    names: &[String],
    defaults: &[Value],
    module: Value,
) -> PyResult<()> {
    let field_strs: Vec<Value> = names.iter().map(|n| t.intern(n).as_value()).collect();
    let fields = t.new_tuple(field_strs.clone());
    set_attr(t, cls, "_fields", fields);
    set_attr(t, cls, "__match_args__", fields);
    let fd = t.new_dict();
    set_attr(t, cls, "_field_defaults", fd.as_value());
    let first_default = names.len() - defaults.len();
    for (i, d) in defaults.iter().enumerate() {
        ops::dict::set(t, fd, field_strs[first_default + i], *d)?;
    }
    // The defaults as `__new__` sees them (a copy, as `__new__.__defaults__`).
    let dt = t.new_tuple_from(defaults);
    set_attr(t, cls, "_nt_defaults", dt);
    let empty = t.empty_tuple;
    set_attr(t, cls, "__slots__", empty);
    set_attr(t, cls, "__module__", module);
    let doc = format!("{}({})", cls.name.as_str(), names.join(", "));
    let doc = t.new_string(doc);
    set_attr(t, cls, "__doc__", doc);
    method(t, cls, "__new__", nt_new, false);
    method(t, cls, "__init__", nt_init, true);
    method(t, cls, "__repr__", nt_repr, true);
    method(t, cls, "_asdict", nt_asdict, true);
    method(t, cls, "_replace", nt_replace, true);
    method(t, cls, "__getnewargs__", nt_getnewargs, true);
    method(t, cls, "count", nt_count, true);
    method(t, cls, "index", nt_index, true);
    let make = t
        .alloc(Builtin {
            name: "_make",
            qualname: "_make",
            f: nt_make,
            receiver: Value::UNBOUND,
            is_method: false,
        })
        .as_value();
    let cm = t.alloc(ClassMethod { func: make }).as_value();
    set_attr(t, cls, "_make", cm);
    let setter = bound_builtin(t, "_tuplegetter", field_set, Value::NONE);
    let deleter = bound_builtin(t, "_tuplegetter", field_del, Value::NONE);
    for (i, n) in names.iter().enumerate() {
        let get = bound_builtin(
            t,
            "_tuplegetter",
            field_get,
            Value::small_int_unchecked(i as i64),
        );
        let p = t
            .alloc(Property {
                fget: get,
                fset: Cell::new(setter),
                fdel: Cell::new(deleter),
            })
            .as_value();
        set_attr(t, cls, n, p);
    }
    Ok(())
}

/// The values tuple of a namedtuple instance.
fn values(t: &mut Thread, v: Value) -> PyResult<Gc<Tuple>> {
    match cast::<Instance>(v).and_then(|i| cast::<Tuple>(i.base.get())) {
        Some(tu) => Ok(tu),
        None => {
            let msg = format!(
                "descriptor requires a 'tuple' object but received a '{}'",
                t.type_name(v)
            );
            Err(t.type_error(&msg))
        }
    }
}

fn field_get(t: &mut Thread, args: &[Value], _kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let i = args[0].as_small_int().unwrap_or(0) as usize;
    let Some(&obj) = args.get(1) else {
        return Err(t.type_error("_tuplegetter expects an object"));
    };
    let tu = values(t, obj)?;
    match tu.items.get(i) {
        Some(v) => Ok(*v),
        None => Err(t.index_error("tuple index out of range")),
    }
}

fn field_set(t: &mut Thread, _args: &[Value], _kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    Err(t.attribute_error("can't set attribute"))
}

fn field_del(t: &mut Thread, _args: &[Value], _kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    Err(t.attribute_error("can't delete attribute"))
}

/// The namedtuple class (the one `namedtuple()` made) behind `cls`.
fn nt_class(t: &mut Thread, cls: Gc<Class>) -> Option<Gc<Class>> {
    let k = t.intern("_nt_defaults");
    cls.mro
        .get()
        .iter()
        .copied()
        .find(|c| c.dict.get().get(k).is_some())
}

fn class_attr(t: &mut Thread, cls: Gc<Class>, name: &str) -> Option<Value> {
    let n = t.intern(name);
    cls.dict.get().get(n)
}

fn str_items(v: Option<Value>) -> Vec<Value> {
    v.and_then(cast::<Tuple>)
        .map(|x| x.items.to_vec())
        .unwrap_or_default()
}

fn quoted_list(names: &[&str]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match q.len() {
        0 => String::new(),
        1 => q[0].clone(),
        2 => format!("{} and {}", q[0], q[1]),
        n => format!("{}, and {}", q[..n - 1].join(", "), q[n - 1]),
    }
}

/// Binds `__new__`'s arguments to the fields, with CPython's messages.
fn bind_fields(
    t: &mut Thread,
    cls: Gc<Class>,
    args: &[Value],
    kw: Option<Gc<Tuple>>,
) -> PyResult<Vec<Value>> {
    let Some(nt) = nt_class(t, cls) else {
        return Err(t.type_error("not a namedtuple class"));
    };
    let fields = str_items(class_attr(t, nt, "_fields"));
    let defaults = str_items(class_attr(t, nt, "_nt_defaults"));
    let names: Vec<String> = fields
        .iter()
        .map(|v| {
            ops::as_str(*v)
                .map(|s| s.as_str().to_string())
                .unwrap_or_default()
        })
        .collect();
    let fname = format!("{}.__new__()", nt.name.as_str());
    let (pos, kws) = ops::call::split_kw(args, kw);
    let n = names.len();
    let mut out: Vec<Option<Value>> = vec![None; n];
    for (i, v) in pos.iter().enumerate().take(n) {
        out[i] = Some(*v);
    }
    for (k, v) in &kws {
        match names.iter().position(|x| x == k.as_str()) {
            None => {
                let msg = format!(
                    "{fname} got an unexpected keyword argument '{}'",
                    k.as_str()
                );
                return Err(t.type_error(&msg));
            }
            Some(j) => {
                if out[j].is_some() {
                    let msg = format!("{fname} got multiple values for argument '{}'", k.as_str());
                    return Err(t.type_error(&msg));
                }
                out[j] = Some(*v);
            }
        }
    }
    if pos.len() > n {
        let nd = defaults.len();
        let msg = if nd == 0 {
            format!(
                "{fname} takes {} positional argument{} but {} {} given",
                n + 1,
                if n == 0 { "" } else { "s" },
                pos.len() + 1,
                if pos.len() + 1 == 1 { "was" } else { "were" }
            )
        } else {
            format!(
                "{fname} takes from {} to {} positional arguments but {} were given",
                n + 1 - nd,
                n + 1,
                pos.len() + 1
            )
        };
        return Err(t.type_error(&msg));
    }
    let first_default = n - defaults.len();
    let mut missing: Vec<&str> = Vec::new();
    for j in 0..n {
        if out[j].is_none() {
            if j >= first_default {
                out[j] = Some(defaults[j - first_default]);
            } else {
                missing.push(&names[j]);
            }
        }
    }
    if !missing.is_empty() {
        let msg = format!(
            "{fname} missing {} required positional argument{}: {}",
            missing.len(),
            if missing.len() == 1 { "" } else { "s" },
            quoted_list(&missing)
        );
        return Err(t.type_error(&msg));
    }
    Ok(out.into_iter().map(|v| v.expect("bound")).collect())
}

fn new_with_values(t: &mut Thread, cls: Gc<Class>, items: Vec<Value>) -> PyResult<Value> {
    let tu = t.new_tuple(items);
    t.temp_roots.push(tu);
    let obj = ops::call::new_instance(t, cls);
    t.temp_roots.pop();
    let obj = obj?;
    cast::<Instance>(obj).expect("instance").base.set(tu);
    Ok(obj)
}

fn nt_new(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let Some(cls) = args.first().copied().and_then(cast::<Class>) else {
        return Err(t.type_error("namedtuple.__new__(X): X is not a type object"));
    };
    let items = bind_fields(t, cls, &args[1..], kw)?;
    new_with_values(t, cls, items)
}

fn nt_init(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let me = args[0];
    let Some(inst) = cast::<Instance>(me) else {
        return Ok(Value::NONE);
    };
    if !inst.base.get().is_unbound() {
        // Already built by `__new__` (e.g. a subclass's `__new__` calling ours).
        return Ok(Value::NONE);
    }
    let items = bind_fields(t, inst.class.get(), &args[1..], kw)?;
    let tu = t.new_tuple(items);
    inst.base.set(tu);
    Ok(Value::NONE)
}

fn nt_repr(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    args::exact(t, "__repr__", &args[1..], kw, 0)?;
    let me = args[0];
    let tu = values(t, me)?;
    let cls = t.class_of(me);
    let fields = match nt_class(t, cls) {
        Some(nt) => str_items(class_attr(t, nt, "_fields")),
        None => Vec::new(),
    };
    let mut s = format!("{}(", cls.name.as_str());
    for (i, v) in tu.items.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        let name = fields
            .get(i)
            .and_then(|f| ops::as_str(*f))
            .map(|f| f.as_str().to_string())
            .unwrap_or_default();
        s.push_str(&name);
        s.push('=');
        s.push_str(&ops::repr_string(t, *v)?);
    }
    s.push(')');
    Ok(t.new_string(s))
}

fn fields_of(t: &mut Thread, me: Value) -> Vec<Value> {
    let cls = t.class_of(me);
    match nt_class(t, cls) {
        Some(nt) => str_items(class_attr(t, nt, "_fields")),
        None => Vec::new(),
    }
}

fn nt_asdict(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    args::exact(t, "_asdict", &args[1..], kw, 0)?;
    let me = args[0];
    let tu = values(t, me)?;
    let fields = fields_of(t, me);
    let d = t.new_dict();
    t.temp_roots.push(d.as_value());
    let mut r = Ok(());
    for (k, v) in fields.iter().zip(tu.items.iter()) {
        r = ops::dict::set(t, d, *k, *v);
        if r.is_err() {
            break;
        }
    }
    t.temp_roots.pop();
    r.map(|_| d.as_value())
}

fn nt_replace(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let me = args[0];
    let (pos, kws) = ops::call::split_kw(&args[1..], kw);
    if !pos.is_empty() {
        let cls = t.class_of(me);
        let msg = format!(
            "{}._replace() takes 1 positional argument but {} were given",
            cls.name.as_str(),
            pos.len() + 1
        );
        return Err(t.type_error(&msg));
    }
    let tu = values(t, me)?;
    let fields = fields_of(t, me);
    let mut items = tu.items.to_vec();
    let mut used = vec![false; kws.len()];
    for (i, f) in fields.iter().enumerate() {
        let fname = ops::as_str(*f)
            .map(|s| s.as_str().to_string())
            .unwrap_or_default();
        if let Some(j) = kws.iter().position(|(k, _)| k.as_str() == fname) {
            if i < items.len() {
                items[i] = kws[j].1;
            }
            used[j] = true;
        }
    }
    let unused: Vec<Value> = kws
        .iter()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|((k, _), _)| k.as_value())
        .collect();
    if !unused.is_empty() {
        let l = t.new_list(unused);
        let msg = format!("Got unexpected field names: {}", ops::repr_string(t, l)?);
        return Err(t.value_error(&msg));
    }
    let cls = t.class_of(me);
    new_with_values(t, cls, items)
}

fn nt_make(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::exact(t, "_make", &args[1..], kw, 1)?;
    let Some(cls) = cast::<Class>(args[0]) else {
        return Err(t.type_error("_make requires a class"));
    };
    let items = ops::collect_list(t, a[0])?.snapshot();
    let n = nt_class(t, cls)
        .map(|nt| str_items(class_attr(t, nt, "_fields")).len())
        .unwrap_or(0);
    if items.len() != n {
        let msg = format!("Expected {} arguments, got {}", n, items.len());
        return Err(t.type_error(&msg));
    }
    new_with_values(t, cls, items)
}

fn nt_getnewargs(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    args::exact(t, "__getnewargs__", &args[1..], kw, 0)?;
    let tu = values(t, args[0])?;
    Ok(t.new_tuple_from(&tu.items))
}

fn tuple_method(
    t: &mut Thread,
    name: &str,
    args: &[Value],
    kw: Option<Gc<Tuple>>,
) -> PyResult<Value> {
    let tu = values(t, args[0])?;
    let n = t.intern(name);
    let m = t.classes.tuple.lookup(n).expect("tuple method");
    let mut v = args.to_vec();
    v[0] = tu.as_value();
    ops::call(t, m, &v, kw)
}

fn nt_count(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    tuple_method(t, "count", args, kw)
}

fn nt_index(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    tuple_method(t, "index", args, kw)
}
