//! `str.format` and `str.format_map`: parsing replacement fields
//! (`{}`, `{0}`, `{name}`, `{0.attr}`, `{0[key]}`, `!r !s !a`, nested `{}`
//! fields in the spec, `{{`/`}}` escapes) as CPython 3.11's
//! `Objects/stringlib/unicode_format.h`, lazily so that errors and lookups
//! happen in CPython's order. The parser is pure; [`vformat`] looks the
//! fields up and formats them.

use super::format::{ascii_string, format};
use crate::gc::Gc;
use crate::num::unicode_digit_value;
use crate::object::Str;
use crate::ops;
use crate::thread::Thread;
use crate::value::Value;
use crate::PyResult;
use std::borrow::Cow;

/// A replacement field as written: `{name!conv:spec}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field<'a> {
    pub name: &'a str,
    pub conv: Option<char>,
    pub spec: &'a str,
    /// The spec contains `{...}` fields to expand first.
    pub spec_has_fields: bool,
}

/// CPython's `MarkupIterator`: literal text, each followed by at most one
/// field. Errors are ValueError messages.
pub struct Markup<'a> {
    s: &'a str,
    pos: usize,
}

impl<'a> Markup<'a> {
    pub fn new(s: &'a str) -> Markup<'a> {
        Markup { s, pos: 0 }
    }

    /// The next literal text and the field after it; `None` at the end.
    #[allow(clippy::type_complexity)]
    pub fn next_part(&mut self) -> Result<Option<(&'a str, Option<Field<'a>>)>, String> {
        let b = self.s.as_bytes();
        if self.pos >= b.len() {
            return Ok(None);
        }
        let start = self.pos;
        let mut markup = None;
        while self.pos < b.len() {
            let c = b[self.pos];
            self.pos += 1;
            if c == b'{' || c == b'}' {
                markup = Some(c);
                break;
            }
        }
        let at_end = self.pos >= b.len();
        let mut end = self.pos;
        match markup {
            None => return Ok(Some((&self.s[start..end], None))),
            Some(b'}') if at_end || b[self.pos] != b'}' => {
                return Err("Single '}' encountered in format string".into());
            }
            Some(_) if at_end => return Err("Single '{' encountered in format string".into()),
            Some(c) => {
                if b[self.pos] == c {
                    // An escaped brace: literal text ending with one brace.
                    self.pos += 1;
                    return Ok(Some((&self.s[start..end], None)));
                }
                end -= 1;
            }
        }
        let literal = &self.s[start..end];
        let field = self.parse_field()?;
        Ok(Some((literal, Some(field))))
    }

    /// CPython's `parse_field`, just after the `{`.
    fn parse_field(&mut self) -> Result<Field<'a>, String> {
        let b = self.s.as_bytes();
        let n = b.len();
        let name_start = self.pos;
        let mut last = 0u8;
        while self.pos < n {
            last = b[self.pos];
            self.pos += 1;
            match last {
                b'{' => return Err("unexpected '{' in field name".into()),
                b'[' => {
                    while self.pos < n && b[self.pos] != b']' {
                        self.pos += 1;
                    }
                }
                b'}' | b':' | b'!' => break,
                _ => {}
            }
        }
        if !matches!(last, b'}' | b':' | b'!') {
            return Err("expected '}' before end of string".into());
        }
        let mut field = Field {
            name: &self.s[name_start..self.pos - 1],
            conv: None,
            spec: "",
            spec_has_fields: false,
        };
        if last == b'}' {
            return Ok(field);
        }
        if last == b'!' {
            let Some(c) = self.s[self.pos..].chars().next() else {
                return Err("end of string while looking for conversion specifier".into());
            };
            field.conv = Some(c);
            self.pos += c.len_utf8();
            if self.pos < n {
                let next = b[self.pos];
                self.pos += 1;
                if next == b'}' {
                    return Ok(field);
                }
                if next != b':' {
                    return Err("expected ':' after conversion specifier".into());
                }
            }
        }
        let spec_start = self.pos;
        let mut depth = 1;
        while self.pos < n {
            let c = b[self.pos];
            self.pos += 1;
            if c == b'{' {
                field.spec_has_fields = true;
                depth += 1;
            } else if c == b'}' {
                depth -= 1;
                if depth == 0 {
                    field.spec = &self.s[spec_start..self.pos - 1];
                    return Ok(field);
                }
            }
        }
        Err("unmatched '{' in format spec".into())
    }
}

