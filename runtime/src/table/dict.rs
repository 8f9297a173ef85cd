//! `DictTable<K, V>`: CPython 3.11's compact dict (dictobject.c, combined
//! "general" keys).
//!
//! An `indices` array (open addressing, `DKIX_EMPTY = -1`, `DKIX_DUMMY = -2`)
//! maps probe positions to indexes in an `entries` vector kept in insertion
//! order.  Lookups probe like `_Py_dict_lookup`: `i = hash & mask`, then
//! `perturb >>= 5; i = (i*5 + perturb + 1) & mask`.  Iteration walks
//! `entries` by index and skips holes, so the order is insertion order.
//!
//! Invariants:
//! 1. `indices.len()` is a power of two >= 8 (1 for the shared empty keys,
//!    whose `usable` is 0); `entries.len()` is CPython's
//!    `dk_nentries` and `entries.len() + usable <= USABLE_FRACTION(size)`
//!    (`(size << 1) / 3`), so `indices` always has an EMPTY slot.
//! 2. Every index slot >= 0 names a live entry; deleting an item makes its
//!    index slot DUMMY and its entry a hole (`None`), and never gives back
//!    `usable`.  `popitem` drops trailing holes (`dk_nentries = i`).
//! 3. An insertion with `usable == 0` first resizes to
//!    `calculate_log2_keysize(used * 3)` (GROWTH_RATE), compacting holes.
//! 4. `keys_id` is the identity of the keys object (0 = the shared empty
//!    keys of a new or cleared dict; each resize/clone gets a fresh id).  A
//!    lookup whose `eq` callback saw `keys_id` change or the compared entry
//!    replaced restarts from scratch, like CPython's `DKIX_KEY_CHANGED`.
//! 5. No `RefCell` borrow is held across `eq`; iteration positions are entry
//!    indexes re-checked against the current `entries` at every step.  The
//!    caller detects "dictionary changed size during iteration" by comparing
//!    `len()` (and may use `version()`, bumped by every mutation).
//!
//! Not modelled: CPython's unicode-only keys kind and split (instance) dicts
//! only change memory layout and the points where a resize happens, never the
//! iteration order.

use super::{fresh_table_id, PERTURB_SHIFT};
use std::cell::RefCell;
use std::fmt;

/// CPython's `PyDict_MINSIZE`.
pub const MINSIZE: usize = 8;
const DKIX_EMPTY: isize = -1;
const DKIX_DUMMY: isize = -2;

#[derive(Clone, Copy, Debug)]
struct Entry<K, V> {
    key: K,
    hash: i64,
    value: V,
}

#[derive(Clone)]
struct Inner<K, V> {
    indices: Vec<isize>,
    entries: Vec<Option<Entry<K, V>>>,
    usable: usize,
    used: usize,
    keys_id: u64,
    version: u64,
}

/// A CPython-compatible insertion-ordered dict table.  See the module docs.
pub struct DictTable<K, V> {
    inner: RefCell<Inner<K, V>>,
}

/// How `DictTable::merge` treats keys already present in the target
/// (CPython's `override` argument of `dict_merge`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MergeMode {
    /// 1: replace the value (`dict.update`, `{**a, **b}`).
    Override,
    /// 0: keep the existing value.
    KeepExisting,
    /// 2: report a duplicate (`f(**a, **b)`).
    ErrorOnDuplicate,
}

/// Failure of `DictTable::merge`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MergeError<K, E> {
    /// The `eq` callback failed.
    Eq(E),
    /// The source dict changed size during the merge (CPython:
    /// `RuntimeError: dict mutated during update`).
    Mutated,
    /// `MergeMode::ErrorOnDuplicate` met this key already present.
    DuplicateKey(K),
}

/// `USABLE_FRACTION(n)`.
fn usable_fraction(n: usize) -> usize {
    (n << 1) / 3
}

/// `calculate_log2_keysize(minsize)` (the 64-bit bit-trick version).
fn calculate_log2_keysize(minsize: usize) -> u32 {
    let m = (minsize | MINSIZE) - 1;
    usize::BITS - (m | (MINSIZE - 1)).leading_zeros()
}

