//! Code generation: one `Unit` per scope turns the AST into a `CodeUnit`.
//!
//! This file holds the unit under construction: registers, constants and
//! names, instruction emission, the definite-assignment state and the
//! exception regions. The visitors live in the sibling files.
//!
//! Invariants:
//! 1. Registers: `local_names` are the parameters in order, then the other
//!    locals and cells of the scope, then one register per free variable;
//!    temporaries follow and are allocated stack-like (`mark`/`release`).
//! 2. A named local's register is written only by the last instruction of the
//!    expression stored into it, so an expression that reads the local sees
//!    its old value and a raised exception leaves it unchanged. Expressions
//!    that write their destination more than once build in a temporary.
//! 3. Definite assignment: `assigned` holds, for each plain local, whether it
//!    is bound on every path to the current instruction (`None` when the
//!    instruction is unreachable). Reads of other locals get a `CheckBound`.
//!    At a loop header the state is the entry state minus the names the loop
//!    body may unbind; at a handler it is the state before the `try` minus
//!    the names the protected code may unbind.
//! 4. Exception regions are closed segment by segment; a segment's table
//!    entry is pushed when it closes. A region closes only after every region
//!    nested in it has closed its current segment, so entries covering the
//!    same pc appear innermost first.

mod assign;
mod call;
mod exc;
mod expr;
mod func;
mod stmt;

use super::bc::{CodeKind, CodeUnit, Const, ExcEntry, Insn, Op};
use super::parse::SourceMap;
use super::scope::{mangle, Kind, Resolved, Scope, SymbolTable, REFUSED_BUILTINS};
use super::FrontendError;
use ruff_python_ast::{ModModule, Stmt};
use ruff_text_size::{TextRange, TextSize};
use std::collections::HashMap;

pub(crate) type R<T = ()> = Result<T, FrontendError>;

/// Limit of the 16-bit register, constant and name operands.
const MAX_OPERAND: u32 = u16::MAX as u32;

/// Compiles a module whose symbol table has been built.
pub(crate) fn compile_module(
    module: &ModModule,
    table: &SymbolTable,
    map: &SourceMap<'_>,
    filename: &str,
) -> R<CodeUnit> {
    let ctx = Ctx {
        table,
        map,
        filename,
    };
    let mut unit = Unit::new(&ctx, 0);
    unit.module_body(&module.body)?;
    unit.finish()
}

/// What every unit of one compilation shares.
pub(crate) struct Ctx<'a> {
    pub(crate) table: &'a SymbolTable,
    pub(crate) map: &'a SourceMap<'a>,
    pub(crate) filename: &'a str,
}

/// How a name is reached from the current unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Access {
    /// A plain local in a register.
    Reg(u32),
    /// A cell (`free` = a free variable, not one of this unit's own cells).
    Deref { reg: u32, free: bool },
    /// A global slot (LoadGlobal/StoreGlobal).
    Global,
    /// The class namespace (LoadName/StoreName).
    Name,
}

/// A constant's identity for deduplication (floats by bits: `0.0` ≠ `-0.0`).
#[derive(Clone, PartialEq, Eq, Hash)]
enum ConstKey {
    None,
    Bool(bool),
    Int(i64),
    Big(String),
    Float(u64),
    Str(String),
    Ellipsis,
    Tuple(Vec<ConstKey>),
}

fn const_key(c: &Const) -> Option<ConstKey> {
    Some(match c {
        Const::None => ConstKey::None,
        Const::Bool(b) => ConstKey::Bool(*b),
        Const::Int(i) => ConstKey::Int(*i),
        Const::BigInt(b) => ConstKey::Big(b.to_string()),
        Const::Float(f) => ConstKey::Float(f.to_bits()),
        Const::Str(s) => ConstKey::Str(s.clone()),
        Const::Ellipsis => ConstKey::Ellipsis,
        Const::Tuple(items) => {
            ConstKey::Tuple(items.iter().map(const_key).collect::<Option<Vec<_>>>()?)
        }
        Const::Code(_) | Const::FrozenSet(_) => return None,
    })
}

