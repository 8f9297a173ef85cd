//! Case mapping (`upper lower capitalize title swapcase`) and the character
//! class predicates (`isalpha isdigit ... istitle isidentifier`) of `str`,
//! as pure functions over `&str` with CPython 3.11's algorithms.
//!
//! Simple and special case mappings come from Rust's `char`/`str` methods;
//! titlecase and the predicates' character classes come from the tables
//! generated from CPython in `str_tables`. Lowercasing is done on the whole
//! string so that the final-sigma rule sees the same context as CPython's
//! `lower_ucs4`.

use super::str_tables::{self as tables, in_table};
use crate::num::{is_py_space, unicode_digit_value};

/// Assigned characters whose case mapping or `Lowercase` property changed
/// after Unicode 14.0 in the newer Unicode of Rust's standard library:
/// CPython 3.11 maps each to itself.
const CASE_CHANGED: [u32; 10] = [
    0x19b, 0x264, 0x295, 0x10fc, 0xa7d3, 0xa7d5, 0xa7f2, 0xa7f3, 0xa7f4, 0xab69,
];

/// Those of [`CASE_CHANGED`] that are not lowercase in Unicode 14.0.
const LOWERCASE_CHANGED: [u32; 5] = [0x10fc, 0xa7f2, 0xa7f3, 0xa7f4, 0xab69];

/// Whether CPython 3.11 maps `c` to itself although Rust's Unicode may not:
/// the characters above, and characters unassigned in Unicode 14.0 (which
/// are not printable; no unprintable character has a case mapping).
fn keeps_case(c: char) -> bool {
    !c.is_ascii() && (CASE_CHANGED.contains(&(c as u32)) || !char_is_printable(c))
}

/// Category Lt (`Py_UNICODE_ISTITLE`).
pub fn is_titlecase_char(c: char) -> bool {
    !c.is_ascii() && in_table(tables::TITLECASE, c)
}

/// The `Uppercase` property in Unicode 14.0 (`Py_UNICODE_ISUPPER`).
pub fn is_upper_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    c.is_uppercase() && char_is_printable(c)
}

/// The `Lowercase` property in Unicode 14.0 (`Py_UNICODE_ISLOWER`); U+0295
/// stopped being lowercase later.
pub fn is_lower_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_lowercase();
    }
    (c.is_lowercase() && char_is_printable(c) && !LOWERCASE_CHANGED.contains(&(c as u32)))
        || c == '\u{295}'
}

/// Unicode `Cased`: Lowercase, Uppercase or Lt.
pub fn is_cased(c: char) -> bool {
    is_lower_char(c) || is_upper_char(c) || is_titlecase_char(c)
}

/// Appends the full uppercase mapping of `c`.
fn push_upper(out: &mut String, c: char) {
    if keeps_case(c) {
        out.push(c);
    } else {
        out.extend(c.to_uppercase());
    }
}

/// Appends the full titlecase mapping of `c`.
fn push_title(out: &mut String, c: char) {
    match tables::title_exception(c) {
        Some(m) => out.push_str(m),
        None => push_upper(out, c),
    }
}

/// `str.upper()`.
pub fn upper(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_uppercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_upper(&mut out, c);
    }
    out
}

/// Calls `f(c, lower)` for each character `c` of `s` with its full
/// lowercase mapping in context: a capital sigma becomes final or not as in
/// the whole string (CPython's `lower_ucs4`).
fn for_each_lower(s: &str, mut f: impl FnMut(char, &str)) {
    let lowered = s.to_lowercase();
    let mut pos = 0;
    let mut buf = [0u8; 4];
    for c in s.chars() {
        let n = c.to_lowercase().count();
        let len: usize = lowered[pos..].chars().take(n).map(char::len_utf8).sum();
        let piece = &lowered[pos..pos + len];
        pos += len;
        if keeps_case(c) {
            f(c, c.encode_utf8(&mut buf));
        } else {
            f(c, piece);
        }
    }
}

/// `str.lower()`.
pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for_each_lower(s, |_, low| out.push_str(low));
    out
}

