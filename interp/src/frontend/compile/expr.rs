//! Expressions: constants, names, operators, displays, subscripts, f-strings,
//! conditional jumps.
//!
//! Invariants:
//! 1. `expr_to(e, dst)` writes `dst` only with the last instruction of `e`
//!    when `dst` is a named local (see `compile/mod.rs`, invariant 2);
//!    multi-step constructs build in a temporary (`via_temp`).
//! 2. Code that runs only conditionally inside an expression (the right of
//!    `and`/`or`, the arms of `x if c else y`, the tail of a chained
//!    comparison) restores the definite-assignment state afterwards, so what
//!    a `CheckBound` proved on one arm is not assumed on the other.

use super::{Access, Unit, R};
use crate::frontend::bc::{BinOp, Const, Op};
use num_bigint::BigInt;
use num_traits::{Num, ToPrimitive};
use ruff_python_ast::{self as ast, CmpOp, Expr, ExprContext, Operator, UnaryOp};
use ruff_text_size::Ranged;

/// Displays longer than this are built incrementally (bounded registers).
const CHUNK: usize = 16;

/// The opcode of a binary operator (`None` for `@`).
pub(crate) fn binop(op: Operator) -> Option<(Op, BinOp)> {
    Some(match op {
        Operator::Add => (Op::Add, BinOp::Add),
        Operator::Sub => (Op::Sub, BinOp::Sub),
        Operator::Mult => (Op::Mul, BinOp::Mul),
        Operator::Div => (Op::TrueDiv, BinOp::TrueDiv),
        Operator::FloorDiv => (Op::FloorDiv, BinOp::FloorDiv),
        Operator::Mod => (Op::Mod, BinOp::Mod),
        Operator::Pow => (Op::Pow, BinOp::Pow),
        Operator::LShift => (Op::LShift, BinOp::LShift),
        Operator::RShift => (Op::RShift, BinOp::RShift),
        Operator::BitAnd => (Op::BitAnd, BinOp::BitAnd),
        Operator::BitOr => (Op::BitOr, BinOp::BitOr),
        Operator::BitXor => (Op::BitXor, BinOp::BitXor),
        Operator::MatMult => return None,
    })
}

fn cmpop(op: CmpOp) -> Op {
    match op {
        CmpOp::Eq => Op::Eq,
        CmpOp::NotEq => Op::Ne,
        CmpOp::Lt => Op::Lt,
        CmpOp::LtE => Op::Le,
        CmpOp::Gt => Op::Gt,
        CmpOp::GtE => Op::Ge,
        CmpOp::Is => Op::Is,
        CmpOp::IsNot => Op::IsNot,
        CmpOp::In => Op::In,
        CmpOp::NotIn => Op::NotIn,
    }
}

/// An integer literal's value.
fn int_const(i: &ast::Int) -> Const {
    if let Some(v) = i.as_u64() {
        if let Ok(small) = i64::try_from(v) {
            return Const::Int(small);
        }
        return Const::BigInt(BigInt::from(v));
    }
    let text: String = i.to_string().chars().filter(|&c| c != '_').collect();
    let lower = text.to_ascii_lowercase();
    let (digits, radix) = if let Some(d) = lower.strip_prefix("0x") {
        (d, 16)
    } else if let Some(d) = lower.strip_prefix("0o") {
        (d, 8)
    } else if let Some(d) = lower.strip_prefix("0b") {
        (d, 2)
    } else {
        (lower.as_str(), 10)
    };
    normalize(BigInt::from_str_radix(digits, radix).unwrap_or_default())
}

/// A big int that fits 64 bits becomes `Const::Int`.
fn normalize(b: BigInt) -> Const {
    match b.to_i64() {
        Some(v) => Const::Int(v),
        None => Const::BigInt(b),
    }
}