/// Definite-assignment state: `None` = unreachable.
pub(crate) type Flow = Option<Vec<bool>>;

/// Intersection of two states (unreachable is the identity).
pub(crate) fn meet(a: Flow, b: Flow) -> Flow {
    match (a, b) {
        (None, x) | (x, None) => x,
        (Some(mut a), Some(b)) => {
            for (x, y) in a.iter_mut().zip(b) {
                *x = *x && y;
            }
            Some(a)
        }
    }
}

/// An enclosing construct that `return`, `break` and `continue` must unwind.
pub(crate) enum FBlock<'a> {
    Loop {
        /// Target of `continue`.
        header: u32,
        /// `Jump`s to patch to the loop exit.
        breaks: Vec<usize>,
        /// States at each `break`.
        break_states: Vec<Flow>,
    },
    /// A `try` body protected by an except handler.
    TryExcept { region: usize },
    /// A `try` body protected by a finally handler; unwinding runs `body` inline.
    TryFinally { region: usize, body: &'a [Stmt] },
    /// An except clause's body (or handler code): unwinding restores the handled
    /// exception and unbinds the `as` name.
    Handler {
        region: usize,
        saved: u32,
        name: Option<&'a str>,
    },
}

/// A protected range of code, possibly split into several segments.
struct Region {
    seg_start: Option<u32>,
    handler: Option<u32>,
}

/// The code unit under construction.
pub(crate) struct Unit<'a> {
    pub(crate) ctx: &'a Ctx<'a>,
    pub(crate) scope: &'a Scope,
    pub(crate) code: CodeUnit,
    /// Register of each named local, cell and free variable (mangled names).
    pub(crate) locals: HashMap<String, u32>,
    /// A class body's own `__class__` cell (a class may also have a free
    /// `__class__` of an enclosing class, which `locals` maps).
    pub(crate) class_cell: Option<u32>,
    pub(crate) nlocals: u32,
    next_temp: u32,
    max_reg: u32,
    consts: HashMap<ConstKey, u32>,
    names: HashMap<String, u32>,
    globals: HashMap<String, u32>,
    /// Source line given to emitted instructions.
    pub(crate) line: u32,
    pub(crate) flow: Flow,
    pub(crate) fblocks: Vec<FBlock<'a>>,
    regions: Vec<Region>,
    entries: Vec<(u32, u32, usize)>,
    /// Set when an operand overflowed 16 bits.
    too_large: bool,
}

