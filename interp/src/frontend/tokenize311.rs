//! A model of CPython 3.11's tokenizer, consulted only after the parser has
//! failed, to choose the error CPython would report (see `cpython_error`).
//!
//! It reproduces what that choice depends on:
//! 1. token boundaries as 3.11 draws them: an f-string is one STRING token,
//!    scanned like any other string (no nesting of quotes or brackets), and a
//!    NEWLINE token ends every non-blank logical line;
//! 2. the bracket stack, and the tokenizer errors CPython raises with a message
//!    of their own: unmatched and mismatched closing brackets, unterminated
//!    strings, non-printable characters, too many nested brackets;
//! 3. the end of the source inside brackets (`Outcome::Unclosed`).
//!
//! Errors CPython's tokenizer signals without a message (an inconsistent
//! dedent, a character after a line-continuation backslash), which end its
//! scan without replacing the parser's error, and anything this model does not
//! reproduce exactly (malformed numbers, unusual non-ASCII characters) end the
//! scan with `Outcome::Stopped`, which replaces nothing.

use super::parse::SourceMap;

/// CPython's `MAXLEVEL`.
const MAX_LEVEL: usize = 200;
/// CPython's `MAXINDENT`.
const MAX_INDENT: usize = 100;
const TAB_SIZE: usize = 8;

/// A STRING token's shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Str {
    /// Byte range of the text between the quotes.
    pub(crate) body: (usize, usize),
    pub(crate) f: bool,
    pub(crate) raw: bool,
    pub(crate) bytes: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Str(Str),
    Newline,
    Other,
}

/// A token: its byte range (a string's includes its prefix) and kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Tok {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) kind: Kind,
}

/// How the scan of the whole source ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// The end of the source, outside brackets.
    Clean,
    /// A tokenizer error with CPython's message, at a byte offset.
    Error { at: usize, msg: String },
    /// The end of the source inside brackets: the innermost open bracket.
    Unclosed { at: usize, open: u8 },
    /// An error token CPython raises no message for, or one not modelled.
    Stopped,
}

/// The tokens read (up to where the scan ended) and how it ended.
pub(crate) struct Tokens {
    pub(crate) toks: Vec<Tok>,
    pub(crate) outcome: Outcome,
}

/// Tokenizes `src` as CPython 3.11 would, up to its first error.
pub(crate) fn tokenize(src: &str, map: &SourceMap<'_>) -> Tokens {
    let mut lx = Lexer {
        src,
        b: src.as_bytes(),
        i: 0,
        map,
        toks: Vec::new(),
        parens: Vec::new(),
        indents: Vec::new(),
        line_has_token: false,
    };
    let outcome = lx.run();
    Tokens {
        toks: lx.toks,
        outcome,
    }
}

struct Lexer<'a> {
    src: &'a str,
    b: &'a [u8],
    i: usize,
    map: &'a SourceMap<'a>,
    toks: Vec<Tok>,
    /// Open brackets: the byte and its offset.
    parens: Vec<(u8, usize)>,
    /// Indentation stack: (column with tabs to 8, column with tabs to 1).
    indents: Vec<(usize, usize)>,
    /// Whether the current logical line has a token (so ends with NEWLINE).
    line_has_token: bool,
}

fn closes(open: u8, close: u8) -> bool {
    matches!((open, close), (b'(', b')') | (b'[', b']') | (b'{', b'}'))
}