/// `estimate_log2_keysize(n)`: room for `n` entries without resizing
/// (`ESTIMATE_SIZE(n) = (n*3 + 1) >> 1`, i.e. `ceil(3n / 2)`).
fn estimate_log2_keysize(n: usize) -> u32 {
    calculate_log2_keysize((n * 3).div_ceil(2))
}

fn next_probe(i: usize, perturb: &mut u64, mask: usize) -> usize {
    *perturb >>= PERTURB_SHIFT;
    i.wrapping_mul(5)
        .wrapping_add(*perturb as usize)
        .wrapping_add(1)
        & mask
}

enum Scan<K> {
    Found(usize),
    Compare(usize, K),
    Empty,
}

impl<K: Copy + PartialEq, V: Copy> Inner<K, V> {
    /// A dict using the shared empty keys (`PyDict_New`).  Like CPython's
    /// `Py_EMPTY_KEYS` they have `dk_log2_size == 0` (one EMPTY index slot)
    /// and no usable entries, which matters for `dict_merge`'s presize.
    fn empty() -> Self {
        Inner {
            indices: vec![DKIX_EMPTY; 1],
            entries: Vec::new(),
            usable: 0,
            used: 0,
            keys_id: 0,
            version: 0,
        }
    }

    /// A dict with fresh keys of `1 << log2` slots.
    fn with_log2(log2: u32) -> Self {
        let size = 1usize << log2;
        Inner {
            indices: vec![DKIX_EMPTY; size],
            entries: Vec::new(),
            usable: usable_fraction(size),
            used: 0,
            keys_id: fresh_table_id(),
            version: 0,
        }
    }

    fn mask(&self) -> usize {
        self.indices.len() - 1
    }

    /// `dictresize(mp, log2_newsize)`: new keys, holes compacted away.
    fn resize(&mut self, log2: u32) {
        let size = 1usize << log2;
        let mask = size - 1;
        let entries: Vec<Option<Entry<K, V>>> =
            self.entries.drain(..).filter(|e| e.is_some()).collect();
        let mut indices = vec![DKIX_EMPTY; size];
        for (ix, e) in entries.iter().enumerate() {
            let hash = e.as_ref().map_or(0, |e| e.hash);
            let mut perturb = hash as u64;
            let mut i = (hash as u64 as usize) & mask;
            while indices[i] != DKIX_EMPTY {
                i = next_probe(i, &mut perturb, mask);
            }
            indices[i] = ix as isize;
        }
        self.usable = usable_fraction(size) - entries.len();
        self.indices = indices;
        self.entries = entries;
        self.keys_id = fresh_table_id();
    }

    /// `find_empty_slot`: first index slot that is EMPTY or DUMMY.
    fn find_empty_slot(&self, hash: i64) -> usize {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        while self.indices[i] >= 0 {
            i = next_probe(i, &mut perturb, mask);
        }
        i
    }

    /// `lookdict_index`: the index slot holding entry index `ix`.
    fn lookdict_index(&self, hash: i64, ix: usize) -> Option<usize> {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let v = self.indices[i];
            if v == ix as isize {
                return Some(i);
            }
            if v == DKIX_EMPTY {
                return None;
            }
            i = next_probe(i, &mut perturb, mask);
        }
    }

    /// The insertion half of `insertdict` for a key known to be absent.
    fn insert_new(&mut self, key: K, hash: i64, value: V) {
        if self.usable == 0 {
            // insertion_resize: GROWTH_RATE = used * 3.
            self.resize(calculate_log2_keysize(self.used * 3));
        }
        let pos = self.find_empty_slot(hash);
        self.indices[pos] = self.entries.len() as isize;
        self.entries.push(Some(Entry { key, hash, value }));
        self.usable -= 1;
        self.used += 1;
        self.version += 1;
    }

    /// `delitem_common`: turn entry `ix` into a hole.
    fn delete_at(&mut self, ix: usize) -> Option<Entry<K, V>> {
        let e = self.entries.get(ix).copied().flatten()?;
        if let Some(pos) = self.lookdict_index(e.hash, ix) {
            self.indices[pos] = DKIX_DUMMY;
        }
        self.entries[ix] = None;
        self.used -= 1;
        self.version += 1;
        Some(e)
    }
}

