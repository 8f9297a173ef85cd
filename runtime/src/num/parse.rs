//! Text to number: `int(str, base)` and `float(str)` with CPython 3.11's rules.
//!
//! Like CPython, non-ASCII Unicode whitespace becomes a space and Unicode
//! decimal digits (category Nd) become ASCII digits before parsing; any
//! other non-ASCII character makes the literal invalid. Then: surrounding
//! ASCII whitespace, one sign, base prefixes (`0x`/`0o`/`0b`, required or
//! optional depending on `base`), single underscores between digits (and
//! right after a prefix), and the 4300-digit limit for non-power-of-two
//! bases. Error messages quote the argument with [`py_str_repr`].

use super::{Int, NumError, NumResult, INT_MAX_STR_DIGITS};
use num_bigint::BigInt;

/// First code point (digit zero) of every run of ten Unicode decimal digits
/// (Unicode 14.0, as in CPython 3.11).
const DECIMAL_ZEROS: [u32; 66] = [
    0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66,
    0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
    0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650,
    0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0, 0x16B50,
    0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
];

/// The value of a Unicode decimal digit (`str.isdecimal()` characters).
pub fn unicode_digit_value(c: char) -> Option<u32> {
    let cp = c as u32;
    let i = DECIMAL_ZEROS.partition_point(|&z| z <= cp);
    if i == 0 {
        return None;
    }
    let d = cp - DECIMAL_ZEROS[i - 1];
    (d < 10).then_some(d)
}

/// Python's `str.isspace()` for one character.
pub fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

/// Characters `repr()` escapes: those `str.isprintable` rejects (CPython's
/// Unicode 14 tables).
fn is_unprintable(c: char) -> bool {
    !crate::builtins::str_case::char_is_printable(c)
}

