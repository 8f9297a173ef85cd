//! Native state for library types implemented in Rust (`collections.deque`,
//! `random.Random`, ...). Such a value is an ordinary `Instance` of its
//! (builtin, subclassable) class whose `base` is a `Native` object holding
//! the Rust state, so attribute lookup, dunder dispatch and subclassing work
//! as for any instance; the class's builtin methods reach the state with
//! `native_state::<T>(self)`.

use super::class::Instance;
use crate::gc::{Gc, Tracer};
use crate::value::Value;
use std::any::Any;

/// The Rust state of a library object. Interior mutability is the
/// implementor's (`GcCell`, `Cell`).
pub trait NativeState: Any {
    /// Reports every `Value` the state holds.
    fn trace(&self, tr: &mut Tracer);
    fn as_any(&self) -> &dyn Any;
}

pub struct Native {
    pub state: Box<dyn NativeState>,
}

impl Native {
    pub(crate) fn trace_fields(&self, tr: &mut Tracer) {
        self.state.trace(tr);
    }
}

/// The native state of type `T` behind `v` (an instance whose base is a
/// `Native` with that state), if any.
pub fn native_state<T: NativeState>(v: Value) -> Option<&'static T> {
    let inst = Gc::<Instance>::from_value(v)?;
    let n = Gc::<Native>::from_value(inst.base.get())?;
    let s: &T = n.state.as_any().downcast_ref::<T>()?;
    // SAFETY: the state lives as long as the Native object, which the
    // caller keeps reachable through `v` (an argument or register) while it
    // uses the reference; objects never move.
    Some(unsafe { &*(s as *const T) })
}
