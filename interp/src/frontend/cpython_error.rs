//! Which syntax error CPython 3.11 reports once its parser has failed, given
//! the first error ruff found (its range and message).
//!
//! 1. f-strings: if ruff's error lies in a run of adjacent strings holding a
//!    3.11 f-string, CPython's own processing of the run decides
//!    (`fstring311`): an error found while scanning the string text is
//!    reported at the token after the run, with CPython's message; an error
//!    in a field's expression stays where it is.
//! 2. Tokenizer errors (Parser/pegen_errors.c, `_PyPegen_set_syntax_error`
//!    and `_PyPegen_tokenize_full_source_to_check_for_errors`): after any
//!    parser error but "unexpected indent", CPython tokenizes the rest of the
//!    source, and
//!    - a tokenizer error with a message (unmatched or mismatched bracket,
//!      unterminated string, ...) replaces the parser's error, wherever it is
//!      (one before the parser's error would have stopped the parser there);
//!    - reaching the end inside brackets gives "'(' was never closed" at the
//!      innermost open bracket, unless that bracket is on or after the line
//!      of the last token the parser read (estimated by `lookahead`); if the
//!      parser read to the end, the tokenizer reports the bracket itself.

use super::fstring311::{self, Verdict};
use super::lookahead;
use super::parse::SourceMap;
use super::tokenize311::{self, Kind, Outcome, Str, Tok};
use super::FrontendError;
use ruff_text_size::TextRange;

/// The first error ruff found.
pub(crate) struct FirstError {
    pub(crate) range: TextRange,
    pub(crate) msg: String,
    /// CPython raises "unexpected indent" without looking further.
    pub(crate) unexpected_indent: bool,
}

/// The error CPython reports, given ruff's first error.
pub(crate) fn choose(src: &str, map: &SourceMap<'_>, first_error: FirstError) -> FrontendError {
    let FirstError {
        range,
        msg,
        unexpected_indent,
    } = first_error;
    let (at, end) = (range.start().to_usize(), range.end().to_usize());
    if unexpected_indent {
        return at_offset(map, at, msg);
    }
    let tokens = tokenize311::tokenize(src, map);
    let toks = &tokens.toks;
    // The token ruff complained about (the first one ending after `at`),
    // widened to the whole run of strings it belongs to.
    let mut first = toks.partition_point(|t| t.end <= at);
    let mut last = first;
    if toks.get(first).is_some_and(is_str) {
        while first > 0 && is_str(&toks[first - 1]) {
            first -= 1;
        }
        while toks.get(last + 1).is_some_and(is_str) {
            last += 1;
        }
    }
    // The last token CPython's parser read (`None`: it read to the end);
    // ruff's range of an unparenthesized generator covers what it read.
    let construct_end = msg.contains("generator").then_some(end);
    let read = lookahead::last_read(src, toks, (first, last), construct_end).map(|i| &toks[i]);
    let after = toks.get(last + 1);

    let mut err = at_offset(map, at, msg);
    if let Some(run) = toks.get(first..=last).filter(|r| r[0].start <= at) {
        let strs: Vec<Str> = run
            .iter()
            .filter_map(|t| match t.kind {
                Kind::Str(s) => Some(s),
                _ => None,
            })
            .collect();
        if strs.len() == run.len() && strs.iter().any(|s| s.f) {
            match fstring311::check_run(src, &strs) {
                Verdict::Outer(m) => err = at_offset(map, after.map_or(src.len(), |t| t.start), m),
                Verdict::Expr { range, at: e, msg } if !(range.0..=range.1).contains(&at) => {
                    err = at_offset(map, e, msg)
                }
                _ => {}
            }
        }
    }

    match tokens.outcome {
        Outcome::Error { at, msg } => at_offset(map, at, msg),
        Outcome::Unclosed { at, open } if read.is_none_or(|t| map.line(t.start) > map.line(at)) => {
            at_offset(map, at, format!("'{}' was never closed", open as char))
        }
        _ => err,
    }
}

fn at_offset(map: &SourceMap<'_>, at: usize, msg: impl Into<String>) -> FrontendError {
    let (line, col) = map.line_col(at);
    FrontendError::Syntax {
        line,
        col,
        msg: msg.into(),
    }
}

fn is_str(t: &Tok) -> bool {
    matches!(t.kind, Kind::Str(_))
}

#[cfg(test)]
mod tests {
    use crate::frontend::{compile, FrontendError};

    /// (line, col, message) of the error `compile` reports.
    fn syntax(src: &str) -> (u32, u32, String) {
        match compile(src, "t.py") {
            Err(FrontendError::Syntax { line, col, msg }) => (line, col, msg),
            other => panic!("{src:?}: {other:?}"),
        }
    }

    fn check(src: &str, line: u32, col: u32, msg: &str) {
        assert_eq!(syntax(src), (line, col, msg.to_string()), "{src:?}");
    }

    // Expected positions and messages are CPython 3.11.7's.

