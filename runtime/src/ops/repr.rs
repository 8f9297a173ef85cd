//! `repr()` and `str()` of every value, with CPython's exact text.

use super::{as_str, cast, kind_of};
use crate::object::*;
use crate::thread::Thread;
use crate::value::Value;
use crate::PyResult;

/// `repr(v)` as a Rust string.
pub fn repr_string(t: &mut Thread, v: Value) -> PyResult<String> {
    if let Some(i) = v.as_small_int() {
        return Ok(i.to_string());
    }
    if let Some(f) = v.as_float() {
        return Ok(crate::num::float_repr(f));
    }
    if let Some(b) = v.as_bool() {
        return Ok(if b { "True" } else { "False" }.to_string());
    }
    if v.is_none() {
        return Ok("None".to_string());
    }
    match kind_of(v) {
        Some(Kind::Str) => Ok(quote_str(as_str(v).expect("kind checked").as_str())),
        Some(Kind::BoxedInt) | Some(Kind::BigInt) => super::int::int_to_decimal(t, v),
        Some(Kind::List) => {
            let l = cast::<List>(v).expect("kind checked");
            guarded(t, v, "[...]", |t| {
                seq_repr(t, &l.snapshot(), "[", "]", false)
            })
        }
        Some(Kind::Tuple) => {
            let tu = cast::<Tuple>(v).expect("kind checked");
            let items = tu.items.to_vec();
            guarded(t, v, "(...)", |t| {
                seq_repr(t, &items, "(", ")", items.len() == 1)
            })
        }
        Some(Kind::Dict) => guarded(t, v, "{...}", |t| dict_repr(t, v)),
        Some(Kind::Set) => {
            let s = cast::<Set>(v).expect("kind checked");
            let items = s.table.keys();
            let name = if s.frozen { "frozenset" } else { "set" };
            if items.is_empty() {
                return Ok(format!("{name}()"));
            }
            guarded(t, v, &format!("{name}(...)"), |t| {
                let inner = seq_repr(t, &items, "{", "}", false)?;
                Ok(if s.frozen {
                    format!("frozenset({inner})")
                } else {
                    inner
                })
            })
        }
        Some(Kind::Range) => {
            let r = cast::<Range>(v).expect("kind checked");
            Ok(if r.step == 1 {
                format!("range({}, {})", r.start, r.stop)
            } else {
                format!("range({}, {}, {})", r.start, r.stop, r.step)
            })
        }
        Some(Kind::Slice) => {
            let s = cast::<Slice>(v).expect("kind checked");
            let (a, b, c) = (
                repr_string(t, s.start)?,
                repr_string(t, s.stop)?,
                repr_string(t, s.step)?,
            );
            Ok(format!("slice({a}, {b}, {c})"))
        }
        Some(Kind::Class) => {
            let c = cast::<Class>(v).expect("kind checked");
            let module = as_str(c.module.get())
                .map(|m| m.as_str().to_string())
                .unwrap_or_default();
            if module == "builtins" || module.is_empty() {
                Ok(format!("<class '{}'>", c.qualname.get().as_str()))
            } else {
                Ok(format!(
                    "<class '{}.{}'>",
                    module,
                    c.qualname.get().as_str()
                ))
            }
        }
        Some(Kind::Function) => {
            let f = cast::<Function>(v).expect("kind checked");
            let q = str_string(t, f.qualname.get())?;
            Ok(format!(
                "<function {} at {:#x}>",
                q,
                v.bits() & 0xFFFF_FFFF_FFFF
            ))
        }
        Some(Kind::Builtin) => {
            let b = cast::<Builtin>(v).expect("kind checked");
            if b.receiver.is_unbound() {
                Ok(format!("<built-in function {}>", b.name))
            } else {
                let tn = t.type_name(b.receiver);
                Ok(format!(
                    "<built-in method {} of {} object at {:#x}>",
                    b.name,
                    tn,
                    b.receiver.bits() & 0xFFFF_FFFF_FFFF
                ))
            }
        }
        Some(Kind::BoundMethod) => {
            let m = cast::<BoundMethod>(v).expect("kind checked");
            let q = match cast::<Function>(m.func) {
                Some(f) => str_string(t, f.qualname.get())?,
                None => "?".to_string(),
            };
            let r = repr_string(t, m.receiver)?;
            Ok(format!("<bound method {q} of {r}>"))
        }
        Some(Kind::Module) => {
            let m = cast::<Module>(v).expect("kind checked");
            Ok(if m.native {
                format!("<module '{}' (built-in)>", m.name.as_str())
            } else {
                format!("<module '{}'>", m.name.as_str())
            })
        }
        Some(Kind::Generator) => {
            let g = cast::<Generator>(v).expect("kind checked");
            Ok(format!(
                "<generator object {} at {:#x}>",
                g.code.qualname.as_str(),
                v.bits() & 0xFFFF_FFFF_FFFF
            ))
        }
        Some(Kind::Instance) => instance_repr(t, v),
        Some(Kind::DictView) => {
            let dv = cast::<DictView>(v).expect("kind checked");
            let name = ["dict_keys", "dict_values", "dict_items"][dv.which as usize % 3];
            let it = super::iter::iter(t, v)?;
            let items = super::iter::collect_list(t, it)?;
            let inner = seq_repr(t, &items.snapshot(), "[", "]", false)?;
            Ok(format!("{name}({inner})"))
        }
        _ => {
            let tn = t.type_name(v);
            Ok(format!(
                "<{} object at {:#x}>",
                tn,
                v.bits() & 0xFFFF_FFFF_FFFF
            ))
        }
    }
}