/// `repr(s)`: quotes chosen like Python (single unless the text has `'`
/// and no `"`), escapes `\\`, the quote, `\n`, `\r`, `\t`, and writes every
/// other unprintable character as `\xNN`, `\uNNNN` or `\UNNNNNNNN`.
pub fn py_str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if is_unprintable(c) => {
                let cp = c as u32;
                if cp <= 0xff {
                    out.push_str(&format!("\\x{cp:02x}"));
                } else if cp <= 0xffff {
                    out.push_str(&format!("\\u{cp:04x}"));
                } else {
                    out.push_str(&format!("\\U{cp:08x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// CPython's `_PyUnicode_TransformDecimalAndSpaceToASCII`: the text as
/// ASCII bytes; stops with `?` at the first untranslatable character.
fn to_ascii(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        if (c as u32) < 127 {
            out.push(c as u8);
        } else if is_py_space(c) {
            out.push(b' ');
        } else if let Some(d) = unicode_digit_value(c) {
            out.push(b'0' + d as u8);
        } else {
            out.push(b'?');
            break;
        }
    }
    out
}

fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

fn digit_value(b: u8) -> u32 {
    match b {
        b'0'..=b'9' => (b - b'0') as u32,
        b'a'..=b'z' => (b - b'a') as u32 + 10,
        b'A'..=b'Z' => (b - b'A') as u32 + 10,
        _ => 37,
    }
}

/// The "Exceeds the limit" message for str -> int.
fn to_int_limit_error(digits: usize) -> NumError {
    NumError::Value(format!(
        "Exceeds the limit ({INT_MAX_STR_DIGITS} digits) for integer string conversion: \
         value has {digits} digits; use sys.set_int_max_str_digits() to increase the limit"
    ))
}

/// `int(s, base)` (`base` 0 or 2..=36). Errors: "int() base must be >= 2 and
/// <= 36, or 0", "invalid literal for int() with base N: 'repr'" (the repr
/// cut to 200 characters, as CPython's `%.200R`), and the 4300-digit limit.
pub fn parse_int(s: &str, base: u32) -> NumResult<Int> {
    if base != 0 && !(2..=36).contains(&base) {
        return Err(NumError::Value(
            "int() base must be >= 2 and <= 36, or 0".into(),
        ));
    }
    let invalid = || {
        let r: String = py_str_repr(s).chars().take(200).collect();
        NumError::Value(format!("invalid literal for int() with base {base}: {r}"))
    };
    let t = to_ascii(s);
    let at = |k: usize| t.get(k).copied().unwrap_or(0);
    let mut i = 0;
    while is_ascii_space(at(i)) {
        i += 1;
    }
    let mut negative = false;
    if at(i) == b'+' {
        i += 1;
    } else if at(i) == b'-' {
        negative = true;
        i += 1;
    }
    let mut b = base;
    let mut error_if_nonzero = false;
    if b == 0 {
        b = if at(i) != b'0' {
            10
        } else {
            match at(i + 1) | 0x20 {
                b'x' => 16,
                b'o' => 8,
                b'b' => 2,
                _ => {
                    error_if_nonzero = true;
                    10
                }
            }
        };
    }
    if at(i) == b'0' && matches!((b, at(i + 1) | 0x20), (16, b'x') | (8, b'o') | (2, b'b')) {
        i += 2;
        if at(i) == b'_' {
            i += 1;
        }
    }
    if at(i) == b'_' {
        return Err(invalid());
    }
    let mut digits: Vec<u8> = Vec::new();
    let mut prev = 0u8;
    while i < t.len() {
        let c = t[i];
        if c == b'_' {
            if prev == b'_' {
                return Err(invalid());
            }
        } else if digit_value(c) < b {
            digits.push(c);
        } else {
            break;
        }
        prev = c;
        i += 1;
    }
    if prev == b'_' {
        return Err(invalid());
    }
    if b & (b - 1) != 0 && digits.len() > INT_MAX_STR_DIGITS {
        return Err(to_int_limit_error(digits.len()));
    }
    if digits.is_empty() {
        return Err(invalid());
    }
    while is_ascii_space(at(i)) {
        i += 1;
    }
    if i != t.len() {
        return Err(invalid());
    }
    let value = if b == 10 && digits.len() <= 18 {
        let mut v: i64 = 0;
        for &d in &digits {
            v = v * 10 + (d - b'0') as i64;
        }
        Int::Small(if negative { -v } else { v })
    } else {
        let mut v = BigInt::parse_bytes(&digits, b).expect("validated digits");
        if negative {
            v = -v;
        }
        Int::normalize(v)
    };
    if error_if_nonzero && !value.is_zero() {
        return Err(invalid());
    }
    Ok(value)
}

/// Remove underscores from a float literal, checking CPython's rule: each
/// underscore sits between two ASCII digits.
fn strip_underscores(t: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(t.len());
    let mut prev = 0u8;
    for &c in t {
        if c == b'_' {
            if !prev.is_ascii_digit() {
                return None;
            }
        } else {
            if prev == b'_' && !c.is_ascii_digit() {
                return None;
            }
            out.push(c);
        }
        prev = c;
    }
    if prev == b'_' {
        return None;
    }
    Some(out)
}

/// Grammar check for `[sign] (digits [. [digits]] | . digits) [(e|E) [sign] digits]`.
fn is_decimal_literal(t: &[u8]) -> bool {
    let mut i = 0;
    let at = |k: usize| t.get(k).copied().unwrap_or(0);
    if at(i) == b'+' || at(i) == b'-' {
        i += 1;
    }
    let int_start = i;
    while at(i).is_ascii_digit() {
        i += 1;
    }
    let mut mantissa_digits = i - int_start;
    if at(i) == b'.' {
        i += 1;
        let frac_start = i;
        while at(i).is_ascii_digit() {
            i += 1;
        }
        mantissa_digits += i - frac_start;
    }
    if mantissa_digits == 0 {
        return false;
    }
    if at(i) | 0x20 == b'e' {
        i += 1;
        if at(i) == b'+' || at(i) == b'-' {
            i += 1;
        }
        let exp_start = i;
        while at(i).is_ascii_digit() {
            i += 1;
        }
        if i == exp_start {
            return false;
        }
    }
    i == t.len()
}

/// `float(s)`. Accepts surrounding whitespace, a sign, `inf`/`infinity`/`nan`
/// in any case, decimal literals with single underscores between digits;
/// overflow gives `inf`. Error: "could not convert string to float: 'repr'".
pub fn parse_float(s: &str) -> NumResult<f64> {
    let invalid = || {
        NumError::Value(format!(
            "could not convert string to float: {}",
            py_str_repr(s)
        ))
    };
    let t = to_ascii(s);
    let mut lo = 0;
    let mut hi = t.len();
    while lo < hi && is_ascii_space(t[lo]) {
        lo += 1;
    }
    while hi > lo && is_ascii_space(t[hi - 1]) {
        hi -= 1;
    }
    let mut body = t[lo..hi].to_vec();
    if body.contains(&b'_') {
        body = strip_underscores(&body).ok_or_else(invalid)?;
    }
    let (negative, rest) = match body.first() {
        Some(b'-') => (true, &body[1..]),
        Some(b'+') => (false, &body[1..]),
        _ => (false, &body[..]),
    };
    let lower = rest.to_ascii_lowercase();
    if lower == b"inf" || lower == b"infinity" {
        return Ok(if negative {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        });
    }
    if lower == b"nan" {
        return Ok(if negative { -f64::NAN } else { f64::NAN });
    }
    if !is_decimal_literal(&body) {
        return Err(invalid());
    }
    let text = std::str::from_utf8(&body).map_err(|_| invalid())?;
    text.parse::<f64>().map_err(|_| invalid())
}

#[cfg(test)]
mod tests {
    use super::super::float_repr;
    use super::super::testutil::{render, unhex};
    use super::*;

    #[test]
    fn examples() {
        let pi = |s: &str, b: u32| render(&parse_int(s, b), |v| v.to_string());
        assert_eq!(
            pi("abc", 10),
            "!ValueError: invalid literal for int() with base 10: 'abc'"
        );
        assert_eq!(pi(" -0x_1f ", 0), "-31");
        assert_eq!(
            pi("1", 1),
            "!ValueError: int() base must be >= 2 and <= 36, or 0"
        );
        assert_eq!(
            pi("x'", 10),
            "!ValueError: invalid literal for int() with base 10: \"x'\""
        );
        assert_eq!(pi("\u{661}\u{662}", 10), "12");
        let long = "1".repeat(5000);
        assert_eq!(
            pi(&long, 10),
            "!ValueError: Exceeds the limit (4300 digits) for integer string conversion: \
             value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit"
        );
        assert_eq!(pi(&long, 16).len(), 6020);
        let pf = |s: &str| render(&parse_float(s), |v| float_repr(*v));
        assert_eq!(pf(" 1_000.5 "), "1000.5");
        assert_eq!(pf("-Infinity"), "-inf");
        assert_eq!(
            pf("x"),
            "!ValueError: could not convert string to float: 'x'"
        );
        assert_eq!(pf("1e99999999999999999999"), "inf");
        assert_eq!(pf("-1e-99999999999999999999"), "-0.0");
        assert!(parse_float("-nan").unwrap().is_sign_negative());
        assert_eq!(py_str_repr("\n'x\"\t\\"), "'\\n\\'x\"\\t\\\\'");
        assert_eq!(unicode_digit_value('\u{1D7CE}'), Some(0));
        assert_eq!(unicode_digit_value('\u{1D7D7}'), Some(9));
        assert_eq!(unicode_digit_value('\u{B2}'), None);
        assert_eq!(unicode_digit_value('a'), None);
    }

    /// Vectors: `int hex(text) base result`, `float hex(text) result`,
    /// `space codepoint isspace`, `repr hex(text) hex(repr)`.
    #[test]
    fn parse_vectors() {
        let data = include_str!("testdata/parse.txt");
        let mut n = 0;
        for line in data.lines() {
            let p: Vec<&str> = line.split('\t').collect();
            match p[0] {
                "int" => {
                    let s = unhex(p[1]);
                    let got = render(&parse_int(&s, p[2].parse().unwrap()), |v| v.to_string());
                    assert_eq!(got, unhex(p[3]), "{s:?} base {}", p[2]);
                }
                "float" => {
                    let s = unhex(p[1]);
                    let got = render(&parse_float(&s), |v| float_repr(*v));
                    assert_eq!(got, unhex(p[2]), "{s:?}");
                }
                "repr" => assert_eq!(py_str_repr(&unhex(p[1])), unhex(p[2])),
                "space" => {
                    let c = char::from_u32(p[1].parse().unwrap()).unwrap();
                    assert_eq!(is_py_space(c), p[2] == "1", "{c:?}");
                }
                _ => panic!("{line}"),
            }
            n += 1;
        }
        assert!(n > 500);
    }
}
