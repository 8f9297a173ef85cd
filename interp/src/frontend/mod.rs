//! The front end: Python source → a tree of `CodeUnit`s (register bytecode).
//!
//! Pipeline: `prescan` bounds nesting before anything recursive runs, `parse`
//! runs ruff's parser targeting Python 3.11 (when it fails, `cpython_error`
//! picks the error CPython would report, from models of CPython 3.11's
//! tokenizer, `tokenize311`, its f-string splitting, `fstring311`, and its
//! parser's lookahead, `lookahead`), `scope` builds the symbol table and
//! rejects what CPython rejects at compile time (and what Strata refuses),
//! and `compile` emits the units.
//!
//! Invariants:
//! 1. `compile` never panics and never overflows the native stack: the
//!    prescan bounds bracket nesting, indentation and operator chains before
//!    the parser runs, the scope pass bounds AST depth before code generation
//!    recurses, and everything runs on a thread of our own with a stack large
//!    enough for those bounds.
//! 2. A program is either compiled with CPython's meaning or refused: syntax
//!    errors (ruff's and CPython's compile-time ones) come first, then
//!    constructs outside the subset (`FrontendError::Unsupported`).

mod compile;
mod cpython_error;
mod fstring311;
mod lookahead;
mod parse;
mod prescan;
mod scope;
mod tokenize311;

pub use runtime::bytecode::verify::verify;

pub(crate) use runtime::bytecode as bc;

use bc::CodeUnit;
use std::fmt;

/// Why a source file could not be compiled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FrontendError {
    /// Invalid Python 3.11 (or rejected by CPython at compile time).
    /// `line` and `col` are 1-based; `col` counts characters.
    Syntax { line: u32, col: u32, msg: String },
    /// Valid Python that Strata refuses to run; `what` names the construct.
    Unsupported { what: String, line: u32, col: u32 },
}

impl FrontendError {
    /// The 1-based source line the error points at.
    pub fn line(&self) -> u32 {
        match self {
            FrontendError::Syntax { line, .. } | FrontendError::Unsupported { line, .. } => *line,
        }
    }

    /// The 1-based column (in characters) the error points at.
    pub fn col(&self) -> u32 {
        match self {
            FrontendError::Syntax { col, .. } | FrontendError::Unsupported { col, .. } => *col,
        }
    }
}

impl fmt::Display for FrontendError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FrontendError::Syntax { msg, .. } => write!(f, "SyntaxError: {msg}"),
            FrontendError::Unsupported { what, .. } => write!(f, "unsupported: {what}"),
        }
    }
}

impl std::error::Error for FrontendError {}

/// Stack for the front-end thread. The prescan and the scope pass bound
/// recursion depth (about 3000 nested expressions); the deepest accepted
/// input (3000 nested lambdas) needs under 8 MiB when optimised, so this
/// leaves a wide margin for unoptimised builds. Only touched pages are
/// committed.
const FRONTEND_STACK: usize = 64 << 20;

/// Compiles a module's source into its code unit (kind `Module`, name `<module>`).
pub fn compile(source: &str, filename: &str) -> Result<CodeUnit, FrontendError> {
    std::thread::scope(|s| {
        let spawned = std::thread::Builder::new()
            .name("strata-frontend".into())
            .stack_size(FRONTEND_STACK)
            .spawn_scoped(s, || guarded(source, filename));
        match spawned {
            Ok(handle) => handle.join().unwrap_or_else(|_| Err(internal_error())),
            // No thread available: run here; the bounds still apply.
            Err(_) => guarded(source, filename),
        }
    })
}

/// Runs the pipeline, turning a panic (a front-end bug) into an error.
fn guarded(source: &str, filename: &str) -> Result<CodeUnit, FrontendError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        compile_here(source, filename)
    }))
    .unwrap_or_else(|_| Err(internal_error()))
}

fn internal_error() -> FrontendError {
    FrontendError::Syntax {
        line: 1,
        col: 1,
        msg: INTERNAL_ERROR.to_string(),
    }
}

/// The message reported if the front end itself panicked (a bug; the fuzz
/// test asserts it never appears).
pub const INTERNAL_ERROR: &str = "internal compiler error";

fn compile_here(source: &str, filename: &str) -> Result<CodeUnit, FrontendError> {
    let map = parse::SourceMap::new(source);
    if let Err((offset, msg)) = prescan::check(source) {
        let (line, col) = map.line_col(offset);
        return Err(FrontendError::Syntax {
            line,
            col,
            msg: msg.to_string(),
        });
    }
    let module = parse::parse(source, &map)?;
    let table = match scope::build(&module, &map) {
        Ok(table) => table,
        Err(err) => {
            // A tree that failed the depth check may be too deep to drop
            // recursively; leak it instead (only pathological inputs get here).
            if let FrontendError::Syntax { msg, .. } = &err {
                if msg == scope::TOO_DEEP {
                    std::mem::forget(module);
                }
            }
            return Err(err);
        }
    };
    compile::compile_module(&module, &table, &map, filename)
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod testvm;