impl<'a> Unit<'a> {
    /// The constant value of `e` if it is a literal (CPython folds these).
    pub(crate) fn const_value(&self, e: &Expr) -> Option<Const> {
        Some(match e {
            Expr::NumberLiteral(n) => match &n.value {
                ast::Number::Int(i) => int_const(i),
                ast::Number::Float(f) => Const::Float(*f),
                ast::Number::Complex { .. } => return None,
            },
            Expr::StringLiteral(s) => Const::Str(s.value.to_str().to_string()),
            Expr::BooleanLiteral(b) => Const::Bool(b.value),
            Expr::NoneLiteral(_) => Const::None,
            Expr::EllipsisLiteral(_) => Const::Ellipsis,
            Expr::UnaryOp(u)
                if u.op == UnaryOp::USub && matches!(*u.operand, Expr::NumberLiteral(_)) =>
            {
                match self.const_value(&u.operand)? {
                    Const::Int(i) => match i.checked_neg() {
                        Some(n) => Const::Int(n),
                        None => Const::BigInt(-BigInt::from(i)),
                    },
                    Const::BigInt(b) => normalize(-b),
                    Const::Float(f) => Const::Float(-f),
                    _ => return None,
                }
            }
            Expr::Tuple(t) => Const::Tuple(
                t.elts
                    .iter()
                    .map(|x| self.const_value(x))
                    .collect::<Option<Vec<_>>>()?,
            ),
            _ => return None,
        })
    }

    /// Evaluates `e` into some register: a plain local's own register when `e`
    /// reads that local, else a new temporary (freed by the caller's `release`).
    pub(crate) fn expr_any(&mut self, e: &'a Expr) -> R<u32> {
        if let Expr::Name(n) = e {
            if n.ctx == ExprContext::Load && n.id.as_str() != "__debug__" {
                let name = self.mangle(n.id.as_str());
                if let Access::Reg(r) = self.access(&name) {
                    let saved = self.at(n.range);
                    self.check_bound(r, &name);
                    self.line = saved;
                    return Ok(r);
                }
            }
        }
        let t = self.temp();
        self.expr_to(e, t)?;
        Ok(t)
    }

    /// Emits `CheckBound` unless the local is definitely assigned here.
    pub(crate) fn check_bound(&mut self, r: u32, name: &str) {
        if !self.is_assigned(r) {
            let n = self.name_index(name);
            self.emit(Op::CheckBound, 0, r, n, 0);
            self.set_assigned(r, true);
        }
    }

    /// Runs `f` on `dst` if it is a temporary, else on a new temporary that
    /// is then moved into `dst` (invariant 1).
    pub(crate) fn via_temp(&mut self, dst: u32, f: impl FnOnce(&mut Self, u32) -> R) -> R {
        if self.is_temp(dst) {
            return f(self, dst);
        }
        let m = self.mark();
        let t = self.temp();
        f(self, t)?;
        self.emit(Op::Move, 0, dst, t, 0);
        self.release(m);
        Ok(())
    }

    /// Evaluates `e` into `dst`.
    pub(crate) fn expr_to(&mut self, e: &'a Expr, dst: u32) -> R {
        let saved = self.at(e.range());
        let result = self.expr_inner(e, dst);
        self.line = saved;
        result
    }

