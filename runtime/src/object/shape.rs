//! Shapes (hidden classes): the layout of an instance's attribute slots.
//!
//! Invariants:
//! 1. Shapes are immortal and form a tree: each shape is its parent plus one
//!    attribute name appended as the next slot.
//! 2. Two instances with the same shape store the same attribute in the same
//!    slot, so an inline cache keyed by shape can load a slot directly.
//! 3. Shapes reference only interned (immortal) names.

use super::addr_hash::AddrMap;
use super::str::Str;
use super::GcCell;
use crate::gc::{Gc, Tracer};

pub struct Shape {
    /// Attribute names in slot order.
    pub names: Vec<Gc<Str>>,
    index: AddrMap<u32>,
    /// Child shapes with the name each adds (usually one or two: a list
    /// beats a hash map).
    pub transitions: GcCell<Vec<(Gc<Str>, Gc<Shape>)>>,
}

impl Shape {
    pub fn root() -> Shape {
        Shape {
            names: Vec::new(),
            index: AddrMap::default(),
            transitions: GcCell::new(Vec::new()),
        }
    }
    /// A shape with `name` appended.
    pub fn extended(&self, name: Gc<Str>) -> Shape {
        let mut names = self.names.clone();
        names.push(name);
        let mut index = self.index.clone();
        index.insert(name.addr(), (names.len() - 1) as u32);
        Shape {
            names,
            index,
            transitions: GcCell::new(Vec::new()),
        }
    }
    /// The slot holding `name`, if this shape has it.
    #[inline]
    pub fn slot(&self, name: Gc<Str>) -> Option<usize> {
        if self.names.len() <= 6 {
            return self.names.iter().position(|n| n.ptr_eq(name));
        }
        self.index.get(&name.addr()).map(|&i| i as usize)
    }
    /// The child shape that adds `name`, if created before.
    #[inline]
    pub fn transition(&self, name: Gc<Str>) -> Option<Gc<Shape>> {
        self.transitions
            .get()
            .iter()
            .find(|(n, _)| n.ptr_eq(name))
            .map(|(_, s)| *s)
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
    pub(crate) fn trace_fields(&self, _tr: &mut Tracer) {}
}
