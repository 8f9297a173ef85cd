//! An estimate of the last token CPython 3.11's parser had read when it
//! failed, from the token ruff complained about.
//!
//! CPython reports an open bracket as "never closed" only if that token is on
//! a later line than the bracket (`cpython_error`), so only its line matters.
//! Its error-reporting pass reads further than the first failure:
//! 1. two expressions side by side (`a b`, not in a `def`, `class` or
//!    `import` line, nor after `as`): `invalid_expression` parses the whole
//!    second expression and looks at the token after it; inside brackets it
//!    goes on to the next two operands side by side, or to the end of the
//!    source (a bracket never closed);
//! 2. `name = value` inside brackets: `invalid_named_expression` parses the
//!    value the same way;
//! 3. a stray `:`, or a bracket right after a keyword that takes no
//!    expression (`pass(`), ends the parse there: nothing after it is read;
//! 4. otherwise the parser has read one token past the offending one — for
//!    an unparenthesized generator, past the end of the generator;
//! 5. in any case, no rule reads past a keyword that only starts statements
//!    (`return` inside brackets).
//!
//! These rules are heuristics checked against CPython on mutated programs;
//! they only decide between two error messages, never whether a program is
//! accepted.

use super::tokenize311::{Kind, Tok};

/// Index of the last token read, or `None` if the parser read to the end.
/// `first..=last` is the offending token (a run of strings counts as one);
/// `construct_end` is the end offset of ruff's error range when the error is
/// about a construct the parser reads whole (an unparenthesized generator).
pub(crate) fn last_read(
    src: &str,
    toks: &[Tok],
    (first, last): (usize, usize),
    construct_end: Option<usize>,
) -> Option<usize> {
    let read = estimate(src, toks, (first, last), construct_end);
    // No rule reads past a keyword that cannot occur in an expression.
    let hard = (first..toks.len()).find(|&k| HARD_KEYWORDS.contains(&text(src, &toks[k])));
    match (read, hard) {
        (Some(r), Some(h)) => Some(r.min(h)),
        (r, h) => r.or(h),
    }
}

fn estimate(
    src: &str,
    toks: &[Tok],
    (first, last): (usize, usize),
    construct_end: Option<usize>,
) -> Option<usize> {
    let t0 = toks.get(first)?;
    let prev = first.checked_sub(1).map(|i| &toks[i]);
    let before_prev = first.checked_sub(2).map(|i| text(src, &toks[i]));
    let after_operand = prev.is_some_and(|p| ends_operand(src, p)) && before_prev != Some("as");
    if after_operand && starts_operand(src, t0) && !in_declaration(src, toks, first) {
        return expression_end(src, toks, first);
    }
    let prev_is_name = prev.is_some_and(|p| {
        let c = text(src, p).bytes().next().unwrap_or(0);
        is_atom(src, p)
            && p.kind == Kind::Other
            && (c.is_ascii_alphabetic() || c == b'_' || c >= 0x80)
    });
    if prev_is_name && is_lone_assign(src, t0) {
        return expression_end(src, toks, first + 1);
    }
    if text(src, t0) == ":" && src.as_bytes().get(t0.end) != Some(&b'=') {
        return Some(first);
    }
    let after_statement_keyword = prev.is_some_and(|p| {
        matches!(
            text(src, p),
            "pass" | "break" | "continue" | "else" | "try" | "finally"
        )
    });
    if after_statement_keyword && matches!(text(src, t0), "(" | "[" | "{") {
        return Some(first);
    }
    let covered = construct_end.map_or(0, |end| toks.partition_point(|t| t.start < end));
    let upto = covered.saturating_sub(1).max(last);
    (upto + 1 < toks.len()).then_some(upto + 1)
}

/// Keywords that start statements only.
const HARD_KEYWORDS: &[&str] = &[
    "assert", "break", "class", "continue", "def", "del", "elif", "except", "finally", "global",
    "import", "nonlocal", "pass", "raise", "return", "try", "while", "with",
];

const KEYWORDS: &[&str] = &[
    "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif",
    "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
    "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
];

/// Keywords that join operands (or prefix one) inside an expression.
const OPERATOR_KEYWORDS: &[&str] = &["and", "or", "not", "in", "is", "if", "else", "await"];

fn text<'s>(src: &'s str, t: &Tok) -> &'s str {
    src.get(t.start..t.end).unwrap_or("")
}

/// A name, keyword constant, number or string.
fn is_atom(src: &str, t: &Tok) -> bool {
    match t.kind {
        Kind::Str(_) => true,
        Kind::Newline => false,
        Kind::Other => {
            let s = text(src, t);
            let c = s.bytes().next().unwrap_or(0);
            (c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80 || (c == b'.' && s.len() > 1))
                && !KEYWORDS.contains(&s)
        }
    }
}

fn ends_operand(src: &str, t: &Tok) -> bool {
    is_atom(src, t) || matches!(text(src, t), ")" | "]" | "}")
}

fn starts_operand(src: &str, t: &Tok) -> bool {
    is_atom(src, t) || matches!(text(src, t), "(" | "[" | "{" | "not" | "await")
}

/// An `=` that is neither part of `==`, `!=`, `<=`, `>=`, `:=` nor followed
/// by `=`.
fn is_lone_assign(src: &str, t: &Tok) -> bool {
    let b = src.as_bytes();
    text(src, t) == "="
        && b.get(t.end) != Some(&b'=')
        && !t
            .start
            .checked_sub(1)
            .is_some_and(|i| matches!(b[i], b'=' | b'!' | b'<' | b'>' | b':'))
}

