//! Classes (type objects) and instances of user classes, including exceptions.
//!
//! Invariants:
//! 1. `version` changes whenever the class's dictionary or that of any class
//!    in its MRO changes (subclasses are bumped through `subclasses`), so a
//!    cache keyed on (class, version) is valid while the version matches.
//! 2. `mro[0]` is the class itself; builtin classes are immortal.
//! 3. An instance's `slots` has exactly `shape.len()` entries.

use super::attrs::AttrMap;
use super::code::Code;
use super::shape::Shape;
use super::str::Str;
use super::GcCell;
use crate::gc::{Gc, Tracer};
use crate::value::Value;
use std::cell::Cell;

/// Which builtin layout a class's instances have.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Base {
    /// Plain `object` instances (shape + slots).
    Object,
    /// Subclasses of `BaseException`: instances carry `ExcData`.
    Exception,
    /// Subclasses of `list`: instances carry a list in `Instance::base`.
    List,
    /// Subclasses of `dict`: instances carry a dict in `Instance::base`.
    Dict,
    /// A builtin type whose values are not `Instance`s (int, str, ...): not subclassable.
    Builtin,
}

pub struct Class {
    pub name: Gc<Str>,
    pub qualname: Cell<Gc<Str>>,
    pub module: Cell<Value>,
    pub bases: GcCell<Vec<Gc<Class>>>,
    pub mro: GcCell<Vec<Gc<Class>>>,
    pub dict: GcCell<AttrMap>,
    pub version: Cell<u32>,
    pub base: Base,
    /// Instances start with this shape.
    pub root_shape: Gc<Shape>,
    /// Names in `__slots__`, if the class (or a base) declared it.
    pub slots: GcCell<Option<Vec<Gc<Str>>>>,
    pub subclasses: GcCell<Vec<Gc<Class>>>,
    /// Cached facts about dunders (bit set, see `crate::ops::class_flags`).
    pub flags: Cell<u32>,
    /// `ops::call::plain_init`'s answer for the class version it was
    /// computed at (the function is also in a class dict, so it is alive
    /// while the version matches).
    pub init_cache: Cell<Option<(u32, Option<Gc<super::Function>>)>>,
    /// Most attributes any instance of this class has had in its slots: new
    /// instances reserve that many, so filling them never regrows the vector.
    pub slot_hint: Cell<u32>,
    /// Compiled code that assumed this class stays at its version (it
    /// reads instance slots without re-checking it): every version bump
    /// invalidates it (runtime::jit invariant 4).
    pub watchers: crate::jit::Watchers,
}

impl Class {
    /// A class with an empty dictionary and MRO (the caller computes the MRO).
    pub fn new(
        name: Gc<Str>,
        qualname: Gc<Str>,
        module: Value,
        bases: Vec<Gc<Class>>,
        base: Base,
        root_shape: Gc<Shape>,
    ) -> Class {
        Class {
            name,
            qualname: Cell::new(qualname),
            module: Cell::new(module),
            bases: GcCell::new(bases),
            mro: GcCell::new(Vec::new()),
            dict: GcCell::new(AttrMap::new()),
            version: Cell::new(0),
            base,
            root_shape,
            slots: GcCell::new(None),
            subclasses: GcCell::new(Vec::new()),
            flags: Cell::new(0),
            init_cache: Cell::new(None),
            slot_hint: Cell::new(0),
            watchers: crate::jit::Watchers::default(),
        }
    }

    /// Notes that an instance now has `n` attributes in its slots.
    #[inline(always)]
    pub fn note_slots(&self, n: usize) {
        if n as u32 > self.slot_hint.get() {
            self.slot_hint.set(n as u32);
        }
    }

    pub(crate) fn trace_fields(&self, tr: &mut Tracer) {
        tr.gc(self.name);
        tr.gc(self.qualname.get());
        tr.value(self.module.get());
        for b in self.bases.get() {
            tr.gc(*b);
        }
        for b in self.mro.get() {
            tr.gc(*b);
        }
        self.dict.get().trace(tr);
        tr.gc(self.root_shape);
        for s in self.subclasses.get() {
            tr.gc(*s);
        }
    }

