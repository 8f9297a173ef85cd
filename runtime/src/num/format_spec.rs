//! The format-spec mini-language (`format()`, f-strings, `str.format`) for
//! `int`, `float` and `str`, as CPython 3.11's `Python/formatter_unicode.c`.
//!
//! `[[fill]align][sign][z][#][0][width][,|_][.precision][type]`. Parsing
//! depends on the object's type name (default type and alignment, and error
//! messages), like CPython. Numbers are laid out as
//! `<lpad><sign><prefix><spad><grouped digits><.><remainder><rpad>`, with
//! zero padding (`0` fill with `=` alignment) inserted into the digit
//! grouping exactly as CPython does (`format(1234, '09,') == '0,001,234'`).
//! The `n` type uses the C locale (no grouping, `.` decimal point).

use super::parse::unicode_digit_value;
use super::{double_to_string, int_to_f64, int_to_str, int_to_str_radix, DtoaFlags, Int};
use super::{NumError, NumResult};

/// A parsed format spec, with the type's defaults already applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatSpec {
    /// Fill character (default space; `0` flag sets `'0'`).
    pub fill: char,
    /// `<`, `>`, `^` or `=`, resolved (strings default to `<`, numbers `>`;
    /// the `0` flag gives `=` for numbers).
    pub align: char,
    /// `+`, `-` or space, if given.
    pub sign: Option<char>,
    /// `z`: coerce negative zero (floats only).
    pub no_neg_0: bool,
    /// `#`: alternate form.
    pub alternate: bool,
    /// Minimum width.
    pub width: Option<usize>,
    /// Thousands separator: `,` or `_`.
    pub grouping: Option<char>,
    /// Digits per group: 3, or 4 for `_` with `b o x X`.
    pub group_size: usize,
    /// Precision.
    pub precision: Option<usize>,
    /// Presentation type; `None` only for floats without a type.
    pub ty: Option<char>,
    /// The type name used in error messages (`int`, `float`, `str`, ...).
    pub type_name: String,
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '=' | '^')
}

/// CPython's `get_integer`: digits (any Unicode decimal digits) from `pos`.
fn get_integer(c: &[char], pos: &mut usize) -> NumResult<Option<usize>> {
    let mut acc: i64 = 0;
    let mut n = 0;
    while *pos < c.len() {
        let Some(d) = unicode_digit_value(c[*pos]) else {
            break;
        };
        let d = d as i64;
        if acc > (i64::MAX - d) / 10 {
            return Err(NumError::Value(
                "Too many decimal digits in format string".into(),
            ));
        }
        acc = acc * 10 + d;
        *pos += 1;
        n += 1;
    }
    Ok((n > 0).then_some(acc as usize))
}

/// `'%c'` for a presentation type in messages, or `'\xNN'` when not
/// printable ASCII.
fn quoted_type(c: char) -> String {
    let cp = c as u32;
    if cp > 32 && cp < 128 {
        format!("'{c}'")
    } else {
        format!("'\\x{cp:x}'")
    }
}

fn unknown_code(ty: char, type_name: &str) -> NumError {
    NumError::Value(format!(
        "Unknown format code {} for object of type '{}'",
        quoted_type(ty),
        type_name
    ))
}