/// The token after the expression starting at `i` (the parser's lookahead),
/// or `None` if the parser reads to the end of the source (into a bracket
/// never closed). Inside brackets the parse goes on past commas, colons and
/// keyword arguments; two operands side by side there make the parser read
/// the second one whole, as at the top.
fn expression_end(src: &str, toks: &[Tok], i: usize) -> Option<usize> {
    let mut operand = true;
    let mut prev_str = false;
    let mut after_lambda = false;
    let mut open: Vec<u8> = Vec::new();
    let mut k = i;
    while k < toks.len() {
        let t = &toks[k];
        let s = text(src, t);
        let is_str = matches!(t.kind, Kind::Str(_));
        let ellipsis = s == "." && src[t.start..].starts_with("...");
        if t.kind == Kind::Newline || s.is_empty() {
            return Some(k);
        }
        if is_atom(src, t) || ellipsis {
            if !operand && !(is_str && prev_str) {
                if open.is_empty() {
                    return Some(k);
                }
                // The second operand, read as an expression of its own.
                open.clear();
            }
            operand = false;
            if ellipsis {
                k += 2;
            }
        } else if matches!(s, "(" | "[" | "{") {
            open.push(s.as_bytes()[0]);
            operand = true;
        } else if matches!(s, ")" | "]" | "}") {
            if open.pop().is_none() {
                return Some(k);
            }
            operand = false;
        } else if matches!(s, "," | ":") || is_lone_assign(src, t) {
            let slice = s == ":" && (open.last() == Some(&b'[') || after_lambda);
            if open.is_empty() || (operand && !slice) {
                // At the top, or where an operand is missing, the parse stops.
                return Some(k);
            }
            operand = true;
        } else if s == ";" {
            return Some(k);
        } else if operand
            && (matches!(s, "and" | "or" | "in" | "is" | "if" | "else" | "for")
                || matches!(s, "/" | "%" | "@" | "<" | ">" | "|" | "&" | "^" | "!" | "."))
        {
            // A binary operator where an operand is due.
            return Some(k);
        } else if OPERATOR_KEYWORDS.contains(&s)
            || (!open.is_empty() && matches!(s, "for" | "async" | "lambda" | "yield"))
        {
            operand = true;
        } else if KEYWORDS.contains(&s) {
            return Some(k);
        } else {
            operand = true;
        }
        prev_str = is_str;
        after_lambda = s == "lambda";
        k += 1;
    }
    None
}

/// Whether the logical line holding token `i` starts with a keyword whose
/// statement has names, not expressions, where `i` is (`def f(a b`).
fn in_declaration(src: &str, toks: &[Tok], i: usize) -> bool {
    let start = toks[..i]
        .iter()
        .rposition(|t| t.kind == Kind::Newline)
        .map_or(0, |n| n + 1);
    toks.get(start).is_some_and(|t| {
        matches!(
            text(src, t),
            "def" | "class" | "import" | "from" | "global" | "nonlocal"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::frontend::parse::SourceMap;
    use crate::frontend::tokenize311::tokenize;

    /// The text of the last token read when ruff complains about the token
    /// starting at byte `at` ("<end>" if the parser read to the end).
    fn read(src: &str, at: usize) -> String {
        let map = SourceMap::new(src);
        let t = tokenize(src, &map);
        let i = t.toks.partition_point(|x| x.end <= at);
        match last_read(src, &t.toks, (i, i), None) {
            Some(k) => text(src, &t.toks[k]).replace('\n', "\\n"),
            None => "<end>".into(),
        }
    }

    #[test]
    fn side_by_side_expressions_are_read_whole() {
        assert_eq!(read("x = (1 2 3\n", 7), "3");
        assert_eq!(read("x = (1 2\n  + 3\n", 7), "<end>");
        assert_eq!(read("d = delegat{ing()\nx = 1\n", 11), "=");
        assert_eq!(read("x = a b c(\n1\n", 6), "c");
        assert_eq!(read("x = a b.c(d)[0] 'x' 'y' e\n", 6), "'x'");
        assert_eq!(read("x = a 'x' 'y' e\n", 6), "e");
        assert_eq!(read("x = a b == c, d\n", 6), ",");
        // Inside brackets, up to the next operands side by side.
        assert_eq!(read("print(x, 17 i(n s, len(s))\ny = 1\n", 12), ",");
        assert_eq!(read("glob{al counter\n    x = 1\n", 4), "x");
        assert_eq!(read("except A a(s e:\n    pass\n", 9), ":");
        // A binary operator where an operand is due ends the parse.
        assert_eq!(read("if key not [in self:\n    pass\n", 7), "in");
        assert_eq!(read("trace{.append(1)\nx = 1\n", 5), ".");
        assert_eq!(read("x = a {:\n 1\n", 6), ":");
        assert_eq!(read("x = a [::2,\n 1\n", 6), "<end>");
        assert_eq!(read("f(a b(c,\n d=[1, 2],\n e\n", 4), "<end>");
        // Names, not expressions, in declarations.
        assert_eq!(read("class Coun{ter:\n    pass\n", 10), "ter");
    }

    #[test]
    fn other_errors() {
        // `name = value` in brackets: the value is read whole.
        assert_eq!(read("(   value = 10\nx = 1\n", 10), "x");
        assert_eq!(read("(   value = 10, 2\n", 10), ",");
        // Nothing is read past a stray colon, or past a keyword's bracket.
        assert_eq!(read("for _ in range(n:\n    pass\n", 16), ":");
        assert_eq!(read("pass{\nx = 1\n", 4), "{");
        // Otherwise one token past the offending one.
        assert_eq!(read("x = (1,, 2\n", 7), "2");
    }
}
