//! Callables: Python functions, builtins, bound methods, cells, and the
//! descriptor wrappers `classmethod`, `staticmethod`, `property`, and `super`.

use super::code::Code;
use super::module::Module;
use super::tuple::Tuple;
use crate::gc::{Gc, Tracer};
use crate::thread::Thread;
use crate::value::Value;
use crate::PyResult;
use std::cell::Cell;

pub struct Function {
    pub code: Gc<Code>,
    pub name: Cell<Value>,
    pub qualname: Cell<Value>,
    pub globals: Gc<Module>,
    /// Tuple of defaults for the last positional parameters, or None.
    pub defaults: Value,
    /// Dict of keyword-only defaults, or None.
    pub kwdefaults: Value,
    /// Tuple of cells, or None.
    pub closure: Value,
    /// Attributes set on the function (`f.calls = 0`); None until first set.
    pub dict: Cell<Value>,
}

impl Function {
    pub(crate) fn trace_fields(&self, tr: &mut Tracer) {
        tr.gc(self.code);
        tr.value(self.name.get());
        tr.value(self.qualname.get());
        tr.gc(self.globals);
        tr.values(&[
            self.defaults,
            self.kwdefaults,
            self.closure,
            self.dict.get(),
        ]);
    }
}

/// The Rust signature of builtin functions and methods. `args` holds the
/// positional arguments followed by the values of the keyword arguments
/// named by `kwnames` (a tuple of str), CPython's vectorcall convention. For
/// methods, `args[0]` is the receiver.
pub type BuiltinFn = fn(&mut Thread, &[Value], Option<Gc<Tuple>>) -> PyResult<Value>;

pub struct Builtin {
    pub name: &'static str,
    /// `type.method` for methods, the plain name for functions.
    pub qualname: &'static str,
    pub f: BuiltinFn,
    /// The bound receiver, or UNBOUND.
    pub receiver: Value,
    /// Whether it is a method (looked up on a class, bound on access).
    pub is_method: bool,
}

impl Builtin {
    pub(crate) fn trace_fields(&self, tr: &mut Tracer) {
        tr.value(self.receiver);
    }
}

pub struct BoundMethod {
    pub func: Value,
    pub receiver: Value,
}

impl BoundMethod {
    pub(crate) fn trace_fields(&self, tr: &mut Tracer) {
        tr.value(self.func);
        tr.value(self.receiver);
    }
}

/// A closure cell; UNBOUND while empty.
pub struct CellObj {
    pub value: Cell<Value>,
}

impl CellObj {
    pub(crate) fn trace_fields(&self, tr: &mut Tracer) {
        tr.value(self.value.get());
    }
}

pub struct ClassMethod {
    pub func: Value,
}
impl ClassMethod {
    pub(crate) fn trace_fields(&self, tr: &mut Tracer) {
        tr.value(self.func);
    }
}

pub struct StaticMethod {
    pub func: Value,
}
impl StaticMethod {
    pub(crate) fn trace_fields(&self, tr: &mut Tracer) {
        tr.value(self.func);
    }
}

pub struct Property {
    pub fget: Value,
    pub fset: Cell<Value>,
    pub fdel: Cell<Value>,
}
impl Property {
    pub(crate) fn trace_fields(&self, tr: &mut Tracer) {
        tr.values(&[self.fget, self.fset.get(), self.fdel.get()]);
    }
}

/// `super(cls, obj)`: attribute lookup starting after `cls` in `obj`'s MRO.
pub struct Super {
    pub cls: Value,
    pub obj: Value,
}
impl Super {
    pub(crate) fn trace_fields(&self, tr: &mut Tracer) {
        tr.value(self.cls);
        tr.value(self.obj);
    }
}
