//! Name resolution, as CPython's `analyze_block`: decides for every symbol
//! whether it is local, a cell, free, or global, and lists each scope's
//! cells and free variables.

use super::visit::Builder;
use super::{Kind, Resolved, Symbol, DEF_BOUND, DEF_FREE_CLASS, DEF_GLOBAL, DEF_NONLOCAL, R};
use ruff_text_size::TextSize;
use std::collections::HashSet;

impl Builder<'_> {
    // ----- analysis (CPython's analyze_block) -----

    pub(super) fn analyze(&mut self) -> R {
        let mut free = HashSet::new();
        self.analyze_block(0, None, &mut free, HashSet::new())?;
        for scope in &mut self.scopes {
            let mut cells: Vec<String> = Vec::new();
            let mut frees: Vec<String> = Vec::new();
            for s in &scope.symbols {
                match s.scope {
                    Resolved::Cell => cells.push(s.name.clone()),
                    Resolved::Free => frees.push(s.name.clone()),
                    _ if s.flags & DEF_FREE_CLASS != 0 => frees.push(s.name.clone()),
                    _ => {}
                }
            }
            if scope.needs_class_closure {
                cells.push("__class__".into());
            }
            cells.sort();
            frees.sort();
            scope.cellvars = cells;
            scope.freevars = frees;
        }
        Ok(())
    }

    fn analyze_block(
        &mut self,
        id: usize,
        mut bound: Option<HashSet<String>>,
        free_out: &mut HashSet<String>,
        mut global: HashSet<String>,
    ) -> R {
        let kind = self.scopes[id].kind;
        let is_class = kind == Kind::Class;
        let mut local = HashSet::new();
        let mut newglobal = HashSet::new();
        let mut newbound = HashSet::new();
        let mut newfree = HashSet::new();
        if is_class {
            newglobal.extend(global.iter().cloned());
            if let Some(b) = &bound {
                newbound.extend(b.iter().cloned());
            }
        }
        for i in 0..self.scopes[id].symbols.len() {
            let (name, flags) = {
                let s = &self.scopes[id].symbols[i];
                (s.name.clone(), s.flags)
            };
            let at = self.scopes[id]
                .decls
                .get(&name)
                .map_or(TextSize::default(), |r| r.start());
            let resolved = if flags & DEF_GLOBAL != 0 {
                if flags & DEF_NONLOCAL != 0 {
                    return Err(self
                        .map
                        .syntax(at, format!("name '{name}' is nonlocal and global")));
                }
                global.insert(name.clone());
                if let Some(b) = bound.as_mut() {
                    b.remove(&name);
                }
                Resolved::GlobalExplicit
            } else if flags & DEF_NONLOCAL != 0 {
                match &bound {
                    None => {
                        return Err(self
                            .map
                            .syntax(at, "nonlocal declaration not allowed at module level"))
                    }
                    Some(b) if !b.contains(&name) => {
                        return Err(self
                            .map
                            .syntax(at, format!("no binding for nonlocal '{name}' found")))
                    }
                    _ => {}
                }
                free_out.insert(name.clone());
                Resolved::Free
            } else if flags & DEF_BOUND != 0 {
                local.insert(name.clone());
                global.remove(&name);
                Resolved::Local
            } else if bound.as_ref().is_some_and(|b| b.contains(&name)) {
                free_out.insert(name.clone());
                Resolved::Free
            } else {
                Resolved::GlobalImplicit
            };
            self.scopes[id].symbols[i].scope = resolved;
        }
        if !is_class {
            if kind.is_function() {
                newbound.extend(local.iter().cloned());
            }
            if let Some(b) = &bound {
                newbound.extend(b.iter().cloned());
            }
            newglobal.extend(global.iter().cloned());
        } else {
            newbound.insert("__class__".to_string());
        }
        let children = self.scopes[id].children.clone();
        for child in children {
            let mut child_free = HashSet::new();
            self.analyze_block(
                child,
                Some(newbound.clone()),
                &mut child_free,
                newglobal.clone(),
            )?;
            newfree.extend(child_free);
        }
        let scope = &mut self.scopes[id];
        if kind.is_function() {
            for s in &mut scope.symbols {
                if s.scope == Resolved::Local && newfree.remove(&s.name) {
                    s.scope = Resolved::Cell;
                }
            }
        } else if is_class && newfree.remove("__class__") {
            scope.needs_class_closure = true;
        }
        let mut names: Vec<String> = newfree.iter().cloned().collect();
        names.sort();
        for name in names {
            if let Some(&i) = scope.index.get(&name) {
                let s = &mut scope.symbols[i];
                if is_class && s.flags & (DEF_BOUND | DEF_GLOBAL) != 0 {
                    s.flags |= DEF_FREE_CLASS;
                }
                continue;
            }
            if bound.as_ref().is_some_and(|b| !b.contains(&name)) {
                continue;
            }
            scope.index.insert(name.clone(), scope.symbols.len());
            scope.symbols.push(Symbol {
                name,
                flags: 0,
                scope: Resolved::Free,
            });
        }
        free_out.extend(newfree);
        Ok(())
    }
}
