//! A linear scan of the raw source that bounds nesting before the parser runs.
//!
//! ruff's parser is recursive descent (it grows its stack on the heap), so
//! pathological input such as a megabyte of `(` or `-` costs memory in
//! proportion to its nesting. This scan rejects, in one pass and with
//! CPython's messages where CPython has one:
//!
//! 1. NUL bytes ("source code cannot contain null bytes");
//! 2. more than 200 nested brackets ("too many nested parentheses"), counting
//!    f-string replacement fields as brackets;
//! 3. 100 or more indentation levels ("too many levels of indentation");
//! 4. expression chains that would nest too deeply: per bracket level we count
//!    operator and keyword tokens (and bracket openings) since the last `,`,
//!    `;` or logical newline; the sum over the open brackets bounds the depth
//!    of any expression tree the parser can build. Its limit is above
//!    CPython's own (about 3000 levels, "maximum recursion depth exceeded
//!    during compilation"), which the scope pass enforces on the real tree.
//!
//! The scan only over-approximates; anything it lets through is parsed and
//! diagnosed properly.

/// CPython's `MAXLEVEL`.
pub(crate) const MAX_PARENS: usize = 200;
/// CPython's `MAXINDENT`.
pub(crate) const MAX_INDENT: usize = 100;
/// Bound on the operator-chain measure (see invariant 4).
pub(crate) const MAX_CHAIN: u32 = 10_000;

pub(crate) const TOO_MANY_PARENS: &str = "too many nested parentheses";
pub(crate) const TOO_MANY_INDENTS: &str = "too many levels of indentation";
pub(crate) const TOO_COMPLEX: &str = "too many nested expressions";

/// What the scanner is reading at the top of its mode stack.
#[derive(Clone, Copy)]
enum Mode {
    /// Ordinary code.
    Code,
    /// The literal text of an f-string.
    FStr { quote: u8, triple: bool, raw: bool },
    /// A replacement field's expression; `level` is the bracket depth just
    /// inside its `{`.
    FExpr { level: usize },
    /// A replacement field's format spec.
    FSpec {
        level: usize,
        quote: u8,
        triple: bool,
    },
}

struct Scan<'a> {
    b: &'a [u8],
    i: usize,
    modes: Vec<Mode>,
    /// Open brackets (the byte that opened each).
    brackets: Vec<u8>,
    /// Chain count per bracket level (`brackets.len() + 1` entries).
    chains: Vec<u32>,
    /// Pending `lambda` parameter lists per bracket level.
    lambdas: Vec<u32>,
    total: u32,
    indents: Vec<usize>,
}

type Fail = (usize, &'static str);

/// Checks the bounds above; on failure returns the byte offset and message.
pub(crate) fn check(src: &str) -> Result<(), Fail> {
    if let Some(pos) = src.bytes().position(|c| c == 0) {
        return Err((pos, "source code cannot contain null bytes"));
    }
    let mut s = Scan {
        b: src.as_bytes(),
        i: 0,
        modes: vec![Mode::Code],
        brackets: Vec::new(),
        chains: vec![0],
        lambdas: vec![0],
        total: 0,
        indents: Vec::new(),
    };
    s.run()
}

fn is_ident_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80
}