/// Calls `__repr__`/`__str__` method `m` of `v`, which must return a str.
fn text_dunder(t: &mut Thread, m: Value, v: Value, which: &str) -> PyResult<String> {
    t.check_native_stack()?;
    let r = super::call::call_descriptor(t, m, v, &[])?;
    match as_str(r) {
        Some(s) => Ok(s.as_str().to_string()),
        None => {
            let msg = format!("{which} returned non-string (type {})", t.type_name(r));
            Err(t.type_error(&msg))
        }
    }
}

/// Whether `m` is the builtin method with this qualified name.
fn is_builtin_named(m: Value, qualname: &str) -> bool {
    cast::<Builtin>(m)
        .map(|b| b.qualname == qualname)
        .unwrap_or(false)
}

fn instance_repr(t: &mut Thread, v: Value) -> PyResult<String> {
    if v.is(t.ellipsis) {
        return Ok("Ellipsis".to_string());
    }
    if v.is(t.not_implemented) {
        return Ok("NotImplemented".to_string());
    }
    let cls = t.class_of(v);
    if let Some(m) = cls.lookup(t.names.repr) {
        if !is_builtin_named(m, "object.__repr__") {
            return text_dunder(t, m, v, "__repr__");
        }
    }
    let inst = cast::<Instance>(v).expect("instance");
    if inst.exc.get().is_some() {
        let args = inst
            .exc
            .get()
            .as_ref()
            .map(|e| e.args)
            .unwrap_or(Value::NONE);
        let items = cast::<Tuple>(args)
            .map(|a| a.items.to_vec())
            .unwrap_or_default();
        let inner = if items.len() == 1 {
            repr_string(t, items[0])?
        } else {
            seq_repr(t, &items, "", "", false)?
        };
        return Ok(format!("{}({})", cls.name.as_str(), inner));
    }
    let base = inst.base.get();
    // A list/dict/tuple base reprs as itself; native state has no repr.
    if !base.is_unbound() && kind_of(base) != Some(Kind::Native) {
        return repr_string(t, base);
    }
    let module = as_str(cls.module.get())
        .map(|m| m.as_str().to_string())
        .unwrap_or_default();
    Ok(format!(
        "<{}.{} object at {:#x}>",
        module,
        cls.qualname.get().as_str(),
        v.bits() & 0xFFFF_FFFF_FFFF
    ))
}