impl<K: Copy + PartialEq, V: Copy> Default for DictTable<K, V> {
    fn default() -> Self {
        Self::new()
    }
}

impl<K: Copy + PartialEq + fmt::Debug, V: Copy + fmt::Debug> fmt::Debug for DictTable<K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.items()).finish()
    }
}

impl<K: Copy + PartialEq, V: Copy> DictTable<K, V> {
    /// An empty dict (`PyDict_New`: shared empty keys until first insert).
    pub fn new() -> Self {
        DictTable {
            inner: RefCell::new(Inner::empty()),
        }
    }

    /// `_PyDict_NewPresized(n)` (used by CPython for dict displays and
    /// `dict.fromkeys`-style builds): room for `n` items.
    pub fn presized(n: usize) -> Self {
        const MAX_PRESIZE: usize = 128 * 1024;
        if n <= usable_fraction(MINSIZE) {
            return Self::new();
        }
        let log2 = if n > usable_fraction(MAX_PRESIZE) {
            estimate_log2_keysize(MAX_PRESIZE)
        } else {
            estimate_log2_keysize(n)
        };
        DictTable {
            inner: RefCell::new(Inner::with_log2(log2)),
        }
    }

    /// Number of items (`ma_used`).
    pub fn len(&self) -> usize {
        self.inner.borrow().used
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Mutation counter: changes on every insert, delete, value store, clear.
    pub fn version(&self) -> u64 {
        self.inner.borrow().version
    }

    /// Size of the index table (`DK_SIZE`; 1 for the shared empty keys).
    pub fn capacity(&self) -> usize {
        self.inner.borrow().indices.len()
    }

    /// Number of entry slots in use, holes included (`dk_nentries`).
    pub fn nentries(&self) -> usize {
        self.inner.borrow().entries.len()
    }

    fn is(&self, other: &DictTable<K, V>) -> bool {
        std::ptr::eq(self, other)
    }

    /// `_Py_dict_lookup` (generic keys): the entry index holding `key`.
    pub fn lookup<E>(
        &self,
        key: K,
        hash: i64,
        eq: &mut dyn FnMut(K, K) -> Result<bool, E>,
    ) -> Result<Option<usize>, E> {
        'restart: loop {
            let (keys_id, mask) = {
                let inner = self.inner.borrow();
                (inner.keys_id, inner.mask())
            };
            let mut perturb = hash as u64;
            let mut i = (hash as u64 as usize) & mask;
            loop {
                let step = {
                    let inner = self.inner.borrow();
                    loop {
                        let ix = inner.indices[i];
                        if ix >= 0 {
                            if let Some(Some(e)) = inner.entries.get(ix as usize) {
                                if e.key == key {
                                    break Scan::Found(ix as usize);
                                }
                                if e.hash == hash {
                                    break Scan::Compare(ix as usize, e.key);
                                }
                            }
                        } else if ix == DKIX_EMPTY {
                            break Scan::Empty;
                        }
                        i = next_probe(i, &mut perturb, mask);
                    }
                };
                match step {
                    Scan::Found(ix) => return Ok(Some(ix)),
                    Scan::Empty => return Ok(None),
                    Scan::Compare(ix, startkey) => {
                        let cmp = eq(startkey, key)?;
                        let unchanged = {
                            let inner = self.inner.borrow();
                            inner.keys_id == keys_id
                                && matches!(inner.entries.get(ix),
                                            Some(Some(e)) if e.key == startkey)
                        };
                        if !unchanged {
                            continue 'restart;
                        }
                        if cmp {
                            return Ok(Some(ix));
                        }
                        i = next_probe(i, &mut perturb, mask);
                    }
                }
            }
        }
    }

    /// `d[key]` / `d.get(key)`: the value, if present.
    pub fn get<E>(
        &self,
        key: K,
        hash: i64,
        eq: &mut dyn FnMut(K, K) -> Result<bool, E>,
    ) -> Result<Option<V>, E> {
        Ok(match self.lookup(key, hash, eq)? {
            Some(ix) => self.entry_at(ix).map(|(_, _, v)| v),
            None => None,
        })
    }

