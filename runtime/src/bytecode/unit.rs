//! `CodeUnit`: the front end's output, plain data with no heap values.
//!
//! The front end (in `interp`) compiles a module into a tree of code units;
//! the loader (`crate::code`) turns each into a heap `Code` object, interning
//! names and materialising constants. Keeping this form free of heap values
//! means it can be built, dumped and tested without a running VM.

use super::opcodes::Insn;

/// A constant in a code unit's constant table.
#[derive(Clone, Debug, PartialEq)]
pub enum Const {
    None,
    Bool(bool),
    Int(i64),
    BigInt(num_bigint::BigInt),
    Float(f64),
    Str(String),
    Ellipsis,
    Tuple(Vec<Const>),
    /// A frozenset of constants, built as CPython builds its folded set
    /// constants (the element order fixes the table layout).
    FrozenSet(Vec<Const>),
    /// A nested function, lambda, comprehension, generator expression or class body.
    Code(Box<CodeUnit>),
}

/// What kind of scope a code unit is.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum CodeKind {
    /// A module's top level: names are globals (global slots).
    Module,
    /// A function, lambda or comprehension: names are registers, cells or globals.
    Function,
    /// A class body: names live in a namespace dict (LoadName/StoreName).
    ClassBody,
}

/// One entry of the exception table: an exception raised while `start <= pc < end`
/// transfers control to `handler`. Entries are ordered innermost first; the
/// interpreter takes the first entry that covers the pc.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct ExcEntry {
    pub start: u32,
    pub end: u32,
    pub handler: u32,
}

/// A compiled scope.
#[derive(Clone, Debug, PartialEq)]
pub struct CodeUnit {
    /// `co_name`: the function's name, `<module>`, `<lambda>`, `<listcomp>`, `<genexpr>`, or the class name.
    pub name: String,
    /// `co_qualname`, e.g. `Foo.bar.<locals>.baz`.
    pub qualname: String,
    pub filename: String,
    pub kind: CodeKind,
    /// Contains `yield`: calling it makes a generator.
    pub is_generator: bool,
    /// Positional parameters (including positional-only), registers `0..argcount`.
    pub argcount: u16,
    pub posonlycount: u16,
    /// Keyword-only parameters, the registers after the positional ones.
    pub kwonlycount: u16,
    /// Has `*args` (the register after the keyword-only ones).
    pub varargs: bool,
    /// Has `**kwargs` (the register after `*args`, if any).
    pub varkw: bool,
    /// Registers `0..local_names.len()` are named locals (parameters first).
    pub local_names: Vec<String>,
    /// Total registers the frame needs (locals then temporaries).
    pub nregs: u16,
    /// Names of the free variables, in the order of the closure tuple.
    pub freevars: Vec<String>,
    /// Names of this unit's locals that are captured by inner scopes (held as cells).
    pub cellvars: Vec<String>,
    pub insns: Vec<Insn>,
    /// Source line of each instruction (same length as `insns`).
    pub lines: Vec<u32>,
    pub consts: Vec<Const>,
    /// Names used by attribute, method, name and import instructions.
    pub names: Vec<String>,
    /// Names of the global slots used by LoadGlobal/StoreGlobal/DeleteGlobal.
    pub globals: Vec<String>,
    pub exc_table: Vec<ExcEntry>,
    pub first_line: u32,
}

impl CodeUnit {
    /// A new empty unit.
    pub fn new(
        name: &str,
        qualname: &str,
        filename: &str,
        kind: CodeKind,
        first_line: u32,
    ) -> CodeUnit {
        CodeUnit {
            name: name.to_string(),
            qualname: qualname.to_string(),
            filename: filename.to_string(),
            kind,
            is_generator: false,
            argcount: 0,
            posonlycount: 0,
            kwonlycount: 0,
            varargs: false,
            varkw: false,
            local_names: Vec::new(),
            nregs: 0,
            freevars: Vec::new(),
            cellvars: Vec::new(),
            insns: Vec::new(),
            lines: Vec::new(),
            consts: Vec::new(),
            names: Vec::new(),
            globals: Vec::new(),
            exc_table: Vec::new(),
            first_line,
        }
    }

    /// Number of parameters held in registers (positional, keyword-only, `*args`, `**kwargs`).
    pub fn param_count(&self) -> usize {
        self.argcount as usize
            + self.kwonlycount as usize
            + self.varargs as usize
            + self.varkw as usize
    }
}