    fn expr_inner(&mut self, e: &'a Expr, dst: u32) -> R {
        if let Some(c) = self.const_value(e) {
            self.load_const(dst, c);
            return Ok(());
        }
        let m = self.mark();
        match e {
            Expr::Name(n) => self.load_name(n, dst)?,
            Expr::BinOp(b) => {
                let Some((op, _)) = binop(b.op) else {
                    return self.unsupported(b.range, "matrix multiplication (@)");
                };
                let l = self.expr_any(&b.left)?;
                let r = self.expr_any(&b.right)?;
                self.at(b.range);
                self.emit(op, 0, dst, l, r);
            }
            Expr::UnaryOp(u) => {
                let v = self.expr_any(&u.operand)?;
                self.at(u.range);
                let op = match u.op {
                    UnaryOp::Invert => Op::Invert,
                    UnaryOp::Not => Op::Not,
                    UnaryOp::UAdd => Op::Pos,
                    UnaryOp::USub => Op::Neg,
                };
                self.emit(op, 0, dst, v, 0);
            }
            Expr::BoolOp(b) => self.via_temp(dst, |u, t| u.bool_op(b, t))?,
            Expr::Compare(c) => {
                if c.ops.len() == 1 {
                    let l = self.expr_any(&c.left)?;
                    let r = self.operand_of(c.ops[0], &c.comparators[0])?;
                    self.at(c.range);
                    self.emit(cmpop(c.ops[0]), 0, dst, l, r);
                } else {
                    self.via_temp(dst, |u, t| u.chained_compare(c, t))?;
                }
            }
            Expr::If(i) => {
                let mut orelse = Vec::new();
                self.jump_if(&i.test, false, &mut orelse)?;
                let after_test = self.flow.clone();
                self.expr_to(&i.body, dst)?;
                let end = self.emit_jump(Op::Jump, 0);
                let body_flow = std::mem::replace(&mut self.flow, after_test);
                for j in orelse {
                    self.patch_here(j);
                }
                self.expr_to(&i.orelse, dst)?;
                self.patch_here(end);
                self.flow = super::meet(body_flow, self.flow.take());
            }
            Expr::Call(c) => self.call(c, dst)?,
            Expr::Attribute(a) => {
                let obj = self.expr_any(&a.value)?;
                let name = self.mangle(a.attr.id.as_str());
                let n = self.name_index(&name);
                self.at(a.attr.range);
                self.emit(Op::GetAttr, 0, dst, obj, n);
            }
            Expr::Subscript(s) => {
                let obj = self.expr_any(&s.value)?;
                let key = self.slice_any(&s.slice)?;
                self.at(s.range);
                self.emit(Op::GetItem, 0, dst, obj, key);
            }
            Expr::Slice(s) => self.build_slice(s, dst)?,
            Expr::Tuple(t) => self.sequence(&t.elts, Seq::Tuple, dst)?,
            Expr::List(l) => self.sequence(&l.elts, Seq::List, dst)?,
            Expr::Set(s) => self.sequence(&s.elts, Seq::Set, dst)?,
            Expr::Dict(d) => self.dict(d, dst)?,
            Expr::ListComp(c) => self.comprehension(c, &c.generators, &c.elt, None, dst)?,
            Expr::SetComp(c) => self.comprehension(c, &c.generators, &c.elt, None, dst)?,
            Expr::Generator(c) => self.comprehension(c, &c.generators, &c.elt, None, dst)?,
            Expr::DictComp(c) => match &c.key {
                Some(k) => self.comprehension(c, &c.generators, k, Some(&c.value), dst)?,
                None => {
                    return self.syntax(
                        c.range,
                        "dict unpacking cannot be used in dict comprehension",
                    )
                }
            },
            Expr::Lambda(l) => self.lambda(l, dst)?,
            Expr::FString(f) => self.fstring(f, dst)?,
            Expr::Yield(y) => {
                let v = match &y.value {
                    Some(v) => self.expr_any(v)?,
                    None => {
                        let t = self.temp();
                        self.load_const(t, Const::None);
                        t
                    }
                };
                self.at(y.range);
                self.emit(Op::Yield, 0, dst, v, 0);
            }
            Expr::YieldFrom(y) => self.via_temp(dst, |u, t| {
                let v = u.expr_any(&y.value)?;
                let it = u.temp();
                u.at(y.range);
                u.emit(Op::GetYieldFromIter, 0, it, v, 0);
                u.load_const(t, Const::None);
                u.emit(Op::YieldFrom, 0, t, it, 0);
                Ok(())
            })?,
            Expr::Starred(s) => return self.syntax(s.range, "can't use starred expression here"),
            Expr::NumberLiteral(n) => return self.unsupported(n.range, "complex literal"),
            Expr::BytesLiteral(b) => return self.unsupported(b.range, "bytes literal"),
            Expr::Named(n) => return self.unsupported(n.range, "assignment expression (:=)"),
            Expr::Await(a) => return self.unsupported(a.range, "await"),
            Expr::TString(t) => return self.unsupported(t.range, "template string"),
            Expr::IpyEscapeCommand(c) => {
                return self.unsupported(c.range, "IPython escape command")
            }
            // Always constants: `const_value` handled them above.
            Expr::StringLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => self.load_const(dst, Const::None),
        }
        self.release(m);
        Ok(())
    }

    /// Loads a name (`Load` context) into `dst`.
    pub(crate) fn load_name(&mut self, n: &'a ast::ExprName, dst: u32) -> R {
        if n.id.as_str() == "__debug__" {
            self.load_const(dst, Const::Bool(true));
            return Ok(());
        }
        let name = self.mangle(n.id.as_str());
        let access = self.access(&name);
        self.check_builtin(&name, access, n.range)?;
        match access {
            Access::Reg(r) => {
                self.check_bound(r, &name);
                if r != dst {
                    self.emit(Op::Move, 0, dst, r, 0);
                }
            }
            Access::Deref { reg, free } => {
                let k = self.name_index(&name);
                self.emit(Op::LoadDeref, free as u8, dst, reg, k);
            }
            Access::Global => {
                let g = self.global_index(&name);
                self.emit(Op::LoadGlobal, 0, dst, g, 0);
            }
            Access::Name => {
                let k = self.name_index(&name);
                self.emit(Op::LoadName, 0, dst, k, 0);
            }
        }
        Ok(())
    }

