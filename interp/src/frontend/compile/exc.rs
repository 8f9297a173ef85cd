//! Exceptions and non-local exits: `try`/`except`/`else`/`finally`, `raise`,
//! and `return`/`break`/`continue` unwinding through enclosing blocks.
//!
//! The protocol (the interpreter's side is in `opcodes.rs`):
//! 1. A handler starts with `LoadExc e, saved`: `e` is the exception, `saved`
//!    the exception that was being handled before (restored by `RestoreExc`).
//! 2. `try` body → handler: `ExcMatch m, e, T; JumpIfFalse m, next` per
//!    clause; a clause binds its name, runs its body, then `RestoreExc saved`,
//!    unbinds the name (`n = None; del n`) and jumps past the statement. No
//!    match: `RestoreExc saved; Reraise e`.
//! 3. Handler code is itself protected: the type tests and unnamed clause
//!    bodies by a "dispatch" region, each named clause body by its own region;
//!    their handlers do `LoadExc e2, junk; RestoreExc saved; [unbind]; Reraise e2`.
//! 4. `finally` is compiled on the normal path after the body, and as the
//!    handler of the body (`LoadExc e, saved; <finally>; RestoreExc saved;
//!    Reraise e`, protected like a clause body).
//! 5. `return`/`break`/`continue` unwind innermost first: each enclosing
//!    region's segment is closed, an enclosing `finally` body is compiled
//!    inline (with only the blocks outside it active), leaving a handler
//!    restores `saved` and unbinds its name; the closed regions reopen after
//!    the jump. A `return` value is evaluated before any of this.

use super::{meet, FBlock, Flow, Unit, R};
use crate::frontend::bc::{Const, Op};
use ruff_python_ast as ast;
use ruff_text_size::TextRange;

impl<'a> Unit<'a> {
    pub(crate) fn try_stmt(&mut self, t: &'a ast::StmtTry) -> R {
        if t.is_star {
            return self.unsupported(t.range, "except*");
        }
        if t.finalbody.is_empty() {
            self.try_except(t)
        } else {
            self.try_finally(t)
        }
    }

    fn try_finally(&mut self, t: &'a ast::StmtTry) -> R {
        let before = self.flow.clone();
        let region = self.open_region();
        self.fblocks.push(FBlock::TryFinally {
            region,
            body: &t.finalbody,
        });
        if t.handlers.is_empty() {
            self.stmts(&t.body)?;
        } else {
            self.try_except(t)?;
        }
        self.fblocks.pop();
        self.close_segment(region);

        // Normal path.
        self.stmts(&t.finalbody)?;
        let end = self.emit_jump(Op::Jump, 0);
        let normal = self.flow.take();

        // Exception path.
        self.set_handler(region);
        let mut unbinds = Vec::new();
        self.collect_try_unbinds(t, &mut unbinds);
        self.flow = without(before, &unbinds);
        let m = self.mark();
        let e = self.temp();
        let saved = self.temp();
        self.emit(Op::LoadExc, 0, e, saved, 0);
        let cleanup = self.open_region();
        self.fblocks.push(FBlock::Handler {
            region: cleanup,
            saved,
            name: None,
        });
        self.stmts(&t.finalbody)?;
        self.fblocks.pop();
        self.close_segment(cleanup);
        self.emit(Op::RestoreExc, 0, saved, 0, 0);
        self.emit(Op::Reraise, 0, e, 0, 0);
        self.set_handler(cleanup);
        self.reraise_after(saved, None);
        self.release(m);

        self.patch_here(end);
        self.flow = normal;
        Ok(())
    }

    fn try_except(&mut self, t: &'a ast::StmtTry) -> R {
        let before = self.flow.clone();
        let region = self.open_region();
        self.fblocks.push(FBlock::TryExcept { region });
        self.stmts(&t.body)?;
        self.fblocks.pop();
        self.close_segment(region);
        self.stmts(&t.orelse)?;
        let mut ends = vec![self.emit_jump(Op::Jump, 0)];
        let mut end_flow = self.flow.take();

        self.set_handler(region);
        self.flow = self.without_unbinds(before, &[&t.body]);
        let m = self.mark();
        let e = self.temp();
        let saved = self.temp();
        self.emit(Op::LoadExc, 0, e, saved, 0);
        let dispatch = self.open_region();
        let mut named = Vec::new();
        for h in &t.handlers {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            let saved_line = self.at(h.range);
            let mut next = None;
            if let Some(ty) = &h.type_ {
                let m2 = self.mark();
                let tr = self.expr_any(ty)?;
                let mr = self.temp();
                self.at(h.range);
                self.emit(Op::ExcMatch, 0, mr, e, tr);
                next = Some(self.emit_jump(Op::JumpIfFalse, mr));
                self.release(m2);
            }
            let no_match: Flow = self.flow.clone();
            match &h.name {
                Some(n) => {
                    let name = n.id.as_str();
                    self.store_name(name, e);
                    self.close_segment(dispatch);
                    let cleanup = self.open_region();
                    self.fblocks.push(FBlock::Handler {
                        region: cleanup,
                        saved,
                        name: Some(name),
                    });
                    self.stmts(&h.body)?;
                    self.fblocks.pop();
                    self.close_segment(cleanup);
                    self.reopen(dispatch);
                    self.emit(Op::RestoreExc, 0, saved, 0, 0);
                    self.unbind_name(name);
                    named.push((cleanup, name));
                }
                None => {
                    self.fblocks.push(FBlock::Handler {
                        region: dispatch,
                        saved,
                        name: None,
                    });
                    self.stmts(&h.body)?;
                    self.fblocks.pop();
                    self.emit(Op::RestoreExc, 0, saved, 0, 0);
                }
            }
            ends.push(self.emit_jump(Op::Jump, 0));
            end_flow = meet(end_flow, self.flow.take());
            match next {
                Some(j) => {
                    self.patch_here(j);
                    self.flow = no_match;
                }
                None => self.flow = None,
            }
            self.line = saved_line;
        }
        self.close_segment(dispatch);
        self.at(t.range);
        self.emit(Op::RestoreExc, 0, saved, 0, 0);
        self.emit(Op::Reraise, 0, e, 0, 0);
        self.set_handler(dispatch);
        self.reraise_after(saved, None);
        for (cleanup, name) in named {
            self.set_handler(cleanup);
            self.reraise_after(saved, Some(name));
        }
        self.release(m);
        for j in ends {
            self.patch_here(j);
        }
        self.flow = end_flow;
        Ok(())
    }

