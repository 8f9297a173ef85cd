//! Calls: positional (`Call`), keyword (`CallKw`), method (`LoadMethod` +
//! `CallMethod`), unpacking (`CallEx`), and zero-argument `super()`.
//!
//! Register layouts (callee first, arguments in the following registers):
//! - `Call dst, f, n`: f, a1..an.
//! - `CallKw dst, f, n`: f, a1..an, kwnames tuple (its last entries name the
//!   last arguments).
//! - `CallMethod dst, m, n` after `LoadMethod m, obj, name`: m, self, a1..an.
//! - `CallEx dst, f, t` (aux=1 with a dict): t = positional tuple, t+1 = kwargs dict.

use super::{Access, Unit, R};
use crate::frontend::bc::{Const, Op};
use crate::frontend::scope::{Kind, Resolved};
use ruff_python_ast::{self as ast, Expr};
use ruff_text_size::Ranged;

impl<'a> Unit<'a> {
    pub(crate) fn call(&mut self, c: &'a ast::ExprCall, dst: u32) -> R {
        let args = &c.arguments.args;
        let keywords = &c.arguments.keywords;
        let starred = args.iter().any(|a| matches!(a, Expr::Starred(_)))
            || keywords.iter().any(|k| k.arg.is_none());
        if starred {
            return self.call_ex(c, dst);
        }
        if args.is_empty() && keywords.is_empty() && self.zero_arg_super(c, dst)? {
            return Ok(());
        }
        if keywords.is_empty() {
            if let Expr::Attribute(attr) = &*c.func {
                return self.method_call(attr, args, dst);
            }
        }
        let m = self.mark();
        let nargs = (args.len() + keywords.len()) as u32;
        let f = self.temps(1 + nargs + u32::from(!keywords.is_empty()));
        self.expr_to(&c.func, f)?;
        for (i, a) in args.iter().enumerate() {
            self.expr_to(a, f + 1 + i as u32)?;
        }
        let mut names = Vec::new();
        for (j, k) in keywords.iter().enumerate() {
            self.expr_to(&k.value, f + 1 + (args.len() + j) as u32)?;
            names.push(Const::Str(
                k.arg
                    .as_ref()
                    .map(|a| a.id.as_str().to_string())
                    .unwrap_or_default(),
            ));
        }
        self.at(c.range());
        if keywords.is_empty() {
            self.emit(Op::Call, 0, dst, f, nargs);
        } else {
            self.load_const(f + 1 + nargs, Const::Tuple(names));
            self.emit(Op::CallKw, 0, dst, f, nargs);
        }
        self.release(m);
        Ok(())
    }

    fn method_call(&mut self, attr: &'a ast::ExprAttribute, args: &'a [Expr], dst: u32) -> R {
        let m = self.mark();
        let obj = self.expr_any(&attr.value)?;
        let block = self.temps(2 + args.len() as u32);
        let name = self.mangle(attr.attr.id.as_str());
        let n = self.name_index(&name);
        // CPython reports a method call on the line of the method's name.
        let saved = self.at(attr.attr.range);
        self.emit(Op::LoadMethod, 0, block, obj, n);
        self.line = saved;
        for (i, a) in args.iter().enumerate() {
            self.expr_to(a, block + 2 + i as u32)?;
        }
        self.at(attr.attr.range);
        self.emit(Op::CallMethod, 0, dst, block, args.len() as u32);
        self.line = saved;
        self.release(m);
        Ok(())
    }

