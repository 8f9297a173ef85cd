//! Nested code units: functions, lambdas, classes, comprehensions and
//! generator expressions, and the `MakeFunction` that creates them.
//!
//! Invariants:
//! 1. Defaults are evaluated in the enclosing unit at definition time,
//!    positional then keyword-only; `MakeFunction dst, K, c` finds, from
//!    register `c`, the defaults tuple (aux&1), the kw-defaults dict (aux&2)
//!    and the closure tuple (aux&4).
//! 2. The closure tuple holds the enclosing unit's cell objects (its cells and
//!    free variables, moved raw) in the child's `freevars` order.
//! 3. Decorators are evaluated first into `d1..dn` with the new object in
//!    the next register, so `Call di, di, 1` applies them innermost first.
//! 4. A comprehension's first iterable is evaluated (and `GetIter`ed) in the
//!    enclosing unit and passed as the child's single parameter `.0`.

use super::{Access, Unit, R};
use crate::frontend::bc::{Const, Op};
use crate::frontend::scope::CompKind;
use ruff_python_ast::{self as ast, Expr};
use ruff_text_size::{Ranged, TextRange};

impl<'a> Unit<'a> {
    fn child_scope<T>(&self, node: &T, range: TextRange) -> R<usize> {
        match self.ctx.table.scope_of(node) {
            Some(id) => Ok(id),
            None => self.syntax(range, crate::frontend::INTERNAL_ERROR),
        }
    }