impl<'a> Unit<'a> {
    pub(crate) fn new(ctx: &'a Ctx<'a>, scope_id: usize) -> Unit<'a> {
        let scope = &ctx.table.scopes[scope_id];
        let kind = match scope.kind {
            Kind::Module => CodeKind::Module,
            Kind::Class => CodeKind::ClassBody,
            _ => CodeKind::Function,
        };
        let mut code = CodeUnit::new(
            &scope.name,
            &scope.qualname,
            ctx.filename,
            kind,
            scope.first_line,
        );
        code.is_generator = scope.is_generator;
        code.argcount = scope.argcount;
        code.posonlycount = scope.posonlycount;
        code.kwonlycount = scope.kwonlycount;
        code.varargs = scope.varargs;
        code.varkw = scope.varkw;
        code.cellvars = scope.cellvars.clone();
        code.freevars = scope.freevars.clone();
        let mut names: Vec<String> = Vec::new();
        match scope.kind {
            Kind::Module => {}
            Kind::Class => {
                names.extend(scope.cellvars.iter().cloned());
                names.extend(scope.freevars.iter().cloned());
            }
            _ => {
                names.extend(scope.params.iter().cloned());
                for s in &scope.symbols {
                    if matches!(s.scope, Resolved::Local | Resolved::Cell)
                        && !scope.params.contains(&s.name)
                    {
                        names.push(s.name.clone());
                    }
                }
                names.extend(scope.freevars.iter().cloned());
            }
        }
        let mut locals = HashMap::new();
        let mut class_cell = None;
        for (i, n) in names.iter().enumerate() {
            if scope.kind == Kind::Class && i < scope.cellvars.len() {
                class_cell = Some(i as u32);
            } else {
                locals.insert(n.clone(), i as u32);
            }
        }
        let nlocals = names.len() as u32;
        let nparams = scope.params.len();
        let flow = Some((0..names.len()).map(|i| i < nparams).collect());
        code.local_names = names;
        Unit {
            ctx,
            scope,
            code,
            locals,
            class_cell,
            nlocals,
            next_temp: nlocals,
            max_reg: nlocals,
            consts: HashMap::new(),
            names: HashMap::new(),
            globals: HashMap::new(),
            line: scope.first_line,
            flow,
            fblocks: Vec::new(),
            regions: Vec::new(),
            entries: Vec::new(),
            too_large: nlocals > MAX_OPERAND,
        }
    }

    /// Finishes the unit: trailing `return None`, exception table, limits.
    pub(crate) fn finish(mut self) -> R<CodeUnit> {
        if let Some(cell) = self.class_cell {
            self.emit_name(Op::StoreName, "__classcell__", cell);
        }
        let r = self.temp();
        self.load_const(r, Const::None);
        self.emit(Op::Return, 0, r, 0, 0);
        for &(start, end, region) in &self.entries {
            let handler = self.regions[region].handler.unwrap_or(end);
            self.code.exc_table.push(ExcEntry {
                start,
                end,
                handler,
            });
        }
        if self.too_large || self.code.insns.len() > u32::MAX as usize / 2 {
            return Err(self.ctx.map.unsupported(
                TextSize::new(0),
                format!(
                    "code unit {} too large (more than 65535 registers, constants or names)",
                    self.code.qualname
                ),
            ));
        }
        self.code.nregs = self.max_reg as u16;
        Ok(self.code)
    }

    // ----- errors and lines -----

    pub(crate) fn syntax<T>(&self, range: TextRange, msg: impl Into<String>) -> R<T> {
        Err(self.ctx.map.syntax(range.start(), msg))
    }

    pub(crate) fn unsupported<T>(&self, range: TextRange, what: impl Into<String>) -> R<T> {
        Err(self.ctx.map.unsupported(range.start(), what))
    }

    /// Sets the current line to `range`'s and returns the previous one.
    pub(crate) fn at(&mut self, range: TextRange) -> u32 {
        std::mem::replace(&mut self.line, self.ctx.map.line_of(range))
    }

    // ----- registers -----

    pub(crate) fn temp(&mut self) -> u32 {
        self.temps(1)
    }

    /// Allocates `n` consecutive temporaries and returns the first.
    pub(crate) fn temps(&mut self, n: u32) -> u32 {
        let r = self.next_temp;
        self.next_temp += n;
        if self.next_temp > self.max_reg {
            self.max_reg = self.next_temp;
        }
        if self.next_temp > MAX_OPERAND {
            self.too_large = true;
        }
        r
    }

    pub(crate) fn mark(&self) -> u32 {
        self.next_temp
    }

    pub(crate) fn release(&mut self, mark: u32) {
        self.next_temp = mark;
    }

    pub(crate) fn is_temp(&self, r: u32) -> bool {
        r >= self.nlocals
    }

    // ----- emission -----

    pub(crate) fn pc(&self) -> u32 {
        self.code.insns.len() as u32
    }

    fn operand(&mut self, v: u32) -> u16 {
        if v > MAX_OPERAND {
            self.too_large = true;
        }
        v as u16
    }

    pub(crate) fn emit(&mut self, op: Op, aux: u8, a: u32, b: u32, c: u32) {
        // An empty register window may start past the frame: point it at a real register.
        let (a, b) = match op {
            Op::BuildList | Op::BuildTuple | Op::BuildSet | Op::BuildDict | Op::BuildString
                if c == 0 =>
            {
                (a, a)
            }
            Op::Unpack if c == 0 => (b, b),
            _ => (a, b),
        };
        let (a, b, c) = (self.operand(a), self.operand(b), self.operand(c));
        self.code.insns.push(Insn::new(op, aux, a, b, c));
        self.code.lines.push(self.line);
    }

    /// Emits a jump with an unknown target; returns its index for `patch`.
    pub(crate) fn emit_jump(&mut self, op: Op, a: u32) -> usize {
        let a = self.operand(a);
        self.code.insns.push(Insn::jump(op, a, 0));
        self.code.lines.push(self.line);
        self.code.insns.len() - 1
    }

    pub(crate) fn patch(&mut self, at: usize, target: u32) {
        self.code.insns[at] = self.code.insns[at].with_target(target);
    }

    pub(crate) fn patch_here(&mut self, at: usize) {
        let pc = self.pc();
        self.patch(at, pc);
    }

    pub(crate) fn emit_jump_back(&mut self, header: u32) {
        self.code.insns.push(Insn::jump(Op::JumpBack, 0, header));
        self.code.lines.push(self.line);
    }

    pub(crate) fn const_index(&mut self, c: Const) -> u32 {
        let key = const_key(&c);
        if let Some(k) = &key {
            if let Some(&i) = self.consts.get(k) {
                return i;
            }
        }
        let i = self.code.consts.len() as u32;
        self.code.consts.push(c);
        if let Some(k) = key {
            self.consts.insert(k, i);
        }
        if i > MAX_OPERAND {
            self.too_large = true;
        }
        i
    }

    pub(crate) fn load_const(&mut self, dst: u32, c: Const) {
        let k = self.const_index(c);
        self.emit(Op::LoadConst, 0, dst, k, 0);
    }

    pub(crate) fn name_index(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.names.get(name) {
            return i;
        }
        let i = self.code.names.len() as u32;
        self.code.names.push(name.to_string());
        self.names.insert(name.to_string(), i);
        i
    }

    pub(crate) fn global_index(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.globals.get(name) {
            return i;
        }
        let i = self.code.globals.len() as u32;
        self.code.globals.push(name.to_string());
        self.globals.insert(name.to_string(), i);
        i
    }

    /// Emits `op` whose `a` is a name index and `b` a register (StoreName).
    pub(crate) fn emit_name(&mut self, op: Op, name: &str, reg: u32) {
        let n = self.name_index(name);
        self.emit(op, 0, n, reg, 0);
    }

    // ----- names -----

    pub(crate) fn mangle(&self, name: &str) -> String {
        mangle(self.scope.private.as_deref(), name)
    }

    /// How the (mangled) `name` is reached from this unit.
    pub(crate) fn access(&self, name: &str) -> Access {
        let resolved = self.scope.resolve(name);
        match self.scope.kind {
            Kind::Module => Access::Global,
            Kind::Class => match resolved {
                Resolved::GlobalExplicit => Access::Global,
                Resolved::Free => Access::Deref {
                    reg: self.locals[name],
                    free: true,
                },
                _ => Access::Name,
            },
            _ => match resolved {
                Resolved::Local => Access::Reg(self.locals[name]),
                Resolved::Cell => Access::Deref {
                    reg: self.locals[name],
                    free: false,
                },
                Resolved::Free => Access::Deref {
                    reg: self.locals[name],
                    free: true,
                },
                Resolved::GlobalExplicit | Resolved::GlobalImplicit => Access::Global,
            },
        }
    }

    /// Refuses a load of a builtin outside the subset (`eval`, `open`, ...)
    /// unless the program binds that name itself.
    pub(crate) fn check_builtin(&self, name: &str, access: Access, range: TextRange) -> R {
        if !matches!(access, Access::Global | Access::Name) || !REFUSED_BUILTINS.contains(&name) {
            return Ok(());
        }
        if self.ctx.table.module_defined.contains(name) {
            return Ok(());
        }
        if access == Access::Name
            && self
                .scope
                .symbol(name)
                .is_some_and(|s| s.scope == Resolved::Local)
        {
            return Ok(());
        }
        self.unsupported(range, format!("{name}()"))
    }

    // ----- definite assignment -----

    pub(crate) fn is_assigned(&self, reg: u32) -> bool {
        match &self.flow {
            None => true,
            Some(v) => v.get(reg as usize).copied().unwrap_or(true),
        }
    }

    pub(crate) fn set_assigned(&mut self, reg: u32, value: bool) {
        if let Some(v) = &mut self.flow {
            if let Some(slot) = v.get_mut(reg as usize) {
                *slot = value;
            }
        }
    }

    pub(crate) fn unreachable(&mut self) {
        self.flow = None;
    }

    /// `state` minus the plain locals that `body` may unbind (`del`, `except ... as`).
    pub(crate) fn without_unbinds(&self, state: Flow, bodies: &[&[Stmt]]) -> Flow {
        let mut state = state?;
        let mut regs = Vec::new();
        for body in bodies {
            self.collect_unbinds(body, &mut regs);
        }
        for r in regs {
            if let Some(slot) = state.get_mut(r as usize) {
                *slot = false;
            }
        }
        Some(state)
    }

    // ----- exception regions -----

    pub(crate) fn open_region(&mut self) -> usize {
        let pc = self.pc();
        self.regions.push(Region {
            seg_start: Some(pc),
            handler: None,
        });
        self.regions.len() - 1
    }

    /// Ends the region's current segment (pushing its table entry).
    pub(crate) fn close_segment(&mut self, region: usize) {
        let pc = self.pc();
        if let Some(start) = self.regions[region].seg_start.take() {
            if start < pc {
                self.entries.push((start, pc, region));
            }
        }
    }

    pub(crate) fn reopen(&mut self, region: usize) {
        let pc = self.pc();
        self.regions[region].seg_start = Some(pc);
    }

    /// The region's handler starts here.
    pub(crate) fn set_handler(&mut self, region: usize) {
        let pc = self.pc();
        self.regions[region].handler = Some(pc);
    }

    // ----- unit bodies -----

    fn prologue(&mut self) {
        if self.scope.kind == Kind::Class {
            if let Some(r) = self.class_cell {
                self.emit(Op::MakeCell, 0, r, 0, 0);
            }
        } else {
            for name in &self.scope.cellvars {
                let r = self.locals[name];
                self.emit(Op::MakeCell, 0, r, 0, 0);
            }
        }
        for (i, name) in self.scope.freevars.iter().enumerate() {
            let r = self.locals[name];
            self.emit(Op::LoadClosure, 0, r, i as u32, 0);
        }
    }

    fn module_body(&mut self, body: &'a [Stmt]) -> R {
        self.line = 1;
        self.docstring(body);
        self.stmts(body)
    }

    /// Stores a leading string literal as `__doc__` (modules and classes).
    fn docstring(&mut self, body: &'a [Stmt]) {
        if let Some(Stmt::Expr(e)) = body.first() {
            if let ruff_python_ast::Expr::StringLiteral(s) = &*e.value {
                let saved = self.at(e.range);
                let m = self.mark();
                let r = self.temp();
                self.load_const(r, Const::Str(s.value.to_str().to_string()));
                self.store_simple("__doc__", r);
                self.release(m);
                self.line = saved;
            }
        }
    }

    /// Stores register `r` into a name that is never a plain local (`__doc__`,
    /// `__module__`): a global in module code, a namespace name in a class body.
    pub(crate) fn store_simple(&mut self, name: &str, r: u32) {
        if self.scope.kind == Kind::Module {
            let g = self.global_index(name);
            self.emit(Op::StoreGlobal, 0, g, r, 0);
        } else {
            self.emit_name(Op::StoreName, name, r);
        }
    }
}

/// The truth value of a constant, if known.
pub(crate) fn truthy(c: &Const) -> Option<bool> {
    Some(match c {
        Const::None => false,
        Const::Bool(b) => *b,
        Const::Int(i) => *i != 0,
        Const::BigInt(_) => true,
        Const::Float(f) => *f != 0.0,
        Const::Str(s) => !s.is_empty(),
        Const::Ellipsis => true,
        Const::Tuple(t) => !t.is_empty(),
        Const::Code(_) | Const::FrozenSet(_) => return None,
    })
}

#[cfg(test)]
mod tests;
