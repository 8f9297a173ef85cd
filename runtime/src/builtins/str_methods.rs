//! The methods of `str`: argument checking with CPython's messages and thin
//! wrappers over the pure text functions in `str_case`, `str_search`,
//! `str_split` and `str_layout` (and `format_fields` for `format`).
//! `str.casefold` and `str.encode` are deliberately absent (refused as
//! unsupported).

use super::args;
use super::format_fields::{vformat, Source};
use super::str_case as case;
use super::str_layout::{self as layout, Ends, Justify};
use super::str_search::{self as search, Text};
use super::str_split as split;
use crate::gc::Gc;
use crate::method;
use crate::object::*;
use crate::ops::call::split_kw;
use crate::ops::{self, kind_of};
use crate::thread::Thread;
use crate::value::Value;
use crate::PyResult;

#[cfg(test)]
#[path = "str_value_tests.rs"]
mod tests;

pub fn install(t: &mut Thread) {
    let s = t.classes.str;
    method!(t, s, "str", "join", join);
    method!(t, s, "str", "upper", upper);
    method!(t, s, "str", "lower", lower);
    method!(t, s, "str", "capitalize", capitalize);
    method!(t, s, "str", "title", title);
    method!(t, s, "str", "swapcase", swapcase);
    method!(t, s, "str", "isupper", isupper);
    method!(t, s, "str", "islower", islower);
    method!(t, s, "str", "istitle", istitle);
    method!(t, s, "str", "isalpha", isalpha);
    method!(t, s, "str", "isalnum", isalnum);
    method!(t, s, "str", "isdecimal", isdecimal);
    method!(t, s, "str", "isdigit", isdigit);
    method!(t, s, "str", "isnumeric", isnumeric);
    method!(t, s, "str", "isspace", isspace);
    method!(t, s, "str", "isprintable", isprintable);
    method!(t, s, "str", "isidentifier", isidentifier);
    method!(t, s, "str", "isascii", isascii);
    method!(t, s, "str", "split", split_);
    method!(t, s, "str", "rsplit", rsplit);
    method!(t, s, "str", "splitlines", splitlines);
    method!(t, s, "str", "strip", strip);
    method!(t, s, "str", "lstrip", lstrip);
    method!(t, s, "str", "rstrip", rstrip);
    method!(t, s, "str", "center", center);
    method!(t, s, "str", "ljust", ljust);
    method!(t, s, "str", "rjust", rjust);
    method!(t, s, "str", "zfill", zfill);
    method!(t, s, "str", "expandtabs", expandtabs);
    method!(t, s, "str", "find", find);
    method!(t, s, "str", "rfind", rfind);
    method!(t, s, "str", "index", index);
    method!(t, s, "str", "rindex", rindex);
    method!(t, s, "str", "count", count);
    method!(t, s, "str", "startswith", startswith);
    method!(t, s, "str", "endswith", endswith);
    method!(t, s, "str", "replace", replace);
    method!(t, s, "str", "partition", partition);
    method!(t, s, "str", "rpartition", rpartition);
    method!(t, s, "str", "removeprefix", removeprefix);
    method!(t, s, "str", "removesuffix", removesuffix);
    method!(t, s, "str", "format", format);
    method!(t, s, "str", "format_map", format_map);
    method!(t, s, "str", "translate", translate);
    super::def_static(t, s, "maketrans", "str.maketrans", maketrans);
    super::format::install(t);
}

// ----- arguments -----

