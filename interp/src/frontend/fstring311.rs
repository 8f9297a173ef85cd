//! CPython 3.11's processing of a run of adjacent string tokens containing an
//! f-string (Parser/string_parser.c), to classify an error ruff found inside
//! it by where CPython would report it.
//!
//! In 3.11 an f-string is a single STRING token. When the parser has read a
//! run of adjacent strings (and the token after them), it splits each
//! f-string into literal parts and replacement fields, in order:
//! 1. errors found while scanning the text (`#` or `\` in an expression,
//!    unmatched brackets or quotes, a bad conversion character, an empty
//!    expression, a single `}`, nesting too deep, a malformed `\N` escape,
//!    mixing bytes and str) are raised against the last token read — the one
//!    after the run (`Verdict::Outer`, with CPython's message);
//! 2. each field's expression is parsed on its own, as soon as its text has
//!    been scanned; a failure there is reported at its true place in the
//!    expression (`Verdict::Expr`). ruff, parsing `(expression)` alone,
//!    stands in for CPython's sub-parser.

use super::tokenize311::Str;
use ruff_python_ast::PythonVersion;
use ruff_python_parser::{parse_unchecked, Mode, ParseOptions};
use ruff_text_size::Ranged;

/// CPython's `MAXLEVEL` for brackets inside a replacement field.
const MAX_LEVEL: usize = 200;

#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// Raised while scanning the string text: CPython's message.
    Outer(String),
    /// A field's expression does not parse: the byte range of the
    /// expression, and the offset and message of the error in it.
    Expr {
        range: (usize, usize),
        at: usize,
        msg: String,
    },
    /// The run has no error CPython would find while splitting it.
    Clean,
}

/// Processes the strings of one run, in order, as CPython 3.11 does.
pub(crate) fn check_run(src: &str, run: &[Str]) -> Verdict {
    let mut bytes_mode = None;
    for s in run {
        if bytes_mode.is_some_and(|b| b != s.bytes) {
            return outer("cannot mix bytes and nonbytes literals");
        }
        bytes_mode = Some(s.bytes);
        if s.f {
            let scan = Scan {
                src,
                b: src.as_bytes(),
                end: s.body.1,
                raw: s.raw,
            };
            let mut pos = s.body.0;
            if let Err(v) = scan.fields(&mut pos, 0) {
                return v;
            }
        }
    }
    Verdict::Clean
}

fn outer(msg: impl Into<String>) -> Verdict {
    Verdict::Outer(msg.into())
}

type Step<T = ()> = Result<T, Verdict>;

struct Scan<'a> {
    src: &'a str,
    b: &'a [u8],
    /// End of the f-string's text (its closing quote).
    end: usize,
    raw: bool,
}

fn is_py_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

