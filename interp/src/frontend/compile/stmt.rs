//! Statements: control flow (`if`, `while`, `for`), imports, `assert`, and
//! dispatch to the assignment, exception and definition compilers.
//!
//! Loops: the header is the target of `continue` and of the back edge
//! (`JumpBack`); `for` keeps its iterator in `x+1` for a temporary pair
//! `x, x+1` and fetches with `ForIter x, exit`.

use super::{meet, FBlock, Flow, Unit, R};
use crate::frontend::bc::Op;
use ruff_python_ast::{self as ast, Stmt};
use ruff_text_size::Ranged;

impl<'a> Unit<'a> {
    pub(crate) fn stmts(&mut self, body: &'a [Stmt]) -> R {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    pub(crate) fn stmt(&mut self, s: &'a Stmt) -> R {
        let saved = self.at(s.range());
        let m = self.mark();
        let result = self.stmt_inner(s);
        self.release(m);
        self.line = saved;
        result
    }

    fn stmt_inner(&mut self, s: &'a Stmt) -> R {
        match s {
            Stmt::Expr(e) => {
                // Constant expression statements (docstrings) do nothing.
                if self.const_value(&e.value).is_none() {
                    self.expr_any(&e.value)?;
                }
                Ok(())
            }
            Stmt::Assign(a) => self.assign(a),
            Stmt::AugAssign(a) => self.aug_assign(a),
            Stmt::AnnAssign(a) => self.ann_assign(a),
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.delete(t)?;
                }
                Ok(())
            }
            Stmt::Pass(_) | Stmt::Global(_) | Stmt::Nonlocal(_) => Ok(()),
            Stmt::If(i) => self.if_stmt(i),
            Stmt::While(w) => self.while_stmt(w),
            Stmt::For(f) => {
                if f.is_async {
                    return self.unsupported(f.range, "async for");
                }
                self.for_stmt(f)
            }
            Stmt::Break(b) => self.break_or_continue(b.range, true),
            Stmt::Continue(c) => self.break_or_continue(c.range, false),
            Stmt::Return(r) => self.return_stmt(r),
            Stmt::Raise(r) => self.raise(r),
            Stmt::Try(t) => self.try_stmt(t),
            Stmt::Assert(a) => self.assert_stmt(a),
            Stmt::Import(i) => self.import(i),
            Stmt::ImportFrom(f) => self.import_from(f),
            Stmt::FunctionDef(f) => {
                if f.is_async {
                    return self.unsupported(f.range, "async def");
                }
                self.function_def(f)
            }
            Stmt::ClassDef(c) => self.class_def(c),
            Stmt::With(w) => self.unsupported(
                w.range,
                if w.is_async {
                    "async with"
                } else {
                    "with statement"
                },
            ),
            Stmt::Match(m) => self.unsupported(m.range, "match statement"),
            Stmt::TypeAlias(t) => self.unsupported(t.range, "type alias"),
            Stmt::IpyEscapeCommand(c) => self.unsupported(c.range, "IPython escape command"),
        }
    }

    /// `if`/`elif`/`else`, iteratively (an `elif` chain can be arbitrarily long).
    fn if_stmt(&mut self, i: &'a ast::StmtIf) -> R {
        let mut ends = Vec::new();
        let mut end_flow: Flow = None;
        let mut test = Some(&*i.test);
        let mut body: &'a [Stmt] = &i.body;
        let mut clauses = i.elif_else_clauses.iter();
        loop {
            let Some(t) = test else {
                // `else` clause.
                self.stmts(body)?;
                break;
            };
            let mut orelse = Vec::new();
            self.jump_if(t, false, &mut orelse)?;
            let after_test = self.flow.clone();
            self.stmts(body)?;
            let Some(clause) = clauses.next() else {
                for j in orelse {
                    self.patch_here(j);
                }
                self.flow = meet(self.flow.take(), after_test);
                break;
            };
            ends.push(self.emit_jump(Op::Jump, 0));
            end_flow = meet(end_flow, std::mem::replace(&mut self.flow, after_test));
            for j in orelse {
                self.patch_here(j);
            }
            self.at(clause.range);
            test = clause.test.as_ref();
            body = &clause.body;
        }
        for j in ends {
            self.patch_here(j);
        }
        self.flow = meet(end_flow, self.flow.take());
        Ok(())
    }

    fn loop_header(&mut self, body: &'a [Stmt]) -> u32 {
        self.flow = self.without_unbinds(self.flow.clone(), &[body]);
        self.pc()
    }

    /// Pops the innermost loop block and patches its breaks to here; returns
    /// the states at the breaks.
    fn end_loop(&mut self) -> Vec<super::Flow> {
        match self.fblocks.pop() {
            Some(FBlock::Loop {
                breaks,
                break_states,
                ..
            }) => {
                for j in breaks {
                    self.patch_here(j);
                }
                break_states
            }
            _ => Vec::new(),
        }
    }

    fn while_stmt(&mut self, w: &'a ast::StmtWhile) -> R {
        let header = self.loop_header(&w.body);
        let forever = matches!(self.const_value(&w.test), Some(c) if crate::frontend::compile::truthy(&c) == Some(true));
        let mut exit = Vec::new();
        if !forever {
            self.jump_if(&w.test, false, &mut exit)?;
        }
        let exit_flow = if forever { None } else { self.flow.clone() };
        self.fblocks.push(FBlock::Loop {
            header,
            breaks: Vec::new(),
            break_states: Vec::new(),
        });
        self.stmts(&w.body)?;
        if self.flow.is_some() {
            self.at(w.range);
            self.emit_jump_back(header);
        }
        // Breaks skip the else clause: take them off the block stack first.
        let loop_block = self.fblocks.pop();
        for j in exit {
            self.patch_here(j);
        }
        self.flow = exit_flow;
        self.stmts(&w.orelse)?;
        if let Some(b) = loop_block {
            self.fblocks.push(b);
        }
        for s in self.end_loop() {
            self.flow = meet(self.flow.take(), s);
        }
        Ok(())
    }

    fn for_stmt(&mut self, f: &'a ast::StmtFor) -> R {
        let m = self.mark();
        let x = self.temps(2);
        let seq = self.iterable(&f.iter)?;
        self.at(f.iter.range());
        self.emit(Op::GetIter, 0, x + 1, seq, 0);
        self.release(x + 2);
        let header = self.loop_header(&f.body);
        self.at(f.range);
        let exit = self.emit_jump(Op::ForIter, x);
        let exit_flow = self.flow.clone();
        self.fblocks.push(FBlock::Loop {
            header,
            breaks: Vec::new(),
            break_states: Vec::new(),
        });
        self.store_target(&f.target, x)?;
        self.stmts(&f.body)?;
        if self.flow.is_some() {
            self.at(f.range);
            self.emit_jump_back(header);
        }
        let loop_block = self.fblocks.pop();
        self.patch_here(exit);
        self.flow = exit_flow;
        self.release(m);
        self.stmts(&f.orelse)?;
        if let Some(b) = loop_block {
            self.fblocks.push(b);
        }
        for s in self.end_loop() {
            self.flow = meet(self.flow.take(), s);
        }
        Ok(())
    }

    fn assert_stmt(&mut self, a: &'a ast::StmtAssert) -> R {
        let mut ok = Vec::new();
        self.jump_if(&a.test, true, &mut ok)?;
        let after_test = self.flow.clone();
        match &a.msg {
            Some(msg) => {
                let r = self.expr_any(msg)?;
                self.at(a.range);
                self.emit(Op::RaiseAssert, 1, r, 0, 0);
            }
            None => self.emit(Op::RaiseAssert, 0, 0, 0, 0),
        }
        for j in ok {
            self.patch_here(j);
        }
        self.flow = after_test;
        Ok(())
    }

    fn import(&mut self, i: &'a ast::StmtImport) -> R {
        for alias in &i.names {
            let module = alias.name.id.as_str();
            if module.contains('.') {
                return self.unsupported(alias.range, "dotted import");
            }
            let m = self.mark();
            let r = self.temp();
            let n = self.name_index(module);
            self.emit(Op::ImportName, 0, r, n, 0);
            let bound = alias.asname.as_ref().unwrap_or(&alias.name);
            self.store_name(bound.id.as_str(), r);
            self.release(m);
        }
        Ok(())
    }

    fn import_from(&mut self, f: &'a ast::StmtImportFrom) -> R {
        let module = f.module.as_ref().map(|m| m.id.as_str()).unwrap_or("");
        if f.level > 0 {
            return self.unsupported(f.range, "relative import");
        }
        if module.contains('.') {
            return self.unsupported(f.range, "dotted import");
        }
        if module == "__future__" {
            // Features are compile-time switches; those accepted change nothing here.
            return Ok(());
        }
        let r = self.temp();
        let n = self.name_index(module);
        self.emit(Op::ImportName, 0, r, n, 0);
        for alias in &f.names {
            let name = alias.name.id.as_str();
            if name == "*" {
                self.emit(Op::ImportStar, 0, r, 0, 0);
                continue;
            }
            let m = self.mark();
            let t = self.temp();
            let k = self.name_index(name);
            self.at(alias.range);
            self.emit(Op::ImportFrom, 0, t, r, k);
            let bound = alias.asname.as_ref().unwrap_or(&alias.name);
            self.store_name(bound.id.as_str(), t);
            self.release(m);
        }
        Ok(())
    }
}
