//! Cached facts about a class's MRO, recomputed after any version bump
//! (`Class::bump_version` clears `Class::flags`).

use super::kind_of;
use crate::gc::Gc;
use crate::object::{Class, Kind};

/// The flags below are valid.
pub const COMPUTED: u32 = 1;
/// No class in the MRO defines a property or `__getattr__`/`__setattr__`, so
/// an attribute found in an instance's slots is the answer.
pub const NO_DATA_DESCRIPTORS: u32 = 2;
/// No class in the MRO defines `__bool__` or `__len__`, so an instance's
/// truth runs no Python code.
pub const NO_TRUTH_DUNDERS: u32 = 4;

/// The class's flags, computing them if needed.
#[inline]
pub fn get(cls: Gc<Class>) -> u32 {
    let f = cls.flags.get();
    if f & COMPUTED != 0 {
        return f;
    }
    compute(cls)
}

#[cold]
fn compute(cls: Gc<Class>) -> u32 {
    let mut f = COMPUTED | NO_DATA_DESCRIPTORS | NO_TRUTH_DUNDERS;
    for c in cls.mro.get() {
        for (name, v) in c.dict.get().iter() {
            let n = name.as_str();
            let hook = matches!(
                n,
                "__getattr__" | "__getattribute__" | "__setattr__" | "__delattr__"
            );
            // `object`'s own `__setattr__` etc. are the default behaviour.
            let default = super::cast::<crate::object::Builtin>(v)
                .map(|b| b.qualname.starts_with("object."))
                .unwrap_or(false);
            if kind_of(v) == Some(Kind::Property) || (hook && !default) {
                f &= !NO_DATA_DESCRIPTORS;
            }
            if matches!(n, "__bool__" | "__len__") {
                f &= !NO_TRUTH_DUNDERS;
            }
        }
    }
    cls.flags.set(f);
    f
}