    fn bool_op(&mut self, b: &'a ast::ExprBoolOp, t: u32) -> R {
        let jump = if b.op == ast::BoolOp::And {
            Op::JumpIfFalse
        } else {
            Op::JumpIfTrue
        };
        let mut ends = Vec::new();
        let mut after_first = None;
        for (i, v) in b.values.iter().enumerate() {
            self.expr_to(v, t)?;
            if i == 0 {
                after_first = Some(self.flow.clone());
            }
            if i + 1 < b.values.len() {
                self.at(b.range);
                ends.push(self.emit_jump(jump, t));
            }
        }
        for j in ends {
            self.patch_here(j);
        }
        if let Some(f) = after_first {
            self.flow = f;
        }
        Ok(())
    }

    fn chained_compare(&mut self, c: &'a ast::ExprCompare, t: u32) -> R {
        let m = self.mark();
        let mut left = self.expr_any(&c.left)?;
        let mut ends = Vec::new();
        let mut after_first = None;
        for (i, (op, right)) in c.ops.iter().zip(c.comparators.iter()).enumerate() {
            let r = self.operand_of(*op, right)?;
            self.at(c.range);
            self.emit(cmpop(*op), 0, t, left, r);
            if i == 0 {
                after_first = Some(self.flow.clone());
            }
            if i + 1 < c.ops.len() {
                ends.push(self.emit_jump(Op::JumpIfFalse, t));
            }
            left = r;
        }
        for j in ends {
            self.patch_here(j);
        }
        if let Some(f) = after_first {
            self.flow = f;
        }
        self.release(m);
        Ok(())
    }

    /// Emits jumps (returned in `out`, to be patched) taken when the truth of
    /// `e` equals `when`; falls through otherwise.
    pub(crate) fn jump_if(&mut self, e: &'a Expr, when: bool, out: &mut Vec<usize>) -> R {
        let saved = self.at(e.range());
        let result = self.jump_if_inner(e, when, out);
        self.line = saved;
        result
    }

    fn jump_if_inner(&mut self, e: &'a Expr, when: bool, out: &mut Vec<usize>) -> R {
        match e {
            Expr::UnaryOp(u) if u.op == UnaryOp::Not => {
                return self.jump_if(&u.operand, !when, out)
            }
            Expr::BoolOp(b) => {
                let and = b.op == ast::BoolOp::And;
                let n = b.values.len();
                let mut after_first = None;
                if and != when {
                    // `a and b` jumping when false (or `a or b` when true): any operand decides.
                    for (i, v) in b.values.iter().enumerate() {
                        self.jump_if(v, when, out)?;
                        if i == 0 {
                            after_first = Some(self.flow.clone());
                        }
                    }
                } else {
                    let mut skip = Vec::new();
                    for (i, v) in b.values.iter().enumerate() {
                        if i + 1 < n {
                            self.jump_if(v, !when, &mut skip)?;
                        } else {
                            self.jump_if(v, when, out)?;
                        }
                        if i == 0 {
                            after_first = Some(self.flow.clone());
                        }
                    }
                    for j in skip {
                        self.patch_here(j);
                    }
                }
                if let Some(f) = after_first {
                    self.flow = f;
                }
                return Ok(());
            }
            Expr::BooleanLiteral(_) | Expr::NoneLiteral(_) => {
                let truth = matches!(e, Expr::BooleanLiteral(b) if b.value);
                if truth == when {
                    out.push(self.emit_jump(Op::Jump, 0));
                }
                return Ok(());
            }
            _ => {}
        }
        let m = self.mark();
        let r = self.expr_any(e)?;
        out.push(self.emit_jump(
            if when {
                Op::JumpIfTrue
            } else {
                Op::JumpIfFalse
            },
            r,
        ));
        self.release(m);
        Ok(())
    }

    /// The key of a subscript: a slice object or any expression.
    pub(crate) fn slice_any(&mut self, e: &'a Expr) -> R<u32> {
        if let Expr::Slice(s) = e {
            let r = self.temp();
            self.build_slice(s, r)?;
            return Ok(r);
        }
        self.expr_any(e)
    }

    fn build_slice(&mut self, s: &'a ast::ExprSlice, dst: u32) -> R {
        let m = self.mark();
        let base = self.temps(3);
        for (i, part) in [&s.lower, &s.upper, &s.step].into_iter().enumerate() {
            match part {
                Some(p) => self.expr_to(p, base + i as u32)?,
                None => self.load_const(base + i as u32, Const::None),
            }
        }
        self.at(s.range);
        self.emit(Op::BuildSlice, 0, dst, base, 0);
        self.release(m);
        Ok(())
    }