impl Scan<'_> {
    fn at(&self, i: usize) -> u8 {
        if i < self.end {
            self.b[i]
        } else {
            0
        }
    }

    /// `_PyPegen_FstringParser_ConcatFstring`: literals and fields up to the
    /// end of the string (level 0) or of a format spec (level 1, at its `}`).
    fn fields(&self, s: &mut usize, level: u32) -> Step {
        loop {
            if self.literal(s, level)? {
                continue;
            }
            if *s >= self.end || self.b[*s] == b'}' {
                break;
            }
            self.field(s, level)?;
        }
        if level != 0 && self.at(*s) != b'}' {
            return Err(outer("f-string: expecting '}'"));
        }
        Ok(())
    }

    /// `fstring_find_literal`: returns true after a doubled brace (the
    /// caller continues with the next literal).
    fn literal(&self, s: &mut usize, level: u32) -> Step<bool> {
        let mut i = *s;
        while i < self.end {
            let mut ch = self.b[i];
            i += 1;
            if !self.raw && ch == b'\\' && i < self.end {
                ch = self.b[i];
                i += 1;
                if ch == b'N' {
                    let brace = self.at(i) == b'{';
                    i = (i + 1).min(self.end);
                    if brace {
                        while i < self.end {
                            i += 1;
                            if self.b[i - 1] == b'}' {
                                break;
                            }
                        }
                        continue;
                    }
                    // CPython then fails to decode the literal.
                    return Err(outer(
                        "(unicode error) 'unicodeescape' codec can't decode bytes: \
                         malformed \\N character escape",
                    ));
                }
            }
            if ch == b'{' || ch == b'}' {
                if level == 0 {
                    if self.at(i) == ch {
                        *s = i + 1;
                        return Ok(true);
                    }
                    if ch == b'}' {
                        return Err(outer("f-string: single '}' is not allowed"));
                    }
                }
                i -= 1;
                break;
            }
        }
        *s = i;
        Ok(false)
    }

    /// `fstring_find_expr`: one replacement field, starting at its `{`.
    fn field(&self, s: &mut usize, level: u32) -> Step {
        if level >= 2 {
            return Err(outer("f-string: expressions nested too deeply"));
        }
        *s += 1;
        let start = *s;
        let mut quote = 0u8;
        let mut triple = false;
        let mut stack: Vec<u8> = Vec::new();
        while *s < self.end {
            let ch = self.b[*s];
            if ch == b'\\' {
                return Err(outer("f-string expression part cannot include a backslash"));
            }
            let triple_here = self.at(*s + 1) == ch && self.at(*s + 2) == ch && *s + 2 < self.end;
            if quote != 0 {
                if ch == quote {
                    if !triple {
                        quote = 0;
                    } else if triple_here {
                        *s += 2;
                        quote = 0;
                    }
                }
            } else if ch == b'\'' || ch == b'"' {
                triple = triple_here;
                if triple {
                    *s += 2;
                }
                quote = ch;
            } else if matches!(ch, b'(' | b'[' | b'{') {
                if stack.len() >= MAX_LEVEL {
                    return Err(outer("f-string: too many nested parenthesis"));
                }
                stack.push(ch);
            } else if ch == b'#' {
                return Err(outer("f-string expression part cannot include '#'"));
            } else if stack.is_empty() && matches!(ch, b'!' | b':' | b'}' | b'=' | b'>' | b'<') {
                if *s + 1 < self.end {
                    let next = self.b[*s + 1];
                    if next == b'=' && matches!(ch, b'!' | b'=' | b'<' | b'>') {
                        *s += 2;
                        continue;
                    }
                    if ch == b'<' || ch == b'>' {
                        *s += 1;
                        continue;
                    }
                }
                break;
            } else if matches!(ch, b')' | b']' | b'}') {
                let Some(open) = stack.pop() else {
                    return Err(outer(format!("f-string: unmatched '{}'", ch as char)));
                };
                if !matches!((open, ch), (b'(', b')') | (b'[', b']') | (b'{', b'}')) {
                    return Err(outer(format!(
                        "f-string: closing parenthesis '{}' does not match opening parenthesis '{}'",
                        ch as char, open as char
                    )));
                }
            }
            *s += 1;
        }
        let expr_end = *s;
        if quote != 0 {
            return Err(outer("f-string: unterminated string"));
        }
        if let Some(&open) = stack.last() {
            return Err(outer(format!("f-string: unmatched '{}'", open as char)));
        }
        if *s >= self.end {
            return Err(outer("f-string: expecting '}'"));
        }
        if self.b[start..expr_end]
            .iter()
            .all(|&c| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c'))
        {
            return Err(outer("f-string: empty expression not allowed"));
        }
        self.expression(start, expr_end)?;
        if self.at(*s) == b'=' {
            *s += 1;
            while *s < self.end && is_py_space(self.b[*s]) {
                *s += 1;
            }
        }
        if self.at(*s) == b'!' {
            *s += 1;
            if *s >= self.end {
                return Err(outer("f-string: expecting '}'"));
            }
            let conversion = self.b[*s];
            *s += 1;
            if !matches!(conversion, b's' | b'r' | b'a') {
                return Err(outer(
                    "f-string: invalid conversion character: expected 's', 'r', or 'a'",
                ));
            }
        }
        if *s >= self.end {
            return Err(outer("f-string: expecting '}'"));
        }
        if self.b[*s] == b':' {
            *s += 1;
            if *s >= self.end {
                return Err(outer("f-string: expecting '}'"));
            }
            self.fields(s, level + 1)?;
        }
        if self.at(*s) != b'}' {
            return Err(outer("f-string: expecting '}'"));
        }
        *s += 1;
        Ok(())
    }

    /// Parses a field's expression as CPython does, wrapped in parentheses.
    fn expression(&self, start: usize, end: usize) -> Step {
        let Some(text) = self.src.get(start..end) else {
            return Ok(());
        };
        let wrapped = format!("({text})");
        let options =
            ParseOptions::from(Mode::Expression).with_target_version(PythonVersion::PY311);
        let parsed = parse_unchecked(&wrapped, options);
        let first = parsed
            .errors()
            .iter()
            .map(|e| (e.location.start().to_usize(), e.error.to_string()))
            .chain(
                parsed
                    .unsupported_syntax_errors()
                    .iter()
                    .map(|e| (e.range().start().to_usize(), e.to_string())),
            )
            .min_by_key(|(at, _)| *at);
        match first {
            None => Ok(()),
            Some((at, msg)) => Err(Verdict::Expr {
                range: (start, end),
                at: start + at.saturating_sub(1).min(end - start),
                msg: format!("f-string: {msg}"),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The verdict for a source holding one f-string token `f'...'` or
    /// `f'''...'''` (prefix `f`, optionally `r`), starting at offset 0.
    fn verdict(src: &str) -> Verdict {
        let raw = src.starts_with("rf") || src.starts_with("fr");
        let prefix = if raw { 2 } else { 1 };
        let q = if src[prefix..].starts_with("'''") {
            3
        } else {
            1
        };
        let s = Str {
            body: (prefix + q, src.len() - q),
            f: true,
            raw,
            bytes: false,
        };
        check_run(src, &[s])
    }

    fn outer_msg(src: &str) -> String {
        match verdict(src) {
            Verdict::Outer(m) => m,
            other => panic!("{src}: {other:?}"),
        }
    }

    #[test]
    fn valid_fstrings_are_clean() {
        for src in [
            "f'{x}'",
            "f'{x!r:>{width}} {{}} {y=} {a[\"k\"]} {b != c} {d:%H:%M}'",
            "f'''{x\n+ 1}'''",
            "f'{x:{y}}'",
            "f'\\N{BULLET} {x}'",
            "rf'\\{x}'",
        ] {
            assert_eq!(verdict(src), Verdict::Clean, "{src}");
        }
    }

    #[test]
    fn scanning_errors_use_cpython_messages() {
        let cases = [
            (
                "f'''{x  # c\n}'''",
                "f-string expression part cannot include '#'",
            ),
            (
                "f'{a!}'",
                "f-string: invalid conversion character: expected 's', 'r', or 'a'",
            ),
            ("f'{}'", "f-string: empty expression not allowed"),
            ("f'{a'", "f-string: expecting '}'"),
            ("f'a}'", "f-string: single '}' is not allowed"),
            ("f'{)}'", "f-string: unmatched ')'"),
            (
                "f'{(}'",
                "f-string: closing parenthesis '}' does not match opening parenthesis '('",
            ),
            ("f'{\"a}'", "f-string: unterminated string"),
            ("f'{x:{y:{z}}}'", "f-string: expressions nested too deeply"),
            (
                "f'{a[}'",
                "f-string: closing parenthesis '}' does not match opening parenthesis '['",
            ),
        ];
        for (src, msg) in cases {
            assert_eq!(outer_msg(src), msg, "{src}");
        }
    }

    #[test]
    fn expression_errors_are_located_in_the_expression() {
        let src = "f'''{a}\n{b c}'''";
        match verdict(src) {
            Verdict::Expr { range, at, .. } => {
                assert_eq!(range, (9, 12));
                assert!((9..=12).contains(&at), "{at}");
            }
            other => panic!("{other:?}"),
        }
        // The first field's expression error comes before a later scan error.
        assert!(matches!(verdict("f'{a b}{c!}'"), Verdict::Expr { .. }));
    }

    #[test]
    fn bytes_and_str_do_not_mix() {
        let src = "f'{x}' b'y'";
        let run = [
            Str {
                body: (2, 5),
                f: true,
                raw: false,
                bytes: false,
            },
            Str {
                body: (9, 10),
                f: false,
                raw: false,
                bytes: true,
            },
        ];
        assert_eq!(
            check_run(src, &run),
            Verdict::Outer("cannot mix bytes and nonbytes literals".into())
        );
    }
}