/// `str.capitalize()`: the first character titlecased, the rest lowercased.
pub fn capitalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    if s.is_ascii() {
        out.push_str(&s.to_ascii_lowercase());
        if let Some(first) = out.get_mut(0..1) {
            first.make_ascii_uppercase();
        }
        return out;
    }
    let mut first = true;
    for_each_lower(s, |c, low| {
        if first {
            push_title(&mut out, c);
            first = false;
        } else {
            out.push_str(low);
        }
    });
    out
}

/// `str.title()`: a character after a cased one is lowercased, any other is
/// titlecased.
pub fn title(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev_cased = false;
    if s.is_ascii() {
        for c in s.chars() {
            out.push(if prev_cased {
                c.to_ascii_lowercase()
            } else {
                c.to_ascii_uppercase()
            });
            prev_cased = c.is_ascii_alphabetic();
        }
        return out;
    }
    for_each_lower(s, |c, low| {
        if prev_cased {
            out.push_str(low);
        } else {
            push_title(&mut out, c);
        }
        prev_cased = is_cased(c);
    });
    out
}

/// `str.swapcase()`.
pub fn swapcase(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    if s.is_ascii() {
        for c in s.chars() {
            out.push(if c.is_ascii_uppercase() {
                c.to_ascii_lowercase()
            } else {
                c.to_ascii_uppercase()
            });
        }
        return out;
    }
    for_each_lower(s, |c, low| {
        if is_upper_char(c) {
            out.push_str(low);
        } else if is_lower_char(c) {
            push_upper(&mut out, c);
        } else {
            out.push(c);
        }
    });
    out
}

/// `str.isupper()`: at least one cased character and no lowercase or
/// titlecase one.
pub fn is_upper(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if is_lower_char(c) || is_titlecase_char(c) {
            return false;
        }
        cased = cased || is_upper_char(c);
    }
    cased
}

/// `str.islower()`.
pub fn is_lower(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if is_upper_char(c) || is_titlecase_char(c) {
            return false;
        }
        cased = cased || is_lower_char(c);
    }
    cased
}

/// `str.istitle()`: uppercase/titlecase characters only after uncased ones,
/// lowercase ones only after cased ones, and at least one cased character.
pub fn is_title(s: &str) -> bool {
    let mut cased = false;
    let mut prev_cased = false;
    for c in s.chars() {
        if is_upper_char(c) || is_titlecase_char(c) {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if is_lower_char(c) {
            if !prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    cased
}

/// `isalpha` for one character (categories Lu Ll Lt Lm Lo).
pub fn char_is_alpha(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        in_table(tables::ALPHA, c)
    }
}

/// `isdecimal` for one character.
pub fn char_is_decimal(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        unicode_digit_value(c).is_some()
    }
}

/// `isdigit` for one character.
pub fn char_is_digit(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        in_table(tables::DIGIT, c)
    }
}

/// `isnumeric` for one character.
pub fn char_is_numeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        in_table(tables::NUMERIC, c)
    }
}

/// `isprintable` for one character.
pub fn char_is_printable(c: char) -> bool {
    if c.is_ascii() {
        (' '..='~').contains(&c)
    } else {
        in_table(tables::PRINTABLE, c)
    }
}

/// `isalnum` for one character: alpha, decimal, digit or numeric (each of
/// the last three contains the one before).
pub fn char_is_alnum(c: char) -> bool {
    char_is_alpha(c) || char_is_numeric(c)
}

/// `str.isalpha()` and the other "non-empty and every character is ..."
/// predicates.
pub fn all_nonempty(s: &str, pred: fn(char) -> bool) -> bool {
    !s.is_empty() && s.chars().all(pred)
}

/// `str.isspace()`.
pub fn is_space(s: &str) -> bool {
    all_nonempty(s, is_py_space)
}

/// `str.isprintable()` (true for the empty string).
pub fn is_printable(s: &str) -> bool {
    s.chars().all(char_is_printable)
}

