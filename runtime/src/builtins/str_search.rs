//! Substring search on `str` as pure functions over `&str`: `find rfind
//! index rindex count startswith endswith replace partition rpartition`,
//! with CPython's code-point indexes and `start`/`end` slice semantics
//! (`ADJUST_INDICES`) and its rules for empty substrings.

/// A string with its length in code points (known from `Str::len`, so
/// ASCII text needs no scanning to map indexes to byte offsets).
#[derive(Clone, Copy, Debug)]
pub struct Text<'a> {
    pub s: &'a str,
    /// Length in code points.
    pub n: usize,
}

impl<'a> Text<'a> {
    /// Counts the code points of `s`.
    pub fn new(s: &'a str) -> Text<'a> {
        Text {
            s,
            n: s.chars().count(),
        }
    }

    fn is_ascii(&self) -> bool {
        self.n == self.s.len()
    }

    /// Byte offset of code point `i` (`i <= n`).
    pub fn byte(&self, i: usize) -> usize {
        if self.is_ascii() {
            i
        } else {
            self.s
                .char_indices()
                .nth(i)
                .map_or(self.s.len(), |(b, _)| b)
        }
    }

    /// Code-point index of byte offset `b` (a char boundary).
    fn index_of_byte(&self, b: usize) -> usize {
        if self.is_ascii() {
            b
        } else {
            self.s[..b].chars().count()
        }
    }

    /// The text between code points `start` and `end` (`start <= end <= n`).
    fn slice(&self, start: usize, end: usize) -> &'a str {
        if self.is_ascii() {
            &self.s[start..end]
        } else {
            let b0 = self.byte(start);
            let len = self.s[b0..]
                .char_indices()
                .nth(end - start)
                .map_or(self.s.len() - b0, |(b, _)| b);
            &self.s[b0..b0 + len]
        }
    }
}

/// CPython's `ADJUST_INDICES`: `start`/`end` (default `0` and the end)
/// clamped like slice bounds; `start` may stay beyond `len`.
pub fn adjust_indices(start: Option<i64>, end: Option<i64>, len: usize) -> (i64, i64) {
    let len = len as i64;
    let mut end = end.unwrap_or(i64::MAX);
    let mut start = start.unwrap_or(0);
    if end > len {
        end = len;
    } else if end < 0 {
        end = (end + len).max(0);
    }
    if start < 0 {
        start = (start + len).max(0);
    }
    (start, end)
}

/// `s.find(sub, start, end)` (`-1` when absent); `reverse` gives `rfind`.
pub fn find(
    s: Text<'_>,
    sub: Text<'_>,
    start: Option<i64>,
    end: Option<i64>,
    reverse: bool,
) -> i64 {
    let (start, end) = adjust_indices(start, end, s.n);
    if end - start < sub.n as i64 {
        return -1;
    }
    let (start, end) = (start as usize, end as usize);
    let hay = s.slice(start, end);
    let found = if reverse {
        hay.rfind(sub.s)
    } else {
        hay.find(sub.s)
    };
    match found {
        Some(b) => {
            (start
                + Text {
                    s: hay,
                    n: end - start,
                }
                .index_of_byte(b)) as i64
        }
        None => -1,
    }
}

/// `s.count(sub, start, end)`: non-overlapping occurrences; an empty `sub`
/// is found between every two characters and at both ends.
pub fn count(s: Text<'_>, sub: Text<'_>, start: Option<i64>, end: Option<i64>) -> usize {
    let (start, end) = adjust_indices(start, end, s.n);
    if end - start < sub.n as i64 {
        return 0;
    }
    if sub.n == 0 {
        return (end - start) as usize + 1;
    }
    s.slice(start as usize, end as usize).matches(sub.s).count()
}

/// CPython's `tailmatch`: `startswith` (`at_end == false`) or `endswith`
/// of one candidate within `s[start:end]`.
pub fn tailmatch(
    s: Text<'_>,
    sub: Text<'_>,
    start: Option<i64>,
    end: Option<i64>,
    at_end: bool,
) -> bool {
    let (start, end) = adjust_indices(start, end, s.n);
    let end = end - sub.n as i64;
    if end < start {
        return false;
    }
    if sub.n == 0 {
        return true;
    }
    let from = if at_end { end } else { start } as usize;
    s.slice(from, from + sub.n) == sub.s
}

/// `s.replace(old, new, count)`; a negative `count` replaces every
/// occurrence, and an empty `old` inserts `new` around every character.
pub fn replace(s: &str, old: &str, new: &str, count: i64) -> String {
    if count < 0 {
        s.replace(old, new)
    } else {
        s.replacen(old, new, usize::try_from(count).unwrap_or(usize::MAX))
    }
}

/// `s.partition(sep)` (`sep` non-empty): `(before, after)` around the first
/// occurrence, or `None`.
pub fn partition<'a>(s: &'a str, sep: &str) -> Option<(&'a str, &'a str)> {
    s.find(sep).map(|b| (&s[..b], &s[b + sep.len()..]))
}

/// `s.rpartition(sep)`: around the last occurrence.
pub fn rpartition<'a>(s: &'a str, sep: &str) -> Option<(&'a str, &'a str)> {
    s.rfind(sep).map(|b| (&s[..b], &s[b + sep.len()..]))
}

/// `s.removeprefix(prefix)`.
pub fn remove_prefix<'a>(s: &'a str, prefix: &str) -> &'a str {
    s.strip_prefix(prefix).unwrap_or(s)
}

