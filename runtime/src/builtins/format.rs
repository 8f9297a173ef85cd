//! `format(value, spec)` (also behind f-string fields and `str.format`) and
//! the `__format__` methods of `object`, `int`, `float` and `str`, driving
//! the format-spec code in `crate::num`. The `%` operator lives in
//! `format_percent`, `str.format`'s field parsing in `format_fields`.

use crate::gc::Gc;
use crate::num;
use crate::object::*;
use crate::ops::{self, kind_of};
use crate::thread::Thread;
use crate::value::Value;
use crate::PyResult;

pub use super::format_percent::percent_format;

/// Registers `__format__` on `object`, `int`, `float` and `str` (`bool`
/// inherits `int`'s).
pub fn install(t: &mut Thread) {
    let c = &t.classes;
    let (object, int, float, str_) = (c.object, c.int, c.float, c.str);
    super::def_method(
        t,
        object,
        "__format__",
        "object.__format__",
        object_format_method,
    );
    super::def_method(t, int, "__format__", "int.__format__", int_format_method);
    super::def_method(
        t,
        float,
        "__format__",
        "float.__format__",
        float_format_method,
    );
    super::def_method(t, str_, "__format__", "str.__format__", str_format_method);
}

/// `format(v, spec)`: CPython's `PyObject_Format`.
pub fn format(t: &mut Thread, v: Value, spec: &str) -> PyResult<Value> {
    if let Some(r) = format_builtin(t, v, spec) {
        return r;
    }
    if kind_of(v) == Some(Kind::Instance) {
        let cls = t.class_of(v);
        if let Some(m) = cls.lookup(t.names.format) {
            let is_default =
                ops::cast::<Builtin>(m).is_some_and(|b| b.qualname == "object.__format__");
            if !is_default {
                let spec_v = t.new_str(spec);
                let r = ops::call::call_descriptor(t, m, v, &[spec_v])?;
                if ops::as_str(r).is_none() {
                    let msg = format!("__format__ must return a str, not {}", t.type_name(r));
                    return Err(t.type_error(&msg));
                }
                return Ok(r);
            }
        }
    }
    object_format(t, v, spec)
}

/// The formatting of `str`, `int` (and `bool`) and `float` values; `None`
/// for any other value.
fn format_builtin(t: &mut Thread, v: Value, spec: &str) -> Option<PyResult<Value>> {
    if let Some(s) = ops::as_str(v) {
        if spec.is_empty() {
            return Some(Ok(v));
        }
        let r = num::parse_format_spec(spec, "str").and_then(|p| num::format_str(s.as_str(), &p));
        return Some(finish(t, r));
    }
    if ops::int::is_int(v) {
        if spec.is_empty() {
            return Some(ops::str_(t, v));
        }
        let i = ops::int::to_int(v)?;
        let name = if v.is_bool() { "bool" } else { "int" };
        let r = num::parse_format_spec(spec, name).and_then(|p| num::format_int(&i, &p));
        return Some(finish(t, r));
    }
    if let Some(x) = v.as_float() {
        if spec.is_empty() {
            return Some(ops::str_(t, v));
        }
        let r = num::parse_format_spec(spec, "float").and_then(|p| num::format_float(x, &p));
        return Some(finish(t, r));
    }
    None
}

fn finish(t: &mut Thread, r: num::NumResult<String>) -> PyResult<Value> {
    let s = ops::int::check(t, r)?;
    Ok(t.new_string(s))
}

/// `object.__format__`: `str(v)` for an empty spec, else a TypeError.
fn object_format(t: &mut Thread, v: Value, spec: &str) -> PyResult<Value> {
    if spec.is_empty() {
        return ops::str_(t, v);
    }
    let msg = format!(
        "unsupported format string passed to {}.__format__",
        t.type_name(v)
    );
    Err(t.type_error(&msg))
}

/// The receiver and the spec of a `__format__` method call.
fn format_method_args(
    t: &mut Thread,
    qualname: &str,
    args: &[Value],
    kw: Option<Gc<Tuple>>,
) -> PyResult<(Value, String)> {
    let Some((&recv, rest)) = args.split_first() else {
        let msg = format!("unbound method {qualname}() needs an argument");
        return Err(t.type_error(&msg));
    };
    let a = super::args::exact(t, qualname, rest, kw, 1)?;
    match ops::as_str(a[0]) {
        Some(s) => Ok((recv, s.as_str().to_string())),
        None => {
            let msg = format!(
                "__format__() argument must be str, not {}",
                t.type_name(a[0])
            );
            Err(t.type_error(&msg))
        }
    }
}

fn descriptor_error(t: &mut Thread, cls: &str, v: Value) -> crate::Raised {
    let msg = format!(
        "descriptor '__format__' for '{cls}' objects doesn't apply to a '{}' object",
        t.type_name(v)
    );
    t.type_error(&msg)
}

fn object_format_method(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let (v, spec) = format_method_args(t, "object.__format__", args, kw)?;
    object_format(t, v, &spec)
}

fn int_format_method(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let (v, spec) = format_method_args(t, "int.__format__", args, kw)?;
    if !ops::int::is_int(v) {
        return Err(descriptor_error(t, "int", v));
    }
    format_builtin(t, v, &spec).unwrap_or_else(|| Err(descriptor_error(t, "int", v)))
}

fn float_format_method(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let (v, spec) = format_method_args(t, "float.__format__", args, kw)?;
    if !v.is_float() {
        return Err(descriptor_error(t, "float", v));
    }
    format_builtin(t, v, &spec).unwrap_or_else(|| Err(descriptor_error(t, "float", v)))
}

fn str_format_method(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let (v, spec) = format_method_args(t, "str.__format__", args, kw)?;
    if ops::as_str(v).is_none() {
        return Err(descriptor_error(t, "str", v));
    }
    format_builtin(t, v, &spec).unwrap_or_else(|| Err(descriptor_error(t, "str", v)))
}

/// `ascii(v)`: `repr(v)` with non-ASCII characters escaped.
pub fn ascii_string(t: &mut Thread, v: Value) -> PyResult<String> {
    let r = ops::repr_string(t, v)?;
    Ok(escape_non_ascii(&r))
}

/// Escapes every non-ASCII character as `\xNN`, `\uNNNN` or `\UNNNNNNNN`.
pub fn escape_non_ascii(s: &str) -> String {
    if s.is_ascii() {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        let n = c as u32;
        if n < 0x80 {
            out.push(c);
        } else if n < 0x100 {
            out.push_str(&format!("\\x{n:02x}"));
        } else if n < 0x10000 {
            out.push_str(&format!("\\u{n:04x}"));
        } else {
            out.push_str(&format!("\\U{n:08x}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_escapes() {
        // ascii('é\u20ac\U0001F600x')[1:-1]
        assert_eq!(
            escape_non_ascii("é\u{20ac}\u{1F600}x"),
            "\\xe9\\u20ac\\U0001f600x"
        );
        assert_eq!(escape_non_ascii("plain"), "plain");
    }
}