/// CPython's `get_integer`: a field name made only of (Unicode) decimal
/// digits is an index; `None` for anything else (or empty).
pub fn get_integer(s: &str) -> Result<Option<usize>, String> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut acc: i64 = 0;
    for c in s.chars() {
        let Some(d) = unicode_digit_value(c) else {
            return Ok(None);
        };
        let d = d as i64;
        if acc > (i64::MAX - d) / 10 {
            return Err("Too many decimal digits in format string".into());
        }
        acc = acc * 10 + d;
    }
    Ok(Some(acc as usize))
}

/// Splits a field name into its first part (up to `.` or `[`) and the rest.
pub fn split_field_name(name: &str) -> (&str, &str) {
    let i = name.find(['.', '[']).unwrap_or(name.len());
    name.split_at(i)
}

/// One step of the rest of a field name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Accessor<'a> {
    /// `.name`
    Attr(&'a str),
    /// `[digits]`
    Index(usize),
    /// `[other text]`
    Key(&'a str),
}

/// CPython's `FieldNameIterator_next` over `rest` (advanced past the step).
pub fn next_accessor<'a>(rest: &mut &'a str) -> Result<Option<Accessor<'a>>, String> {
    let s: &'a str = rest;
    let Some(first) = s.as_bytes().first() else {
        return Ok(None);
    };
    let body = &s[1..];
    let acc = match first {
        b'.' => {
            let end = body.find(['.', '[']).unwrap_or(body.len());
            *rest = &body[end..];
            let name = &body[..end];
            if name.is_empty() {
                return Err("Empty attribute in format string".into());
            }
            Accessor::Attr(name)
        }
        b'[' => {
            let Some(end) = body.find(']') else {
                return Err("Missing ']' in format string".into());
            };
            *rest = &body[end + 1..];
            let key = &body[..end];
            let idx = get_integer(key)?;
            if key.is_empty() {
                return Err("Empty attribute in format string".into());
            }
            match idx {
                Some(i) => Accessor::Index(i),
                None => Accessor::Key(key),
            }
        }
        _ => return Err("Only '.' or '[' may follow ']' in format field specifier".into()),
    };
    Ok(Some(acc))
}

/// Automatic (`{}`) versus manual (`{0}`) field numbering.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Numbering {
    #[default]
    Unset,
    Auto,
    Manual,
}

/// CPython's `AutoNumber`, shared by a format string and its nested specs.
#[derive(Debug, Default)]
pub struct AutoNumber {
    state: Numbering,
    next: usize,
}

impl AutoNumber {
    /// The positional index a field's first part refers to (`None` for a
    /// keyword), checking the numbering style stays the same.
    pub fn resolve(&mut self, first: &str) -> Result<Option<usize>, String> {
        let idx = get_integer(first)?;
        let empty = first.is_empty();
        if !empty && idx.is_none() {
            return Ok(None);
        }
        if self.state == Numbering::Unset {
            self.state = if empty {
                Numbering::Auto
            } else {
                Numbering::Manual
            };
        }
        match (self.state, empty) {
            (Numbering::Manual, true) => Err(
                "cannot switch from manual field specification to automatic field numbering".into(),
            ),
            (Numbering::Auto, false) => Err(
                "cannot switch from automatic field numbering to manual field specification".into(),
            ),
            (_, true) => {
                self.next += 1;
                Ok(Some(self.next - 1))
            }
            _ => Ok(idx),
        }
    }
}

/// Where field values come from.
pub enum Source<'a> {
    /// `str.format(*pos, **kws)`.
    Args {
        pos: &'a [Value],
        kws: &'a [(Gc<Str>, Value)],
    },
    /// `str.format_map(mapping)`: keywords only, looked up with `[]`.
    Map(Value),
}

/// Formats `fmt` with the fields' values from `src`.
pub fn vformat(t: &mut Thread, fmt: &str, src: &Source<'_>) -> PyResult<String> {
    let mut auto = AutoNumber::default();
    let mut out = String::with_capacity(fmt.len() + 16);
    build(t, fmt, src, 2, &mut auto, &mut out)?;
    Ok(out)
}

fn check<T>(t: &mut Thread, r: Result<T, String>) -> PyResult<T> {
    r.map_err(|m| t.value_error(&m))
}

