//! Parsing with ruff's parser (Python 3.11 grammar) and mapping byte offsets
//! to CPython-style 1-based lines and columns.

use super::cpython_error::FirstError;
use super::FrontendError;
use ruff_python_ast::{Mod, ModModule, PythonVersion};
use ruff_python_parser::{parse_unchecked, Mode, ParseErrorType, ParseOptions};
use ruff_text_size::{Ranged, TextRange, TextSize};

/// Line starts of a source text, for offset → (line, column) conversion.
pub(crate) struct SourceMap<'a> {
    src: &'a str,
    /// Byte offset of the start of each line.
    starts: Vec<usize>,
}

impl<'a> SourceMap<'a> {
    pub(crate) fn new(src: &'a str) -> SourceMap<'a> {
        let mut starts = vec![0];
        let b = src.as_bytes();
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'\n' => starts.push(i + 1),
                b'\r' => {
                    if b.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    starts.push(i + 1);
                }
                _ => {}
            }
            i += 1;
        }
        SourceMap { src, starts }
    }

    /// 1-based line of a byte offset.
    pub(crate) fn line(&self, offset: usize) -> u32 {
        let idx = match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        u32::try_from(idx + 1).unwrap_or(u32::MAX)
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub(crate) fn line_col(&self, offset: usize) -> (u32, u32) {
        let offset = offset.min(self.src.len());
        let line = self.line(offset);
        let start = self.starts[(line as usize).saturating_sub(1).min(self.starts.len() - 1)];
        let col = self
            .src
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count());
        (line, u32::try_from(col + 1).unwrap_or(u32::MAX))
    }

    pub(crate) fn line_of(&self, range: TextRange) -> u32 {
        self.line(range.start().to_usize())
    }

    /// The source text of a range (empty if out of bounds).
    pub(crate) fn text(&self, range: TextRange) -> &'a str {
        self.src
            .get(range.start().to_usize()..range.end().to_usize())
            .unwrap_or("")
    }

    pub(crate) fn syntax(&self, at: TextSize, msg: impl Into<String>) -> FrontendError {
        let (line, col) = self.line_col(at.to_usize());
        FrontendError::Syntax {
            line,
            col,
            msg: msg.into(),
        }
    }

    pub(crate) fn unsupported(&self, at: TextSize, what: impl Into<String>) -> FrontendError {
        let (line, col) = self.line_col(at.to_usize());
        FrontendError::Unsupported {
            what: what.into(),
            line,
            col,
        }
    }
}

/// Parses a module as Python 3.11. The first error by position is the one
/// reported, as CPython 3.11 would report it (`cpython_error`).
pub(crate) fn parse(src: &str, map: &SourceMap<'_>) -> Result<ModModule, FrontendError> {
    let options = ParseOptions::from(Mode::Module).with_target_version(PythonVersion::PY311);
    let parsed = parse_unchecked(src, options);
    let mut first: Option<FirstError> = None;
    let mut consider = |e: FirstError| {
        if first
            .as_ref()
            .is_none_or(|f| e.range.start() < f.range.start())
        {
            first = Some(e);
        }
    };
    for e in parsed.errors() {
        consider(FirstError {
            range: e.location,
            msg: e.error.to_string(),
            unexpected_indent: matches!(e.error, ParseErrorType::UnexpectedIndentation),
        });
    }
    for e in parsed.unsupported_syntax_errors() {
        consider(FirstError {
            range: e.range(),
            msg: e.to_string(),
            unexpected_indent: false,
        });
    }
    if let Some(e) = first {
        // CPython may report another error, or this one elsewhere.
        return Err(super::cpython_error::choose(src, map, e));
    }
    match parsed.into_syntax() {
        Mod::Module(m) => Ok(m),
        Mod::Expression(e) => Err(map.syntax(e.range.start(), "expected a module")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters() {
        let m = SourceMap::new("ab\r\nxé = 1\ny");
        assert_eq!(m.line_col(0), (1, 1));
        assert_eq!(m.line_col(4), (2, 1));
        assert_eq!(m.line_col(7), (2, 3));
        assert_eq!(m.line_col(12), (3, 1));
    }

    #[test]
    fn newer_syntax_is_a_syntax_error() {
        let src = "type X = int\n";
        let err = parse(src, &SourceMap::new(src)).unwrap_err();
        assert!(
            matches!(
                err,
                FrontendError::Syntax {
                    line: 1,
                    col: 1,
                    ..
                }
            ),
            "{err:?}"
        );
    }
}