/// Runs `f` unless `v` is already being repr'd (a cycle), else returns `cycle`.
fn guarded(
    t: &mut Thread,
    v: Value,
    cycle: &str,
    f: impl FnOnce(&mut Thread) -> PyResult<String>,
) -> PyResult<String> {
    let key = v.bits();
    if t.repr_guard.contains(&key) {
        return Ok(cycle.to_string());
    }
    t.check_native_stack()?;
    t.repr_guard.push(key);
    let r = f(t);
    t.repr_guard.pop();
    r
}

fn seq_repr(
    t: &mut Thread,
    items: &[Value],
    open: &str,
    close: &str,
    one_tuple: bool,
) -> PyResult<String> {
    let mut s = String::from(open);
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str(&repr_string(t, *x)?);
    }
    if one_tuple {
        s.push(',');
    }
    s.push_str(close);
    Ok(s)
}

fn dict_repr(t: &mut Thread, v: Value) -> PyResult<String> {
    let d = super::as_dict(v).expect("dict");
    let entries: Vec<(Value, Value)> = d.table.items();
    let keep = t.new_list(entries.iter().flat_map(|(k, v)| [*k, *v]).collect());
    t.temp_roots.push(keep);
    let mut s = String::from("{");
    let mut r = Ok(());
    for (i, (k, x)) in entries.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        match (repr_string(t, *k), repr_string(t, *x)) {
            (Ok(a), Ok(b)) => {
                s.push_str(&a);
                s.push_str(": ");
                s.push_str(&b);
            }
            (Err(e), _) | (_, Err(e)) => {
                r = Err(e);
                break;
            }
        }
    }
    t.temp_roots.pop();
    r?;
    s.push('}');
    Ok(s)
}

/// Python's `repr` of a str: quotes and escapes.
pub fn quote_str(s: &str) -> String {
    crate::num::py_str_repr(s)
}

/// `repr(v)` as a str value.
pub fn repr(t: &mut Thread, v: Value) -> PyResult<Value> {
    let s = repr_string(t, v)?;
    Ok(t.new_string(s))
}

/// `str(v)` as a Rust string.
pub fn str_string(t: &mut Thread, v: Value) -> PyResult<String> {
    if let Some(s) = as_str(v) {
        return Ok(s.as_str().to_string());
    }
    if kind_of(v) == Some(Kind::Instance) {
        let cls = t.class_of(v);
        if let Some(m) = cls.lookup(t.names.str_) {
            if !is_builtin_named(m, "object.__str__") {
                return text_dunder(t, m, v, "__str__");
            }
        }
        let inst = cast::<Instance>(v).expect("instance");
        if inst.exc.get().is_some()
            && cls
                .lookup(t.names.repr)
                .map(|m| kind_of(m) == Some(Kind::Builtin))
                .unwrap_or(true)
        {
            return exception_str(t, v);
        }
    }
    repr_string(t, v)
}

/// `str(exc)` for exception instances: CPython's rules on `args`.
pub fn exception_str(t: &mut Thread, v: Value) -> PyResult<String> {
    let inst = cast::<Instance>(v).expect("exception instance");
    let args = inst
        .exc
        .get()
        .as_ref()
        .map(|e| e.args)
        .unwrap_or(Value::NONE);
    let items = cast::<Tuple>(args)
        .map(|a| a.items.to_vec())
        .unwrap_or_default();
    let is_key_error = inst.class.get().is_subclass(t.classes.key_error);
    match items.len() {
        0 => Ok(String::new()),
        1 if is_key_error => repr_string(t, items[0]),
        1 => str_string(t, items[0]),
        _ => seq_repr(t, &items, "(", ")", false),
    }
}

/// `str(v)` as a str value.
pub fn str_(t: &mut Thread, v: Value) -> PyResult<Value> {
    if as_str(v).is_some() {
        return Ok(v);
    }
    let s = str_string(t, v)?;
    Ok(t.new_string(s))
}
