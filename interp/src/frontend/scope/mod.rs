//! The symbol table: CPython's symtable pass, plus the checks CPython makes at
//! compile time and the refusals of constructs outside Strata's subset.
//!
//! Invariants:
//! 1. Every scope-creating node (function, lambda, class, comprehension,
//!    generator expression) gets exactly one `Scope`, found again by the code
//!    generator through the node's address (`SymbolTable::scope_of`).
//! 2. Names are stored mangled (`__x` inside class `C` is `_C__x`), as CPython
//!    stores them; the code generator mangles with the same `private` name.
//! 3. Resolution follows CPython's `analyze_block`: class scopes are invisible
//!    to nested functions, a free name in a child makes the binding function's
//!    local a cell, a class passes free names through (`DEF_FREE_CLASS`), and a
//!    function using `super` or `__class__` gets the free name `__class__`,
//!    which gives its class the cell `__class__`.
//! 4. Syntax errors stop the pass at once (the first in source order wins);
//!    unsupported constructs are remembered (the first wins) and reported only
//!    if no syntax error follows.
//! 5. Expression depth is bounded by `MAX_DEPTH` before anything else recurses
//!    over the tree.

mod analyze;
mod module_hooks;
mod visit;

use super::parse::SourceMap;
use super::FrontendError;
use ruff_python_ast as ast;
use ruff_text_size::TextRange;
use std::collections::{HashMap, HashSet};

type R = Result<(), FrontendError>;

/// The message for expressions nested beyond `MAX_DEPTH`.
pub(crate) const TOO_DEEP: &str = "too many nested expressions";
/// Roughly CPython's limit (it fails near 3000 nested expressions).
const MAX_DEPTH: usize = 2990;

pub(crate) const DEF_LOCAL: u16 = 1;
pub(crate) const DEF_PARAM: u16 = 2;
pub(crate) const DEF_GLOBAL: u16 = 4;
pub(crate) const DEF_NONLOCAL: u16 = 8;
pub(crate) const USE: u16 = 16;
pub(crate) const DEF_FREE_CLASS: u16 = 32;
pub(crate) const DEF_ANNOT: u16 = 64;
pub(crate) const DEF_IMPORT: u16 = 128;
const DEF_BOUND: u16 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

/// Builtins whose use Strata refuses (unless the name is rebound).
pub(crate) const REFUSED_BUILTINS: &[&str] = &[
    "exec",
    "eval",
    "compile",
    "input",
    "open",
    "breakpoint",
    "globals",
    "locals",
    "vars",
    "memoryview",
    "bytearray",
    "bytes",
    "complex",
    "__build_class__",
    "__import__",
    "__loader__",
    "__spec__",
    "aiter",
    "anext",
    "dir",
    "help",
    "exit",
    "quit",
    "copyright",
    "credits",
    "license",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CompKind {
    List,
    Set,
    Dict,
    Generator,
}

impl CompKind {
    pub(crate) fn unit_name(self) -> &'static str {
        match self {
            CompKind::List => "<listcomp>",
            CompKind::Set => "<setcomp>",
            CompKind::Dict => "<dictcomp>",
            CompKind::Generator => "<genexpr>",
        }
    }

    fn description(self) -> &'static str {
        match self {
            CompKind::List => "list comprehension",
            CompKind::Set => "set comprehension",
            CompKind::Dict => "dict comprehension",
            CompKind::Generator => "generator expression",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Module,
    Function,
    Lambda,
    Class,
    Comprehension(CompKind),
}

impl Kind {
    /// CPython's `FunctionBlock`: functions, lambdas and comprehensions.
    pub(crate) fn is_function(self) -> bool {
        matches!(self, Kind::Function | Kind::Lambda | Kind::Comprehension(_))
    }
}

/// Where a name lives, as CPython's symtable resolves it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Resolved {
    Local,
    Cell,
    Free,
    GlobalExplicit,
    GlobalImplicit,
}

