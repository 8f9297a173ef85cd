//! The symbol-table walk: records every name's uses and bindings per scope,
//! and makes CPython's compile-time checks (`return`/`yield` outside a
//! function, `break` outside a loop, `global` after use, starred targets,
//! nesting limits) and Strata's refusals.

use super::{mangle, node_key, CompKind, Kind, Resolved, Scope, Symbol, R};
use super::{
    DEF_ANNOT, DEF_GLOBAL, DEF_IMPORT, DEF_LOCAL, DEF_NONLOCAL, DEF_PARAM, MAX_DEPTH, TOO_DEEP, USE,
};
use crate::frontend::parse::SourceMap;
use crate::frontend::FrontendError;
use ruff_python_ast::{self as ast, Expr, ExprContext, Stmt};
use ruff_text_size::{Ranged, TextRange};
use std::collections::HashMap;

pub(super) struct Builder<'a> {
    pub(super) scopes: Vec<Scope>,
    pub(super) by_node: HashMap<usize, usize>,
    pub(super) cur: usize,
    pub(super) map: &'a SourceMap<'a>,
    pub(super) unsupported: Option<FrontendError>,
    pub(super) loop_depth: usize,
    /// CPython's count of statically nested blocks (loops, try, handlers).
    pub(super) blocks: usize,
    pub(super) depth: usize,
}

impl<'a> Builder<'a> {
    fn syntax<T>(&self, range: TextRange, msg: impl Into<String>) -> Result<T, FrontendError> {
        Err(self.map.syntax(range.start(), msg))
    }

    pub(super) fn refuse(&mut self, range: TextRange, what: &str) {
        if self.unsupported.is_none() {
            self.unsupported = Some(self.map.unsupported(range.start(), what));
        }
    }

    fn scope(&mut self) -> &mut Scope {
        &mut self.scopes[self.cur]
    }

    pub(super) fn new_scope(
        &mut self,
        kind: Kind,
        name: String,
        qualname: String,
        private: Option<String>,
        line: u32,
    ) -> usize {
        let id = self.scopes.len();
        let parent = if id == 0 { None } else { Some(self.cur) };
        self.scopes.push(Scope {
            kind,
            name,
            qualname,
            children: Vec::new(),
            symbols: Vec::new(),
            index: HashMap::new(),
            decls: HashMap::new(),
            params: Vec::new(),
            argcount: 0,
            posonlycount: 0,
            kwonlycount: 0,
            varargs: false,
            varkw: false,
            is_generator: false,
            needs_class_closure: false,
            private,
            first_line: line,
            cellvars: Vec::new(),
            freevars: Vec::new(),
        });
        if let Some(p) = parent {
            self.scopes[p].children.push(id);
        }
        id
    }

    /// CPython's `compiler_set_qualname`.
    fn qualname_for(&self, name: &str, kind: Kind) -> String {
        let parent = &self.scopes[self.cur];
        if parent.kind == Kind::Module {
            return name.to_string();
        }
        if matches!(kind, Kind::Function | Kind::Class) {
            let mangled = mangle(parent.private.as_deref(), name);
            if parent
                .symbol(&mangled)
                .is_some_and(|s| s.flags & DEF_GLOBAL != 0)
            {
                return name.to_string();
            }
        }
        if matches!(parent.kind, Kind::Function | Kind::Lambda) {
            format!("{}.<locals>.{}", parent.qualname, name)
        } else {
            format!("{}.{}", parent.qualname, name)
        }
    }

    /// Runs `f` inside a new child scope of `kind` for `node`.
    fn enter<T>(
        &mut self,
        node: &T,
        kind: Kind,
        name: &str,
        line: u32,
        f: impl FnOnce(&mut Self) -> R,
    ) -> R {
        let qualname = self.qualname_for(name, kind);
        let private = if kind == Kind::Class {
            Some(name.to_string())
        } else {
            self.scope().private.clone()
        };
        let saved_cur = self.cur;
        let id = self.new_scope(kind, name.to_string(), qualname, private, line);
        self.by_node.insert(node_key(node), id);
        self.cur = id;
        let saved_loops = std::mem::replace(&mut self.loop_depth, 0);
        let saved_blocks = std::mem::replace(&mut self.blocks, 0);
        let result = f(self);
        self.loop_depth = saved_loops;
        self.blocks = saved_blocks;
        self.cur = saved_cur;
        result
    }

