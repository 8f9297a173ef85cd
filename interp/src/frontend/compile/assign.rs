//! Assignment: stores to names, attributes, subscripts and (starred)
//! unpacking targets; augmented and annotated assignment; `del`.
//!
//! Order of evaluation follows CPython: the value first, then for each target
//! (left to right) its own subexpressions just before its store.

use super::{Access, Unit, R};
use crate::frontend::bc::{Const, Op};
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::Ranged;

impl<'a> Unit<'a> {
    /// Stores register `src` into the (unmangled) name.
    pub(crate) fn store_name(&mut self, raw: &str, src: u32) {
        let name = self.mangle(raw);
        match self.access(&name) {
            Access::Reg(r) => {
                if r != src {
                    self.emit(Op::Move, 0, r, src, 0);
                }
                self.set_assigned(r, true);
            }
            Access::Deref { reg, .. } => self.emit(Op::StoreDeref, 0, reg, src, 0),
            Access::Global => {
                let g = self.global_index(&name);
                self.emit(Op::StoreGlobal, 0, g, src, 0);
            }
            Access::Name => self.emit_name(Op::StoreName, &name, src),
        }
    }

    /// `name = None; del name` (CPython's cleanup of `except ... as name`).
    pub(crate) fn unbind_name(&mut self, raw: &str) {
        let name = self.mangle(raw);
        let m = self.mark();
        match self.access(&name) {
            Access::Reg(r) => {
                self.load_const(r, Const::None);
                let n = self.name_index(&name);
                self.emit(Op::DeleteLocal, 0, r, n, 0);
                self.set_assigned(r, false);
            }
            Access::Deref { reg, free } => {
                let t = self.temp();
                self.load_const(t, Const::None);
                self.emit(Op::StoreDeref, 0, reg, t, 0);
                let n = self.name_index(&name);
                self.emit(Op::DeleteDeref, free as u8, reg, n, 0);
            }
            Access::Global => {
                let t = self.temp();
                self.load_const(t, Const::None);
                let g = self.global_index(&name);
                self.emit(Op::StoreGlobal, 0, g, t, 0);
                self.emit(Op::DeleteGlobal, 0, g, 0, 0);
            }
            Access::Name => {
                let t = self.temp();
                self.load_const(t, Const::None);
                self.emit_name(Op::StoreName, &name, t);
                let n = self.name_index(&name);
                self.emit(Op::DeleteName, 0, n, 0, 0);
            }
        }
        self.release(m);
    }

    /// Stores register `src` into an assignment target.
    pub(crate) fn store_target(&mut self, target: &'a Expr, src: u32) -> R {
        let saved = self.at(target.range());
        let m = self.mark();
        match target {
            Expr::Name(n) => self.store_name(n.id.as_str(), src),
            Expr::Attribute(a) => {
                let obj = self.expr_any(&a.value)?;
                let name = self.mangle(a.attr.id.as_str());
                let n = self.name_index(&name);
                self.at(a.attr.range);
                self.emit(Op::SetAttr, 0, obj, n, src);
            }
            Expr::Subscript(s) => {
                let obj = self.expr_any(&s.value)?;
                let key = self.slice_any(&s.slice)?;
                self.at(s.range);
                self.emit(Op::SetItem, 0, obj, key, src);
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                self.unpack(elts, src, target)?;
            }
            other => return self.syntax(other.range(), "cannot assign to expression"),
        }
        self.release(m);
        self.line = saved;
        Ok(())
    }

    fn unpack(&mut self, elts: &'a [Expr], src: u32, target: &Expr) -> R {
        let star = elts.iter().position(|e| matches!(e, Expr::Starred(_)));
        let base = self.temps(elts.len() as u32);
        match star {
            None => self.emit(Op::Unpack, 0, base, src, elts.len() as u32),
            Some(i) => {
                let after = elts.len() - i - 1;
                if i > 255 || after > 255 {
                    return self.syntax(
                        target.range(),
                        "too many expressions in star-unpacking assignment",
                    );
                }
                self.emit(Op::UnpackEx, after as u8, base, src, i as u32);
            }
        }
        for (i, e) in elts.iter().enumerate() {
            let e = match e {
                Expr::Starred(s) => &*s.value,
                other => other,
            };
            self.store_target(e, base + i as u32)?;
        }
        Ok(())
    }