    /// The right operand of a comparison: `in`/`not in` fold a constant set
    /// display into a frozenset constant, as CPython's AST optimizer does.
    fn operand_of(
        &mut self,
        op: CmpOp,
        e: &'a Expr,
    ) -> Result<u32, crate::frontend::FrontendError> {
        if matches!(op, CmpOp::In | CmpOp::NotIn) {
            self.iterable(e)
        } else {
            self.expr_any(e)
        }
    }

    /// An iterable operand (`for` and comprehension iterables, `in`): a set
    /// display of constants becomes a frozenset constant (CPython's
    /// `fold_iter`), so iteration follows the frozenset's table order.
    pub(crate) fn iterable(&mut self, e: &'a Expr) -> Result<u32, crate::frontend::FrontendError> {
        if let Expr::Set(s) = e {
            if let Some(values) = s
                .elts
                .iter()
                .map(|x| self.const_value(x))
                .collect::<Option<Vec<_>>>()
            {
                let k = self.temp();
                self.load_const(k, Const::FrozenSet(values));
                return Ok(k);
            }
        }
        self.expr_any(e)
    }

    /// A list, tuple or set display.
    fn sequence(&mut self, elts: &'a [Expr], kind: Seq, dst: u32) -> R {
        let has_star = elts.iter().any(|e| matches!(e, Expr::Starred(_)));
        let consts: Option<Vec<Const>> = if has_star || elts.len() < 3 || kind == Seq::Tuple {
            None
        } else {
            elts.iter().map(|e| self.const_value(e)).collect()
        };
        if let Some(values) = consts {
            // CPython: BUILD_LIST 0; LOAD_CONST tuple; LIST_EXTEND.
            return self.via_temp(dst, |u, t| {
                let (build, extend) = if kind == Seq::Set {
                    (Op::BuildSet, Op::SetUpdate)
                } else {
                    (Op::BuildList, Op::ListExtend)
                };
                u.emit(build, 0, t, 0, 0);
                let k = u.temp();
                // CPython folds a constant set display into a frozenset constant.
                u.load_const(
                    k,
                    if kind == Seq::Set {
                        Const::FrozenSet(values)
                    } else {
                        Const::Tuple(values)
                    },
                );
                u.emit(extend, 0, t, k, 0);
                Ok(())
            });
        }
        if !has_star && elts.len() <= CHUNK {
            let base = self.temps(elts.len() as u32);
            for (i, e) in elts.iter().enumerate() {
                self.expr_to(e, base + i as u32)?;
            }
            let op = match kind {
                Seq::Tuple => Op::BuildTuple,
                Seq::List => Op::BuildList,
                Seq::Set => Op::BuildSet,
            };
            self.emit(op, 0, dst, base, elts.len() as u32);
            return Ok(());
        }
        // Incremental: leading plain elements in one build, then append/extend.
        self.via_temp(dst, |u, acc| {
            let lead = elts
                .iter()
                .take(CHUNK)
                .take_while(|e| !matches!(e, Expr::Starred(_)))
                .count();
            let base = u.temps(lead as u32);
            for (i, e) in elts[..lead].iter().enumerate() {
                u.expr_to(e, base + i as u32)?;
            }
            let (build, add, extend) = match kind {
                Seq::Set => (Op::BuildSet, Op::SetAdd, Op::SetUpdate),
                _ => (Op::BuildList, Op::ListAppend, Op::ListExtend),
            };
            u.emit(build, 0, acc, base, lead as u32);
            for e in &elts[lead..] {
                let m = u.mark();
                match e {
                    Expr::Starred(s) => {
                        let v = u.expr_any(&s.value)?;
                        u.at(s.range);
                        u.emit(extend, 0, acc, v, 0);
                    }
                    _ => {
                        let v = u.expr_any(e)?;
                        u.emit(add, 0, acc, v, 0);
                    }
                }
                u.release(m);
            }
            if kind == Seq::Tuple {
                u.emit(Op::ListToTuple, 0, acc, acc, 0);
            }
            Ok(())
        })
    }

