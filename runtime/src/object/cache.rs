//! Inline caches: one entry per instruction of a code object, written when
//! the interpreter quickens an instruction into a specialised form, and the
//! profile counters the compiling tiers read.
//!
//! Invariants:
//! 1. A cache entry is only trusted after its guards pass: the receiver's
//!    class is the cached class, the class's version is the cached version
//!    (any change to the class or its MRO bumps it), and for instances the
//!    shape is the cached shape (which fixes every slot's position).
//! 2. Entries hold strong references (traced), so a cached class or
//!    function cannot be freed and its address reused while cached.

use super::class::Class;
use super::shape::Shape;
use crate::gc::{Gc, Tracer};
use crate::value::Value;

/// Misses after which a site stops specialising.
pub const MAX_MISSES: u8 = 16;

/// Entries a polymorphic site keeps (`Cache::Poly`).
pub const POLY_MAX: usize = 4;

/// Operand type bits of the per-site type profile (`Code::types`).
pub const TYPE_INT: u8 = 1;
pub const TYPE_FLOAT: u8 = 2;
pub const TYPE_STR: u8 = 4;
pub const TYPE_OTHER: u8 = 8;

#[derive(Clone)]
pub enum Cache {
    Empty,
    /// Instance attribute in slot `slot` of instances with `shape`.
    Slot {
        class: Gc<Class>,
        version: u32,
        shape: Gc<Shape>,
        slot: u32,
    },
    /// Storing a new attribute: instances with `from` gain a slot and become `to`.
    Add {
        class: Gc<Class>,
        version: u32,
        from: Gc<Shape>,
        to: Gc<Shape>,
    },
    /// A method (`func`) found on `class`; for instances, `shape` proves the
    /// instance does not shadow it.
    Method {
        class: Gc<Class>,
        version: u32,
        shape: Option<Gc<Shape>>,
        func: Value,
    },
    /// A polymorphic site: up to `POLY_MAX` entries of the kinds above
    /// (`Slot`, `Add`, `Method`), tried in order.
    Poly(Vec<Cache>),
    /// The site stopped specialising after `MAX_MISSES` misses.
    Megamorphic,
    /// A profile counter (loop back edges).
    Count(u64),
    /// Branch profile of a conditional jump.
    Branch {
        taken: u32,
        not_taken: u32,
    },
}

impl Cache {
    /// The class and version an entry was made for (`None` for non-entries).
    pub fn guard_class(&self) -> Option<(Gc<Class>, u32)> {
        match self {
            Cache::Slot { class, version, .. }
            | Cache::Add { class, version, .. }
            | Cache::Method { class, version, .. } => Some((*class, *version)),
            _ => None,
        }
    }

    /// Whether this is an entry made for an older version of its class
    /// (the class changed since: the site will miss there).
    pub fn stale(&self) -> bool {
        self.guard_class()
            .is_some_and(|(class, version)| class.version.get() != version)
    }

    pub fn trace(&self, tr: &mut Tracer) {
        match self {
            Cache::Slot { class, .. } | Cache::Add { class, .. } => tr.gc(*class),
            Cache::Method { class, func, .. } => {
                tr.gc(*class);
                tr.value(*func);
            }
            Cache::Poly(entries) => entries.iter().for_each(|e| e.trace(tr)),
            Cache::Empty | Cache::Megamorphic | Cache::Count(_) | Cache::Branch { .. } => {}
        }
    }
}