    pub(crate) fn assign(&mut self, a: &'a ast::StmtAssign) -> R {
        if let [target] = a.targets.as_slice() {
            // `x = e` into a plain local: evaluate straight into its register.
            if let Expr::Name(n) = target {
                let name = self.mangle(n.id.as_str());
                if let Access::Reg(r) = self.access(&name) {
                    self.expr_to(&a.value, r)?;
                    self.set_assigned(r, true);
                    return Ok(());
                }
            }
            // `a, b = x, y`: no tuple is built (CPython swaps on its stack).
            if let (Some(targets), Some(values)) = (plain_seq(target), plain_seq(&a.value)) {
                if targets.len() == values.len() && targets.len() <= 16 {
                    let base = self.temps(values.len() as u32);
                    for (i, v) in values.iter().enumerate() {
                        self.expr_to(v, base + i as u32)?;
                    }
                    for (i, t) in targets.iter().enumerate() {
                        self.store_target(t, base + i as u32)?;
                    }
                    return Ok(());
                }
            }
        }
        let value = if a.targets.len() > 1 {
            let t = self.temp();
            self.expr_to(&a.value, t)?;
            t
        } else {
            self.expr_any(&a.value)?
        };
        for t in &a.targets {
            self.store_target(t, value)?;
        }
        Ok(())
    }

    pub(crate) fn aug_assign(&mut self, a: &'a ast::StmtAugAssign) -> R {
        let Some((_, op)) = super::expr::binop(a.op) else {
            return self.unsupported(a.range, "matrix multiplication (@)");
        };
        let aux = op as u8;
        match &*a.target {
            Expr::Name(n) => {
                let name = self.mangle(n.id.as_str());
                let access = self.access(&name);
                match access {
                    Access::Reg(r) => {
                        self.check_bound(r, &name);
                        let v = self.expr_any(&a.value)?;
                        self.at(a.range);
                        self.emit(Op::Inplace, aux, r, r, v);
                    }
                    _ => {
                        let t = self.temp();
                        self.load_name(n, t)?;
                        let v = self.expr_any(&a.value)?;
                        self.at(a.range);
                        self.emit(Op::Inplace, aux, t, t, v);
                        self.store_name(n.id.as_str(), t);
                    }
                }
            }
            Expr::Attribute(at) => {
                let obj = self.expr_any(&at.value)?;
                let name = self.mangle(at.attr.id.as_str());
                let k = self.name_index(&name);
                let t = self.temp();
                self.at(at.attr.range);
                self.emit(Op::GetAttr, 0, t, obj, k);
                let v = self.expr_any(&a.value)?;
                self.at(a.range);
                self.emit(Op::Inplace, aux, t, t, v);
                self.at(at.attr.range);
                self.emit(Op::SetAttr, 0, obj, k, t);
            }
            Expr::Subscript(s) => {
                let obj = self.expr_any(&s.value)?;
                let key = self.slice_any(&s.slice)?;
                let t = self.temp();
                self.at(s.range);
                self.emit(Op::GetItem, 0, t, obj, key);
                let v = self.expr_any(&a.value)?;
                self.at(a.range);
                self.emit(Op::Inplace, aux, t, t, v);
                self.emit(Op::SetItem, 0, obj, key, t);
            }
            other => {
                return self.syntax(
                    other.range(),
                    "'expression' is an illegal expression for augmented assignment",
                )
            }
        }
        Ok(())
    }

    pub(crate) fn ann_assign(&mut self, a: &'a ast::StmtAnnAssign) -> R {
        match &a.value {
            Some(v) => {
                let value = self.expr_any(v)?;
                self.store_target(&a.target, value)
            }
            // A bare annotation evaluates only the target's object (and key).
            None => match &*a.target {
                Expr::Attribute(at) => self.expr_any(&at.value).map(|_| ()),
                Expr::Subscript(s) => {
                    self.expr_any(&s.value)?;
                    self.slice_any(&s.slice).map(|_| ())
                }
                _ => Ok(()),
            },
        }
    }