/// Parse a format spec for an object whose type is `type_name`.
///
/// `type_name` picks the defaults as CPython does: `"int"` and `"bool"` get
/// type `d` and right alignment, `"float"` no type and right alignment, any
/// other name type `s` and left alignment. Errors: "Invalid format specifier
/// 'SPEC' for object of type 'T'", "Format specifier missing precision",
/// "Too many decimal digits in format string", "Cannot specify both ',' and
/// '_'.", "Cannot specify ',' with 'x'.".
pub fn parse_format_spec(spec: &str, type_name: &str) -> NumResult<FormatSpec> {
    let (default_type, default_align) = match type_name {
        "int" | "bool" => (Some('d'), '>'),
        "float" => (None, '>'),
        _ => (Some('s'), '<'),
    };
    let c: Vec<char> = spec.chars().collect();
    let end = c.len();
    let mut pos = 0;
    let mut out = FormatSpec {
        fill: ' ',
        align: default_align,
        sign: None,
        no_neg_0: false,
        alternate: false,
        width: None,
        grouping: None,
        group_size: 3,
        precision: None,
        ty: default_type,
        type_name: type_name.to_string(),
    };
    let mut fill_specified = false;
    let mut align_specified = false;
    if end - pos >= 2 && is_align(c[pos + 1]) {
        out.align = c[pos + 1];
        out.fill = c[pos];
        fill_specified = true;
        align_specified = true;
        pos += 2;
    } else if end - pos >= 1 && is_align(c[pos]) {
        out.align = c[pos];
        align_specified = true;
        pos += 1;
    }
    if pos < end && matches!(c[pos], '+' | '-' | ' ') {
        out.sign = Some(c[pos]);
        pos += 1;
    }
    if pos < end && c[pos] == 'z' {
        out.no_neg_0 = true;
        pos += 1;
    }
    if pos < end && c[pos] == '#' {
        out.alternate = true;
        pos += 1;
    }
    if !fill_specified && pos < end && c[pos] == '0' {
        out.fill = '0';
        if !align_specified && default_align == '>' {
            out.align = '=';
        }
        pos += 1;
    }
    out.width = get_integer(&c, &mut pos)?;
    let both = || NumError::Value("Cannot specify both ',' and '_'.".into());
    if pos < end && c[pos] == ',' {
        out.grouping = Some(',');
        pos += 1;
    }
    if pos < end && c[pos] == '_' {
        if out.grouping.is_some() {
            return Err(both());
        }
        out.grouping = Some('_');
        pos += 1;
    }
    if pos < end && c[pos] == ',' && out.grouping == Some('_') {
        return Err(both());
    }
    if pos < end && c[pos] == '.' {
        pos += 1;
        out.precision = get_integer(&c, &mut pos)?;
        if out.precision.is_none() {
            return Err(NumError::Value("Format specifier missing precision".into()));
        }
    }
    if end - pos > 1 {
        return Err(NumError::Value(format!(
            "Invalid format specifier '{spec}' for object of type '{type_name}'"
        )));
    }
    if end - pos == 1 {
        out.ty = Some(c[pos]);
    }
    if let Some(sep) = out.grouping {
        match out.ty {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => {}
            Some('b' | 'o' | 'x' | 'X') if sep == '_' => out.group_size = 4,
            Some(t) => {
                return Err(NumError::Value(format!(
                    "Cannot specify '{sep}' with {}.",
                    quoted_type(t)
                )))
            }
        }
    }
    Ok(out)
}

/// CPython's `_PyUnicode_InsertThousandsGrouping` (used with and without a
/// separator): group `digits` from the right, padding with `'0'` to
/// `min_width` characters.
fn group_digits(digits: &[char], min_width: i64, group: Option<(usize, char)>) -> Vec<char> {
    let mut rev: Vec<char> = Vec::with_capacity(digits.len() + 8);
    let mut pos = digits.len();
    let mut remaining = digits.len() as i64;
    let mut min_width = min_width.max(0);
    let mut write = |rev: &mut Vec<char>, n_chars: i64, n_zeros: i64, sep: Option<char>| {
        if let Some(s) = sep {
            rev.push(s);
        }
        for _ in 0..n_chars {
            pos -= 1;
            rev.push(digits[pos]);
        }
        for _ in 0..n_zeros {
            rev.push('0');
        }
    };
    let mut use_sep = false;
    let mut broken = false;
    if let Some((size, sep)) = group {
        let size = size as i64;
        loop {
            let l = size.min(remaining.max(min_width).max(1));
            let n_zeros = (l - remaining).max(0);
            let n_chars = remaining.min(l).max(0);
            write(&mut rev, n_chars, n_zeros, use_sep.then_some(sep));
            use_sep = true;
            remaining -= n_chars;
            min_width -= l;
            if remaining <= 0 && min_width <= 0 {
                broken = true;
                break;
            }
            min_width -= 1;
        }
    }
    if !broken {
        let l = remaining.max(min_width).max(1);
        let n_zeros = (l - remaining).max(0);
        let n_chars = remaining.min(l).max(0);
        write(
            &mut rev,
            n_chars,
            n_zeros,
            if use_sep { group.map(|g| g.1) } else { None },
        );
    }
    rev.reverse();
    rev
}

/// The pieces of a formatted number before padding.
struct NumberParts<'a> {
    negative: bool,
    prefix: &'a str,
    digits: &'a str,
    has_decimal: bool,
    remainder: &'a str,
}

