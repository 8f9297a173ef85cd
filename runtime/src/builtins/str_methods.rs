//! The methods of `str` and their registration: thin wrappers that check
//! arguments (helpers in `str_args`) and call the pure text functions in
//! `str_case`, `str_search`, `str_split` and `str_layout` (`format_fields`
//! for `format`; `maketrans`/`translate` live in `str_translate`).
//! `str.casefold` and `str.encode` are deliberately absent (refused as
//! unsupported).

use super::args;
use super::format_fields::{vformat, Source};
use super::str_args::*;
use super::str_case as case;
use super::str_layout::{self as layout, Ends, Justify};
use super::str_search as search;
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
    method!(t, s, "str", "translate", super::str_translate::translate);
    super::def_static(
        t,
        s,
        "maketrans",
        "str.maketrans",
        super::str_translate::maketrans,
    );
    super::format::install(t);
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