/// The receiver (`self`) of `str.<name>` and the other arguments.
fn recv<'a>(t: &mut Thread, name: &str, args: &'a [Value]) -> PyResult<(Gc<Str>, &'a [Value])> {
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
fn recv0(t: &mut Thread, name: &str, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Gc<Str>> {
    let (s, rest) = recv(t, name, args)?;
    args::exact(t, &format!("str.{name}"), rest, kw, 0)?;
    Ok(s)
}

/// A method taking exactly one positional argument.
fn recv1(
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
fn positional<'a>(
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
fn parse_tuple<'a>(
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
fn keywords(
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
fn str_operand(t: &mut Thread, v: Value, prefix: &str) -> PyResult<Gc<Str>> {
    match ops::as_str(v) {
        Some(s) => Ok(s),
        None => {
            let msg = format!("{prefix}must be str, not {}", t.type_name(v));
            Err(t.type_error(&msg))
        }
    }
}

/// A `start`/`end` argument: `None`, an int (clamped) or `__index__`.
fn slice_bound(t: &mut Thread, v: Option<&Value>) -> PyResult<Option<i64>> {
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

fn text(s: &Str) -> Text<'_> {
    Text {
        s: s.as_str(),
        n: s.len(),
    }
}

/// A str result that may be the receiver itself.
fn result_str(t: &mut Thread, recv: Value, whole: &str, r: &str) -> Value {
    if r.len() == whole.len() {
        recv
    } else {
        t.new_str(r)
    }
}

/// A list of strs (each the receiver itself when it is the whole text).
fn str_list(t: &mut Thread, recv: Value, whole: &str, parts: &[&str]) -> Value {
    let list = t.alloc(List::new(Vec::with_capacity(parts.len())));
    for p in parts {
        let v = result_str(t, recv, whole, p);
        list.push(v);
    }
    list.as_value()
}

/// A tuple of three strs.
fn str_tuple3(t: &mut Thread, parts: [&str; 3]) -> Value {
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

// ----- join and case -----

fn join(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let (sep, iterable) = recv1(t, "join", args, kw)?;
    let items = match kind_of(iterable) {
        Some(Kind::List | Kind::Tuple) => ops::collect_list(t, iterable)?,
        _ => {
            let it = match ops::iter(t, iterable) {
                Ok(it) => it,
                Err(e) if t.exc_is(t.classes.type_error) => {
                    let _ = e;
                    return Err(t.type_error("can only join an iterable"));
                }
                Err(e) => return Err(e),
            };
            ops::collect_list(t, it)?
        }
    };
    let mut out = String::new();
    for (i, x) in items.items.get().iter().enumerate() {
        if i > 0 {
            out.push_str(sep.as_str());
        }
        match ops::as_str(*x) {
            Some(s) => out.push_str(s.as_str()),
            None => {
                let msg = format!(
                    "sequence item {i}: expected str instance, {} found",
                    t.type_name(*x)
                );
                return Err(t.type_error(&msg));
            }
        }
    }
    Ok(t.new_string(out))
}

fn case_method(
    t: &mut Thread,
    name: &str,
    args: &[Value],
    kw: Option<Gc<Tuple>>,
    f: fn(&str) -> String,
) -> PyResult<Value> {
    let s = recv0(t, name, args, kw)?;
    let r = f(s.as_str());
    if r == s.as_str() {
        return Ok(args[0]);
    }
    Ok(t.new_string(r))
}

fn upper(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    case_method(t, "upper", args, kw, case::upper)
}

fn lower(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    case_method(t, "lower", args, kw, case::lower)
}

fn capitalize(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    case_method(t, "capitalize", args, kw, case::capitalize)
}

fn title(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    case_method(t, "title", args, kw, case::title)
}

fn swapcase(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    case_method(t, "swapcase", args, kw, case::swapcase)
}

fn predicate(
    t: &mut Thread,
    name: &str,
    args: &[Value],
    kw: Option<Gc<Tuple>>,
    f: impl Fn(&str) -> bool,
) -> PyResult<Value> {
    let s = recv0(t, name, args, kw)?;
    Ok(Value::bool(f(s.as_str())))
}

fn isupper(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    predicate(t, "isupper", args, kw, case::is_upper)
}

fn islower(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    predicate(t, "islower", args, kw, case::is_lower)
}

fn istitle(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    predicate(t, "istitle", args, kw, case::is_title)
}

fn isalpha(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    predicate(t, "isalpha", args, kw, |s| {
        case::all_nonempty(s, case::char_is_alpha)
    })
}

fn isalnum(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    predicate(t, "isalnum", args, kw, |s| {
        case::all_nonempty(s, case::char_is_alnum)
    })
}

fn isdecimal(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    predicate(t, "isdecimal", args, kw, |s| {
        case::all_nonempty(s, case::char_is_decimal)
    })
}

fn isdigit(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    predicate(t, "isdigit", args, kw, |s| {
        case::all_nonempty(s, case::char_is_digit)
    })
}

fn isnumeric(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    predicate(t, "isnumeric", args, kw, |s| {
        case::all_nonempty(s, case::char_is_numeric)
    })
}

fn isspace(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    predicate(t, "isspace", args, kw, case::is_space)
}

fn isprintable(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    predicate(t, "isprintable", args, kw, case::is_printable)
}

fn isidentifier(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    predicate(t, "isidentifier", args, kw, case::is_identifier)
}

fn isascii(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    predicate(t, "isascii", args, kw, |s| s.is_ascii())
}

// ----- splitting -----

fn split_impl(
    t: &mut Thread,
    name: &str,
    args: &[Value],
    kw: Option<Gc<Tuple>>,
    reverse: bool,
) -> PyResult<Value> {
    let (s, a) = keywords(t, name, args, kw, &["sep", "maxsplit"])?;
    let sep = match a[0] {
        Some(v) if !v.is_none() => match ops::as_str(v) {
            Some(x) => Some(x),
            None => {
                let msg = format!("must be str or None, not {}", t.type_name(v));
                return Err(t.type_error(&msg));
            }
        },
        _ => None,
    };
    let maxsplit = match a[1] {
        Some(v) => args::int_arg(t, v)?,
        None => -1,
    };
    let whole = s.as_str();
    let parts = match sep {
        None if reverse => split::rsplit_whitespace(whole, maxsplit),
        None => split::split_whitespace(whole, maxsplit),
        Some(sep) if sep.is_empty() => return Err(t.value_error("empty separator")),
        Some(sep) if reverse => split::rsplit_sep(whole, sep.as_str(), maxsplit),
        Some(sep) => split::split_sep(whole, sep.as_str(), maxsplit),
    };
    Ok(str_list(t, args[0], whole, &parts))
}

fn split_(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    split_impl(t, "split", args, kw, false)
}

fn rsplit(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    split_impl(t, "rsplit", args, kw, true)
}

fn splitlines(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let (s, a) = keywords(t, "splitlines", args, kw, &["keepends"])?;
    let keepends = match a[0] {
        Some(v) => args::int_arg(t, v)? != 0,
        None => false,
    };
    let parts = split::splitlines(s.as_str(), keepends);
    Ok(str_list(t, args[0], s.as_str(), &parts))
}

fn partition_impl(
    t: &mut Thread,
    name: &str,
    args: &[Value],
    kw: Option<Gc<Tuple>>,
    reverse: bool,
) -> PyResult<Value> {
    let (s, sep) = recv1(t, name, args, kw)?;
    let sep = str_operand(t, sep, "")?;
    if sep.is_empty() {
        return Err(t.value_error("empty separator"));
    }
    let whole = s.as_str();
    let found = if reverse {
        search::rpartition(whole, sep.as_str())
    } else {
        search::partition(whole, sep.as_str())
    };
    Ok(match found {
        Some((before, after)) => str_tuple3(t, [before, sep.as_str(), after]),
        None if reverse => str_tuple3(t, ["", "", whole]),
        None => str_tuple3(t, [whole, "", ""]),
    })
}

fn partition(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    partition_impl(t, "partition", args, kw, false)
}

fn rpartition(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    partition_impl(t, "rpartition", args, kw, true)
}

// ----- trimming and padding -----

fn strip_impl(
    t: &mut Thread,
    name: &str,
    args: &[Value],
    kw: Option<Gc<Tuple>>,
    ends: Ends,
) -> PyResult<Value> {
    let (s, a) = positional(t, name, args, kw, 0, 1)?;
    let chars = match a.first() {
        None => None,
        Some(v) if v.is_none() => None,
        Some(v) => match ops::as_str(*v) {
            Some(c) => Some(c),
            None => {
                let msg = format!("{name} arg must be None or str");
                return Err(t.type_error(&msg));
            }
        },
    };
    let r = layout::strip(s.as_str(), chars.as_ref().map(|c| c.as_str()), ends);
    Ok(result_str(t, args[0], s.as_str(), r))
}

fn strip(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    strip_impl(t, "strip", args, kw, Ends::Both)
}

fn lstrip(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    strip_impl(t, "lstrip", args, kw, Ends::Left)
}

fn rstrip(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    strip_impl(t, "rstrip", args, kw, Ends::Right)
}

fn justify(
    t: &mut Thread,
    name: &str,
    args: &[Value],
    kw: Option<Gc<Tuple>>,
    how: Justify,
) -> PyResult<Value> {
    let (s, a) = positional(t, name, args, kw, 1, 2)?;
    let width = args::int_arg(t, a[0])?;
    let fill = match a.get(1) {
        None => ' ',
        Some(v) => match ops::as_str(*v) {
            Some(f) if f.len() == 1 => f.char_at(0),
            Some(_) => {
                return Err(t.type_error("The fill character must be exactly one character long"))
            }
            None => {
                let msg = format!(
                    "The fill character must be a unicode character, not {}",
                    t.type_name(*v)
                );
                return Err(t.type_error(&msg));
            }
        },
    };
    match layout::justify(s.as_str(), s.len(), width, fill, how) {
        Some(r) => Ok(t.new_string(r)),
        None => Ok(args[0]),
    }
}

fn center(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    justify(t, "center", args, kw, Justify::Center)
}

fn ljust(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    justify(t, "ljust", args, kw, Justify::Left)
}

fn rjust(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    justify(t, "rjust", args, kw, Justify::Right)
}

fn zfill(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let (s, w) = recv1(t, "zfill", args, kw)?;
    let width = args::int_arg(t, w)?;
    match layout::zfill(s.as_str(), s.len(), width) {
        Some(r) => Ok(t.new_string(r)),
        None => Ok(args[0]),
    }
}

fn expandtabs(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let (s, a) = keywords(t, "expandtabs", args, kw, &["tabsize"])?;
    let tabsize = match a[0] {
        Some(v) => args::int_arg(t, v)?,
        None => 8,
    };
    if !s.as_str().contains('\t') {
        return Ok(args[0]);
    }
    let r = layout::expandtabs(s.as_str(), tabsize);
    Ok(t.new_string(r))
}

// ----- searching -----

/// `(self, sub, start, end)` of `find`-like methods; `start`/`end` are
/// checked before `sub`, as in CPython.
fn find_args(
    t: &mut Thread,
    name: &str,
    args: &[Value],
    kw: Option<Gc<Tuple>>,
) -> PyResult<(Gc<Str>, Value, Option<i64>, Option<i64>)> {
    let (s, a) = parse_tuple(t, name, args, kw, 1, 3)?;
    let start = slice_bound(t, a.get(1))?;
    let end = slice_bound(t, a.get(2))?;
    Ok((s, a[0], start, end))
}

fn find_impl(
    t: &mut Thread,
    name: &str,
    args: &[Value],
    kw: Option<Gc<Tuple>>,
    reverse: bool,
    raise: bool,
) -> PyResult<Value> {
    let (s, sub, start, end) = find_args(t, name, args, kw)?;
    let sub = str_operand(t, sub, "")?;
    let r = search::find(text(&s), text(&sub), start, end, reverse);
    if r < 0 && raise {
        return Err(t.value_error("substring not found"));
    }
    Ok(t.new_int(r))
}

fn find(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    find_impl(t, "find", args, kw, false, false)
}

fn rfind(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    find_impl(t, "rfind", args, kw, true, false)
}

fn index(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    find_impl(t, "index", args, kw, false, true)
}

fn rindex(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    find_impl(t, "rindex", args, kw, true, true)
}

fn count(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let (s, sub, start, end) = find_args(t, "count", args, kw)?;
    let sub = str_operand(t, sub, "")?;
    let n = search::count(text(&s), text(&sub), start, end);
    Ok(t.new_int(n as i64))
}

fn tailmatch_impl(
    t: &mut Thread,
    name: &str,
    args: &[Value],
    kw: Option<Gc<Tuple>>,
    at_end: bool,
) -> PyResult<Value> {
    let (s, sub, start, end) = find_args(t, name, args, kw)?;
    if let Some(tu) = ops::cast::<Tuple>(sub) {
        for item in tu.items.iter() {
            let Some(p) = ops::as_str(*item) else {
                let msg = format!(
                    "tuple for {name} must only contain str, not {}",
                    t.type_name(*item)
                );
                return Err(t.type_error(&msg));
            };
            if search::tailmatch(text(&s), text(&p), start, end, at_end) {
                return Ok(Value::TRUE);
            }
        }
        return Ok(Value::FALSE);
    }
    let Some(p) = ops::as_str(sub) else {
        let msg = format!(
            "{name} first arg must be str or a tuple of str, not {}",
            t.type_name(sub)
        );
        return Err(t.type_error(&msg));
    };
    Ok(Value::bool(search::tailmatch(
        text(&s),
        text(&p),
        start,
        end,
        at_end,
    )))
}

fn startswith(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    tailmatch_impl(t, "startswith", args, kw, false)
}

fn endswith(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    tailmatch_impl(t, "endswith", args, kw, true)
}

fn replace(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let (s, a) = positional(t, "replace", args, kw, 2, 3)?;
    let old = str_operand(t, a[0], "replace() argument 1 ")?;
    let new = str_operand(t, a[1], "replace() argument 2 ")?;
    let n = match a.get(2) {
        Some(v) => args::int_arg(t, *v)?,
        None => -1,
    };
    if n == 0 || (!old.is_empty() && !s.as_str().contains(old.as_str())) {
        return Ok(args[0]);
    }
    let r = search::replace(s.as_str(), old.as_str(), new.as_str(), n);
    Ok(t.new_string(r))
}

fn removeprefix(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let (s, p) = recv1(t, "removeprefix", args, kw)?;
    let p = str_operand(t, p, "removeprefix() argument ")?;
    let r = search::remove_prefix(s.as_str(), p.as_str());
    Ok(result_str(t, args[0], s.as_str(), r))
}

fn removesuffix(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let (s, p) = recv1(t, "removesuffix", args, kw)?;
    let p = str_operand(t, p, "removesuffix() argument ")?;
    let r = search::remove_suffix(s.as_str(), p.as_str());
    Ok(result_str(t, args[0], s.as_str(), r))
}

// ----- format -----

fn format(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let (s, rest) = recv(t, "format", args)?;
    let (pos, kws) = split_kw(rest, kw);
    let r = vformat(t, s.as_str(), &Source::Args { pos, kws: &kws })?;
    Ok(t.new_string(r))
}

fn format_map(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let (s, m) = recv1(t, "format_map", args, kw)?;
    let r = vformat(t, s.as_str(), &Source::Map(m))?;
    Ok(t.new_string(r))
}

// ----- translate -----

/// `str.maketrans(x[, y[, z]])`: a dict from code points to code points,
/// strs or None.
fn maketrans(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    args::no_kw(t, "str.maketrans", kw)?;
    args::check_count(t, "maketrans", args.len(), 1, 3)?;
    let y = match args.get(1) {
        Some(v) => Some(str_operand(t, *v, "maketrans() argument 2 ")?),
        None => None,
    };
    let z = match args.get(2) {
        Some(v) => Some(str_operand(t, *v, "maketrans() argument 3 ")?),
        None => None,
    };
    let out = t.new_dict();
    if let Some(y) = y {
        let Some(x) = ops::as_str(args[0]) else {
            return Err(t.type_error(
                "first maketrans argument must be a string if there is a second argument",
            ));
        };
        if x.len() != y.len() {
            return Err(t.value_error("the first two maketrans arguments must have equal length"));
        }
        for (a, b) in x.as_str().chars().zip(y.as_str().chars()) {
            let (k, v) = (t.new_int(a as i64), t.new_int(b as i64));
            ops::dict::set(t, out, k, v)?;
        }
        if let Some(z) = z {
            for c in z.as_str().chars() {
                let k = t.new_int(c as i64);
                ops::dict::set(t, out, k, Value::NONE)?;
            }
        }
        return Ok(out.as_value());
    }
    let Some(d) = ops::cast::<Dict>(args[0]) else {
        return Err(t.type_error("if you give only one argument to maketrans it must be a dict"));
    };
    for (k, v) in d.table.items() {
        let key = if let Some(s) = ops::as_str(k) {
            if s.len() != 1 {
                return Err(t.value_error("string keys in translate table must be of length 1"));
            }
            t.new_int(s.char_at(0) as i64)
        } else if ops::int::is_int(k) {
            k
        } else {
            return Err(t.type_error("keys in translate table must be strings or integers"));
        };
        ops::dict::set(t, out, key, v)?;
    }
    Ok(out.as_value())
}

/// `s.translate(table)`: each character's code point is looked up with
/// `table[cp]`; a LookupError keeps it, None deletes it, an int or a str
/// replaces it.
fn translate(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let (s, table) = recv1(t, "translate", args, kw)?;
    let mut out = String::with_capacity(s.as_str().len());
    for c in s.as_str().chars() {
        let k = t.new_int(c as i64);
        let v = match ops::getitem(t, table, k) {
            Ok(v) => v,
            Err(_) if t.exc_is(t.classes.lookup_error) => {
                t.exc = Value::NONE;
                out.push(c);
                continue;
            }
            Err(e) => return Err(e),
        };
        if v.is_none() {
            continue;
        }
        if let Some(r) = ops::as_str(v) {
            out.push_str(r.as_str());
        } else if ops::int::is_int(v) {
            let cp = ops::int::to_i64(v).filter(|i| (0..0x110000).contains(i));
            let Some(cp) = cp else {
                return Err(t.value_error("character mapping must be in range(0x110000)"));
            };
            match char::from_u32(cp as u32) {
                Some(ch) => out.push(ch),
                None => return Err(t.unsupported("surrogate characters")),
            }
        } else {
            return Err(t.type_error("character mapping must return integer, None or str"));
        }
    }
    Ok(t.new_string(out))
}