    /// `key in d`.
    pub fn contains<E>(
        &self,
        key: K,
        hash: i64,
        eq: &mut dyn FnMut(K, K) -> Result<bool, E>,
    ) -> Result<bool, E> {
        Ok(self.lookup(key, hash, eq)?.is_some())
    }

    /// `d[key] = value` (`insertdict`).  Returns the old value when the key
    /// was present (the stored key object is kept and the position in the
    /// order is unchanged).
    pub fn insert<E>(
        &self,
        key: K,
        hash: i64,
        value: V,
        eq: &mut dyn FnMut(K, K) -> Result<bool, E>,
    ) -> Result<Option<V>, E> {
        let found = self.lookup(key, hash, eq)?;
        let mut inner = self.inner.borrow_mut();
        if let Some(ix) = found {
            if let Some(Some(e)) = inner.entries.get_mut(ix) {
                let old = e.value;
                e.value = value;
                inner.version += 1;
                return Ok(Some(old));
            }
        }
        inner.insert_new(key, hash, value);
        Ok(None)
    }

    /// `d.setdefault(key, default)` (`PyDict_SetDefault`): the existing value,
    /// or `default` after inserting it.  One lookup, as in CPython.
    pub fn get_or_insert<E>(
        &self,
        key: K,
        hash: i64,
        default: V,
        eq: &mut dyn FnMut(K, K) -> Result<bool, E>,
    ) -> Result<V, E> {
        let found = self.lookup(key, hash, eq)?;
        let mut inner = self.inner.borrow_mut();
        if let Some(ix) = found {
            if let Some(Some(e)) = inner.entries.get(ix) {
                return Ok(e.value);
            }
        }
        inner.insert_new(key, hash, default);
        Ok(default)
    }

    /// `del d[key]` / `d.pop(key)`: removes and returns the stored key and
    /// value, leaving a hole in the order.
    pub fn remove<E>(
        &self,
        key: K,
        hash: i64,
        eq: &mut dyn FnMut(K, K) -> Result<bool, E>,
    ) -> Result<Option<(K, V)>, E> {
        if self.is_empty() {
            return Ok(None);
        }
        let found = self.lookup(key, hash, eq)?;
        Ok(found.and_then(|ix| {
            self.inner
                .borrow_mut()
                .delete_at(ix)
                .map(|e| (e.key, e.value))
        }))
    }

    /// `d.popitem()`: the last item in order (LIFO); None when empty.
    pub fn popitem(&self) -> Option<(K, V)> {
        let mut inner = self.inner.borrow_mut();
        if inner.used == 0 {
            return None;
        }
        let mut i = inner.entries.len();
        let e = loop {
            i -= 1;
            if let Some(e) = inner.entries[i] {
                break e;
            }
        };
        if let Some(pos) = inner.lookdict_index(e.hash, i) {
            inner.indices[pos] = DKIX_DUMMY;
        }
        // dk_nentries = i; usable is not given back (DUMMY stays).
        inner.entries.truncate(i);
        inner.used -= 1;
        inner.version += 1;
        Some((e.key, e.value))
    }

    /// `d.clear()`: back to the shared empty keys.
    pub fn clear(&self) {
        let mut inner = self.inner.borrow_mut();
        let version = inner.version + 1;
        *inner = Inner::empty();
        inner.version = version;
    }

    /// The live entry at entry index `ix`: `(key, hash, value)`.
    pub fn entry_at(&self, ix: usize) -> Option<(K, i64, V)> {
        let inner = self.inner.borrow();
        inner
            .entries
            .get(ix)
            .copied()
            .flatten()
            .map(|e| (e.key, e.hash, e.value))
    }

    /// Store `value` in the live entry at `ix` (false if it is a hole).
    pub fn set_value_at(&self, ix: usize, value: V) -> bool {
        let mut inner = self.inner.borrow_mut();
        if let Some(Some(e)) = inner.entries.get_mut(ix) {
            e.value = value;
            inner.version += 1;
            true
        } else {
            false
        }
    }