impl Scan<'_> {
    fn peek(&self, k: usize) -> u8 {
        self.b.get(self.i + k).copied().unwrap_or(0)
    }

    fn run(&mut self) -> Result<(), Fail> {
        self.line_start()?;
        while self.i < self.b.len() {
            match *self.modes.last().unwrap_or(&Mode::Code) {
                Mode::Code | Mode::FExpr { .. } => self.code()?,
                Mode::FStr { quote, triple, raw } => self.fstring_text(quote, triple, raw)?,
                Mode::FSpec {
                    level,
                    quote,
                    triple,
                } => self.fspec(level, quote, triple)?,
            }
        }
        Ok(())
    }

    /// At the start of a physical line outside brackets: measures indentation.
    fn line_start(&mut self) -> Result<(), Fail> {
        let mut col = 0usize;
        let start = self.i;
        while self.i < self.b.len() {
            match self.b[self.i] {
                b' ' => col += 1,
                b'\t' => col = (col / 8 + 1) * 8,
                b'\x0c' => col = 0,
                _ => break,
            }
            self.i += 1;
        }
        match self.peek(0) {
            // Blank lines, comment-only lines and EOF do not change indentation.
            b'\n' | b'\r' | b'#' | 0 => return Ok(()),
            _ => {}
        }
        let current = self.indents.last().copied().unwrap_or(0);
        if col > current {
            if self.indents.len() + 1 >= MAX_INDENT {
                return Err((start, TOO_MANY_INDENTS));
            }
            self.indents.push(col);
        } else {
            while self.indents.last().is_some_and(|&c| c > col) {
                self.indents.pop();
            }
        }
        Ok(())
    }

    fn count(&mut self) -> Result<(), Fail> {
        if let Some(last) = self.chains.last_mut() {
            *last += 1;
        }
        self.total += 1;
        if self.total > MAX_CHAIN {
            return Err((self.i, TOO_COMPLEX));
        }
        Ok(())
    }

    fn reset_chain(&mut self) {
        if let Some(last) = self.chains.last_mut() {
            self.total -= *last;
            *last = 0;
        }
    }

    fn open(&mut self, c: u8) -> Result<(), Fail> {
        if self.brackets.len() >= MAX_PARENS {
            return Err((self.i, TOO_MANY_PARENS));
        }
        self.count()?;
        self.brackets.push(c);
        self.chains.push(0);
        self.lambdas.push(0);
        Ok(())
    }

    fn close(&mut self) {
        if self.brackets.pop().is_some() {
            if let Some(last) = self.chains.pop() {
                self.total -= last;
            }
            self.lambdas.pop();
        }
    }

    /// One token of code (or an f-string field's expression).
    fn code(&mut self) -> Result<(), Fail> {
        let c = self.b[self.i];
        let field_level = match self.modes.last() {
            Some(Mode::FExpr { level }) => Some(*level),
            _ => None,
        };
        match c {
            b' ' | b'\t' | b'\x0c' => self.i += 1,
            b'\r' | b'\n' => {
                self.i += 1;
                if c == b'\r' && self.peek(0) == b'\n' {
                    self.i += 1;
                }
                if self.brackets.is_empty() && self.modes.len() == 1 {
                    self.reset_chain();
                    self.line_start()?;
                }
            }
            b'#' => {
                while self.i < self.b.len() && self.b[self.i] != b'\n' && self.b[self.i] != b'\r' {
                    self.i += 1;
                }
            }
            b'\\' => {
                // Line continuation (or a stray backslash): skip it and the newline.
                self.i += 1;
                if self.peek(0) == b'\r' {
                    self.i += 1;
                }
                if self.peek(0) == b'\n' {
                    self.i += 1;
                }
            }
            b'(' | b'[' | b'{' => {
                self.open(c)?;
                self.i += 1;
            }
            b')' | b']' | b'}' => {
                if c == b'}' && field_level == Some(self.brackets.len()) {
                    // End of an f-string replacement field.
                    self.close();
                    self.modes.pop();
                } else {
                    self.close();
                }
                self.i += 1;
            }
            b':' if field_level == Some(self.brackets.len()) && self.lambdas.last() == Some(&0) => {
                // Start of a format spec.
                let (quote, triple) = self.enclosing_fstring();
                if let Some(level) = field_level {
                    self.modes.pop();
                    self.modes.push(Mode::FSpec {
                        level,
                        quote,
                        triple,
                    });
                }
                self.i += 1;
            }
            b'!' if field_level == Some(self.brackets.len()) && self.peek(1) != b'=' => {
                // Conversion `!r`: skip the marker; the letter is an identifier.
                self.i += 1;
            }
            b',' | b';' | b':' => {
                if c == b':' {
                    if let Some(l) = self.lambdas.last_mut() {
                        if *l > 0 {
                            *l -= 1;
                            self.i += 1;
                            return Ok(());
                        }
                    }
                }
                if c != b',' || self.lambdas.last() == Some(&0) {
                    self.reset_chain();
                }
                self.i += 1;
            }
            b'\'' | b'"' => self.string(self.i, false, false)?,
            b'0'..=b'9' => self.number(),
            b'.' if self.peek(1).is_ascii_digit() => self.number(),
            _ if is_ident_byte(c) => self.word()?,
            _ => {
                // Operators: one count per operator character run.
                self.count()?;
                self.i += 1;
                while matches!(self.peek(0), b'=' | b'*' | b'/' | b'<' | b'>') {
                    self.i += 1;
                }
            }
        }
        Ok(())
    }

    /// The quote of the innermost f-string (for a format spec's end).
    fn enclosing_fstring(&self) -> (u8, bool) {
        for m in self.modes.iter().rev() {
            if let Mode::FStr { quote, triple, .. } = m {
                return (*quote, *triple);
            }
        }
        (b'"', false)
    }

    fn number(&mut self) {
        while self.i < self.b.len() {
            let c = self.b[self.i];
            if c.is_ascii_alphanumeric() || c == b'_' || c == b'.' {
                self.i += 1;
                if (c == b'e' || c == b'E') && matches!(self.peek(0), b'+' | b'-') {
                    self.i += 1;
                }
            } else {
                break;
            }
        }
    }

    /// An identifier or keyword, or a string prefix followed by a quote.
    fn word(&mut self) -> Result<(), Fail> {
        let start = self.i;
        while self.i < self.b.len() && is_ident_byte(self.b[self.i]) {
            self.i += 1;
        }
        let word = &self.b[start..self.i];
        if matches!(self.peek(0), b'\'' | b'"') && word.len() <= 2 {
            let lower: Vec<u8> = word.iter().map(|c| c.to_ascii_lowercase()).collect();
            let prefixes: [&[u8]; 12] = [
                b"r", b"u", b"b", b"f", b"t", b"br", b"rb", b"fr", b"rf", b"tr", b"rt", b"bu",
            ];
            if prefixes.contains(&lower.as_slice()) {
                let raw = lower.contains(&b'r');
                let interpolated = lower.contains(&b'f') || lower.contains(&b't');
                return self.string(self.i, raw, interpolated);
            }
        }
        match word {
            b"lambda" => {
                if let Some(l) = self.lambdas.last_mut() {
                    *l += 1;
                }
                self.count()?;
            }
            b"not" | b"and" | b"or" | b"if" | b"else" | b"await" | b"yield" | b"in" | b"is"
            | b"for" => self.count()?,
            _ => {}
        }
        Ok(())
    }

    /// A string starting with the quote at `q`.
    fn string(&mut self, q: usize, raw: bool, interpolated: bool) -> Result<(), Fail> {
        let quote = self.b[q];
        let triple = self.b.get(q + 1) == Some(&quote) && self.b.get(q + 2) == Some(&quote);
        self.i = q + if triple { 3 } else { 1 };
        if interpolated {
            self.modes.push(Mode::FStr { quote, triple, raw });
            return Ok(());
        }
        while self.i < self.b.len() {
            let c = self.b[self.i];
            if c == b'\\' {
                self.i += 2;
                continue;
            }
            if c == quote {
                if !triple {
                    self.i += 1;
                    return Ok(());
                }
                if self.peek(1) == quote && self.peek(2) == quote {
                    self.i += 3;
                    return Ok(());
                }
            }
            if !triple && (c == b'\n' || c == b'\r') {
                // Unterminated; the parser reports it.
                return Ok(());
            }
            self.i += 1;
        }
        self.i = self.i.min(self.b.len());
        Ok(())
    }

    /// Checks for the end of an f-string (its closing quote) at the cursor.
    fn at_fstring_end(&self, quote: u8, triple: bool) -> bool {
        self.peek(0) == quote && (!triple || (self.peek(1) == quote && self.peek(2) == quote))
    }

    fn fstring_text(&mut self, quote: u8, triple: bool, raw: bool) -> Result<(), Fail> {
        let c = self.b[self.i];
        if self.at_fstring_end(quote, triple) {
            self.i += if triple { 3 } else { 1 };
            self.modes.pop();
            return Ok(());
        }
        match c {
            b'\\' if !raw => self.i += 2,
            b'\\' => self.i += 1,
            b'\n' | b'\r' if !triple => {
                // Unterminated f-string: back to code; the parser reports it.
                self.modes.pop();
            }
            b'{' if self.peek(1) == b'{' => self.i += 2,
            b'}' if self.peek(1) == b'}' => self.i += 2,
            b'{' => {
                self.open(b'{')?;
                self.modes.push(Mode::FExpr {
                    level: self.brackets.len(),
                });
                self.i += 1;
            }
            _ => self.i += 1,
        }
        self.i = self.i.min(self.b.len());
        Ok(())
    }

    fn fspec(&mut self, level: usize, quote: u8, triple: bool) -> Result<(), Fail> {
        let c = self.b[self.i];
        if self.at_fstring_end(quote, triple) {
            // Malformed: the string ends inside a spec. Unwind to the f-string.
            while self.brackets.len() >= level && !self.brackets.is_empty() {
                self.close();
            }
            self.modes.pop();
            return Ok(());
        }
        match c {
            b'{' => {
                self.open(b'{')?;
                self.modes.push(Mode::FExpr {
                    level: self.brackets.len(),
                });
                self.i += 1;
            }
            b'}' => {
                self.close();
                self.modes.pop();
                self.i += 1;
            }
            b'\\' => self.i = (self.i + 2).min(self.b.len()),
            _ => self.i += 1,
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parens_limit_matches_cpython() {
        let ok = format!("{}1{}\n", "(".repeat(200), ")".repeat(200));
        assert!(check(&ok).is_ok());
        let bad = format!("{}1{}\n", "(".repeat(201), ")".repeat(201));
        assert_eq!(check(&bad).unwrap_err(), (200, TOO_MANY_PARENS));
    }

    #[test]
    fn indent_limit_matches_cpython() {
        let nest = |n: usize| {
            let mut s = String::new();
            for i in 0..n {
                s.push_str(&" ".repeat(i));
                s.push_str("if 1:\n");
            }
            s.push_str(&" ".repeat(n));
            s.push_str("pass\n");
            s
        };
        assert!(check(&nest(99)).is_ok());
        assert_eq!(check(&nest(100)).unwrap_err().1, TOO_MANY_INDENTS);
    }

    #[test]
    fn chains_are_bounded_but_commas_reset() {
        assert_eq!(
            check(&format!("{}1\n", "-".repeat(100_000))).unwrap_err().1,
            TOO_COMPLEX
        );
        assert_eq!(
            check(&format!("{}1\n", "1+".repeat(100_000)))
                .unwrap_err()
                .1,
            TOO_COMPLEX
        );
        assert_eq!(
            check(&format!("{}1\n", "lambda x,:".repeat(100_000)))
                .unwrap_err()
                .1,
            TOO_COMPLEX
        );
        let table = format!("x = [{}]\n", "-1, ".repeat(100_000));
        assert!(check(&table).is_ok());
        let lines = "x = -1 - -2\n".repeat(10_000);
        assert!(check(&lines).is_ok());
    }

    #[test]
    fn strings_and_fstrings() {
        assert!(check("x = '((((('\ny = \"\"\"(\n(\"\"\"\n").is_ok());
        assert!(check("x = f'{a:{b}}' + f\"{{\" + rf'\\{x}'\n").is_ok());
        let deep = format!("{}1{}\n", "f'{".repeat(300), "}'".repeat(300));
        assert_eq!(check(&deep).unwrap_err().1, TOO_MANY_PARENS);
        assert_eq!(check("x = 1\0").unwrap_err().0, 5);
    }
}