#[derive(Clone, Debug)]
pub(crate) struct Symbol {
    pub(crate) name: String,
    pub(crate) flags: u16,
    pub(crate) scope: Resolved,
}

#[derive(Debug)]
pub(crate) struct Scope {
    pub(crate) kind: Kind,
    /// The code unit's name: function name, `<lambda>`, `<listcomp>`, class name, `<module>`.
    pub(crate) name: String,
    pub(crate) qualname: String,
    pub(crate) children: Vec<usize>,
    pub(crate) symbols: Vec<Symbol>,
    index: HashMap<String, usize>,
    /// Where each `global`/`nonlocal` name was first declared.
    decls: HashMap<String, TextRange>,
    /// Parameter names (mangled) in register order: positional, keyword-only, `*args`, `**kwargs`.
    pub(crate) params: Vec<String>,
    pub(crate) argcount: u16,
    pub(crate) posonlycount: u16,
    pub(crate) kwonlycount: u16,
    pub(crate) varargs: bool,
    pub(crate) varkw: bool,
    pub(crate) is_generator: bool,
    /// A class whose methods use `super`/`__class__`: its body has the cell `__class__`.
    pub(crate) needs_class_closure: bool,
    /// The class name used for mangling private names, if inside a class.
    pub(crate) private: Option<String>,
    pub(crate) first_line: u32,
    /// Sorted names of this scope's cells (captured locals; `__class__` for classes).
    pub(crate) cellvars: Vec<String>,
    /// Sorted names of this scope's free variables (closure tuple order).
    pub(crate) freevars: Vec<String>,
}

impl Scope {
    pub(crate) fn symbol(&self, name: &str) -> Option<&Symbol> {
        self.index.get(name).map(|&i| &self.symbols[i])
    }

    /// Resolution of a (mangled) name used in this scope.
    pub(crate) fn resolve(&self, name: &str) -> Resolved {
        self.symbol(name)
            .map_or(Resolved::GlobalImplicit, |s| s.scope)
    }
}

pub(crate) struct SymbolTable {
    pub(crate) scopes: Vec<Scope>,
    by_node: HashMap<usize, usize>,
    /// Names bound at module level (directly, or through `global` in a scope).
    pub(crate) module_defined: HashSet<String>,
}

fn node_key<T>(node: &T) -> usize {
    node as *const T as usize
}

impl SymbolTable {
    /// The scope created by a function, lambda, class or comprehension node.
    pub(crate) fn scope_of<T>(&self, node: &T) -> Option<usize> {
        self.by_node.get(&node_key(node)).copied()
    }
}

/// `_Py_Mangle`: `__x` inside class `_C` becomes `_C__x`.
pub(crate) fn mangle(private: Option<&str>, name: &str) -> String {
    let Some(class) = private else {
        return name.to_string();
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let stripped = class.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_string();
    }
    format!("_{stripped}{name}")
}

/// Builds and analyzes the symbol table of a module.
pub(crate) fn build(
    module: &ast::ModModule,
    map: &SourceMap<'_>,
) -> Result<SymbolTable, FrontendError> {
    let mut b = visit::Builder {
        scopes: Vec::new(),
        by_node: HashMap::new(),
        cur: 0,
        map,
        unsupported: None,
        loop_depth: 0,
        blocks: 0,
        depth: 0,
    };
    b.new_scope(Kind::Module, "<module>".into(), "<module>".into(), None, 1);
    b.check_future_imports(&module.body)?;
    b.stmts(&module.body)?;
    b.analyze()?;
    if let Some(err) = b.unsupported.take() {
        return Err(err);
    }
    let mut module_defined = HashSet::new();
    for (i, scope) in b.scopes.iter().enumerate() {
        for s in &scope.symbols {
            let bound = s.flags & DEF_BOUND != 0;
            if bound && (i == 0 || s.flags & DEF_GLOBAL != 0) {
                module_defined.insert(s.name.clone());
            }
        }
    }
    Ok(SymbolTable {
        scopes: b.scopes,
        by_node: b.by_node,
        module_defined,
    })
}

#[cfg(test)]
mod tests;