    /// Looks `name` up along the MRO.
    #[inline]
    pub fn lookup(&self, name: Gc<Str>) -> Option<Value> {
        for c in self.mro.get() {
            if let Some(v) = c.dict.get().get(name) {
                return Some(v);
            }
        }
        None
    }

    /// Whether `other` is in this class's MRO.
    pub fn is_subclass(&self, other: Gc<Class>) -> bool {
        self.mro.get().iter().any(|c| c.ptr_eq(other))
    }

    /// Bumps the version of this class and every subclass (invariant 1).
    pub fn bump_version(&self) {
        self.version.set(self.version.get().wrapping_add(1));
        self.flags.set(0);
        self.watchers.fire();
        for s in self.subclasses.get().clone() {
            s.bump_version();
        }
    }
}

/// One line of a traceback.
#[derive(Copy, Clone)]
pub struct TbEntry {
    pub code: Gc<Code>,
    pub line: u32,
}

/// The state an exception instance carries.
pub struct ExcData {
    pub args: Value,
    pub traceback: Vec<TbEntry>,
    pub cause: Value,
    pub context: Value,
    pub suppress_context: bool,
}

impl ExcData {
    pub fn new(args: Value) -> ExcData {
        ExcData {
            args,
            traceback: Vec::new(),
            cause: Value::NONE,
            context: Value::NONE,
            suppress_context: false,
        }
    }
}

/// Attribute values of an instance, by shape slot; up to three live in the
/// object itself (the instance stays in the 80-byte size class).
pub type InstanceSlots = smallvec::SmallVec<[Value; 3]>;

pub struct Instance {
    pub class: Cell<Gc<Class>>,
    pub shape: Cell<Gc<Shape>>,
    pub slots: GcCell<InstanceSlots>,
    /// The builtin list or dict of a list/dict subclass instance, else UNBOUND.
    pub base: Cell<Value>,
    /// Once `__dict__` has been taken, the attributes live in this dict
    /// (shape and slots are then empty); UNBOUND before.
    pub dict: Cell<Value>,
    /// Exception state for `Base::Exception` classes.
    pub exc: GcCell<Option<Box<ExcData>>>,
}

impl Instance {
    pub(crate) fn trace_fields(&self, tr: &mut Tracer) {
        tr.gc(self.class.get());
        tr.gc(self.shape.get());
        tr.values(self.slots.get());
        tr.value(self.base.get());
        tr.value(self.dict.get());
        if let Some(e) = self.exc.get() {
            tr.value(e.args);
            tr.value(e.cause);
            tr.value(e.context);
            for t in &e.traceback {
                tr.gc(t.code);
            }
        }
    }

    /// The attribute stored in this instance under `name`.
    #[inline]
    pub fn get_attr(&self, name: Gc<Str>) -> Option<Value> {
        match self.shape.get().slot(name) {
            Some(i) => self.slots.get().get(i).copied(),
            None if !self.dict.get().is_unbound() => self.dict_attr(name),
            None => None,
        }
    }

    /// An attribute of an instance in dict mode. Keys that are not str never
    /// equal a name, so the lookup runs no Python code.
    #[cold]
    fn dict_attr(&self, name: Gc<Str>) -> Option<Value> {
        let d = Gc::<super::Dict>::from_value(self.dict.get())?;
        let mut eq = |a: Value, b: Value| -> Result<bool, ()> {
            Ok(match (Gc::<Str>::from_value(a), Gc::<Str>::from_value(b)) {
                (Some(x), Some(y)) => x.as_str() == y.as_str(),
                _ => false,
            })
        };
        d.table
            .get(name.as_value(), name.hash(), &mut eq)
            .ok()
            .flatten()
    }
}