/// `str.isidentifier()`.
pub fn is_identifier(s: &str) -> bool {
    let mut it = s.chars();
    let Some(first) = it.next() else {
        return false;
    };
    let start = |c: char| {
        if c.is_ascii() {
            c == '_' || c.is_ascii_alphabetic()
        } else {
            in_table(tables::XID_START, c)
        }
    };
    let cont = |c: char| {
        if c.is_ascii() {
            c == '_' || c.is_ascii_alphanumeric()
        } else {
            in_table(tables::XID_CONTINUE, c)
        }
    };
    start(first) && it.all(cont)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_mappings() {
        // "they're bill's friends from the UK".title()
        assert_eq!(
            title("they're bill's friends from the UK"),
            "They'Re Bill'S Friends From The Uk"
        );
        // 'hello_world foo-bar 3rd x1y'.title()
        assert_eq!(
            title("hello_world foo-bar 3rd x1y"),
            "Hello_World Foo-Bar 3Rd X1Y"
        );
        // 'ǆemal ŉ ß ﬁx'.title()
        assert_eq!(title("ǆemal ŉ ß ﬁx"), "ǅemal ʼN Ss Fix");
        // 'ΣΑΣ ΑΣ'.title(), 'aΣ'.title(), 'Σ'.title()
        assert_eq!(title("ΣΑΣ ΑΣ"), "Σας Ας");
        assert_eq!(title("aΣ"), "Aς");
        assert_eq!(title("Σ"), "Σ");
        // 'ᾳ'.title(), 'ǰ'.title(), 'Ǉ'.title()
        assert_eq!(title("ᾳ"), "ᾼ");
        assert_eq!(title("ǰ"), "J\u{30c}");
        assert_eq!(title("Ǉ"), "ǈ");
        // 'ǆemal'.capitalize(), 'ßa'.capitalize(), 'AΣ'.capitalize()
        assert_eq!(capitalize("ǆemal"), "ǅemal");
        assert_eq!(capitalize("ßa"), "Ssa");
        assert_eq!(capitalize("AΣ"), "Aς");
        // 'ΑΣ ΑΣ'.capitalize(), 'aBC dEF'.capitalize(), '1a'.capitalize()
        assert_eq!(capitalize("ΑΣ ΑΣ"), "Ας ας");
        assert_eq!(capitalize("aBC dEF"), "Abc def");
        assert_eq!(capitalize("1a"), "1a");
        assert_eq!(capitalize(""), "");
        // 'ᾳ'.capitalize(), 'ŉ'.capitalize()
        assert_eq!(capitalize("ᾳ"), "ᾼ");
        assert_eq!(capitalize("ŉ"), "ʼN");
        // 'Hello ǅ ß İ'.swapcase(), 'ΑΣ'.swapcase(), 'aBC dEF'.swapcase()
        assert_eq!(swapcase("Hello ǅ ß İ"), "hELLO ǅ SS i\u{307}");
        assert_eq!(swapcase("ΑΣ"), "ας");
        assert_eq!(swapcase("aBC dEF"), "Abc Def");
        // 'ẞ'.swapcase(), 'ﬀ'.swapcase()
        assert_eq!(swapcase("ẞ"), "ß");
        assert_eq!(swapcase("ﬀ"), "FF");
        // 'ΑΣ Σ'.lower(), 'A.Σ'.lower(), 'AΣb'.lower(), 'AΣ1'.lower()
        assert_eq!(lower("ΑΣ Σ"), "ας σ");
        assert_eq!(lower("A.Σ"), "a.ς");
        assert_eq!(lower("AΣb"), "aσb");
        assert_eq!(lower("AΣ1"), "aς1");
        // 'A\u00adΣ'.lower(), 'İ'.lower(), 'ß'.upper(), 'ﬃ'.upper()
        assert_eq!(lower("A\u{ad}Σ"), "a\u{ad}ς");
        assert_eq!(lower("İ"), "i\u{307}");
        assert_eq!(upper("ß"), "SS");
        assert_eq!(upper("ﬃ"), "FFI");
        // 'aͅ'.upper()
        assert_eq!(upper("a\u{345}"), "AΙ");
    }

    #[test]
    fn predicates() {
        // 'ǅ'.istitle(), 'Ab Cd'.istitle(), 'AB'.istitle(), 'A1'.istitle(),
        // 'ß'.istitle(), 'Ss'.istitle(), 'ǈ'.istitle()
        assert!(is_title("ǅ"));
        assert!(is_title("Ab Cd"));
        assert!(!is_title("AB"));
        assert!(is_title("A1"));
        assert!(!is_title("ß"));
        assert!(is_title("Ss"));
        assert!(is_title("ǈ"));
        // 'ABC1'.isupper(), '1'.isupper(), 'ǅ'.isupper(), 'Ⅷ'.isupper()
        assert!(is_upper("ABC1"));
        assert!(!is_upper("1"));
        assert!(!is_upper("ǅ"));
        assert!(is_upper("Ⅷ"));
        // 'ⓐ'.islower(), 'ª'.islower(), 'ʰ'.islower(), 'ß'.islower(), '\u0345'.isupper()
        assert!(is_lower("ⓐ"));
        assert!(is_lower("ª"));
        assert!(is_lower("ʰ"));
        assert!(is_lower("ß"));
        assert!(!is_upper("\u{345}"));
        // '²'.isdigit(), '²'.isdecimal(), '½'.isnumeric(), '一'.isnumeric()
        assert!(all_nonempty("²", char_is_digit));
        assert!(!all_nonempty("²", char_is_decimal));
        assert!(all_nonempty("½", char_is_numeric));
        assert!(all_nonempty("一", char_is_numeric));
        // '一'.isalpha(), 'Ⅷ'.isalpha(), 'Ⅷ'.isalnum(), ''.isalpha()
        assert!(all_nonempty("一", char_is_alpha));
        assert!(!all_nonempty("Ⅷ", char_is_alpha));
        assert!(all_nonempty("Ⅷ", char_is_alnum));
        assert!(!all_nonempty("", char_is_alpha));
        // 'a\u0301'.isalpha(), '\U0001F600'.isalpha(), 'ｱ'.isalpha()
        assert!(!all_nonempty("a\u{301}", char_is_alpha));
        assert!(!all_nonempty("\u{1F600}", char_is_alpha));
        assert!(all_nonempty("ｱ", char_is_alpha));
        // ''.isspace(), '\x1f'.isspace(), '\u200b'.isspace(), '\u3000 \t'.isspace()
        assert!(!is_space(""));
        assert!(is_space("\x1f"));
        assert!(!is_space("\u{200b}"));
        assert!(is_space("\u{3000} \t"));
        // ''.isprintable(), 'a\x7f'.isprintable(), '\u00ad'.isprintable(),
        // '\u0378'.isprintable(), '\U0001F600'.isprintable()
        assert!(is_printable(""));
        assert!(!is_printable("a\x7f"));
        assert!(!is_printable("\u{ad}"));
        assert!(!is_printable("\u{378}"));
        assert!(is_printable("\u{1F600}"));
        // '_a1'.isidentifier(), '1a'.isidentifier(), ''.isidentifier(), 'été_2'.isidentifier()
        assert!(is_identifier("_a1"));
        assert!(!is_identifier("1a"));
        assert!(!is_identifier(""));
        assert!(is_identifier("été_2"));
        // 'a\u0301'.isidentifier(), '\u0301a'.isidentifier(), 'a-b'.isidentifier()
        assert!(is_identifier("a\u{301}"));
        assert!(!is_identifier("\u{301}a"));
        assert!(!is_identifier("a-b"));
    }

    #[test]
    fn tables_match_edges() {
        // [c.isalpha() for c in '\u00aa\u00ba\u02c6\u0345\u2160']
        let got: Vec<bool> = "\u{aa}\u{ba}\u{2c6}\u{345}\u{2160}"
            .chars()
            .map(char_is_alpha)
            .collect();
        assert_eq!(got, [true, true, true, false, false]);
        // chr(0x10FFFF).isprintable(), chr(0xE000).isprintable(), chr(0x3000).isprintable()
        assert!(!char_is_printable('\u{10FFFF}'));
        assert!(!char_is_printable('\u{E000}'));
        assert!(!char_is_printable('\u{3000}'));
        // Case properties that changed after Unicode 14.0 (CPython 3.11's):
        // '\u019b'.upper(), '\u019b'.islower(), '\u10fc'.islower(), '\u0295'.islower(),
        // '\u1c89'.lower(), '\u1c89'.isupper(), 'a\u1c8a'.title()
        assert_eq!(upper("\u{19b}"), "\u{19b}");
        assert!(is_lower("\u{19b}"));
        assert!(!is_lower("\u{10fc}"));
        assert!(is_lower("\u{295}"));
        assert_eq!(lower("\u{1c89}"), "\u{1c89}");
        assert!(!is_upper("\u{1c89}"));
        assert_eq!(title("a\u{1c8a}"), "A\u{1c8a}");
    }
}
