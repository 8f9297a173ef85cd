//! Argument checking for builtins, with CPython's messages.

use crate::gc::Gc;
use crate::object::{Str, Tuple};
use crate::ops::call::split_kw;
use crate::thread::Thread;
use crate::value::Value;
use crate::PyResult;

/// Exactly `n` positional arguments and no keywords.
pub fn exact<'a>(
    t: &mut Thread,
    name: &str,
    args: &'a [Value],
    kw: Option<Gc<Tuple>>,
    n: usize,
) -> PyResult<&'a [Value]> {
    no_kw(t, name, kw)?;
    if args.len() != n {
        let msg = match n {
            0 => format!("{name}() takes no arguments ({} given)", args.len()),
            1 => format!("{name}() takes exactly one argument ({} given)", args.len()),
            _ => format!("{name} expected {n} arguments, got {}", args.len()),
        };
        return Err(t.type_error(&msg));
    }
    Ok(args)
}

/// Between `min` and `max` positional arguments and no keywords.
pub fn range<'a>(
    t: &mut Thread,
    name: &str,
    args: &'a [Value],
    kw: Option<Gc<Tuple>>,
    min: usize,
    max: usize,
) -> PyResult<&'a [Value]> {
    no_kw(t, name, kw)?;
    check_count(t, name, args.len(), min, max)?;
    Ok(args)
}

/// Checks a positional argument count.
pub fn check_count(t: &mut Thread, name: &str, n: usize, min: usize, max: usize) -> PyResult<()> {
    if n < min {
        let msg = if min == max {
            format!(
                "{name} expected {min} argument{}, got {n}",
                if min == 1 { "" } else { "s" }
            )
        } else {
            format!(
                "{name} expected at least {min} argument{}, got {n}",
                if min == 1 { "" } else { "s" }
            )
        };
        return Err(t.type_error(&msg));
    }
    if n > max {
        let msg = if min == max {
            format!(
                "{name} expected {max} argument{}, got {n}",
                if max == 1 { "" } else { "s" }
            )
        } else {
            format!(
                "{name} expected at most {max} argument{}, got {n}",
                if max == 1 { "" } else { "s" }
            )
        };
        return Err(t.type_error(&msg));
    }
    Ok(())
}

/// Refuses keyword arguments.
pub fn no_kw(t: &mut Thread, name: &str, kw: Option<Gc<Tuple>>) -> PyResult<()> {
    if kw.map(|k| !k.is_empty()).unwrap_or(false) {
        let msg = format!("{name}() takes no keyword arguments");
        return Err(t.type_error(&msg));
    }
    Ok(())
}

/// Positional arguments and named keyword arguments (`allowed` lists the
/// accepted keyword names; others raise CPython's TypeError).
pub fn with_kw<'a>(
    t: &mut Thread,
    name: &str,
    args: &'a [Value],
    kw: Option<Gc<Tuple>>,
    allowed: &[&str],
) -> PyResult<(&'a [Value], Vec<(Gc<Str>, Value)>)> {
    let (pos, kws) = split_kw(args, kw);
    for (k, _) in &kws {
        if !allowed.contains(&k.as_str()) {
            let msg = format!(
                "{}() got an unexpected keyword argument '{}'",
                name,
                k.as_str()
            );
            return Err(t.type_error(&msg));
        }
    }
    Ok((pos, kws))
}

/// The value of keyword `name` among `kws`.
pub fn kwarg(kws: &[(Gc<Str>, Value)], name: &str) -> Option<Value> {
    kws.iter()
        .find(|(k, _)| k.as_str() == name)
        .map(|(_, v)| *v)
}

/// An int argument as `i64` (TypeError naming the type otherwise).
pub fn int_arg(t: &mut Thread, v: Value) -> PyResult<i64> {
    if let Some(i) = crate::ops::int::to_i64(v) {
        return Ok(i);
    }
    if crate::ops::int::is_int(v) {
        return Err(t.overflow_error("Python int too large to convert to C ssize_t"));
    }
    if crate::ops::kind_of(v) == Some(crate::object::Kind::Instance) {
        if let Some(r) = crate::ops::call::call_dunder(t, v, t.names.index, &[])? {
            if let Some(i) = crate::ops::int::to_i64(r) {
                return Ok(i);
            }
        }
    }
    let msg = format!(
        "'{}' object cannot be interpreted as an integer",
        t.type_name(v)
    );
    Err(t.type_error(&msg))
}

/// A str argument.
pub fn str_arg(t: &mut Thread, v: Value, what: &str) -> PyResult<Gc<Str>> {
    match crate::ops::as_str(v) {
        Some(s) => Ok(s),
        None => {
            let msg = format!("{what} must be str, not {}", t.type_name(v));
            Err(t.type_error(&msg))
        }
    }
}

/// An attribute name argument (`getattr`, `object.__setattr__`, ...), interned.
pub fn attr_name(t: &mut Thread, v: Value) -> PyResult<Gc<Str>> {
    match crate::ops::as_str(v) {
        Some(s) => Ok(t.intern(s.as_str())),
        None => {
            let msg = format!("attribute name must be string, not '{}'", t.type_name(v));
            Err(t.type_error(&msg))
        }
    }
}