/// CPython's `build_string`: `depth` limits nested specs.
fn build(
    t: &mut Thread,
    fmt: &str,
    src: &Source<'_>,
    depth: u32,
    auto: &mut AutoNumber,
    out: &mut String,
) -> PyResult<()> {
    if depth == 0 {
        return Err(t.value_error("Max string recursion exceeded"));
    }
    let mut it = Markup::new(fmt);
    while let Some((literal, field)) = check(t, it.next_part())? {
        out.push_str(literal);
        if let Some(f) = field {
            let obj = field_value(t, f.name, src, auto)?;
            let obj = match f.conv {
                None => obj,
                Some('r') => ops::repr(t, obj)?,
                Some('s') => ops::str_(t, obj)?,
                Some('a') => {
                    let s = ascii_string(t, obj)?;
                    t.new_string(s)
                }
                Some(c) => {
                    let msg = if (c as u32) > 32 && (c as u32) < 127 {
                        format!("Unknown conversion specifier {c}")
                    } else {
                        format!("Unknown conversion specifier \\x{:x}", c as u32)
                    };
                    return Err(t.value_error(&msg));
                }
            };
            let spec: Cow<'_, str> = if f.spec_has_fields {
                let mut s = String::new();
                build(t, f.spec, src, depth - 1, auto, &mut s)?;
                Cow::Owned(s)
            } else {
                Cow::Borrowed(f.spec)
            };
            if spec.is_empty() && push_plain(out, obj) {
                continue;
            }
            let r = format(t, obj, &spec)?;
            if let Some(s) = ops::as_str(r) {
                out.push_str(s.as_str());
            }
        }
    }
    Ok(())
}

/// Appends `format(obj, "")` without allocating when `obj` is a str, a
/// (non-bool) int that fits `i64`, or a float; false for anything else.
fn push_plain(out: &mut String, obj: Value) -> bool {
    if let Some(s) = ops::as_str(obj) {
        out.push_str(s.as_str());
    } else if let (Some(i), false) = (ops::int::to_i64(obj), obj.is_bool()) {
        out.push_str(&i.to_string());
    } else if let Some(x) = obj.as_float() {
        out.push_str(&crate::num::float_repr(x));
    } else {
        return false;
    }
    true
}