/// `s.removesuffix(suffix)`.
pub fn remove_suffix<'a>(s: &'a str, suffix: &str) -> &'a str {
    s.strip_suffix(suffix).unwrap_or(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Text<'_> {
        Text::new(s)
    }

    #[test]
    fn find_family() {
        // 'abc'.find('', 3), 'abc'.find('', 4), 'abc'.rfind(''), 'abc'.rfind('', 1, 2)
        assert_eq!(find(t("abc"), t(""), Some(3), None, false), 3);
        assert_eq!(find(t("abc"), t(""), Some(4), None, false), -1);
        assert_eq!(find(t("abc"), t(""), None, None, true), 3);
        assert_eq!(find(t("abc"), t(""), Some(1), Some(2), true), 2);
        // 'héllo wörld'.find('ö'), 'héllo wörld'.rfind('l'), 'héllo wörld'.find('w', 2, 9)
        assert_eq!(find(t("héllo wörld"), t("ö"), None, None, false), 7);
        assert_eq!(find(t("héllo wörld"), t("l"), None, None, true), 9);
        assert_eq!(find(t("héllo wörld"), t("w"), Some(2), Some(9), false), 6);
        // 'héllo wörld'.find('w', 2, 6), 'abcabc'.find('c', -2), 'abcabc'.rfind('a', -100, -1)
        assert_eq!(find(t("héllo wörld"), t("w"), Some(2), Some(6), false), -1);
        assert_eq!(find(t("abcabc"), t("c"), Some(-2), None, false), 5);
        assert_eq!(find(t("abcabc"), t("a"), Some(-100), Some(-1), true), 3);
        // 'a'.find('a', 10**30) (clamped to i64::MAX), 'a'.find('a', -10**30)
        assert_eq!(find(t("a"), t("a"), Some(i64::MAX), None, false), -1);
        assert_eq!(find(t("a"), t("a"), Some(i64::MIN), None, false), 0);
        // 'aaa'.rfind('aa'), 'aaaa'.find('aa', 1)
        assert_eq!(find(t("aaa"), t("aa"), None, None, true), 1);
        assert_eq!(find(t("aaaa"), t("aa"), Some(1), None, false), 1);
    }

    #[test]
    fn count_and_tailmatch() {
        // 'abc'.count(''), 'abc'.count('', 5), 'abc'.count('', 2), 'aaaa'.count('aa')
        assert_eq!(count(t("abc"), t(""), None, None), 4);
        assert_eq!(count(t("abc"), t(""), Some(5), None), 0);
        assert_eq!(count(t("abc"), t(""), Some(2), None), 2);
        assert_eq!(count(t("aaaa"), t("aa"), None, None), 2);
        // 'héllo wörld'.count('l', 3), 'ééé'.count('é', 1, -1)
        assert_eq!(count(t("héllo wörld"), t("l"), Some(3), None), 2);
        assert_eq!(count(t("ééé"), t("é"), Some(1), Some(-1)), 1);
        // 'abc'.startswith('', 3), 'abc'.startswith('', 4), 'abc'.endswith('b', 0, -1)
        assert!(tailmatch(t("abc"), t(""), Some(3), None, false));
        assert!(!tailmatch(t("abc"), t(""), Some(4), None, false));
        assert!(tailmatch(t("abc"), t("b"), Some(0), Some(-1), true));
        // 'abc'.startswith('b', -2), 'héllo'.startswith('é', 1), 'héllo'.endswith('é', 0, 2)
        assert!(tailmatch(t("abc"), t("b"), Some(-2), None, false));
        assert!(tailmatch(t("héllo"), t("é"), Some(1), None, false));
        assert!(tailmatch(t("héllo"), t("é"), Some(0), Some(2), true));
        // 'abc'.endswith('abcd'), 'abc'.startswith('bc', 1, 2)
        assert!(!tailmatch(t("abc"), t("abcd"), None, None, true));
        assert!(!tailmatch(t("abc"), t("bc"), Some(1), Some(2), false));
    }

    #[test]
    fn replace_partition() {
        // 'abc'.replace('', '-'), 'abc'.replace('', '-', 2), 'abc'.replace('b', '', -5)
        assert_eq!(replace("abc", "", "-", -1), "-a-b-c-");
        assert_eq!(replace("abc", "", "-", 2), "-a-bc");
        assert_eq!(replace("abc", "b", "", -5), "ac");
        // 'abc'.replace('b', '', 0), 'aaa'.replace('a', 'b', 2), 'aaaa'.replace('aa', 'X')
        assert_eq!(replace("abc", "b", "", 0), "abc");
        assert_eq!(replace("aaa", "a", "b", 2), "bba");
        assert_eq!(replace("aaaa", "aa", "X", -1), "XX");
        // 'éaé'.replace('é', 'e')
        assert_eq!(replace("éaé", "é", "e", -1), "eae");
        // 'abcb'.rpartition('b'), 'aaa'.partition('aa'), 'aaa'.rpartition('aa')
        assert_eq!(rpartition("abcb", "b"), Some(("abc", "")));
        assert_eq!(partition("aaa", "aa"), Some(("", "a")));
        assert_eq!(rpartition("aaa", "aa"), Some(("a", "")));
        assert_eq!(partition("abc", "x"), None);
        // 'abc'.removeprefix('ab'), 'abc'.removesuffix(''), 'abc'.removesuffix('bc')
        assert_eq!(remove_prefix("abc", "ab"), "c");
        assert_eq!(remove_suffix("abc", ""), "abc");
        assert_eq!(remove_suffix("abc", "bc"), "a");
    }
}
