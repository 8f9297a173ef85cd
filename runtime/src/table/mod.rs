//! Hash tables that reproduce CPython 3.11's `set` and `dict` layouts.
//!
//! `SetTable` mirrors `Objects/setobject.c` slot for slot, so that iterating a
//! set yields its elements in exactly CPython's order; `DictTable` mirrors the
//! compact dict of `Objects/dictobject.c` (insertion order, same probing and
//! resize policy).  Both are generic and know nothing of the VM:
//!
//! * keys `K: Copy + PartialEq` and values `V: Copy`; `==` on `K` must be
//!   *bit identity* (CPython's `is`), never Python equality;
//! * the caller supplies each key's hash (CPython's `hash(x)`, never -1);
//! * Python equality is a caller callback
//!   `eq: &mut dyn FnMut(stored_key, probe_key) -> Result<bool, E>`, called
//!   exactly where CPython calls `PyObject_RichCompareBool(startkey, key,
//!   Py_EQ)`: only when hashes are equal and identity differs.
//!
//! Invariants shared by both tables:
//! 1. Every method takes `&self`; state lives in a `RefCell` and no borrow is
//!    ever held across a call to `eq` (or any other callback); two cells are
//!    borrowed together only when they are distinct tables (checked with
//!    `ptr::eq`) and no callback runs meanwhile.  The callbacks may
//!    therefore read or mutate any table, including the one being operated
//!    on, without a panic or memory unsafety.
//! 2. After each callback the operation re-validates what it was looking at
//!    (table identity + the slot's key) and restarts its probe exactly where
//!    CPython restarts; positions are re-checked against the current table
//!    before use.
//! 3. Table identity is a `table_id`: 0 stands for a set's inline small table
//!    (or a dict's shared empty keys); every other table allocation gets a
//!    fresh id from a global counter, like a fresh `malloc` address.
//! 4. No `unsafe` code; `usize` is 64 bits (hashes are mixed into indices
//!    exactly like CPython's `size_t` arithmetic).

pub mod dict;
pub mod set;

pub use dict::{DictTable, MergeError, MergeMode};
pub use set::SetTable;

use std::sync::atomic::{AtomicU64, Ordering};

/// CPython's `PERTURB_SHIFT`, shared by sets and dicts.
pub(crate) const PERTURB_SHIFT: u32 = 5;

// Probing mixes the full 64-bit hash into `usize` indices, as CPython does
// with `size_t` on 64-bit platforms.
const _: () = assert!(usize::BITS == 64, "table assumes 64-bit usize");

static NEXT_TABLE_ID: AtomicU64 = AtomicU64::new(1);

/// A fresh, never reused, nonzero table identity.
pub(crate) fn fresh_table_id() -> u64 {
    NEXT_TABLE_ID.fetch_add(1, Ordering::Relaxed)
}

#[cfg(test)]
mod vectors;