    #[test]
    fn unclosed_brackets() {
        let never = "'(' was never closed";
        check("a = 1\ntotal = (a + 2\nprint(total)\nb = 2\n", 2, 9, never);
        check("x = (1 2\n", 1, 5, never);
        check("x = (1 +\n", 1, 5, never);
        check("x = (1 +", 1, 5, never);
        check("foo(a=1, 2", 1, 4, never);
        check("x = [\n(1 2\n", 2, 1, never);
        check("x = (1 2\n  + 3\n", 1, 5, never);
        check("x = ((1,\n2 3)\n", 1, 5, never);
        check("x = [(1,\n2 3)\n", 1, 5, "'[' was never closed");
        check("if True:\n    x = (1 2\n  y = 3\n", 2, 9, never);
    }

    #[test]
    fn open_brackets_after_the_error_line_do_not_override() {
        // The parser's error stays (ruff's wording): only lines matter.
        assert_eq!(syntax("x = 1 2\ny = (\n").0, 1);
        assert_eq!(syntax("if x\n  y = (\n").0, 1);
        assert_eq!(syntax("x = (1 2 3\n").0, 1);
        assert_eq!(syntax("foo(x y, z\n").0, 1);
        assert_eq!(syntax("def f(x y):\n    return (1\n").0, 1);
        let (line, _, msg) = syntax("x = (  1 ,, 2\n,3,4\n");
        assert_eq!(line, 1);
        assert_ne!(msg, "'(' was never closed");
    }

    #[test]
    fn unmatched_and_mismatched_closers() {
        check("x = 1)\n", 1, 6, "unmatched ')'");
        check("x = 1 2\ny = )\n", 2, 5, "unmatched ')'");
        check("print(1))\n", 1, 9, "unmatched ')'");
        check(
            "x = [1, 2)\n",
            1,
            10,
            "closing parenthesis ')' does not match opening parenthesis '['",
        );
        check(
            "x = (1 2\ny = ]\n",
            2,
            5,
            "closing parenthesis ']' does not match opening parenthesis '(' on line 1",
        );
        // A 3.11 f-string is one token: its quote ends it.
        check("f'{')'}'\n", 1, 5, "unmatched ')'");
        check("f'{a b}'\n)\n", 2, 1, "unmatched ')'");
    }

    #[test]
    fn unexpected_indent_is_not_overridden() {
        assert_eq!(syntax("x = 1\n    y = 2\n)\n").0, 2);
        check("if x:\npass\n)\n", 3, 1, "unmatched ')'");
    }

    #[test]
    fn unterminated_strings_override() {
        check(
            "x = 1 2\ns = f'abc\n",
            2,
            5,
            "unterminated string literal (detected at line 2)",
        );
        check(
            "x = 1 2\ns = '''abc\n\n\n",
            2,
            5,
            "unterminated triple-quoted string literal (detected at line 4)",
        );
    }

    #[test]
    fn fstring_scan_errors_are_reported_after_the_string() {
        let hash = "f-string expression part cannot include '#'";
        check(
            "x = 5\ns = f\"\"\"{x  # the value\n}\"\"\"\nprint(s)\n",
            3,
            5,
            hash,
        );
        check("s = (f'{a #}'\n  + 'x')\n", 2, 3, hash);
        check("s = f'''{a #\n}'''  +  (\n 1)\n", 2, 7, hash);
        check("s = (f'''{a #\n}'''\n\n  + 1)\n", 4, 3, hash);
        let conv = "f-string: invalid conversion character: expected 's', 'r', or 'a'";
        check("s = f'''{a}\n{b!z}'''\n", 2, 9, conv);
        check("s = f'{x=!z}'  \\\n  + 1\n", 2, 3, conv);
        check("s = f'{a!}' 'x' b'y'\n", 1, 21, conv);
        check("s = f'{a!}' + (\n", 1, 13, conv);
        check("s = (f'{a!}'\n\n+ 1\n", 1, 5, "'(' was never closed");
        check(
            "s = (f'{x}'\n  f'''\n}'''\n\n  )\n",
            5,
            3,
            "f-string: single '}' is not allowed",
        );
        check(
            "s = 'x' b'y' f'{a!}'\n",
            1,
            21,
            "cannot mix bytes and nonbytes literals",
        );
        check(
            "names = []\nprint(f\"{\", \".join(names)}\")\n",
            2,
            11,
            "f-string: expecting '}'",
        );
        check(
            "words = []\nprint(f\"{'\\n'.join(words)}\")\n",
            2,
            28,
            "f-string expression part cannot include a backslash",
        );
    }

    #[test]
    fn fstring_expression_errors_stay_in_the_expression() {
        assert_eq!(syntax("s = f'{a b}'\n").0, 1);
        assert_eq!(syntax("s = f'''\n{a b}'''\n").0, 2);
        assert_eq!(syntax("s = f'''\n{\na b}'''\n").0, 3);
        assert_eq!(syntax("s = f'''{a}\n\n{b c}\n'''\n").0, 3);
        assert_eq!(syntax("s = ('abc'\n f'{a b}'\n\n\n 'x')\n").0, 2);
    }

    #[test]
    fn valid_programs_are_unaffected() {
        let src = "x = (1,\n  2)\ns = f'{x!r:>{10}}' f\"{'('}\" '['\nprint(s, {1: [2]})\n";
        assert!(compile(src, "t.py").is_ok());
    }
}