    fn mangle(&self, name: &str) -> String {
        mangle(self.scopes[self.cur].private.as_deref(), name)
    }

    /// Records a use or definition of `name` (unmangled) with `flag`.
    fn add(&mut self, name: &str, flag: u16, range: TextRange) -> R {
        let name = self.mangle(name);
        let scope = &mut self.scopes[self.cur];
        if flag & DEF_PARAM != 0 {
            if let Some(&i) = scope.index.get(&name) {
                if scope.symbols[i].flags & DEF_PARAM != 0 {
                    return self.syntax(
                        range,
                        format!("duplicate argument '{name}' in function definition"),
                    );
                }
            }
        }
        match scope.index.get(&name) {
            Some(&i) => scope.symbols[i].flags |= flag,
            None => {
                scope.index.insert(name.clone(), scope.symbols.len());
                scope.symbols.push(Symbol {
                    name,
                    flags: flag,
                    scope: Resolved::GlobalImplicit,
                });
            }
        }
        Ok(())
    }

    pub(super) fn flags_of(&self, name: &str) -> u16 {
        let name = self.mangle(name);
        self.scopes[self.cur].symbol(&name).map_or(0, |s| s.flags)
    }

    fn bind(&mut self, name: &str, range: TextRange) -> R {
        if name == "__debug__" {
            return self.syntax(range, "cannot assign to __debug__");
        }
        self.check_module_hook(name, range);
        self.add(name, DEF_LOCAL, range)
    }

    // ----- `from __future__` -----

    pub(super) fn check_future_imports(&mut self, body: &[Stmt]) -> R {
        let mut at_start = true;
        for (i, s) in body.iter().enumerate() {
            let is_doc =
                i == 0 && matches!(s, Stmt::Expr(e) if matches!(*e.value, Expr::StringLiteral(_)));
            match s {
                Stmt::ImportFrom(f)
                    if f.level == 0
                        && f.module
                            .as_ref()
                            .is_some_and(|m| m.id.as_str() == "__future__") =>
                {
                    if !at_start {
                        return self.syntax(
                            f.range,
                            "from __future__ imports must occur at the beginning of the file",
                        );
                    }
                    for alias in &f.names {
                        match alias.name.id.as_str() {
                            "nested_scopes" | "generators" | "division" | "absolute_import"
                            | "with_statement" | "print_function" | "unicode_literals"
                            | "generator_stop" | "annotations" => {}
                            "barry_as_FLUFL" => {
                                self.refuse(alias.range, "from __future__ import barry_as_FLUFL")
                            }
                            "braces" => return self.syntax(alias.range, "not a chance"),
                            other => {
                                return self.syntax(
                                    alias.range,
                                    format!("future feature {other} is not defined"),
                                )
                            }
                        }
                    }
                }
                _ if is_doc => {}
                _ => at_start = false,
            }
        }
        Ok(())
    }

    /// Runs `f` inside `n` more nested blocks (CPython's limit is 20).
    fn nested(&mut self, n: usize, range: TextRange, f: impl FnOnce(&mut Self) -> R) -> R {
        self.blocks += n;
        if self.blocks > 20 {
            return self.syntax(range, "too many statically nested blocks");
        }
        let result = f(self);
        self.blocks -= n;
        result
    }

    // ----- statements -----

