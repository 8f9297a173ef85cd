//! Refusal of the PEP 562 module hooks: a module-level `__getattr__` or
//! `__dir__` (LANGUAGE.md, Never: "`__getattr__` magic on modules").
//!
//! Any binding of either name in the module namespace is refused: a `def` (at
//! its `def` keyword), an assignment, an import, or any other binding, at
//! module level or in a scope that declares the name `global`. The same names
//! in a class body are ordinary methods and attributes.

use super::visit::Builder;
use super::DEF_GLOBAL;
use ruff_python_ast as ast;
use ruff_text_size::{TextRange, TextSize};

/// The module attributes Python consults on a module object.
const MODULE_HOOKS: [&str; 2] = ["__getattr__", "__dir__"];

impl Builder<'_> {
    /// Refuses binding `name` at `at` if it is a hook bound in the module
    /// namespace.
    pub(super) fn check_module_hook(&mut self, name: &str, at: TextRange) {
        if !MODULE_HOOKS.contains(&name) {
            return;
        }
        if self.cur == 0 || self.flags_of(name) & DEF_GLOBAL != 0 {
            self.refuse(at, &format!("module {name}"));
        }
    }

    /// The same for a function definition, reported at its `def` keyword.
    pub(super) fn check_module_hook_def(&mut self, f: &ast::StmtFunctionDef) {
        let after_decorators = f
            .decorator_list
            .last()
            .map_or(f.range.start(), |d| d.range.end());
        let head = self
            .map
            .text(TextRange::new(after_decorators, f.name.range.start()));
        let def_at = head
            .find("def")
            .and_then(|i| TextSize::try_from(i).ok())
            .map_or(f.range.start(), |i| after_decorators + i);
        self.check_module_hook(f.name.id.as_str(), TextRange::empty(def_at));
    }
}