/// CPython's `calc_number_widths` + `fill_number`.
fn fill_number(
    p: &NumberParts<'_>,
    spec: &FormatSpec,
    group: Option<(usize, char)>,
    upper: bool,
) -> String {
    let sign = match spec.sign {
        Some('+') => Some(if p.negative { '-' } else { '+' }),
        Some(' ') => Some(if p.negative { '-' } else { ' ' }),
        _ => p.negative.then_some('-'),
    };
    let n_sign = sign.is_some() as i64;
    let n_prefix = p.prefix.chars().count() as i64;
    let n_remainder = p.remainder.chars().count() as i64;
    let n_non_digit = n_sign + n_prefix + p.has_decimal as i64 + n_remainder;
    let width = spec.width.map(|w| w as i64).unwrap_or(-1);
    let min_width = if spec.fill == '0' && spec.align == '=' {
        width - n_non_digit
    } else {
        0
    };
    let digits: Vec<char> = p.digits.chars().collect();
    let grouped = if digits.is_empty() {
        Vec::new()
    } else {
        group_digits(&digits, min_width, group)
    };
    let n_padding = width - (n_non_digit + grouped.len() as i64);
    let (mut lpad, mut spad, mut rpad) = (0, 0, 0);
    if n_padding > 0 {
        match spec.align {
            '<' => rpad = n_padding,
            '^' => {
                lpad = n_padding / 2;
                rpad = n_padding - lpad;
            }
            '=' => spad = n_padding,
            _ => lpad = n_padding,
        }
    }
    let mut out = String::new();
    let fill = |out: &mut String, n: i64| {
        for _ in 0..n {
            out.push(spec.fill);
        }
    };
    fill(&mut out, lpad);
    if let Some(s) = sign {
        out.push(s);
    }
    if upper {
        out.push_str(&p.prefix.to_ascii_uppercase());
    } else {
        out.push_str(p.prefix);
    }
    fill(&mut out, spad);
    for ch in grouped {
        out.push(if upper { ch.to_ascii_uppercase() } else { ch });
    }
    if p.has_decimal {
        out.push('.');
    }
    out.push_str(p.remainder);
    fill(&mut out, rpad);
    out
}

fn grouping_of(spec: &FormatSpec) -> Option<(usize, char)> {
    if spec.ty == Some('n') {
        return None;
    }
    spec.grouping.map(|g| (spec.group_size, g))
}

/// `format(a, spec)` for an int (`spec` parsed with type name `int` or
/// `bool`). Types `b c d o x X n`, and `e E f F g G %` via float. An empty
/// spec means `str(a)` (callers handle `bool`'s `str`). Errors: "Unknown
/// format code", "Precision not allowed in integer format specifier",
/// "Negative zero coercion (z) not allowed in integer format specifier",
/// "Sign not allowed with integer format specifier 'c'", "Alternate form (#)
/// not allowed with integer format specifier 'c'", "%c arg not in
/// range(0x110000)" (Overflow; "Python int too large to convert to C long"
/// beyond `i64`), the int->str digit limit, "int too large to
/// convert to float". A lone surrogate for `c` gives `Unsupported`.
pub fn format_int(a: &Int, spec: &FormatSpec) -> NumResult<String> {
    let ty = spec.ty.unwrap_or('d');
    match ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let x = int_to_f64(a)?;
            return format_float(x, spec);
        }
        _ => return Err(unknown_code(ty, &spec.type_name)),
    }
    if spec.precision.is_some() {
        return Err(NumError::Value(
            "Precision not allowed in integer format specifier".into(),
        ));
    }
    if spec.no_neg_0 {
        return Err(NumError::Value(
            "Negative zero coercion (z) not allowed in integer format specifier".into(),
        ));
    }
    if ty == 'c' {
        if spec.sign.is_some() {
            return Err(NumError::Value(
                "Sign not allowed with integer format specifier 'c'".into(),
            ));
        }
        if spec.alternate {
            return Err(NumError::Value(
                "Alternate form (#) not allowed with integer format specifier 'c'".into(),
            ));
        }
        if a.as_i64().is_none() {
            return Err(NumError::Overflow(
                "Python int too large to convert to C long",
            ));
        }
        let ch = percent_c_value(a)?;
        let s = ch.to_string();
        let parts = NumberParts {
            negative: false,
            prefix: "",
            digits: "",
            has_decimal: false,
            remainder: &s,
        };
        return Ok(fill_number(&parts, spec, None, false));
    }
    let (digits_str, prefix) = match ty {
        'b' => (int_to_str_radix(a, 2), "0b"),
        'o' => (int_to_str_radix(a, 8), "0o"),
        'x' => (int_to_str_radix(a, 16), "0x"),
        'X' => (int_to_str_radix(a, 16), "0X"),
        _ => (int_to_str(a)?, ""),
    };
    let (negative, digits) = match digits_str.strip_prefix('-') {
        Some(d) => (true, d),
        None => (false, digits_str.as_str()),
    };
    let parts = NumberParts {
        negative,
        prefix: if spec.alternate { prefix } else { "" },
        digits,
        has_decimal: false,
        remainder: "",
    };
    Ok(fill_number(&parts, spec, grouping_of(spec), ty == 'X'))
}

