//! Shapes (hidden classes): the layout of an instance's attribute slots.
//!
//! Invariants:
//! 1. Shapes are immortal and form a tree: each shape is its parent plus one
//!    attribute name appended as the next slot.
//! 2. Two instances with the same shape store the same attribute in the same
//!    slot, so an inline cache keyed by shape can load a slot directly.
//! 3. Shapes reference only interned (immortal) names.

use super::str::Str;
use super::GcCell;
use crate::gc::{Gc, Tracer};
use std::collections::HashMap;

pub struct Shape {
    /// Attribute names in slot order.
    pub names: Vec<Gc<Str>>,
    index: HashMap<usize, u32>,
    /// Child shapes by the name they add.
    pub transitions: GcCell<HashMap<usize, Gc<Shape>>>,
}

impl Shape {
    pub fn root() -> Shape {
        Shape {
            names: Vec::new(),
            index: HashMap::new(),
            transitions: GcCell::new(HashMap::new()),
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
            transitions: GcCell::new(HashMap::new()),
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
    pub fn len(&self) -> usize {
        self.names.len()
    }
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
    pub(crate) fn trace_fields(&self, _tr: &mut Tracer) {}
}