impl Lexer<'_> {
    fn peek(&self, k: usize) -> u8 {
        self.b.get(self.i + k).copied().unwrap_or(0)
    }

    fn push(&mut self, start: usize, end: usize, kind: Kind) {
        self.toks.push(Tok { start, end, kind });
        self.line_has_token = !matches!(kind, Kind::Newline);
    }

    /// Ends the scan at `at` with an error token that replaces nothing; a
    /// stand-in token marks where the parser would have stopped reading.
    fn stop(&mut self, at: usize) -> Outcome {
        self.push(at, at, Kind::Other);
        Outcome::Stopped
    }

    fn run(&mut self) -> Outcome {
        if let Some(out) = self.line_start() {
            return out;
        }
        while self.i < self.b.len() {
            let c = self.b[self.i];
            let out = match c {
                b' ' | b'\t' | b'\x0c' => {
                    self.i += 1;
                    None
                }
                b'#' => {
                    while self.i < self.b.len() && !matches!(self.b[self.i], b'\n' | b'\r') {
                        self.i += 1;
                    }
                    None
                }
                b'\n' | b'\r' => self.newline(),
                b'\\' => self.continuation(),
                b'\'' | b'"' => self.string(self.i, self.i, "").err(),
                b'0'..=b'9' => self.number(),
                b'.' if self.peek(1).is_ascii_digit() => self.number(),
                b'(' | b'[' | b'{' => self.open(c),
                b')' | b']' | b'}' => self.close(c),
                _ if c.is_ascii_alphabetic() || c == b'_' || c >= 0x80 => self.word(),
                _ if c < 0x20 || c == 0x7f => Some(Outcome::Error {
                    at: self.i,
                    msg: format!("invalid non-printable character U+{c:04X}"),
                }),
                _ => {
                    // An operator (one token per character is enough here).
                    self.push(self.i, self.i + 1, Kind::Other);
                    self.i += 1;
                    None
                }
            };
            if let Some(out) = out {
                return out;
            }
        }
        if let Some(&(open, at)) = self.parens.last() {
            return Outcome::Unclosed { at, open };
        }
        if self.line_has_token {
            // The implicit NEWLINE of a last line without one.
            let end = self.b.len();
            self.push(end, end, Kind::Newline);
        }
        Outcome::Clean
    }

    fn newline(&mut self) -> Option<Outcome> {
        let at = self.i;
        self.i += 1;
        if self.b[at] == b'\r' && self.peek(0) == b'\n' {
            self.i += 1;
        }
        if !self.parens.is_empty() {
            return None;
        }
        if self.line_has_token {
            self.push(at, self.i, Kind::Newline);
        }
        self.line_start()
    }

    /// A backslash outside a string: only a line continuation is valid.
    fn continuation(&mut self) -> Option<Outcome> {
        match self.peek(1) {
            b'\n' => self.i += 2,
            b'\r' => {
                self.i += 2;
                if self.peek(0) == b'\n' {
                    self.i += 1;
                }
            }
            _ => return Some(self.stop(self.i)),
        }
        if self.i >= self.b.len() {
            // "unexpected EOF while parsing", raised without a message here.
            return Some(self.stop(self.i));
        }
        None
    }

    /// The indentation of a new line outside brackets (CPython's `tok_get`
    /// at the beginning of a line). Blank and comment-only lines are skipped.
    fn line_start(&mut self) -> Option<Outcome> {
        let (mut col, mut alt) = (0usize, 0usize);
        while self.i < self.b.len() {
            match self.b[self.i] {
                b' ' => {
                    col += 1;
                    alt += 1;
                }
                b'\t' => {
                    col = (col / TAB_SIZE + 1) * TAB_SIZE;
                    alt += 1;
                }
                b'\x0c' => {
                    col = 0;
                    alt = 0;
                }
                _ => break,
            }
            self.i += 1;
        }
        if matches!(self.peek(0), b'#' | b'\n' | b'\r') || self.i >= self.b.len() {
            return None;
        }
        let (top, alt_top) = self.indents.last().copied().unwrap_or((0, 0));
        let consistent = if col == top {
            alt == alt_top
        } else if col > top {
            if self.indents.len() + 1 >= MAX_INDENT || alt <= alt_top {
                false
            } else {
                self.indents.push((col, alt));
                true
            }
        } else {
            while self.indents.last().is_some_and(|&(c, _)| col < c) {
                self.indents.pop();
            }
            self.indents.last().copied().unwrap_or((0, 0)) == (col, alt)
        };
        if consistent {
            None
        } else {
            Some(self.stop(self.i))
        }
    }

    fn open(&mut self, c: u8) -> Option<Outcome> {
        if self.parens.len() >= MAX_LEVEL {
            return Some(Outcome::Error {
                at: self.i,
                msg: "too many nested parentheses".into(),
            });
        }
        self.parens.push((c, self.i));
        self.push(self.i, self.i + 1, Kind::Other);
        self.i += 1;
        None
    }

    fn close(&mut self, c: u8) -> Option<Outcome> {
        let at = self.i;
        let Some((open, open_at)) = self.parens.pop() else {
            return Some(Outcome::Error {
                at,
                msg: format!("unmatched '{}'", c as char),
            });
        };
        if !closes(open, c) {
            let (open_line, line) = (self.map.line(open_at), self.map.line(at));
            let mut msg = format!(
                "closing parenthesis '{}' does not match opening parenthesis '{}'",
                c as char, open as char
            );
            if open_line != line {
                msg.push_str(&format!(" on line {open_line}"));
            }
            return Some(Outcome::Error { at, msg });
        }
        self.push(at, at + 1, Kind::Other);
        self.i += 1;
        None
    }

    /// A name, or a string prefix followed by its string.
    fn word(&mut self) -> Option<Outcome> {
        let start = self.i;
        while self.i < self.b.len() {
            let c = self.b[self.i];
            if c.is_ascii_alphanumeric() || c == b'_' {
                self.i += 1;
            } else if c >= 0x80 {
                // Approximates XID_Continue; anything else CPython rejects
                // ("invalid character") or this model is unsure of.
                let ch = self.src[self.i..].chars().next().unwrap_or('\0');
                if !ch.is_alphanumeric() {
                    return Some(self.stop(self.i));
                }
                self.i += ch.len_utf8();
            } else {
                break;
            }
        }
        let word = &self.src[start..self.i];
        if matches!(self.peek(0), b'\'' | b'"') {
            let lower = word.to_ascii_lowercase();
            if matches!(
                lower.as_str(),
                "r" | "u" | "b" | "br" | "rb" | "f" | "fr" | "rf"
            ) {
                return self.string(start, self.i, &lower).err();
            }
        }
        self.push(start, self.i, Kind::Other);
        None
    }

    /// A number: the loose extent CPython's tokenizer would consume, which
    /// must then be a well-formed literal (otherwise the scan stops).
    fn number(&mut self) -> Option<Outcome> {
        let start = self.i;
        while self.i < self.b.len() {
            let c = self.b[self.i];
            if c.is_ascii_alphanumeric() || c == b'_' || c == b'.' {
                self.i += 1;
                if matches!(c, b'e' | b'E')
                    && matches!(self.peek(0), b'+' | b'-')
                    && self.peek(1).is_ascii_digit()
                {
                    self.i += 1;
                }
            } else {
                break;
            }
        }
        if !valid_number(&self.src[start..self.i]) {
            return Some(self.stop(start));
        }
        self.push(start, self.i, Kind::Other);
        None
    }

    /// A string whose token starts at `start` (its prefix) and whose opening
    /// quote is at `q`. On an unterminated string returns the error outcome.
    fn string(&mut self, start: usize, q: usize, prefix: &str) -> Result<(), Outcome> {
        let quote = self.b[q];
        let triple = self.b.get(q + 1) == Some(&quote) && self.b.get(q + 2) == Some(&quote);
        let body_start = q + if triple { 3 } else { 1 };
        let mut i = body_start;
        let len = self.b.len();
        let unterminated = |detected: u32| Outcome::Error {
            at: start,
            msg: if triple {
                format!("unterminated triple-quoted string literal (detected at line {detected})")
            } else {
                format!("unterminated string literal (detected at line {detected})")
            },
        };
        let (body_end, end) = loop {
            if i >= len {
                return Err(unterminated(self.map.line(len.saturating_sub(1))));
            }
            let c = self.b[i];
            if c == quote {
                if !triple {
                    break (i, i + 1);
                }
                if self.b.get(i + 1) == Some(&quote) && self.b.get(i + 2) == Some(&quote) {
                    break (i, i + 3);
                }
            } else if !triple && matches!(c, b'\n' | b'\r') {
                return Err(unterminated(self.map.line(i)));
            } else if c == b'\\' {
                i += 1;
                if self.b.get(i) == Some(&b'\r') && self.b.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
            }
            i += 1;
        };
        let kind = Kind::Str(Str {
            body: (body_start, body_end),
            f: prefix.contains('f'),
            raw: prefix.contains('r'),
            bytes: prefix.contains('b'),
        });
        self.push(start, end, kind);
        self.i = end;
        Ok(())
    }
}