    fn dict(&mut self, d: &'a ast::ExprDict, dst: u32) -> R {
        let items = &d.items;
        if items.len() <= CHUNK && items.iter().all(|i| i.key.is_some()) {
            let base = self.temps(2 * items.len() as u32);
            for (i, item) in items.iter().enumerate() {
                if let Some(k) = &item.key {
                    self.expr_to(k, base + 2 * i as u32)?;
                }
                self.expr_to(&item.value, base + 2 * i as u32 + 1)?;
            }
            self.at(d.range);
            self.emit(Op::BuildDict, 0, dst, base, items.len() as u32);
            return Ok(());
        }
        self.via_temp(dst, |u, acc| {
            u.emit(Op::BuildDict, 0, acc, 0, 0);
            for item in items {
                let m = u.mark();
                match &item.key {
                    Some(k) => {
                        let kr = u.expr_any(k)?;
                        let vr = u.expr_any(&item.value)?;
                        u.emit(Op::DictSet, 0, acc, kr, vr);
                    }
                    None => {
                        let v = u.expr_any(&item.value)?;
                        u.emit(Op::DictUpdate, 0, acc, v, 0);
                    }
                }
                u.release(m);
            }
            Ok(())
        })
    }

    /// An f-string (possibly implicitly concatenated with plain strings).
    fn fstring(&mut self, f: &'a ast::ExprFString, dst: u32) -> R {
        let mut pieces: Vec<Piece<'a>> = Vec::new();
        for part in f.value.iter() {
            match part {
                ast::FStringPart::Literal(lit) => push_text(&mut pieces, &lit.value),
                ast::FStringPart::FString(fs) => collect_pieces(&fs.elements, &mut pieces),
            }
        }
        self.build_string(&pieces, dst)
    }

    fn build_string(&mut self, pieces: &[Piece<'a>], dst: u32) -> R {
        match pieces {
            [] => {
                self.load_const(dst, Const::Str(String::new()));
                return Ok(());
            }
            [Piece::Text(s)] => {
                self.load_const(dst, Const::Str(s.clone()));
                return Ok(());
            }
            [Piece::Field(el)] => return self.format_field(el, dst),
            _ => {}
        }
        let m = self.mark();
        let base = self.temps(pieces.len() as u32);
        for (i, p) in pieces.iter().enumerate() {
            match p {
                Piece::Text(s) => self.load_const(base + i as u32, Const::Str(s.clone())),
                Piece::Field(el) => self.format_field(el, base + i as u32)?,
            }
        }
        self.emit(Op::BuildString, 0, dst, base, pieces.len() as u32);
        self.release(m);
        Ok(())
    }

    fn format_field(&mut self, el: &'a ast::InterpolatedElement, dst: u32) -> R {
        let m = self.mark();
        let v = self.expr_any(&el.expression)?;
        let spec = self.temp();
        match &el.format_spec {
            Some(s) => {
                let mut pieces = Vec::new();
                collect_pieces(&s.elements, &mut pieces);
                self.build_string(&pieces, spec)?;
            }
            None => self.load_const(spec, Const::Str(String::new())),
        }
        let conversion = match el.conversion {
            ast::ConversionFlag::None if el.debug_text.is_some() && el.format_spec.is_none() => 2,
            ast::ConversionFlag::None => 0,
            ast::ConversionFlag::Str => 1,
            ast::ConversionFlag::Repr => 2,
            ast::ConversionFlag::Ascii => 3,
        };
        self.at(el.range);
        self.emit(Op::FormatValue, conversion, dst, v, spec);
        self.release(m);
        Ok(())
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Seq {
    Tuple,
    List,
    Set,
}

/// A part of an f-string: literal text or a replacement field.
enum Piece<'a> {
    Text(String),
    Field(&'a ast::InterpolatedElement),
}

fn push_text(pieces: &mut Vec<Piece<'_>>, s: &str) {
    if s.is_empty() {
        return;
    }
    if let Some(Piece::Text(last)) = pieces.last_mut() {
        last.push_str(s);
    } else {
        pieces.push(Piece::Text(s.to_string()));
    }
}

fn collect_pieces<'a>(elements: &'a ast::InterpolatedStringElements, pieces: &mut Vec<Piece<'a>>) {
    for el in elements.iter() {
        match el {
            ast::InterpolatedStringElement::Literal(l) => push_text(pieces, &l.value),
            ast::InterpolatedStringElement::Interpolation(i) => {
                if let Some(d) = &i.debug_text {
                    push_text(pieces, d.as_str());
                }
                pieces.push(Piece::Field(i));
            }
        }
    }
}
