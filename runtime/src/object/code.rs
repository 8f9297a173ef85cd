//! Heap code objects: a loaded `CodeUnit` with interned names, materialised
//! constants, global slots resolved to cells, and the profile counters.

use super::module::GlobalCell;
use super::str::Str;
use super::GcCell;
use crate::bytecode::{CodeKind, ExcEntry, Insn};
use crate::gc::{Gc, Tracer};
use crate::value::Value;
use std::cell::Cell;

pub struct Code {
    pub name: Gc<Str>,
    pub qualname: Gc<Str>,
    pub filename: Gc<Str>,
    pub kind: CodeKind,
    pub is_generator: bool,
    pub argcount: u16,
    pub posonlycount: u16,
    pub kwonlycount: u16,
    pub varargs: bool,
    pub varkw: bool,
    pub nregs: u16,
    pub local_names: Vec<Gc<Str>>,
    pub freevars: Vec<Gc<Str>>,
    pub cellvars: Vec<Gc<Str>>,
    /// Instructions; mutable so quickening can rewrite them in place.
    pub insns: GcCell<Vec<Insn>>,
    pub lines: Vec<u32>,
    pub consts: Vec<Value>,
    pub names: Vec<Gc<Str>>,
    /// Global slot `i` of this code: the module's cell for `global_names[i]`.
    pub globals: Vec<Gc<GlobalCell>>,
    /// The builtins module's cell for the same name (fallback when unbound).
    pub builtins: Vec<Gc<GlobalCell>>,
    pub exc_table: Vec<ExcEntry>,
    pub first_line: u32,
    /// Profile: how many times the code was entered.
    pub calls: Cell<u64>,
    /// One inline cache / profile entry per instruction.
    pub caches: GcCell<Vec<super::Cache>>,
    /// Quickening misses per instruction (a site stops specialising after
    /// `cache::MAX_MISSES`).
    pub misses: GcCell<Vec<u8>>,
    /// Profile: operand types seen at arithmetic and comparison sites
    /// (`cache::TYPE_*` bits).
    pub types: GcCell<Vec<u8>>,
    /// Compiled code installed for this code object (`crate::jit`).
    pub jit: crate::jit::EntryTable,
}

impl Code {
    pub(crate) fn trace_fields(&self, tr: &mut Tracer) {
        tr.gc(self.name);
        tr.gc(self.qualname);
        tr.gc(self.filename);
        for n in self
            .local_names
            .iter()
            .chain(&self.freevars)
            .chain(&self.cellvars)
            .chain(&self.names)
        {
            tr.gc(*n);
        }
        tr.values(&self.consts);
        for c in self.caches.get() {
            c.trace(tr);
        }
        for g in self.globals.iter().chain(&self.builtins) {
            tr.gc(*g);
        }
    }
    /// Source line of the instruction at `pc`.
    pub fn line_at(&self, pc: usize) -> u32 {
        self.lines.get(pc).copied().unwrap_or(self.first_line)
    }
    /// The exception handler covering `pc`, if any.
    pub fn handler_for(&self, pc: usize) -> Option<usize> {
        let pc = pc as u32;
        self.exc_table
            .iter()
            .find(|e| e.start <= pc && pc < e.end)
            .map(|e| e.handler as usize)
    }
    /// Number of parameter registers.
    pub fn param_count(&self) -> usize {
        self.argcount as usize
            + self.kwonlycount as usize
            + self.varargs as usize
            + self.varkw as usize
    }
}