/// The character for `%c` / format type `c`. Error: "%c arg not in
/// range(0x110000)" (Overflow); surrogates give `Unsupported`.
pub(crate) fn percent_c_value(a: &Int) -> NumResult<char> {
    match a.as_i64() {
        Some(v) if (0..=0x10ffff).contains(&v) => {
            char::from_u32(v as u32).ok_or(NumError::Unsupported("surrogate characters"))
        }
        _ => Err(NumError::Overflow("%c arg not in range(0x110000)")),
    }
}

/// `format(x, spec)` for a float (`spec` parsed with type name `float`, or
/// an int's spec with a float type). Types `e E f F g G n %` and none.
/// Errors: "Unknown format code 'd' for object of type 'float'",
/// "precision too big".
pub fn format_float(x: f64, spec: &FormatSpec) -> NumResult<String> {
    match spec.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => {}
        Some(t) => return Err(unknown_code(t, &spec.type_name)),
    }
    if spec.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(NumError::Value("precision too big".into()));
    }
    let mut flags = DtoaFlags {
        alt: spec.alternate,
        no_neg_0: spec.no_neg_0,
        ..DtoaFlags::default()
    };
    let mut default_precision = 6;
    let mut code = match spec.ty {
        None => {
            flags.add_dot_0 = true;
            default_precision = 0;
            'r'
        }
        Some('n') => 'g',
        Some(t) => t,
    };
    let mut val = x;
    let mut add_pct = false;
    if code == '%' {
        code = 'f';
        val *= 100.0;
        add_pct = true;
    }
    let precision = match spec.precision {
        None => default_precision,
        Some(p) => {
            if code == 'r' {
                code = 'g';
            }
            p
        }
    };
    let mut s = double_to_string(val, code, precision, flags);
    if add_pct {
        s.push('%');
    }
    let (negative, body) = match s.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, s.as_str()),
    };
    let n_digits = body.bytes().take_while(|b| b.is_ascii_digit()).count();
    let (digits, rest) = body.split_at(n_digits);
    let (has_decimal, remainder) = match rest.strip_prefix('.') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let parts = NumberParts {
        negative,
        prefix: "",
        digits,
        has_decimal,
        remainder,
    };
    Ok(fill_number(&parts, spec, grouping_of(spec), false))
}