    /// A call with `*args` or `**kwargs`.
    fn call_ex(&mut self, c: &'a ast::ExprCall, dst: u32) -> R {
        let m = self.mark();
        let f = self.temp();
        self.expr_to(&c.func, f)?;
        let t = self.temps(2);
        let args = &c.arguments.args;
        let lead = args
            .iter()
            .take_while(|a| !matches!(a, Expr::Starred(_)))
            .take(16)
            .count();
        let base = self.temps(lead as u32);
        for (i, a) in args[..lead].iter().enumerate() {
            self.expr_to(a, base + i as u32)?;
        }
        self.emit(Op::BuildList, 0, t, base, lead as u32);
        for a in &args[lead..] {
            let m2 = self.mark();
            match a {
                Expr::Starred(s) => {
                    let v = self.expr_any(&s.value)?;
                    self.emit(Op::ListExtend, 0, t, v, 0);
                }
                _ => {
                    let v = self.expr_any(a)?;
                    self.emit(Op::ListAppend, 0, t, v, 0);
                }
            }
            self.release(m2);
        }
        self.emit(Op::ListToTuple, 0, t, t, 0);
        let keywords = &c.arguments.keywords;
        if !keywords.is_empty() {
            // As CPython: explicit keywords go straight into the dict until
            // the first `**`; after it, each is merged, so a name given twice
            // is a TypeError (`DictMerge` names the callee in `f`).
            self.emit(Op::BuildDict, 0, t + 1, 0, 0);
            let mut merged = false;
            for k in keywords.iter() {
                let m2 = self.mark();
                match &k.arg {
                    Some(name) if !merged => {
                        let key = self.temp();
                        self.load_const(key, Const::Str(name.id.as_str().to_string()));
                        let v = self.expr_any(&k.value)?;
                        self.emit(Op::DictSet, 0, t + 1, key, v);
                    }
                    Some(name) => {
                        let pair = self.temps(3);
                        self.load_const(pair, Const::Str(name.id.as_str().to_string()));
                        self.expr_to(&k.value, pair + 1)?;
                        self.emit(Op::BuildDict, 0, pair + 2, pair, 1);
                        self.at(c.range());
                        self.emit(Op::DictMerge, 0, t + 1, pair + 2, f);
                    }
                    None => {
                        merged = true;
                        let v = self.expr_any(&k.value)?;
                        self.at(c.range());
                        self.emit(Op::DictMerge, 0, t + 1, v, f);
                    }
                }
                self.release(m2);
            }
        }
        self.at(c.range());
        self.emit(Op::CallEx, u8::from(!keywords.is_empty()), dst, f, t);
        self.release(m);
        Ok(())
    }

    /// `super()` in a method becomes `super(__class__, <first argument>)`,
    /// which is what CPython's argument-less `super` computes from the frame.
    fn zero_arg_super(&mut self, c: &'a ast::ExprCall, dst: u32) -> R<bool> {
        let Expr::Name(n) = &*c.func else {
            return Ok(false);
        };
        if n.id.as_str() != "super"
            || !self.scope.kind.is_function()
            || self.scope.argcount == 0
            || self.scope.resolve("super") != Resolved::GlobalImplicit
            || self.ctx.table.module_defined.contains("super")
            || self.scope.resolve("__class__") != Resolved::Free
        {
            return Ok(false);
        }
        debug_assert!(matches!(
            self.scope.kind,
            Kind::Function | Kind::Lambda | Kind::Comprehension(_)
        ));
        let first = self.scope.params[0].clone();
        let first_access = self.access(&first);
        if matches!(first_access, Access::Global | Access::Name) {
            return Ok(false);
        }
        let m = self.mark();
        let f = self.temps(3);
        self.load_name(n, f)?;
        let class_reg = self.locals["__class__"];
        let k = self.name_index("__class__");
        self.emit(Op::LoadDeref, 1, f + 1, class_reg, k);
        match first_access {
            Access::Reg(r) => {
                self.check_bound(r, &first);
                self.emit(Op::Move, 0, f + 2, r, 0);
            }
            Access::Deref { reg, free } => {
                let k = self.name_index(&first);
                self.emit(Op::LoadDeref, free as u8, f + 2, reg, k);
            }
            Access::Global | Access::Name => {}
        }
        self.at(c.range());
        self.emit(Op::Call, 0, dst, f, 2);
        self.release(m);
        Ok(true)
    }
}
