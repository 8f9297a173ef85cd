//! Heap object types, one file per kind, and the kind table that ties the
//! collector to their `trace` and `drop` functions.

pub mod addr_hash;
pub mod attrs;
pub mod cache;
pub mod class;
pub mod code;
pub mod dict;
pub mod func;
pub mod generator;
pub mod int;
pub mod iter;
pub mod list;
pub mod module;
pub mod native;
pub mod range;
pub mod set;
pub mod shape;
pub mod str;
pub mod tuple;

pub use attrs::AttrMap;
pub use cache::Cache;
pub use class::{Class, ExcData, Instance, TbEntry};
pub use code::Code;
pub use dict::Dict;
pub use func::{
    BoundMethod, Builtin, BuiltinFn, CellObj, ClassMethod, Function, Property, StaticMethod, Super,
};
pub use generator::{GenState, Generator};
pub use int::{BigIntObj, BoxedInt};
pub use iter::{DictView, IterObj, IterState};
pub use list::List;
pub use module::{GlobalCell, Module};
pub use native::{native_state, Native, NativeState};
pub use range::{Range, Slice};
pub use set::Set;
pub use shape::Shape;
pub use str::Str;
pub use tuple::Tuple;

use crate::gc::{GcBox, Header, HeapObj, Tracer};
use std::cell::UnsafeCell;

/// Interior mutability for heap objects, without borrow flags.
///
/// Contract (checked by review, not at run time): a reference obtained from
/// `get`/`get_mut` is short-lived and never held across a call that may run
/// Python code or reach the same object by another path; objects do not move,
/// so the cell itself always stays valid.
pub struct GcCell<T>(UnsafeCell<T>);

impl<T> GcCell<T> {
    /// Byte offset of the value inside the cell (for compiled code).
    pub const fn value_offset() -> usize {
        std::mem::offset_of!(GcCell<T>, 0)
    }
    pub const fn new(v: T) -> GcCell<T> {
        GcCell(UnsafeCell::new(v))
    }
    #[inline(always)]
    pub fn get(&self) -> &T {
        // SAFETY: per the type's contract no mutable reference is live.
        unsafe { &*self.0.get() }
    }
    #[inline(always)]
    #[allow(clippy::mut_from_ref)]
    pub fn get_mut(&self) -> &mut T {
        // SAFETY: per the type's contract this is the only live reference.
        unsafe { &mut *self.0.get() }
    }
    /// Raw pointer to the contents (for compiled code that knows the layout).
    pub fn as_ptr(&self) -> *mut T {
        self.0.get()
    }
}

macro_rules! kinds {
    ($($kind:ident => $ty:ty,)*) => {
        /// The kind of a heap object: which payload type follows its header.
        #[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum Kind { $($kind,)* }

        impl Kind {
            pub const ALL: &'static [Kind] = &[$(Kind::$kind,)*];
        }

        $(impl HeapObj for $ty {
            const KIND: Kind = Kind::$kind;
            fn trace(&self, tr: &mut Tracer) { <$ty>::trace_fields(self, tr) }
        })*

        /// Traces the children of the object at `h`.
        ///
        /// # Safety
        /// `h` must be the header of a live object.
        pub unsafe fn trace_object(h: *const Header, tr: &mut Tracer) {
            // SAFETY: the caller guarantees a live header.
            match unsafe { (*h).kind } {
                // SAFETY: the kind tag names the payload type.
                $(Kind::$kind => unsafe { (*(h as *const GcBox<$ty>)).value.trace(tr) },)*
            }
        }

        /// Runs the destructor of the object at `h` (its memory is the
        /// heap's to reuse).
        ///
        /// # Safety
        /// `h` must be a mortal object allocated by `Heap::alloc`, unreachable,
        /// and not dropped before.
        pub unsafe fn drop_object(h: *mut Header) {
            // SAFETY: the caller guarantees a live, owned object; the kind tag
            // names the type it was written as.
            match unsafe { (*h).kind } {
                $(Kind::$kind => {
                    // SAFETY: as above: this kind's objects are `GcBox<$ty>`.
                    unsafe { std::ptr::drop_in_place(h as *mut GcBox<$ty>) }
                })*
            }
        }

        /// Alignment of a `GcBox` of this kind.
        pub fn object_align(k: Kind) -> usize {
            match k { $(Kind::$kind => std::mem::align_of::<GcBox<$ty>>(),)* }
        }

        /// Size in bytes of a `GcBox` of this kind.
        pub fn object_size(k: Kind) -> usize {
            match k { $(Kind::$kind => std::mem::size_of::<GcBox<$ty>>(),)* }
        }
    };
}

kinds! {
    BoxedInt => BoxedInt,
    BigInt => BigIntObj,
    Str => Str,
    Tuple => Tuple,
    List => List,
    Dict => Dict,
    Set => Set,
    Range => Range,
    Slice => Slice,
    Function => Function,
    Builtin => Builtin,
    BoundMethod => BoundMethod,
    Cell => CellObj,
    ClassMethod => ClassMethod,
    StaticMethod => StaticMethod,
    Property => Property,
    Super => Super,
    Class => Class,
    Instance => Instance,
    Shape => Shape,
    Module => Module,
    GlobalCell => GlobalCell,
    Code => Code,
    Generator => Generator,
    Iter => IterObj,
    DictView => DictView,
    Native => Native,
}
