//! Trimming and padding `str` as pure functions over `&str`: `strip lstrip
//! rstrip center ljust rjust zfill expandtabs`, with CPython's rules
//! (including `center`'s odd-width rounding). Widths count code points.

use crate::num::is_py_space;

/// Which ends `strip` trims.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ends {
    Left,
    Right,
    Both,
}

/// `strip`/`lstrip`/`rstrip`: whitespace when `chars` is `None`, else any
/// character of `chars`.
pub fn strip<'a>(s: &'a str, chars: Option<&str>, ends: Ends) -> &'a str {
    let pred = |c: char| match chars {
        None => is_py_space(c),
        Some(set) => set.contains(c),
    };
    match ends {
        Ends::Left => s.trim_start_matches(pred),
        Ends::Right => s.trim_end_matches(pred),
        Ends::Both => s.trim_matches(pred),
    }
}

fn pad(s: &str, left: usize, right: usize, fill: char) -> String {
    let mut out = String::with_capacity(s.len() + (left + right) * fill.len_utf8());
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, right));
    out
}

/// How `center`, `ljust` and `rjust` place the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Justify {
    Left,
    Right,
    Center,
}

/// `center`/`ljust`/`rjust` of `s` (`n` code points) to `width`; `None`
/// when `s` is already wide enough (the result is `s` itself).
pub fn justify(s: &str, n: usize, width: i64, fill: char, how: Justify) -> Option<String> {
    if width <= n as i64 {
        return None;
    }
    let width = width as usize;
    let marg = width - n;
    let (left, right) = match how {
        Justify::Left => (0, marg),
        Justify::Right => (marg, 0),
        Justify::Center => {
            // CPython: `left = marg / 2 + (marg & width & 1)`.
            let left = marg / 2 + (marg & width & 1);
            (left, marg - left)
        }
    };
    Some(pad(s, left, right, fill))
}

/// `s.zfill(width)`: zeros on the left, after a leading sign.
pub fn zfill(s: &str, n: usize, width: i64) -> Option<String> {
    if width <= n as i64 {
        return None;
    }
    let fill = width as usize - n;
    let mut out = String::with_capacity(fill + s.len());
    let body = match s.chars().next() {
        Some(c @ ('+' | '-')) => {
            out.push(c);
            &s[1..]
        }
        _ => s,
    };
    out.extend(std::iter::repeat_n('0', fill));
    out.push_str(body);
    Some(out)
}

/// `s.expandtabs(tabsize)`: a tab advances to the next multiple of
/// `tabsize` (and disappears when `tabsize <= 0`); `\n` and `\r` reset the
/// column.
pub fn expandtabs(s: &str, tabsize: i64) -> String {
    let mut out = String::with_capacity(s.len());
    let mut col: i64 = 0;
    for c in s.chars() {
        if c == '\t' {
            if tabsize > 0 {
                let incr = tabsize - col % tabsize;
                col += incr;
                out.extend(std::iter::repeat_n(' ', incr as usize));
            }
        } else {
            col += 1;
            out.push(c);
            if c == '\n' || c == '\r' {
                col = 0;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn j(s: &str, width: i64, fill: char, how: Justify) -> String {
        justify(s, s.chars().count(), width, fill, how).unwrap_or_else(|| s.to_string())
    }

    fn z(s: &str, width: i64) -> String {
        zfill(s, s.chars().count(), width).unwrap_or_else(|| s.to_string())
    }

    #[test]
    fn strip_family() {
        // 'xxaxx'.strip('x'), '  a  '.lstrip(), '  a  '.rstrip(None), '\u3000a\x1c'.strip()
        assert_eq!(strip("xxaxx", Some("x"), Ends::Both), "a");
        assert_eq!(strip("  a  ", None, Ends::Left), "a  ");
        assert_eq!(strip("  a  ", None, Ends::Right), "  a");
        assert_eq!(strip("\u{3000}a\x1c", None, Ends::Both), "a");
        // 'éaéb'.strip('éb'), 'abc'.strip('')
        assert_eq!(strip("éaéb", Some("éb"), Ends::Both), "a");
        assert_eq!(strip("abc", Some(""), Ends::Both), "abc");
    }

    #[test]
    fn padding() {
        // 'a'.center(4), 'ab'.center(5), 'ab'.center(5, '*'), 'abc'.center(6, '*')
        assert_eq!(j("a", 4, ' ', Justify::Center), " a  ");
        assert_eq!(j("ab", 5, ' ', Justify::Center), "  ab ");
        assert_eq!(j("ab", 5, '*', Justify::Center), "**ab*");
        assert_eq!(j("abc", 6, '*', Justify::Center), "*abc**");
        // 'abc'.center(8, 'é'), 'é'.center(4), 'a'.center(-1), 'a'.center(3, 'é')
        assert_eq!(j("abc", 8, 'é', Justify::Center), "ééabcééé");
        assert_eq!(j("é", 4, ' ', Justify::Center), " é  ");
        assert_eq!(j("a", -1, ' ', Justify::Center), "a");
        assert_eq!(j("a", 3, 'é', Justify::Center), "éaé");
        // 'éé'.ljust(4, '*'), 'éé'.rjust(4, '*')
        assert_eq!(j("éé", 4, '*', Justify::Left), "éé**");
        assert_eq!(j("éé", 4, '*', Justify::Right), "**éé");
        // '-42'.zfill(5), '+42'.zfill(2), '42'.zfill(5), ''.zfill(3), '-'.zfill(3)
        assert_eq!(z("-42", 5), "-0042");
        assert_eq!(z("+42", 2), "+42");
        assert_eq!(z("42", 5), "00042");
        assert_eq!(z("", 3), "000");
        assert_eq!(z("-", 3), "-00");
        // 'a'.zfill(-5), '+'.zfill(3), '-é'.zfill(4)
        assert_eq!(z("a", -5), "a");
        assert_eq!(z("+", 3), "+00");
        assert_eq!(z("-é", 4), "-00é");
    }

    #[test]
    fn tabs() {
        // 'a\tbc\td\n\tx'.expandtabs(), 'a\tbc\td\r\tx'.expandtabs(4)
        assert_eq!(
            expandtabs("a\tbc\td\n\tx", 8),
            "a       bc      d\n        x"
        );
        assert_eq!(expandtabs("a\tbc\td\r\tx", 4), "a   bc  d\r    x");
        // 'a\tb'.expandtabs(0), 'a\tb'.expandtabs(-3), 'a\tb'.expandtabs(True), 'é\tb'.expandtabs(4)
        assert_eq!(expandtabs("a\tb", 0), "ab");
        assert_eq!(expandtabs("a\tb", -3), "ab");
        assert_eq!(expandtabs("a\tb", 1), "a b");
        assert_eq!(expandtabs("é\tb", 4), "é   b");
    }
}