    pub(crate) fn delete(&mut self, target: &'a Expr) -> R {
        let saved = self.at(target.range());
        let m = self.mark();
        match target {
            Expr::Name(n) => {
                let name = self.mangle(n.id.as_str());
                let k = self.name_index(&name);
                match self.access(&name) {
                    Access::Reg(r) => {
                        self.emit(Op::DeleteLocal, 0, r, k, 0);
                        self.set_assigned(r, false);
                    }
                    Access::Deref { reg, free } => {
                        self.emit(Op::DeleteDeref, free as u8, reg, k, 0)
                    }
                    Access::Global => {
                        let g = self.global_index(&name);
                        self.emit(Op::DeleteGlobal, 0, g, 0, 0);
                    }
                    Access::Name => self.emit(Op::DeleteName, 0, k, 0, 0),
                }
            }
            Expr::Attribute(a) => {
                let obj = self.expr_any(&a.value)?;
                let name = self.mangle(a.attr.id.as_str());
                let k = self.name_index(&name);
                self.at(a.attr.range);
                self.emit(Op::DelAttr, 0, obj, k, 0);
            }
            Expr::Subscript(s) => {
                let obj = self.expr_any(&s.value)?;
                let key = self.slice_any(&s.slice)?;
                self.emit(Op::DelItem, 0, obj, key, 0);
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                for e in elts {
                    self.delete(e)?;
                }
            }
            other => return self.syntax(other.range(), "cannot delete expression"),
        }
        self.release(m);
        self.line = saved;
        Ok(())
    }

    /// Registers of plain locals that `body` may unbind (`del x`,
    /// `except ... as x`), not looking into nested scopes.
    pub(crate) fn collect_unbinds(&self, body: &[Stmt], out: &mut Vec<u32>) {
        for s in body {
            match s {
                Stmt::Delete(d) => {
                    for t in &d.targets {
                        self.collect_del_target(t, out);
                    }
                }
                Stmt::For(f) => {
                    self.collect_unbinds(&f.body, out);
                    self.collect_unbinds(&f.orelse, out);
                }
                Stmt::While(w) => {
                    self.collect_unbinds(&w.body, out);
                    self.collect_unbinds(&w.orelse, out);
                }
                Stmt::If(i) => {
                    self.collect_unbinds(&i.body, out);
                    for c in &i.elif_else_clauses {
                        self.collect_unbinds(&c.body, out);
                    }
                }
                Stmt::Try(t) => self.collect_try_unbinds(t, out),
                Stmt::With(w) => self.collect_unbinds(&w.body, out),
                _ => {}
            }
        }
    }

    pub(crate) fn collect_try_unbinds(&self, t: &ast::StmtTry, out: &mut Vec<u32>) {
        self.collect_unbinds(&t.body, out);
        for h in &t.handlers {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            if let Some(n) = &h.name {
                if let Access::Reg(r) = self.access(&self.mangle(n.id.as_str())) {
                    out.push(r);
                }
            }
            self.collect_unbinds(&h.body, out);
        }
        self.collect_unbinds(&t.orelse, out);
        self.collect_unbinds(&t.finalbody, out);
    }

    fn collect_del_target(&self, t: &Expr, out: &mut Vec<u32>) {
        match t {
            Expr::Name(n) => {
                if let Access::Reg(r) = self.access(&self.mangle(n.id.as_str())) {
                    out.push(r);
                }
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                for e in elts {
                    self.collect_del_target(e, out);
                }
            }
            _ => {}
        }
    }
}

/// The elements of a tuple/list display without starred items.
fn plain_seq(e: &Expr) -> Option<&[Expr]> {
    let elts = match e {
        Expr::Tuple(t) => &t.elts,
        Expr::List(l) => &l.elts,
        _ => return None,
    };
    if elts.iter().any(|x| matches!(x, Expr::Starred(_))) {
        None
    } else {
        Some(elts)
    }
}
