//! Argument checking and result building shared by the `str` methods, with
//! CPython's messages for each calling convention (`str.upper()` style
//! exact counts, Argument Clinic positional and keyword arguments, and
//! `PyArg_ParseTuple` style optional arguments).

use super::args;
use super::str_search::Text;
use crate::gc::Gc;
use crate::object::*;
use crate::ops;
use crate::ops::call::split_kw;
use crate::thread::Thread;
use crate::value::Value;
use crate::PyResult;

/// The receiver (`self`) of `str.<name>` and the other arguments.
pub fn recv<'a>(t: &mut Thread, name: &str, args: &'a [Value]) -> PyResult<(Gc<Str>, &'a [Value])> {
    let Some((&r, rest)) = args.split_first() else {
        let msg = format!("unbound method str.{name}() needs an argument");
        return Err(t.type_error(&msg));
    };
    match ops::as_str(r) {
        Some(s) => Ok((s, rest)),
        None => {
            let msg = format!(
                "descriptor '{name}' for 'str' objects doesn't apply to a '{}' object",
                t.type_name(r)
            );
            Err(t.type_error(&msg))
        }
    }
}

/// A method taking no arguments.
pub fn recv0(
    t: &mut Thread,
    name: &str,
    args: &[Value],
    kw: Option<Gc<Tuple>>,
) -> PyResult<Gc<Str>> {
    let (s, rest) = recv(t, name, args)?;
    args::exact(t, &format!("str.{name}"), rest, kw, 0)?;
    Ok(s)
}

/// A method taking exactly one positional argument.
pub fn recv1(
    t: &mut Thread,
    name: &str,
    args: &[Value],
    kw: Option<Gc<Tuple>>,
) -> PyResult<(Gc<Str>, Value)> {
    let (s, rest) = recv(t, name, args)?;
    let a = args::exact(t, &format!("str.{name}"), rest, kw, 1)?;
    Ok((s, a[0]))
}

/// Positional-only arguments checked like CPython's Argument Clinic
/// (`center expected at least 1 argument, got 0`).
pub fn positional<'a>(
    t: &mut Thread,
    name: &str,
    args: &'a [Value],
    kw: Option<Gc<Tuple>>,
    min: usize,
    max: usize,
) -> PyResult<(Gc<Str>, &'a [Value])> {
    let (s, rest) = recv(t, name, args)?;
    args::no_kw(t, &format!("str.{name}"), kw)?;
    args::check_count(t, name, rest.len(), min, max)?;
    Ok((s, rest))
}

/// Positional-only arguments checked like `PyArg_ParseTuple`
/// (`find() takes at least 1 argument (0 given)`).
pub fn parse_tuple<'a>(
    t: &mut Thread,
    name: &str,
    args: &'a [Value],
    kw: Option<Gc<Tuple>>,
    min: usize,
    max: usize,
) -> PyResult<(Gc<Str>, &'a [Value])> {
    let (s, rest) = recv(t, name, args)?;
    args::no_kw(t, &format!("str.{name}"), kw)?;
    let n = rest.len();
    if n < min || n > max {
        let (bound, count) = if n < min {
            ("least", min)
        } else {
            ("most", max)
        };
        let plural = if count == 1 { "" } else { "s" };
        let msg = format!("{name}() takes at {bound} {count} argument{plural} ({n} given)");
        return Err(t.type_error(&msg));
    }
    Ok((s, rest))
}

/// Arguments that may also be passed by keyword (`names`), as Argument
/// Clinic checks them; absent ones are `None`.
pub fn keywords(
    t: &mut Thread,
    name: &str,
    args: &[Value],
    kw: Option<Gc<Tuple>>,
    names: &[&str],
) -> PyResult<(Gc<Str>, Vec<Option<Value>>)> {
    let (s, rest) = recv(t, name, args)?;
    let (pos, kws) = split_kw(rest, kw);
    let given = pos.len() + kws.len();
    if given > names.len() {
        let plural = if names.len() == 1 { "" } else { "s" };
        let msg = format!(
            "{name}() takes at most {} argument{plural} ({given} given)",
            names.len()
        );
        return Err(t.type_error(&msg));
    }
    let mut out: Vec<Option<Value>> = vec![None; names.len()];
    for (slot, v) in out.iter_mut().zip(pos) {
        *slot = Some(*v);
    }
    for (k, v) in kws {
        match names.iter().position(|n| *n == k.as_str()) {
            Some(i) if i < pos.len() => {
                let msg = format!(
                    "argument for {name}() given by name ('{}') and position ({})",
                    k.as_str(),
                    i + 1
                );
                return Err(t.type_error(&msg));
            }
            Some(i) => out[i] = Some(v),
            None => {
                let msg = format!(
                    "'{}' is an invalid keyword argument for {name}()",
                    k.as_str()
                );
                return Err(t.type_error(&msg));
            }
        }
    }
    Ok((s, out))
}

/// A str argument, with CPython's "must be str, not int".
pub fn str_operand(t: &mut Thread, v: Value, prefix: &str) -> PyResult<Gc<Str>> {
    match ops::as_str(v) {
        Some(s) => Ok(s),
        None => {
            let msg = format!("{prefix}must be str, not {}", t.type_name(v));
            Err(t.type_error(&msg))
        }
    }
}

/// A `start`/`end` argument: `None`, an int (clamped) or `__index__`.
pub fn slice_bound(t: &mut Thread, v: Option<&Value>) -> PyResult<Option<i64>> {
    match v {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(v) => match ops::item::index_value(t, *v)? {
            Some(i) => Ok(Some(i)),
            None => Err(
                t.type_error("slice indices must be integers or None or have an __index__ method")
            ),
        },
    }
}

/// The text of a str with its known length in code points.
pub fn text(s: &Str) -> Text<'_> {
    Text {
        s: s.as_str(),
        n: s.len(),
    }
}

/// A str result that may be the receiver itself.
pub fn result_str(t: &mut Thread, recv: Value, whole: &str, r: &str) -> Value {
    if r.len() == whole.len() {
        recv
    } else {
        t.new_str(r)
    }
}

/// A list of strs (each the receiver itself when it is the whole text).
pub fn str_list(t: &mut Thread, recv: Value, whole: &str, parts: &[&str]) -> Value {
    let list = t.alloc(List::new(Vec::with_capacity(parts.len())));
    for p in parts {
        let v = result_str(t, recv, whole, p);
        list.push(v);
    }
    list.as_value()
}

/// A tuple of three strs.
pub fn str_tuple3(t: &mut Thread, parts: [&str; 3]) -> Value {
    let base = t.temp_roots.len();
    for p in parts {
        let v = t.new_str(p);
        t.temp_roots.push(v);
    }
    let items = t.temp_roots[base..].to_vec();
    let r = t.new_tuple(items);
    t.temp_roots.truncate(base);
    r
}
