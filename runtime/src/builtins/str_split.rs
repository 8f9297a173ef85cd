//! Splitting `str` as pure functions over `&str`: `split`/`rsplit` (by a
//! separator, or CPython's whitespace algorithm for `sep=None`) with
//! `maxsplit`, and `splitlines` with CPython's set of line boundaries.

use crate::num::is_py_space;

/// `maxsplit` as a count: negative means unlimited.
fn limit(maxsplit: i64) -> usize {
    if maxsplit < 0 {
        usize::MAX
    } else {
        usize::try_from(maxsplit).unwrap_or(usize::MAX)
    }
}

/// `s.split(sep, maxsplit)` with a non-empty `sep`.
pub fn split_sep<'a>(s: &'a str, sep: &str, maxsplit: i64) -> Vec<&'a str> {
    match limit(maxsplit).checked_add(1) {
        Some(n) => s.splitn(n, sep).collect(),
        None => s.split(sep).collect(),
    }
}

/// `s.rsplit(sep, maxsplit)` with a non-empty `sep`.
pub fn rsplit_sep<'a>(s: &'a str, sep: &str, maxsplit: i64) -> Vec<&'a str> {
    let mut v: Vec<&str> = match limit(maxsplit).checked_add(1) {
        Some(n) => s.rsplitn(n, sep).collect(),
        None => s.rsplit(sep).collect(),
    };
    v.reverse();
    v
}

/// `s.split(None, maxsplit)`: runs of whitespace separate words; leading
/// and trailing whitespace is dropped, except that once `maxsplit` words
/// are split off the rest is kept as is (after its leading whitespace).
pub fn split_whitespace(s: &str, maxsplit: i64) -> Vec<&str> {
    let mut out = Vec::new();
    let mut left = limit(maxsplit);
    let mut rest = s;
    loop {
        rest = rest.trim_start_matches(is_py_space);
        if rest.is_empty() {
            break;
        }
        if left == 0 {
            out.push(rest);
            break;
        }
        left -= 1;
        match rest.find(is_py_space) {
            Some(b) => {
                out.push(&rest[..b]);
                rest = &rest[b..];
            }
            None => {
                out.push(rest);
                break;
            }
        }
    }
    out
}

/// `s.rsplit(None, maxsplit)`: like [`split_whitespace`] from the right.
pub fn rsplit_whitespace(s: &str, maxsplit: i64) -> Vec<&str> {
    let mut out = Vec::new();
    let mut left = limit(maxsplit);
    let mut rest = s;
    loop {
        rest = rest.trim_end_matches(is_py_space);
        if rest.is_empty() {
            break;
        }
        if left == 0 {
            out.push(rest);
            break;
        }
        left -= 1;
        match rest.rfind(is_py_space) {
            Some(b) => {
                let w = rest[b..].chars().next().map_or(1, char::len_utf8);
                out.push(&rest[b + w..]);
                rest = &rest[..b];
            }
            None => {
                out.push(rest);
                break;
            }
        }
    }
    out.reverse();
    out
}

/// CPython's line boundaries (`Py_UNICODE_ISLINEBREAK`).
pub fn is_linebreak(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// `s.splitlines(keepends)`: `\r\n` counts as one boundary.
pub fn splitlines(s: &str, keepends: bool) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s;
    while !rest.is_empty() {
        match rest.find(is_linebreak) {
            None => {
                out.push(rest);
                break;
            }
            Some(b) => {
                let w = if rest[b..].starts_with("\r\n") {
                    2
                } else {
                    rest[b..].chars().next().map_or(1, char::len_utf8)
                };
                out.push(if keepends { &rest[..b + w] } else { &rest[..b] });
                rest = &rest[b + w..];
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace() {
        // '  a b  c  '.split(None, 1), '  a b  c  '.rsplit(None, 1)
        assert_eq!(split_whitespace("  a b  c  ", 1), ["a", "b  c  "]);
        assert_eq!(rsplit_whitespace("  a b  c  ", 1), ["  a b", "c"]);
        // '  a b  c  '.split(maxsplit=0), '  a b  c  '.rsplit(maxsplit=0)
        assert_eq!(split_whitespace("  a b  c  ", 0), ["a b  c  "]);
        assert_eq!(rsplit_whitespace("  a b  c  ", 0), ["  a b  c"]);
        // ' a\u3000b\x1cc\u2028 '.split(), ''.split(), '   '.split(), '   '.split(None, 0)
        assert_eq!(
            split_whitespace(" a\u{3000}b\x1cc\u{2028} ", -1),
            ["a", "b", "c"]
        );
        assert!(split_whitespace("", -1).is_empty());
        assert!(split_whitespace("   ", -1).is_empty());
        assert!(split_whitespace("   ", 0).is_empty());
        // 'é\u3000ü x'.rsplit(None, 1), 'a b c'.split(None, 5)
        assert_eq!(rsplit_whitespace("é\u{3000}ü x", 1), ["é\u{3000}ü", "x"]);
        assert_eq!(split_whitespace("a b c", 5), ["a", "b", "c"]);
        // 'a b c '.split(None, 2), ' a b c'.rsplit(None, 2)
        assert_eq!(split_whitespace("a b c ", 2), ["a", "b", "c "]);
        assert_eq!(rsplit_whitespace(" a b c", 2), [" a", "b", "c"]);
    }

    #[test]
    fn separator() {
        // 'a,b,,c'.split(',', maxsplit=1), 'a,b,,c'.rsplit(',', 1), 'a,b,,c'.split(sep=',')
        assert_eq!(split_sep("a,b,,c", ",", 1), ["a", "b,,c"]);
        assert_eq!(rsplit_sep("a,b,,c", ",", 1), ["a,b,", "c"]);
        assert_eq!(split_sep("a,b,,c", ",", -1), ["a", "b", "", "c"]);
        // 'aaa'.split('aa'), 'aaa'.rsplit('aa'), 'aaaa'.rsplit('aa', 1), ''.split(',')
        assert_eq!(split_sep("aaa", "aa", -1), ["", "a"]);
        assert_eq!(rsplit_sep("aaa", "aa", -1), ["a", ""]);
        assert_eq!(rsplit_sep("aaaa", "aa", 1), ["aa", ""]);
        assert_eq!(split_sep("", ",", -1), [""]);
        // 'héllo wörld'.split('ö'), 'a b'.split(' ', -2)
        assert_eq!(split_sep("héllo wörld", "ö", -1), ["héllo w", "rld"]);
        assert_eq!(split_sep("a b", " ", -2), ["a", "b"]);
    }

    #[test]
    fn lines() {
        // 'a\r\nb\rc\nd\x0be\x0cf\x1cg\x1dh\x1ei\x85j\u2028k\u2029l'.splitlines()
        let s = "a\r\nb\rc\nd\x0be\x0cf\x1cg\x1dh\x1ei\u{85}j\u{2028}k\u{2029}l";
        assert_eq!(
            splitlines(s, false),
            ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"]
        );
        // 'a\r\nb\rc\n'.splitlines(True), ''.splitlines(), '\n'.splitlines(), '\n\r\n\r'.splitlines(True)
        assert_eq!(splitlines("a\r\nb\rc\n", true), ["a\r\n", "b\r", "c\n"]);
        assert!(splitlines("", false).is_empty());
        assert_eq!(splitlines("\n", false), [""]);
        assert_eq!(splitlines("\n\r\n\r", true), ["\n", "\r\n", "\r"]);
        // 'é\u2028ü'.splitlines(True)
        assert_eq!(splitlines("é\u{2028}ü", true), ["é\u{2028}", "ü"]);
    }
}