    /// Evaluates defaults and the closure, compiles the child with `body`,
    /// and emits `MakeFunction dst`.
    fn make_function(
        &mut self,
        child_id: usize,
        params: Option<&'a ast::Parameters>,
        dst: u32,
        body: impl FnOnce(&mut Unit<'a>) -> R,
    ) -> R {
        let m = self.mark();
        let child = &self.ctx.table.scopes[child_id];
        let mut positional: Vec<&'a Expr> = Vec::new();
        let mut keyword: Vec<(String, &'a Expr)> = Vec::new();
        if let Some(p) = params {
            for a in p.posonlyargs.iter().chain(p.args.iter()) {
                if let Some(d) = &a.default {
                    positional.push(d);
                }
            }
            for a in &p.kwonlyargs {
                if let Some(d) = &a.default {
                    keyword.push((self.mangle(a.parameter.name.id.as_str()), d));
                }
            }
        }
        let closure = !child.freevars.is_empty();
        let count =
            u32::from(!positional.is_empty()) + u32::from(!keyword.is_empty()) + u32::from(closure);
        let c = if count > 0 { self.temps(count) } else { 0 };
        let mut slot = c;
        let mut aux = 0u8;
        if !positional.is_empty() {
            let m2 = self.mark();
            let base = self.temps(positional.len() as u32);
            for (i, d) in positional.iter().enumerate() {
                self.expr_to(d, base + i as u32)?;
            }
            self.emit(Op::BuildTuple, 0, slot, base, positional.len() as u32);
            self.release(m2);
            aux |= 1;
            slot += 1;
        }
        if !keyword.is_empty() {
            let m2 = self.mark();
            let base = self.temps(2 * keyword.len() as u32);
            for (i, (name, d)) in keyword.iter().enumerate() {
                self.load_const(base + 2 * i as u32, Const::Str(name.clone()));
                self.expr_to(d, base + 2 * i as u32 + 1)?;
            }
            self.emit(Op::BuildDict, 0, slot, base, keyword.len() as u32);
            self.release(m2);
            aux |= 2;
            slot += 1;
        }
        if closure {
            let m2 = self.mark();
            let base = self.temps(child.freevars.len() as u32);
            for (i, name) in child.freevars.iter().enumerate() {
                let own_class_cell = if name == "__class__" {
                    self.class_cell
                } else {
                    None
                };
                let Some(reg) = own_class_cell.or_else(|| self.locals.get(name).copied()) else {
                    return self.syntax(TextRange::default(), crate::frontend::INTERNAL_ERROR);
                };
                self.emit(Op::Move, 0, base + i as u32, reg, 0);
            }
            self.emit(Op::BuildTuple, 0, slot, base, child.freevars.len() as u32);
            self.release(m2);
            aux |= 4;
        }
        let mut unit = Unit::new(self.ctx, child_id);
        unit.prologue();
        body(&mut unit)?;
        let code = unit.finish()?;
        let k = self.const_index(Const::Code(Box::new(code)));
        self.emit(Op::MakeFunction, aux, dst, k, c);
        self.release(m);
        Ok(())
    }

    /// Evaluates decorators into consecutive registers; returns the first and
    /// the register for the decorated object (just after them).
    fn decorators(&mut self, list: &'a [ast::Decorator]) -> R<(u32, u32)> {
        let base = self.temps(list.len() as u32 + 1);
        for (i, d) in list.iter().enumerate() {
            let saved = self.at(d.range);
            self.expr_to(&d.expression, base + i as u32)?;
            self.line = saved;
        }
        Ok((base, base + list.len() as u32))
    }

    fn apply_decorators(&mut self, list: &'a [ast::Decorator], base: u32) {
        for (i, d) in list.iter().enumerate().rev() {
            let saved = self.at(d.range);
            self.emit(Op::Call, 0, base + i as u32, base + i as u32, 1);
            self.line = saved;
        }
    }

    pub(crate) fn function_def(&mut self, f: &'a ast::StmtFunctionDef) -> R {
        let child = self.child_scope(f, f.range)?;
        let (base, obj) = self.decorators(&f.decorator_list)?;
        // Undecorated into a plain local: make the function in its register.
        let direct = match self.access(&self.mangle(f.name.id.as_str())) {
            Access::Reg(r) if f.decorator_list.is_empty() => Some(r),
            _ => None,
        };
        self.at(f.name.range);
        self.make_function(child, Some(&f.parameters), direct.unwrap_or(obj), |u| {
            u.stmts(&f.body)
        })?;
        self.apply_decorators(&f.decorator_list, base);
        match direct {
            Some(r) => self.set_assigned(r, true),
            None => self.store_name(f.name.id.as_str(), base),
        }
        Ok(())
    }

    pub(crate) fn lambda(&mut self, l: &'a ast::ExprLambda, dst: u32) -> R {
        let child = self.child_scope(l, l.range)?;
        self.make_function(child, l.parameters.as_deref(), dst, |u| {
            let r = u.expr_any(&l.body)?;
            u.at(l.body.range());
            u.emit(Op::Return, 0, r, 0, 0);
            Ok(())
        })
    }

    pub(crate) fn class_def(&mut self, c: &'a ast::StmtClassDef) -> R {
        let child = self.child_scope(c, c.range)?;
        if let Some(args) = &c.arguments {
            if let Some(k) = args.keywords.first() {
                let what = if k.arg.as_ref().is_some_and(|a| a.id.as_str() == "metaclass") {
                    "metaclass"
                } else {
                    "class keyword arguments"
                };
                return self.unsupported(k.range, what);
            }
            if let Some(s) = args.args.iter().find(|a| matches!(a, Expr::Starred(_))) {
                return self.unsupported(s.range(), "starred class bases");
            }
        }
        let (base, cls) = self.decorators(&c.decorator_list)?;
        self.at(c.name.range);
        let body_fn = self.temp();
        let qualname = self.ctx.table.scopes[child].qualname.clone();
        self.make_function(child, None, body_fn, |u| {
            let m = u.mark();
            let t = u.temp();
            u.line = u.scope.first_line;
            let k = u.name_index("__name__");
            u.emit(Op::LoadName, 0, t, k, 0);
            u.emit_name(Op::StoreName, "__module__", t);
            u.load_const(t, Const::Str(qualname));
            u.emit_name(Op::StoreName, "__qualname__", t);
            u.release(m);
            u.docstring(&c.body);
            u.stmts(&c.body)
        })?;
        let bases: &'a [Expr] = c.arguments.as_ref().map_or(&[], |a| &a.args);
        let tuple = self.temp();
        let b = self.temps(bases.len() as u32);
        for (i, e) in bases.iter().enumerate() {
            self.expr_to(e, b + i as u32)?;
        }
        self.at(c.name.range);
        self.emit(Op::BuildTuple, 0, tuple, b, bases.len() as u32);
        self.emit(Op::MakeClass, 0, cls, body_fn, tuple);
        self.apply_decorators(&c.decorator_list, base);
        self.store_name(c.name.id.as_str(), base);
        Ok(())
    }

    /// A list/set/dict comprehension or generator expression (`value` is the
    /// dict comprehension's value; `elt` its key).
    pub(crate) fn comprehension<T: Ranged>(
        &mut self,
        node: &'a T,
        generators: &'a [ast::Comprehension],
        elt: &'a Expr,
        value: Option<&'a Expr>,
        dst: u32,
    ) -> R {
        let child = self.child_scope(node, node.range())?;
        let crate::frontend::scope::Kind::Comprehension(kind) = self.ctx.table.scopes[child].kind
        else {
            return self.syntax(node.range(), crate::frontend::INTERNAL_ERROR);
        };
        let Some(first) = generators.first() else {
            return self.syntax(node.range(), "invalid comprehension");
        };
        let m = self.mark();
        let f = self.temps(2);
        self.make_function(child, None, f, |u| {
            u.comprehension_body(kind, generators, elt, value)
        })?;
        let it = self.iterable(&first.iter)?;
        self.at(first.iter.range());
        self.emit(Op::GetIter, 0, f + 1, it, 0);
        self.at(node.range());
        self.emit(Op::Call, 0, dst, f, 1);
        self.release(m);
        Ok(())
    }

    fn comprehension_body(
        &mut self,
        kind: CompKind,
        generators: &'a [ast::Comprehension],
        elt: &'a Expr,
        value: Option<&'a Expr>,
    ) -> R {
        let acc = self.temp();
        match kind {
            CompKind::List => self.emit(Op::BuildList, 0, acc, 0, 0),
            CompKind::Set => self.emit(Op::BuildSet, 0, acc, 0, 0),
            CompKind::Dict => self.emit(Op::BuildDict, 0, acc, 0, 0),
            CompKind::Generator => {}
        }
        self.comp_loop(kind, generators, 0, elt, value, acc)?;
        if kind != CompKind::Generator {
            self.emit(Op::Return, 0, acc, 0, 0);
        }
        Ok(())
    }

    fn comp_loop(
        &mut self,
        kind: CompKind,
        generators: &'a [ast::Comprehension],
        i: usize,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        acc: u32,
    ) -> R {
        let g = &generators[i];
        let saved = self.at(g.range);
        let m = self.mark();
        let x = self.temps(2);
        if i == 0 {
            // `.0`, the iterator made by the caller, is register 0.
            self.emit(Op::Move, 0, x + 1, 0, 0);
        } else {
            let seq = self.iterable(&g.iter)?;
            self.emit(Op::GetIter, 0, x + 1, seq, 0);
            self.release(x + 2);
        }
        let header = self.pc();
        let exit = self.emit_jump(Op::ForIter, x);
        let header_flow = self.flow.clone();
        self.store_target(&g.target, x)?;
        let mut skips = Vec::new();
        for cond in &g.ifs {
            self.jump_if(cond, false, &mut skips)?;
        }
        if i + 1 < generators.len() {
            self.comp_loop(kind, generators, i + 1, elt, value, acc)?;
        } else {
            let m2 = self.mark();
            match kind {
                CompKind::List | CompKind::Set => {
                    let v = self.expr_any(elt)?;
                    let op = if kind == CompKind::List {
                        Op::ListAppend
                    } else {
                        Op::SetAdd
                    };
                    self.emit(op, 0, acc, v, 0);
                }
                CompKind::Dict => {
                    let k = self.expr_any(elt)?;
                    let v = match value {
                        Some(v) => self.expr_any(v)?,
                        None => k,
                    };
                    self.emit(Op::DictSet, 0, acc, k, v);
                }
                CompKind::Generator => {
                    let v = self.expr_any(elt)?;
                    let sent = self.temp();
                    self.emit(Op::Yield, 0, sent, v, 0);
                }
            }
            self.release(m2);
        }
        for j in skips {
            self.patch_here(j);
        }
        self.at(g.range);
        self.emit_jump_back(header);
        self.patch_here(exit);
        self.flow = header_flow;
        self.release(m);
        self.line = saved;
        Ok(())
    }
}