    /// Iteration step (`_PyDict_Next` / dict iterators): the first live entry
    /// at entry index >= `pos`, as `(next_pos, key, hash, value)`.
    pub fn next_entry(&self, pos: usize) -> Option<(usize, K, i64, V)> {
        let inner = self.inner.borrow();
        let mut i = pos;
        while i < inner.entries.len() {
            if let Some(e) = inner.entries[i] {
                return Some((i + 1, e.key, e.hash, e.value));
            }
            i += 1;
        }
        None
    }

    /// Keys in order.
    pub fn keys(&self) -> Vec<K> {
        self.items().into_iter().map(|(k, _)| k).collect()
    }

    /// Values in order.
    pub fn values(&self) -> Vec<V> {
        self.items().into_iter().map(|(_, v)| v).collect()
    }

    /// `(key, value)` pairs in order.
    pub fn items(&self) -> Vec<(K, V)> {
        let inner = self.inner.borrow();
        inner
            .entries
            .iter()
            .flatten()
            .map(|e| (e.key, e.value))
            .collect()
    }

    /// `d.copy()` / `dict(d)` (`PyDict_Copy`): clones the keys (holes
    /// included) when at most a third of the entries are holes, otherwise
    /// merges into a new dict (compacted).  Never calls `eq`.
    pub fn copy(&self) -> DictTable<K, V> {
        {
            let inner = self.inner.borrow();
            if inner.used == 0 {
                return DictTable::new();
            }
            if inner.used >= (inner.entries.len() * 2) / 3 {
                let mut c = inner.clone();
                c.keys_id = fresh_table_id();
                c.version = 0;
                return DictTable {
                    inner: RefCell::new(c),
                };
            }
        }
        let d = DictTable::new();
        let r: Result<(), MergeError<K, ()>> =
            d.merge(self, MergeMode::Override, &mut |_, _| Ok(false));
        debug_assert!(r.is_ok());
        d
    }