/// Whether `s` is a number literal CPython 3.11 accepts (underscores only
/// between digits; no leading zeros in a non-zero decimal integer).
fn valid_number(s: &str) -> bool {
    fn digits(s: &str, ok: impl Fn(char) -> bool, allow_leading_underscore: bool) -> bool {
        !s.is_empty()
            && !s.ends_with('_')
            && !s.contains("__")
            && (allow_leading_underscore || !s.starts_with('_'))
            && s.chars().all(|c| c == '_' || ok(c))
    }
    let lower = s.to_ascii_lowercase();
    if let Some(rest) = lower.strip_prefix("0x") {
        return digits(rest, |c| c.is_ascii_hexdigit(), true);
    }
    if let Some(rest) = lower.strip_prefix("0o") {
        return digits(rest, |c| matches!(c, '0'..='7'), true);
    }
    if let Some(rest) = lower.strip_prefix("0b") {
        return digits(rest, |c| matches!(c, '0' | '1'), true);
    }
    let dec = |s: &str| digits(s, |c| c.is_ascii_digit(), false);
    let body = lower.strip_suffix('j').unwrap_or(&lower);
    let (mantissa, exponent) = match body.split_once('e') {
        Some((m, e)) => (m, Some(e)),
        None => (body, None),
    };
    if let Some(e) = exponent {
        let e = e.strip_prefix(['+', '-']).unwrap_or(e);
        if !dec(e) {
            return false;
        }
    }
    let (int, frac) = match mantissa.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (mantissa, None),
    };
    let int_ok = int.is_empty() || dec(int);
    let frac_ok = frac.is_none_or(|f| f.is_empty() || dec(f));
    let some_digit = !int.is_empty() || frac.is_some_and(|f| !f.is_empty());
    if !(int_ok && frac_ok && some_digit) {
        return false;
    }
    let plain_int = frac.is_none() && exponent.is_none() && body.len() == lower.len();
    let leading_zero =
        int.len() > 1 && int.starts_with('0') && int.chars().any(|c| matches!(c, '1'..='9'));
    !(plain_int && leading_zero)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outcome(src: &str) -> Outcome {
        tokenize(src, &SourceMap::new(src)).outcome
    }

    fn err(src: &str) -> (usize, String) {
        match outcome(src) {
            Outcome::Error { at, msg } => (at, msg),
            other => panic!("{src:?}: {other:?}"),
        }
    }

    #[test]
    fn brackets() {
        assert_eq!(outcome("f(a, [b], {c: (d)})\n"), Outcome::Clean);
        assert_eq!(
            outcome("x = (\n[1,\n"),
            Outcome::Unclosed { at: 6, open: b'[' }
        );
        assert_eq!(err("x = 1)\n"), (5, "unmatched ')'".into()));
        assert_eq!(
            err("x = [1, 2)\n").1,
            "closing parenthesis ')' does not match opening parenthesis '['"
        );
        assert_eq!(
            err("x = {1: (2,\n 3}\n").1,
            "closing parenthesis '}' does not match opening parenthesis '(' on line 1"
        );
    }

    #[test]
    fn strings_hide_brackets_as_in_3_11() {
        // f-strings are plain strings in 3.11: no brackets inside them count.
        let src = "y = '(' + \"[\" + '''\n{''' + f'{(}' + rb'\\'(' + u\"\\\"\"\n";
        assert_eq!(outcome(src), Outcome::Clean);
        // `ur` and `t` are no prefixes in 3.11: a name, then the string.
        assert_eq!(outcome("x = t'{' + ur'('\n"), Outcome::Clean);
        // A 3.11 f-string ends at its own quote, so this closes nothing.
        assert_eq!(err("f'{')'}'\n"), (4, "unmatched ')'".into()));
        // Comments hide brackets too.
        assert_eq!(outcome("x = (  # (\n 1)\n"), Outcome::Clean);
    }

    #[test]
    fn unterminated_strings() {
        assert_eq!(
            err("x = 1\ns = f'abc\n"),
            (
                10,
                "unterminated string literal (detected at line 2)".into()
            )
        );
        assert_eq!(
            err("s = 'a\\\nb\n").1,
            "unterminated string literal (detected at line 2)"
        );
        assert_eq!(
            err("s = '''abc\n\n\n").1,
            "unterminated triple-quoted string literal (detected at line 3)"
        );
        assert_eq!(
            err("s = '''abc\nfoo").1,
            "unterminated triple-quoted string literal (detected at line 2)"
        );
    }

    #[test]
    fn silent_errors_stop_the_scan() {
        assert_eq!(outcome("if x:\n    y\n  z\n)\n"), Outcome::Stopped);
        assert_eq!(outcome("y = 1 \\ 2\n)\n"), Outcome::Stopped);
        assert_eq!(outcome("y = 1abc\n)\n"), Outcome::Stopped);
        assert_eq!(outcome("y = 012\n)\n"), Outcome::Stopped);
        assert_eq!(outcome("y = €\n)\n"), Outcome::Stopped);
        // Operators CPython does not know are still tokens.
        assert_eq!(err("$ ? ` !)\n").1, "unmatched ')'");
        assert_eq!(
            err("y = \x01\n").1,
            "invalid non-printable character U+0001"
        );
    }

    #[test]
    fn numbers() {
        for ok in [
            "0",
            "00",
            "1_000",
            "1.",
            ".5",
            "1e5",
            "1E-3",
            "1_0.5_0e+1_0j",
            "0x_fF",
            "0o17",
            "0b1",
            "012.5",
            "012e1",
            "09j",
        ] {
            assert!(valid_number(ok), "{ok}");
        }
        for bad in ["012", "1__0", "1_", "1e", "0x", "0o8", "1if", "1.real"] {
            assert!(!valid_number(bad), "{bad}");
        }
    }

    #[test]
    fn newline_tokens() {
        let src = "a = 1\n\n# c\nb = (1,\n2)";
        let toks = tokenize(src, &SourceMap::new(src)).toks;
        let newlines: Vec<usize> = toks
            .iter()
            .filter(|t| t.kind == Kind::Newline)
            .map(|t| t.start)
            .collect();
        assert_eq!(newlines, vec![5, src.len()]);
    }
}