    /// A cleanup handler: restores `saved`, unbinds `name`, re-raises.
    fn reraise_after(&mut self, saved: u32, name: Option<&str>) {
        let m = self.mark();
        let e2 = self.temp();
        let junk = self.temp();
        self.emit(Op::LoadExc, 0, e2, junk, 0);
        self.emit(Op::RestoreExc, 0, saved, 0, 0);
        if let Some(n) = name {
            self.unbind_name(n);
        }
        self.emit(Op::Reraise, 0, e2, 0, 0);
        self.release(m);
    }

    pub(crate) fn raise(&mut self, r: &'a ast::StmtRaise) -> R {
        match (&r.exc, &r.cause) {
            (None, _) => self.emit(Op::Raise, 2, 0, 0, 0),
            (Some(exc), None) => {
                let e = self.expr_any(exc)?;
                self.at(r.range);
                self.emit(Op::Raise, 0, e, 0, 0);
            }
            (Some(exc), Some(cause)) => {
                let e = self.expr_any(exc)?;
                let c = self.expr_any(cause)?;
                self.at(r.range);
                self.emit(Op::Raise, 1, e, c, 0);
            }
        }
        self.unreachable();
        Ok(())
    }

    /// Emits the unwinding code for leaving every block above `depth`;
    /// returns the regions to reopen after the jump.
    fn unwind(&mut self, depth: usize) -> R<Vec<usize>> {
        let mut reopen = Vec::new();
        let mut i = self.fblocks.len();
        while i > depth {
            i -= 1;
            match &self.fblocks[i] {
                FBlock::Loop { .. } => {}
                FBlock::TryExcept { region } => {
                    let region = *region;
                    self.close_segment(region);
                    reopen.push(region);
                }
                FBlock::TryFinally { region, body } => {
                    let (region, body) = (*region, *body);
                    self.close_segment(region);
                    reopen.push(region);
                    let inner = self.fblocks.split_off(i);
                    let saved_line = self.line;
                    let result = self.stmts(body);
                    self.line = saved_line;
                    self.fblocks.extend(inner);
                    result?;
                }
                FBlock::Handler {
                    region,
                    saved,
                    name,
                } => {
                    let (region, saved, name) = (*region, *saved, *name);
                    self.close_segment(region);
                    reopen.push(region);
                    self.emit(Op::RestoreExc, 0, saved, 0, 0);
                    if let Some(n) = name {
                        self.unbind_name(n);
                    }
                }
            }
        }
        Ok(reopen)
    }

    fn needs_unwind_code(&self) -> bool {
        self.fblocks
            .iter()
            .any(|f| matches!(f, FBlock::TryFinally { .. } | FBlock::Handler { .. }))
    }

    pub(crate) fn return_stmt(&mut self, r: &'a ast::StmtReturn) -> R {
        let value = match &r.value {
            Some(v) if self.needs_unwind_code() => {
                let t = self.temp();
                self.expr_to(v, t)?;
                t
            }
            Some(v) => self.expr_any(v)?,
            None => {
                let t = self.temp();
                self.load_const(t, Const::None);
                t
            }
        };
        let reopen = self.unwind(0)?;
        self.at(r.range);
        self.emit(Op::Return, 0, value, 0, 0);
        for region in reopen {
            self.reopen(region);
        }
        self.unreachable();
        Ok(())
    }

    pub(crate) fn break_or_continue(&mut self, range: TextRange, is_break: bool) -> R {
        let Some(idx) = self
            .fblocks
            .iter()
            .rposition(|f| matches!(f, FBlock::Loop { .. }))
        else {
            return if is_break {
                self.syntax(range, "'break' outside loop")
            } else {
                self.syntax(range, "'continue' not properly in loop")
            };
        };
        let reopen = self.unwind(idx + 1)?;
        self.at(range);
        let flow = self.flow.clone();
        if let FBlock::Loop { header, .. } = &self.fblocks[idx] {
            let header = *header;
            if is_break {
                let j = self.emit_jump(Op::Jump, 0);
                if let FBlock::Loop {
                    breaks,
                    break_states,
                    ..
                } = &mut self.fblocks[idx]
                {
                    breaks.push(j);
                    break_states.push(flow);
                }
            } else {
                self.emit_jump_back(header);
            }
        }
        for region in reopen {
            self.reopen(region);
        }
        self.unreachable();
        Ok(())
    }
}

/// `state` with the given registers marked unassigned.
fn without(state: Flow, regs: &[u32]) -> Flow {
    let mut state = state?;
    for &r in regs {
        if let Some(slot) = state.get_mut(r as usize) {
            *slot = false;
        }
    }
    Some(state)
}