/// CPython's `get_field_object`: the argument, then each `.attr`/`[key]`.
fn field_value(
    t: &mut Thread,
    name: &str,
    src: &Source<'_>,
    auto: &mut AutoNumber,
) -> PyResult<Value> {
    let (first, mut rest) = split_field_name(name);
    let idx = check(t, auto.resolve(first))?;
    let mut obj = match (idx, src) {
        (None, Source::Args { kws, .. }) => match kws.iter().find(|(k, _)| k.as_str() == first) {
            Some((_, v)) => *v,
            None => {
                let k = t.new_str(first);
                return Err(t.key_error(k));
            }
        },
        (None, Source::Map(m)) => {
            let k = t.new_str(first);
            ops::getitem(t, *m, k)?
        }
        (Some(i), Source::Args { pos, .. }) => match pos.get(i) {
            Some(v) => *v,
            None => {
                let msg = format!("Replacement index {i} out of range for positional args tuple");
                return Err(t.index_error(&msg));
            }
        },
        (Some(_), Source::Map(_)) => {
            return Err(t.value_error("Format string contains positional fields"))
        }
    };
    while let Some(acc) = check(t, next_accessor(&mut rest))? {
        obj = match acc {
            Accessor::Attr(a) => {
                let n = t.intern(a);
                ops::getattr(t, obj, n)?
            }
            Accessor::Index(i) => {
                let k = t.new_int(i as i64);
                ops::getitem(t, obj, k)?
            }
            Accessor::Key(k) => {
                let k = t.new_str(k);
                ops::getitem(t, obj, k)?
            }
        };
    }
    Ok(obj)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Renders the parse of `fmt` as text: literals as is, fields as
    /// `<name|conv|spec|expand>`, the first error as `!message`.
    fn parse(fmt: &str) -> String {
        let mut it = Markup::new(fmt);
        let mut out = String::new();
        loop {
            match it.next_part() {
                Ok(None) => return out,
                Ok(Some((lit, f))) => {
                    out.push_str(lit);
                    if let Some(f) = f {
                        let conv = f.conv.map(String::from).unwrap_or_default();
                        out.push_str(&format!(
                            "<{}|{}|{}|{}>",
                            f.name, conv, f.spec, f.spec_has_fields
                        ));
                    }
                }
                Err(e) => return format!("{out}!{e}"),
            }
        }
    }

    #[test]
    fn markup() {
        assert_eq!(parse("a{}b"), "a<|||false>b");
        assert_eq!(parse("{0!r:>10}"), "<0|r|>10|false>");
        assert_eq!(parse("{x:{y}.{z}f}"), "<x||{y}.{z}f|true>");
        assert_eq!(parse("{{}}"), "{}");
        assert_eq!(parse("{{{}}}"), "{<|||false>}");
        assert_eq!(parse("}}{{"), "}{");
        assert_eq!(parse("{0[}]}x"), "<0[}]|||false>x");
        assert_eq!(parse("{0!r:}"), "<0|r||false>");
        assert_eq!(parse("é{é}ü"), "é<é|||false>ü");
        // The messages of '{'.format(), '}'.format(), '{0'.format(), '{0!r'.format(1),
        // '{0!'.format(1), '{0!rr}'.format(1), '{0:'.format(1), '{a{}'.format(1),
        // '{0[}'.format(1), '{}}'.format(1), 'a}'.format(), '{0!}'.format(1)
        assert_eq!(parse("{"), "!Single '{' encountered in format string");
        assert_eq!(parse("}"), "!Single '}' encountered in format string");
        assert_eq!(parse("{0"), "!expected '}' before end of string");
        assert_eq!(parse("{0!r"), "!unmatched '{' in format spec");
        assert_eq!(
            parse("{0!"),
            "!end of string while looking for conversion specifier"
        );
        assert_eq!(parse("{0!rr}"), "!expected ':' after conversion specifier");
        assert_eq!(parse("{0:"), "!unmatched '{' in format spec");
        assert_eq!(parse("{a{}"), "!unexpected '{' in field name");
        assert_eq!(parse("{0[}"), "!expected '}' before end of string");
        assert_eq!(
            parse("{}}"),
            "<|||false>!Single '}' encountered in format string"
        );
        assert_eq!(parse("a}"), "!Single '}' encountered in format string");
        assert_eq!(parse("{0!}"), "!unmatched '{' in format spec");
    }

    fn accessors(rest: &str) -> String {
        let mut rest = rest;
        let mut out = Vec::new();
        loop {
            match next_accessor(&mut rest) {
                Ok(None) => return out.join(","),
                Ok(Some(a)) => out.push(format!("{a:?}")),
                Err(e) => {
                    out.push(format!("!{e}"));
                    return out.join(",");
                }
            }
        }
    }

    #[test]
    fn field_names() {
        assert_eq!(split_field_name("0.real[1]"), ("0", ".real[1]"));
        assert_eq!(split_field_name("name"), ("name", ""));
        assert_eq!(accessors(".real.imag"), "Attr(\"real\"),Attr(\"imag\")");
        assert_eq!(
            accessors("[0][a b][-1]"),
            "Index(0),Key(\"a b\"),Key(\"-1\")"
        );
        // '{0[]}'.format([1]), '{0.}'.format(1), '{0[0]x}'.format([1])
        assert_eq!(accessors("[]"), "!Empty attribute in format string");
        assert_eq!(accessors("."), "!Empty attribute in format string");
        assert_eq!(
            accessors("[0]x"),
            "Index(0),!Only '.' or '[' may follow ']' in format field specifier"
        );
        // '{0[99999999999999999999999]}'.format([1])
        assert_eq!(
            accessors("[99999999999999999999999]"),
            "!Too many decimal digits in format string"
        );
        // '{00}'.format(7), '{٣}'.format(1,2,3,4), '{0x}'.format(1)
        assert_eq!(get_integer("00"), Ok(Some(0)));
        assert_eq!(get_integer("٣"), Ok(Some(3)));
        assert_eq!(get_integer("0x"), Ok(None));
        assert_eq!(get_integer(" 0"), Ok(None));
    }

    #[test]
    fn numbering() {
        let mut a = AutoNumber::default();
        assert_eq!(a.resolve(""), Ok(Some(0)));
        assert_eq!(a.resolve("name"), Ok(None));
        assert_eq!(a.resolve(""), Ok(Some(1)));
        // '{} {0}'.format(1)
        assert_eq!(
            a.resolve("0"),
            Err(
                "cannot switch from automatic field numbering to manual field specification".into()
            )
        );
        let mut m = AutoNumber::default();
        assert_eq!(m.resolve("1"), Ok(Some(1)));
        // '{0} {}'.format(1)
        assert_eq!(
            m.resolve(""),
            Err(
                "cannot switch from manual field specification to automatic field numbering".into()
            )
        );
    }
}