    pub(super) fn stmts(&mut self, body: &[Stmt]) -> R {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> R {
        match s {
            Stmt::FunctionDef(f) => self.function_def(f),
            Stmt::ClassDef(c) => self.class_def(c),
            Stmt::Return(r) => {
                if !self.scope().kind.is_function() {
                    return self.syntax(r.range, "'return' outside function");
                }
                if let Some(v) = &r.value {
                    self.expr(v)?;
                }
                Ok(())
            }
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.del_target(t)?;
                }
                Ok(())
            }
            Stmt::TypeAlias(t) => {
                self.refuse(t.range, "type alias");
                Ok(())
            }
            Stmt::Assign(a) => {
                for t in &a.targets {
                    self.target(t, false)?;
                }
                self.expr(&a.value)
            }
            Stmt::AugAssign(a) => {
                if matches!(a.op, ast::Operator::MatMult) {
                    self.refuse(a.range, "matrix multiplication (@)");
                }
                self.target(&a.target, false)?;
                self.expr(&a.value)
            }
            Stmt::AnnAssign(a) => {
                if let Expr::Name(n) = &*a.target {
                    let flags = self.flags_of(n.id.as_str());
                    if a.simple && self.cur != 0 && flags & (DEF_GLOBAL | DEF_NONLOCAL) != 0 {
                        let which = if flags & DEF_GLOBAL != 0 {
                            "global"
                        } else {
                            "nonlocal"
                        };
                        return self.syntax(
                            n.range,
                            format!("annotated name '{}' can't be {which}", n.id),
                        );
                    }
                    self.bind(n.id.as_str(), n.range)?;
                    self.add(n.id.as_str(), DEF_ANNOT, n.range)?;
                } else {
                    self.target(&a.target, false)?;
                }
                if let Some(v) = &a.value {
                    self.expr(v)?;
                }
                Ok(())
            }
            Stmt::For(f) => {
                if f.is_async {
                    self.refuse(f.range, "async for");
                }
                self.target(&f.target, false)?;
                self.expr(&f.iter)?;
                self.loop_depth += 1;
                self.nested(1, f.range, |b| b.stmts(&f.body))?;
                self.loop_depth -= 1;
                self.stmts(&f.orelse)
            }
            Stmt::While(w) => {
                self.expr(&w.test)?;
                self.loop_depth += 1;
                self.nested(1, w.range, |b| b.stmts(&w.body))?;
                self.loop_depth -= 1;
                self.stmts(&w.orelse)
            }
            Stmt::If(i) => {
                self.expr(&i.test)?;
                self.stmts(&i.body)?;
                for clause in &i.elif_else_clauses {
                    if let Some(t) = &clause.test {
                        self.expr(t)?;
                    }
                    self.stmts(&clause.body)?;
                }
                Ok(())
            }
            Stmt::With(w) => {
                self.refuse(
                    w.range,
                    if w.is_async {
                        "async with"
                    } else {
                        "with statement"
                    },
                );
                for item in &w.items {
                    self.expr(&item.context_expr)?;
                    if let Some(v) = &item.optional_vars {
                        self.target(v, false)?;
                    }
                }
                self.stmts(&w.body)
            }
            Stmt::Match(m) => {
                self.refuse(m.range, "match statement");
                Ok(())
            }
            Stmt::Raise(r) => {
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                }
                if let Some(c) = &r.cause {
                    self.expr(c)?;
                }
                Ok(())
            }
            Stmt::Try(t) => {
                if t.is_star {
                    self.refuse(t.range, "except*");
                }
                // As CPython counts: try-finally around try-except; a handler
                // body is two blocks deep.
                for (i, h) in t.handlers.iter().enumerate() {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if h.type_.is_none() && i + 1 < t.handlers.len() {
                        return self.syntax(h.range, "default 'except:' must be last");
                    }
                }
                let fin = usize::from(!t.finalbody.is_empty());
                let exc = usize::from(!t.handlers.is_empty());
                self.nested(fin, t.range, |b| {
                    b.nested(exc, t.range, |b| b.stmts(&t.body))?;
                    for h in &t.handlers {
                        let ast::ExceptHandler::ExceptHandler(h) = h;
                        if let Some(ty) = &h.type_ {
                            b.expr(ty)?;
                        }
                        if let Some(n) = &h.name {
                            b.bind(n.id.as_str(), n.range)?;
                        }
                        b.nested(2, h.range, |b| b.stmts(&h.body))?;
                    }
                    b.stmts(&t.orelse)
                })?;
                self.nested(fin, t.range, |b| b.stmts(&t.finalbody))
            }
            Stmt::Assert(a) => {
                self.expr(&a.test)?;
                if let Some(m) = &a.msg {
                    self.expr(m)?;
                }
                Ok(())
            }
            Stmt::Import(i) => {
                for alias in &i.names {
                    if alias.name.id.contains('.') {
                        self.refuse(alias.range, "dotted import");
                    }
                    let bound = alias.asname.as_ref().unwrap_or(&alias.name);
                    let first = bound.id.split('.').next().unwrap_or("");
                    self.bind(first, bound.range)?;
                    self.add(first, DEF_IMPORT, bound.range)?;
                }
                Ok(())
            }
            Stmt::ImportFrom(f) => self.import_from(f),
            Stmt::Global(g) => {
                for n in &g.names {
                    self.declare(n, true)?;
                }
                Ok(())
            }
            Stmt::Nonlocal(nl) => {
                if self.cur == 0 {
                    return self
                        .syntax(nl.range, "nonlocal declaration not allowed at module level");
                }
                for n in &nl.names {
                    self.declare(n, false)?;
                }
                Ok(())
            }
            Stmt::Expr(e) => self.expr(&e.value),
            Stmt::Pass(_) => Ok(()),
            Stmt::Break(b) => {
                if self.loop_depth == 0 {
                    return self.syntax(b.range, "'break' outside loop");
                }
                Ok(())
            }
            Stmt::Continue(c) => {
                if self.loop_depth == 0 {
                    return self.syntax(c.range, "'continue' not properly in loop");
                }
                Ok(())
            }
            Stmt::IpyEscapeCommand(c) => {
                self.refuse(c.range, "IPython escape command");
                Ok(())
            }
        }
    }

    fn import_from(&mut self, f: &ast::StmtImportFrom) -> R {
        let module = f.module.as_ref().map(|m| m.id.as_str()).unwrap_or("");
        if f.level > 0 {
            self.refuse(f.range, "relative import");
        } else if module.contains('.') {
            self.refuse(f.range, "dotted import");
        }
        for alias in &f.names {
            if alias.name.id.as_str() == "*" {
                match self.scope().kind {
                    Kind::Module => {}
                    Kind::Class => self.refuse(alias.range, "import * in a class body"),
                    _ => return self.syntax(f.range, "import * only allowed at module level"),
                }
                continue;
            }
            let bound = alias.asname.as_ref().unwrap_or(&alias.name);
            self.bind(bound.id.as_str(), bound.range)?;
            self.add(bound.id.as_str(), DEF_IMPORT, bound.range)?;
        }
        Ok(())
    }

    /// `global n` (`is_global`) or `nonlocal n`.
    fn declare(&mut self, n: &ast::Identifier, is_global: bool) -> R {
        let name = n.id.as_str();
        let cur = self.flags_of(name);
        let which = if is_global { "global" } else { "nonlocal" };
        if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
            let msg = if cur & DEF_PARAM != 0 {
                format!("name '{name}' is parameter and {which}")
            } else if cur & USE != 0 {
                format!("name '{name}' is used prior to {which} declaration")
            } else if cur & DEF_ANNOT != 0 {
                format!("annotated name '{name}' can't be {which}")
            } else {
                format!("name '{name}' is assigned to before {which} declaration")
            };
            return self.syntax(n.range, msg);
        }
        let mangled = self.mangle(name);
        self.scope().decls.entry(mangled).or_insert(n.range);
        self.add(
            name,
            if is_global { DEF_GLOBAL } else { DEF_NONLOCAL },
            n.range,
        )
    }

    fn parameters(&mut self, p: &ast::Parameters) -> R {
        let mut names = Vec::new();
        for a in p.posonlyargs.iter().chain(p.args.iter()) {
            names.push(&a.parameter);
        }
        for a in &p.kwonlyargs {
            names.push(&a.parameter);
        }
        if let Some(v) = &p.vararg {
            names.push(v);
        }
        if let Some(k) = &p.kwarg {
            names.push(k);
        }
        for param in names {
            let name = param.name.id.as_str();
            if name == "__debug__" {
                return self.syntax(param.range, "cannot assign to __debug__");
            }
            self.add(name, DEF_PARAM, param.name.range)?;
            let mangled = self.mangle(name);
            self.scope().params.push(mangled);
        }
        let s = self.scope();
        s.posonlycount = p.posonlyargs.len() as u16;
        s.argcount = (p.posonlyargs.len() + p.args.len()) as u16;
        s.kwonlycount = p.kwonlyargs.len() as u16;
        s.varargs = p.vararg.is_some();
        s.varkw = p.kwarg.is_some();
        Ok(())
    }

    fn defaults(&mut self, p: &ast::Parameters) -> R {
        for a in p
            .posonlyargs
            .iter()
            .chain(p.args.iter())
            .chain(p.kwonlyargs.iter())
        {
            if let Some(d) = &a.default {
                self.expr(d)?;
            }
        }
        Ok(())
    }

    fn function_def(&mut self, f: &ast::StmtFunctionDef) -> R {
        if f.is_async {
            self.refuse(f.range, "async def");
        }
        if let Some(tp) = &f.type_params {
            self.refuse(tp.range, "type parameters");
        }
        for d in &f.decorator_list {
            self.expr(&d.expression)?;
        }
        self.defaults(&f.parameters)?;
        self.check_module_hook_def(f);
        self.bind(f.name.id.as_str(), f.name.range)?;
        let line = self
            .map
            .line_of(f.decorator_list.first().map_or(f.range, |d| d.range));
        self.enter(f, Kind::Function, f.name.id.as_str(), line, |b| {
            b.parameters(&f.parameters)?;
            b.stmts(&f.body)
        })
    }

    fn class_def(&mut self, c: &ast::StmtClassDef) -> R {
        if let Some(tp) = &c.type_params {
            self.refuse(tp.range, "type parameters");
        }
        for d in &c.decorator_list {
            self.expr(&d.expression)?;
        }
        if let Some(args) = &c.arguments {
            for b in args.args.iter() {
                if matches!(b, Expr::Starred(_)) {
                    self.refuse(b.range(), "starred class bases");
                }
                self.expr_star_ok(b)?;
            }
            for k in args.keywords.iter() {
                match &k.arg {
                    Some(a) if a.id.as_str() == "metaclass" => self.refuse(k.range, "metaclass"),
                    _ => self.refuse(k.range, "class keyword arguments"),
                }
                self.expr(&k.value)?;
            }
        }
        self.bind(c.name.id.as_str(), c.name.range)?;
        let line = self
            .map
            .line_of(c.decorator_list.first().map_or(c.range, |d| d.range));
        self.enter(c, Kind::Class, c.name.id.as_str(), line, |b| {
            b.stmts(&c.body)
        })
    }

    // ----- targets -----

    /// An assignment target (`in_seq`: directly inside a tuple/list target).
    fn target(&mut self, e: &Expr, in_seq: bool) -> R {
        match e {
            Expr::Name(n) => self.bind(n.id.as_str(), n.range),
            Expr::Attribute(a) => self.expr(&a.value),
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                let mut starred = 0;
                for elt in elts {
                    if matches!(elt, Expr::Starred(_)) {
                        starred += 1;
                        if starred > 1 {
                            return self
                                .syntax(elt.range(), "multiple starred expressions in assignment");
                        }
                    }
                }
                for elt in elts {
                    self.target(elt, true)?;
                }
                Ok(())
            }
            Expr::Starred(s) => {
                if !in_seq {
                    return self.syntax(
                        s.range,
                        "starred assignment target must be in a list or tuple",
                    );
                }
                self.target(&s.value, false)
            }
            other => self.syntax(other.range(), "cannot assign to expression"),
        }
    }

    fn del_target(&mut self, e: &Expr) -> R {
        match e {
            Expr::Name(n) => {
                if n.id.as_str() == "__debug__" {
                    return self.syntax(n.range, "cannot delete __debug__");
                }
                self.add(n.id.as_str(), DEF_LOCAL, n.range)
            }
            Expr::Attribute(a) => self.expr(&a.value),
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                for elt in elts {
                    self.del_target(elt)?;
                }
                Ok(())
            }
            other => self.syntax(other.range(), "cannot delete expression"),
        }
    }

    // ----- expressions -----

    fn expr(&mut self, e: &Expr) -> R {
        if let Expr::Starred(s) = e {
            return self.syntax(s.range, "can't use starred expression here");
        }
        self.expr_star_ok(e)
    }

    fn exprs_star_ok(&mut self, elts: &[Expr]) -> R {
        for e in elts {
            self.expr_star_ok(e)?;
        }
        Ok(())
    }

    /// An expression where `*x` is allowed (display element, call argument).
    fn expr_star_ok(&mut self, e: &Expr) -> R {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return self.syntax(e.range(), TOO_DEEP);
        }
        let result = self.expr_inner(e);
        self.depth -= 1;
        result
    }

    fn expr_inner(&mut self, e: &Expr) -> R {
        match e {
            Expr::BoolOp(b) => {
                for v in &b.values {
                    self.expr(v)?;
                }
                Ok(())
            }
            Expr::Named(n) => {
                self.refuse(n.range, "assignment expression (:=)");
                self.expr(&n.value)
            }
            Expr::BinOp(b) => {
                if matches!(b.op, ast::Operator::MatMult) {
                    self.refuse(b.range, "matrix multiplication (@)");
                }
                self.expr(&b.left)?;
                self.expr(&b.right)
            }
            Expr::UnaryOp(u) => self.expr(&u.operand),
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    self.defaults(p)?;
                }
                let line = self.map.line_of(l.range);
                self.enter(l, Kind::Lambda, "<lambda>", line, |b| {
                    if let Some(p) = &l.parameters {
                        b.parameters(p)?;
                    }
                    b.expr(&l.body)
                })
            }
            Expr::If(i) => {
                self.expr(&i.test)?;
                self.expr(&i.body)?;
                self.expr(&i.orelse)
            }
            Expr::Dict(d) => {
                for item in &d.items {
                    if let Some(k) = &item.key {
                        self.expr(k)?;
                    }
                    self.expr(&item.value)?;
                }
                Ok(())
            }
            Expr::Set(s) => self.exprs_star_ok(&s.elts),
            Expr::List(l) => self.exprs_star_ok(&l.elts),
            Expr::Tuple(t) => self.exprs_star_ok(&t.elts),
            Expr::ListComp(c) => {
                self.comprehension(c, c.range, CompKind::List, &c.generators, &[&c.elt])
            }
            Expr::SetComp(c) => {
                self.comprehension(c, c.range, CompKind::Set, &c.generators, &[&c.elt])
            }
            Expr::Generator(c) => {
                self.comprehension(c, c.range, CompKind::Generator, &c.generators, &[&c.elt])
            }
            Expr::DictComp(c) => match &c.key {
                Some(k) => {
                    self.comprehension(c, c.range, CompKind::Dict, &c.generators, &[k, &c.value])
                }
                None => self.syntax(
                    c.range,
                    "dict unpacking cannot be used in dict comprehension",
                ),
            },
            Expr::Await(a) => {
                self.refuse(a.range, "await");
                self.expr(&a.value)
            }
            Expr::Yield(y) => {
                self.yield_here(y.range)?;
                if let Some(v) = &y.value {
                    self.expr(v)?;
                }
                Ok(())
            }
            Expr::YieldFrom(y) => {
                self.yield_here(y.range)?;
                self.expr(&y.value)
            }
            Expr::Compare(c) => {
                self.expr(&c.left)?;
                for v in c.comparators.iter() {
                    self.expr(v)?;
                }
                Ok(())
            }
            Expr::Call(c) => {
                self.expr(&c.func)?;
                self.exprs_star_ok(&c.arguments.args)?;
                let mut seen: Vec<&str> = Vec::new();
                for k in c.arguments.keywords.iter() {
                    if let Some(arg) = &k.arg {
                        let name = arg.id.as_str();
                        if name == "__debug__" {
                            return self.syntax(k.range, "cannot assign to __debug__");
                        }
                        if seen.contains(&name) {
                            return self
                                .syntax(k.range, format!("keyword argument repeated: {name}"));
                        }
                        seen.push(name);
                    }
                    self.expr(&k.value)?;
                }
                Ok(())
            }
            Expr::FString(f) => {
                for part in f.value.iter() {
                    match part {
                        ast::FStringPart::Literal(lit) => self.string_literal(lit),
                        ast::FStringPart::FString(fs) => self.fstring_elements(&fs.elements)?,
                    }
                }
                Ok(())
            }
            Expr::TString(t) => {
                self.refuse(t.range, "template string");
                Ok(())
            }
            Expr::StringLiteral(s) => {
                for lit in s.value.iter() {
                    self.string_literal(lit);
                }
                Ok(())
            }
            Expr::BytesLiteral(b) => {
                self.refuse(b.range, "bytes literal");
                Ok(())
            }
            Expr::NumberLiteral(n) => match &n.value {
                ast::Number::Complex { .. } => {
                    self.refuse(n.range, "complex literal");
                    Ok(())
                }
                ast::Number::Int(i) if i.as_u64().is_none() => self.check_int_digits(i, n.range),
                _ => Ok(()),
            },
            Expr::BooleanLiteral(_) | Expr::NoneLiteral(_) | Expr::EllipsisLiteral(_) => Ok(()),
            Expr::Attribute(a) => self.expr(&a.value),
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr_star_ok(&s.slice)
            }
            Expr::Starred(s) => self.expr(&s.value),
            Expr::Name(n) => match n.ctx {
                ExprContext::Load => {
                    let name = n.id.as_str();
                    self.add(name, USE, n.range)?;
                    if name == "super" && self.scope().kind.is_function() {
                        self.add("__class__", USE, n.range)?;
                    }
                    Ok(())
                }
                ExprContext::Store => self.bind(n.id.as_str(), n.range),
                ExprContext::Del => self.add(n.id.as_str(), DEF_LOCAL, n.range),
                ExprContext::Invalid => self.syntax(n.range, "invalid syntax"),
            },
            Expr::Slice(s) => {
                for part in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.expr(part)?;
                }
                Ok(())
            }
            Expr::IpyEscapeCommand(c) => {
                self.refuse(c.range, "IPython escape command");
                Ok(())
            }
        }
    }

    /// ruff turns lone surrogate escapes (`'\ud800'`) into U+FFFD; refuse
    /// rather than run with a different string.
    fn string_literal(&mut self, lit: &ast::StringLiteral) {
        if !lit.value.contains('\u{FFFD}') {
            return;
        }
        let text = self.map.text(lit.range).to_ascii_lowercase();
        let quote = text.find(['\'', '"']).unwrap_or(0);
        if text[..quote].contains('r') {
            return;
        }
        let is_surrogate = |hex: Option<&str>| {
            hex.is_some_and(|h| {
                h.starts_with('d') && matches!(h.as_bytes().get(1), Some(b'8'..=b'9' | b'a'..=b'f'))
            })
        };
        let b = text.as_bytes();
        let mut i = quote;
        while i + 1 < b.len() {
            if b[i] == b'\\' {
                // Lowercased, so `\U0000d800` reads as `\u0000d800`.
                if b[i + 1] == b'u'
                    && (is_surrogate(text.get(i + 2..i + 6))
                        || (text.get(i + 2..i + 6) == Some("0000")
                            && is_surrogate(text.get(i + 6..i + 10))))
                {
                    self.refuse(lit.range, "surrogate in string literal");
                    return;
                }
                i += 2;
            } else {
                i += 1;
            }
        }
    }

    /// CPython 3.11 refuses decimal literals longer than `sys.int_info.default_max_str_digits`.
    fn check_int_digits(&self, i: &ast::Int, range: TextRange) -> R {
        let text = i.to_string();
        let lower = text.to_ascii_lowercase();
        if lower.starts_with("0x") || lower.starts_with("0o") || lower.starts_with("0b") {
            return Ok(());
        }
        let digits = text.bytes().filter(u8::is_ascii_digit).count();
        if digits > 4300 {
            return self.syntax(
                range,
                format!(
                    "Exceeds the limit (4300 digits) for integer string conversion: value has {digits} digits; \
                     use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge \
                     integer literals to avoid decimal conversion limits."
                ),
            );
        }
        Ok(())
    }

    fn fstring_elements(&mut self, elements: &ast::InterpolatedStringElements) -> R {
        for el in elements.iter() {
            if let ast::InterpolatedStringElement::Interpolation(i) = el {
                self.expr(&i.expression)?;
                if let Some(spec) = &i.format_spec {
                    self.fstring_elements(&spec.elements)?;
                }
            }
        }
        Ok(())
    }

    fn yield_here(&mut self, range: TextRange) -> R {
        match self.scope().kind {
            Kind::Module | Kind::Class => self.syntax(range, "'yield' outside function"),
            Kind::Comprehension(k) => {
                self.syntax(range, format!("'yield' inside {}", k.description()))
            }
            Kind::Function | Kind::Lambda => {
                self.scope().is_generator = true;
                Ok(())
            }
        }
    }

    fn comprehension<T>(
        &mut self,
        node: &T,
        range: TextRange,
        kind: CompKind,
        generators: &[ast::Comprehension],
        elts: &[&Expr],
    ) -> R {
        let Some(first) = generators.first() else {
            return Ok(());
        };
        for g in generators {
            if g.is_async {
                self.refuse(g.range, "async comprehension");
            }
        }
        self.expr(&first.iter)?;
        let line = self.map.line_of(range);
        self.enter(
            node,
            Kind::Comprehension(kind),
            kind.unit_name(),
            line,
            |b| {
                b.add(".0", DEF_PARAM, first.range)?;
                b.scope().params.push(".0".into());
                b.scope().argcount = 1;
                if kind == CompKind::Generator {
                    b.scope().is_generator = true;
                }
                for (i, g) in generators.iter().enumerate() {
                    b.target(&g.target, false)?;
                    if i > 0 {
                        b.expr(&g.iter)?;
                    }
                    for cond in &g.ifs {
                        b.expr(cond)?;
                    }
                }
                for e in elts {
                    b.expr(e)?;
                }
                Ok(())
            },
        )
    }
}