/// `format(s, spec)` for a str (`spec` parsed with type name `str`). Errors:
/// "Unknown format code", "Sign not allowed in string format specifier",
/// "Space not allowed in string format specifier", "Negative zero coercion
/// (z) not allowed in string format specifier", "Alternate form (#) not
/// allowed in string format specifier", "'=' alignment not allowed in string
/// format specifier".
pub fn format_str(s: &str, spec: &FormatSpec) -> NumResult<String> {
    match spec.ty {
        Some('s') | None => {}
        Some(t) => return Err(unknown_code(t, &spec.type_name)),
    }
    let v = |m: &str| Err(NumError::Value(m.to_string()));
    match spec.sign {
        Some(' ') => return v("Space not allowed in string format specifier"),
        Some(_) => return v("Sign not allowed in string format specifier"),
        None => {}
    }
    if spec.no_neg_0 {
        return v("Negative zero coercion (z) not allowed in string format specifier");
    }
    if spec.alternate {
        return v("Alternate form (#) not allowed in string format specifier");
    }
    if spec.align == '=' {
        return v("'=' alignment not allowed in string format specifier");
    }
    let mut len = s.chars().count();
    let text: &str = match spec.precision {
        Some(p) if p < len => {
            len = p;
            match s.char_indices().nth(p) {
                Some((i, _)) => &s[..i],
                None => s,
            }
        }
        _ => s,
    };
    let total = spec.width.map_or(len, |w| w.max(len));
    let lpad = match spec.align {
        '>' => total - len,
        '^' => (total - len) / 2,
        _ => 0,
    };
    let rpad = total - len - lpad;
    let mut out = String::with_capacity(text.len() + lpad + rpad);
    out.extend(std::iter::repeat_n(spec.fill, lpad));
    out.push_str(text);
    out.extend(std::iter::repeat_n(spec.fill, rpad));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::super::testutil::{render, unhex};
    use super::*;
    use num_bigint::BigInt;
    use std::str::FromStr;

    fn fmt_int(v: i64, spec: &str) -> String {
        let r = parse_format_spec(spec, "int").and_then(|s| format_int(&Int::Small(v), &s));
        render(&r, |s| s.clone())
    }

    fn fmt_float(v: f64, spec: &str) -> String {
        let r = parse_format_spec(spec, "float").and_then(|s| format_float(v, &s));
        render(&r, |s| s.clone())
    }

    fn fmt_str(v: &str, spec: &str) -> String {
        let r = parse_format_spec(spec, "str").and_then(|s| format_str(v, &s));
        render(&r, |s| s.clone())
    }

    #[test]
    fn examples() {
        assert_eq!(fmt_int(1234, "09,"), "0,001,234");
        assert_eq!(fmt_int(1234, "08,"), "0,001,234");
        assert_eq!(fmt_int(-1234, "09,"), "-0,001,234");
        assert_eq!(fmt_int(255, "#010_x"), "0x000_00ff");
        assert_eq!(fmt_int(-255, "#X"), "-0XFF");
        assert_eq!(fmt_int(65, "05c"), "0000A");
        assert_eq!(fmt_int(1, "^05"), "00100");
        assert_eq!(
            fmt_int(1, ",x"),
            "!ValueError: Cannot specify ',' with 'x'."
        );
        assert_eq!(
            fmt_int(1, "_,"),
            "!ValueError: Cannot specify both ',' and '_'."
        );
        assert_eq!(
            fmt_int(1, "s"),
            "!ValueError: Unknown format code 's' for object of type 'int'"
        );
        assert_eq!(fmt_int(1, "%"), "100.000000%");
        assert_eq!(
            fmt_int(-1, "c"),
            "!OverflowError: %c arg not in range(0x110000)"
        );
        assert_eq!(
            fmt_float(1.0, "d"),
            "!ValueError: Unknown format code 'd' for object of type 'float'"
        );
        assert_eq!(
            fmt_float(1.0, "xx"),
            "!ValueError: Invalid format specifier 'xx' for object of type 'float'"
        );
        assert_eq!(
            fmt_float(1.0, "."),
            "!ValueError: Format specifier missing precision"
        );
        assert_eq!(fmt_float(1.0, ""), "1.0");
        assert_eq!(fmt_float(1e16, ""), "1e+16");
        assert_eq!(fmt_float(1.5, ".3"), "1.5");
        assert_eq!(fmt_float(1.0, ".3"), "1.0");
        assert_eq!(fmt_float(123.0, ".3"), "1.23e+02");
        assert_eq!(fmt_float(1234.5, "010,.2f"), "001,234.50");
        assert_eq!(fmt_float(f64::INFINITY, "010"), "0000000inf");
        assert_eq!(fmt_float(-0.0001, "z.2f"), "0.00");
        assert_eq!(fmt_float(0.5, "#.0%"), "50.%");
        assert_eq!(fmt_str("abc", "^10"), "   abc    ");
        assert_eq!(fmt_str("abc", "010"), "abc0000000");
        assert_eq!(fmt_str("abc", "10.2s"), "ab        ");
        assert_eq!(
            fmt_str("x", "="),
            "!ValueError: '=' alignment not allowed in string format specifier"
        );
        assert_eq!(
            fmt_str("x", ","),
            "!ValueError: Cannot specify ',' with 's'."
        );
        assert_eq!(
            fmt_str("x", "d"),
            "!ValueError: Unknown format code 'd' for object of type 'str'"
        );
        assert_eq!(
            fmt_str("x", &"1".repeat(30)),
            "!ValueError: Too many decimal digits in format string"
        );
    }

    /// Vectors: `kind value spec(hex) result(hex)`; kind `i` (decimal int),
    /// `f` (float bits), `s` (hex text).
    #[test]
    fn format_vectors() {
        let data = include_str!("testdata/format_spec.txt");
        let mut n = 0;
        for line in data.lines() {
            let p: Vec<&str> = line.split('\t').collect();
            let spec = unhex(p[2]);
            let want = unhex(p[3]);
            let got = match p[0] {
                "i" => {
                    let v = Int::normalize(BigInt::from_str(p[1]).unwrap());
                    let r = parse_format_spec(&spec, "int").and_then(|s| format_int(&v, &s));
                    render(&r, |s| s.clone())
                }
                "f" => {
                    let v = f64::from_bits(u64::from_str_radix(p[1], 16).unwrap());
                    let r = parse_format_spec(&spec, "float").and_then(|s| format_float(v, &s));
                    render(&r, |s| s.clone())
                }
                "s" => fmt_str(&unhex(p[1]), &spec),
                _ => panic!("{line}"),
            };
            assert_eq!(got, want, "{} {} {:?}", p[0], p[1], spec);
            n += 1;
        }
        assert!(n > 3000);
    }
}