    /// `dict_merge(self, other, override)` for a dict `other`:
    /// `self.update(other)` with `MergeMode::Override`.
    pub fn merge<E>(
        &self,
        other: &DictTable<K, V>,
        mode: MergeMode,
        eq: &mut dyn FnMut(K, K) -> Result<bool, E>,
    ) -> Result<(), MergeError<K, E>> {
        if self.is(other) || other.is_empty() {
            return Ok(());
        }
        let mut mode = mode;
        {
            // Distinct cells; no callback runs in this block.
            let o = other.inner.borrow();
            let mut s = self.inner.borrow_mut();
            if s.used == 0 {
                mode = MergeMode::Override;
                let size = o.indices.len();
                if o.used == o.entries.len()
                    && (size == MINSIZE || usable_fraction(size / 2) < o.used)
                {
                    // Clean source: clone its keys.
                    let version = s.version + 1;
                    *s = o.clone();
                    s.keys_id = fresh_table_id();
                    s.version = version;
                    return Ok(());
                }
            }
            // One big resize at the start.
            if usable_fraction(s.indices.len()) < o.used {
                let log2 = estimate_log2_keysize(s.used + o.used);
                s.resize(log2);
            }
        }
        let n = other.nentries();
        for i in 0..n {
            let Some((key, hash, value)) = other.entry_at(i) else {
                continue;
            };
            match mode {
                MergeMode::Override => {
                    self.insert(key, hash, value, eq).map_err(MergeError::Eq)?;
                }
                MergeMode::KeepExisting | MergeMode::ErrorOnDuplicate => {
                    if self.contains(key, hash, eq).map_err(MergeError::Eq)? {
                        if mode == MergeMode::ErrorOnDuplicate {
                            return Err(MergeError::DuplicateKey(key));
                        }
                    } else {
                        self.insert(key, hash, value, eq).map_err(MergeError::Eq)?;
                    }
                }
            }
            if other.nentries() != n {
                return Err(MergeError::Mutated);
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type R<T> = Result<T, ()>;

    fn ideq(a: i64, b: i64) -> R<bool> {
        Ok(a == b)
    }

    #[test]
    fn keysize_math_matches_cpython() {
        assert_eq!(calculate_log2_keysize(0), 3);
        assert_eq!(calculate_log2_keysize(15), 4);
        assert_eq!(calculate_log2_keysize(16), 5);
        assert_eq!(calculate_log2_keysize(18), 5);
        assert_eq!(estimate_log2_keysize(6), 4);
        assert_eq!(usable_fraction(8), 5);
    }

    #[test]
    fn insertion_order_with_deletes_and_growth() {
        let d = DictTable::new();
        for i in 0..20 {
            d.insert(i, i, i * 10, &mut ideq).unwrap();
        }
        for i in (0..20).step_by(3) {
            assert_eq!(d.remove(i, i, &mut ideq).unwrap(), Some((i, i * 10)));
        }
        d.insert(0, 0, 7, &mut ideq).unwrap();
        assert_eq!(d.insert(1, 1, 8, &mut ideq).unwrap(), Some(10));
        let keys = d.keys();
        let mut want: Vec<i64> = (0..20).filter(|i| i % 3 != 0).collect();
        want.push(0);
        assert_eq!(keys, want);
        assert_eq!(d.get(1, 1, &mut ideq).unwrap(), Some(8));
        assert_eq!(d.popitem(), Some((0, 7)));
        assert_eq!(d.popitem(), Some((19, 190)));
        assert_eq!(d.len(), 12);
        let c = d.copy();
        assert_eq!(c.items(), d.items());
        d.clear();
        assert!(d.is_empty());
        assert_eq!(d.capacity(), 1);
    }

    #[test]
    fn setdefault_and_sizes() {
        let d = DictTable::new();
        assert_eq!(d.get_or_insert(3, 3, 30, &mut ideq).unwrap(), 30);
        assert_eq!(d.get_or_insert(3, 3, 31, &mut ideq).unwrap(), 30);
        for i in 0..5 {
            d.insert(100 + i, i, 0, &mut ideq).unwrap();
        }
        // The sixth insert finds usable == 0 and resizes to
        // calculate_log2_keysize(5 * 3) = 16 slots.
        assert_eq!(d.capacity(), 16);
        assert_eq!(DictTable::<i64, i64>::presized(6).capacity(), 16);
        assert_eq!(DictTable::<i64, i64>::presized(21).capacity(), 64);
    }

    #[test]
    fn eq_mutation_restarts_lookup_safely() {
        let d = DictTable::new();
        for i in 0..6 {
            d.insert(i, 1, i, &mut ideq).unwrap();
        }
        let mut calls = 0;
        let r = d
            .get(99, 1, &mut |_, _| -> R<bool> {
                calls += 1;
                if calls == 2 {
                    d.clear();
                }
                Ok(false)
            })
            .unwrap();
        assert_eq!(r, None);
        assert_eq!(calls, 2);
        // Growing the dict from inside eq during an insert.
        let d = DictTable::new();
        d.insert(1, 5, 1, &mut ideq).unwrap();
        let mut n = 0;
        d.insert(2, 5, 2, &mut |_, _| -> R<bool> {
            n += 1;
            if n < 3 {
                for i in 0..50 {
                    d.insert(1000 * n + i, i, 0, &mut ideq).unwrap();
                }
            }
            Ok(false)
        })
        .unwrap();
        assert_eq!(d.len(), 102);
        assert_eq!(d.keys()[0], 1);
        assert_eq!(*d.keys().last().unwrap(), 2);
    }

    #[test]
    fn merge_detects_source_mutation() {
        let a = DictTable::new();
        let b = DictTable::new();
        for i in 0..10 {
            a.insert(i, 0, i, &mut ideq).unwrap();
            b.insert(i + 100, 0, i, &mut ideq).unwrap();
        }
        let r = a.merge(&b, MergeMode::Override, &mut |_, _| -> R<bool> {
            b.insert(5000, 1, 0, &mut ideq).unwrap();
            Ok(false)
        });
        assert_eq!(r, Err(MergeError::Mutated));
        let r = a.merge(&b, MergeMode::ErrorOnDuplicate, &mut ideq);
        assert_eq!(r, Err(MergeError::DuplicateKey(100)));
    }
}
