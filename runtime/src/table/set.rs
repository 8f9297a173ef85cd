//! `SetTable<K>`: CPython 3.11's `set`/`frozenset` hash table (setobject.c).
//!
//! The table is an open-addressing array of slots (EMPTY, DUMMY, or an active
//! `(key, hash)`), probed exactly like `set_lookkey`/`set_add_entry`: start at
//! `hash & mask`, look at up to `LINEAR_PROBES` following slots when they fit
//! below `mask`, then jump with `i = (i*5 + 1 + (perturb >>= 5)) & mask`.
//! Iteration is table order, so every operation that builds a set inserts in
//! CPython's order and uses CPython's special cases (fast copies in
//! `set_merge`, presizing, which operand is iterated, ...).
//!
//! Invariants:
//! 1. `table.len()` is a power of two >= 8 (`MINSIZE`); `mask = len - 1`;
//!    size 8 <=> `table_id == 0` (the inline "smalltable").
//! 2. `used` = number of active slots, `fill` = active + dummy slots, and
//!    `fill <= mask` always (there is an EMPTY slot, so probes terminate):
//!    an insertion into an EMPTY slot resizes when `fill*5 >= mask*3`.
//! 3. Discarding leaves a DUMMY; only `set_table_resize` (on insertion, at
//!    the end of a difference update when dummies exceed a quarter of the
//!    slots, or in a merge presize) and `clear` remove dummies.
//! 4. `finger` is `set_pop`'s search start; it survives `clear` and
//!    `swap_bodies`, as in CPython.
//! 5. No `RefCell` borrow is held across `eq` or `next` callbacks; after each
//!    `eq` call the probe re-checks `table_id` and the compared slot's key and
//!    restarts (lookups/insertions) exactly as CPython does, so callbacks may
//!    mutate this or any other table (see `mod.rs`).
//!
//! Known, deliberate difference: if an `eq` callback fills the dummy slot that
//! `set_add_entry` had remembered as its free slot (without a restart),
//! CPython overwrites the new key (corrupting `used`); we insert into the
//! EMPTY slot found instead, keeping the invariants.

use super::dict::DictTable;
use super::{fresh_table_id, PERTURB_SHIFT};
use std::cell::RefCell;
use std::fmt;

/// CPython's `PySet_MINSIZE`.
pub const MINSIZE: usize = 8;
/// CPython's `LINEAR_PROBES`.
const LINEAR_PROBES: usize = 9;

#[derive(Clone, Copy, Debug)]
enum Slot<K> {
    Empty,
    Dummy,
    Active(K, i64),
}

#[derive(Clone)]
struct Inner<K> {
    table: Vec<Slot<K>>,
    fill: usize,
    used: usize,
    finger: usize,
    table_id: u64,
}

/// A CPython-compatible set hash table.  See the module docs.
pub struct SetTable<K> {
    inner: RefCell<Inner<K>>,
}

/// The probe sequence of `set_lookkey` / `set_add_entry`.
#[derive(Clone, Copy)]
struct Probe {
    base: usize,
    off: usize,
    probes: usize,
    perturb: u64,
    mask: usize,
}

impl Probe {
    fn new(hash: i64, mask: usize) -> Probe {
        let base = (hash as u64 as usize) & mask;
        Probe {
            base,
            off: 0,
            probes: Self::linear(base, mask),
            perturb: hash as u64,
            mask,
        }
    }

    fn linear(base: usize, mask: usize) -> usize {
        if base + LINEAR_PROBES <= mask {
            LINEAR_PROBES
        } else {
            0
        }
    }

    fn index(&self) -> usize {
        self.base + self.off
    }

    fn advance(&mut self) {
        if self.off < self.probes {
            self.off += 1;
        } else {
            self.perturb >>= PERTURB_SHIFT;
            self.base = self
                .base
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(self.perturb as usize)
                & self.mask;
            self.off = 0;
            self.probes = Self::linear(self.base, self.mask);
        }
    }
}

/// What a scan (under one borrow) stopped at.
enum Scan<K> {
    /// Active slot holding the identical key.
    Same(usize),
    /// Active slot with equal hash and a different key: call `eq`.
    Compare(usize, K),
    /// EMPTY slot ending the probe.
    Empty(usize),
}

fn new_small<K: Copy>() -> Vec<Slot<K>> {
    vec![Slot::Empty; MINSIZE]
}

/// `set_insert_clean`: put a key known to be absent into a table without
/// dummies.
fn insert_clean<K: Copy>(table: &mut [Slot<K>], key: K, hash: i64) {
    let mask = table.len() - 1;
    let mut perturb = hash as u64;
    let mut i = (hash as u64 as usize) & mask;
    loop {
        if matches!(table[i], Slot::Empty) {
            table[i] = Slot::Active(key, hash);
            return;
        }
        if i + LINEAR_PROBES <= mask {
            for j in 1..=LINEAR_PROBES {
                if matches!(table[i + j], Slot::Empty) {
                    table[i + j] = Slot::Active(key, hash);
                    return;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = i
            .wrapping_mul(5)
            .wrapping_add(1)
            .wrapping_add(perturb as usize)
            & mask;
    }
}

impl<K: Copy> Inner<K> {
    fn new() -> Self {
        Inner {
            table: new_small(),
            fill: 0,
            used: 0,
            finger: 0,
            table_id: 0,
        }
    }

    fn mask(&self) -> usize {
        self.table.len() - 1
    }

    /// `set_table_resize(so, minused)`.
    fn resize(&mut self, minused: usize) {
        let mut newsize = MINSIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        let new_id = if newsize == MINSIZE {
            if self.table_id == 0 && self.fill == self.used {
                // Small table without dummies: nothing to do.
                return;
            }
            0
        } else {
            fresh_table_id()
        };
        let old = std::mem::replace(&mut self.table, vec![Slot::Empty; newsize]);
        self.table_id = new_id;
        self.fill = self.used;
        for slot in old {
            if let Slot::Active(k, h) = slot {
                insert_clean(&mut self.table, k, h);
            }
        }
    }

    /// `set_empty_to_minsize` (the `finger` is left alone, as in CPython).
    fn clear(&mut self) {
        self.table = new_small();
        self.fill = 0;
        self.used = 0;
        self.table_id = 0;
    }

    /// End of `set_difference_update_internal`: if more than a quarter of
    /// the slots are dummies, resize them away.
    fn purge_dummies(&mut self) {
        if self.fill - self.used > self.mask() / 4 {
            let used = self.used;
            self.resize(if used > 50000 { used * 2 } else { used * 4 });
        }
    }

    /// `so->fill*5 >= mask*3` check after filling an EMPTY slot.
    fn grow_if_needed(&mut self) {
        if self.fill * 5 >= self.mask() * 3 {
            let used = self.used;
            self.resize(if used > 50000 { used * 2 } else { used * 4 });
        }
    }
}

impl<K: Copy + PartialEq> Default for SetTable<K> {
    fn default() -> Self {
        Self::new()
    }
}

impl<K: Copy + PartialEq + fmt::Debug> fmt::Debug for SetTable<K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.keys()).finish()
    }
}

impl<K: Copy + PartialEq> SetTable<K> {
    /// An empty set (`make_new_set` with no iterable).
    pub fn new() -> Self {
        SetTable {
            inner: RefCell::new(Inner::new()),
        }
    }

    /// Number of elements (`so->used`).
    pub fn len(&self) -> usize {
        self.inner.borrow().used
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Active + dummy slots (`so->fill`).
    pub fn fill(&self) -> usize {
        self.inner.borrow().fill
    }

    /// `so->mask` (table size - 1).
    pub fn mask(&self) -> usize {
        self.inner.borrow().mask()
    }

    /// True if `self` and `other` are the same table object.
    fn is(&self, other: &SetTable<K>) -> bool {
        std::ptr::eq(self, other)
    }

    // ----------------------------------------------------------------------
    // Probing

    /// Scan from `p` under one borrow until an EMPTY slot, an identical key,
    /// or an equal-hash key needing `eq`.  With `freeslot`, remembers the
    /// last DUMMY passed (`set_add_entry`).
    fn scan(
        &self,
        p: &mut Probe,
        key: K,
        hash: i64,
        mut freeslot: Option<&mut Option<usize>>,
    ) -> Scan<K> {
        let inner = self.inner.borrow();
        loop {
            let idx = p.index();
            match inner.table[idx] {
                Slot::Empty => return Scan::Empty(idx),
                Slot::Active(k, h) => {
                    if h == hash {
                        if k == key {
                            return Scan::Same(idx);
                        }
                        return Scan::Compare(idx, k);
                    }
                }
                Slot::Dummy => {
                    if let Some(fs) = freeslot.as_deref_mut() {
                        *fs = Some(idx);
                    }
                }
            }
            p.advance();
        }
    }

    /// After an `eq` call: is the table the one we were probing, with the
    /// compared key still in place?
    fn unchanged(&self, table_id: u64, idx: usize, startkey: K) -> bool {
        let inner = self.inner.borrow();
        inner.table_id == table_id
            && matches!(inner.table.get(idx), Some(Slot::Active(k, _)) if *k == startkey)
    }

    /// `set_lookkey`: the index of the active slot holding `key`, if any.
    fn lookkey<E>(
        &self,
        key: K,
        hash: i64,
        eq: &mut dyn FnMut(K, K) -> Result<bool, E>,
    ) -> Result<Option<usize>, E> {
        'restart: loop {
            let (mut p, table_id) = {
                let inner = self.inner.borrow();
                (Probe::new(hash, inner.mask()), inner.table_id)
            };
            loop {
                match self.scan(&mut p, key, hash, None) {
                    Scan::Empty(_) => return Ok(None),
                    Scan::Same(idx) => return Ok(Some(idx)),
                    Scan::Compare(idx, startkey) => {
                        let cmp = eq(startkey, key)?;
                        if !self.unchanged(table_id, idx, startkey) {
                            continue 'restart;
                        }
                        if cmp {
                            return Ok(Some(idx));
                        }
                        p.advance();
                    }
                }
            }
        }
    }

    // ----------------------------------------------------------------------
    // Single-element operations

    /// `key in set` (`set_contains_entry`).
    pub fn contains<E>(
        &self,
        key: K,
        hash: i64,
        eq: &mut dyn FnMut(K, K) -> Result<bool, E>,
    ) -> Result<bool, E> {
        Ok(self.lookkey(key, hash, eq)?.is_some())
    }

    /// `set.add` (`set_add_entry`).  Returns true if the key was inserted,
    /// false if an equal key was already present (the stored key is kept).
    pub fn add<E>(
        &self,
        key: K,
        hash: i64,
        eq: &mut dyn FnMut(K, K) -> Result<bool, E>,
    ) -> Result<bool, E> {
        'restart: loop {
            let (mut p, table_id) = {
                let inner = self.inner.borrow();
                (Probe::new(hash, inner.mask()), inner.table_id)
            };
            let mut freeslot: Option<usize> = None;
            loop {
                match self.scan(&mut p, key, hash, Some(&mut freeslot)) {
                    Scan::Same(_) => return Ok(false),
                    Scan::Compare(idx, startkey) => {
                        // CPython's order: found, then error, then mutation.
                        if eq(startkey, key)? {
                            return Ok(false);
                        }
                        if !self.unchanged(table_id, idx, startkey) {
                            continue 'restart;
                        }
                        p.advance();
                    }
                    Scan::Empty(idx) => {
                        let mut inner = self.inner.borrow_mut();
                        if let Some(fs) = freeslot {
                            if matches!(inner.table[fs], Slot::Dummy) {
                                inner.table[fs] = Slot::Active(key, hash);
                                inner.used += 1;
                                return Ok(true);
                            }
                        }
                        inner.table[idx] = Slot::Active(key, hash);
                        inner.fill += 1;
                        inner.used += 1;
                        inner.grow_if_needed();
                        return Ok(true);
                    }
                }
            }
        }
    }

    /// `set.discard` (`set_discard_entry`): true if the key was found and
    /// removed (its slot becomes a DUMMY).
    pub fn discard<E>(
        &self,
        key: K,
        hash: i64,
        eq: &mut dyn FnMut(K, K) -> Result<bool, E>,
    ) -> Result<bool, E> {
        match self.lookkey(key, hash, eq)? {
            None => Ok(false),
            Some(idx) => {
                let mut inner = self.inner.borrow_mut();
                inner.table[idx] = Slot::Dummy;
                inner.used -= 1;
                Ok(true)
            }
        }
    }

    /// Like `discard` but also returns the stored key that was removed.
    pub fn remove_entry<E>(
        &self,
        key: K,
        hash: i64,
        eq: &mut dyn FnMut(K, K) -> Result<bool, E>,
    ) -> Result<Option<K>, E> {
        match self.lookkey(key, hash, eq)? {
            None => Ok(None),
            Some(idx) => {
                let mut inner = self.inner.borrow_mut();
                let old = inner.table[idx];
                inner.table[idx] = Slot::Dummy;
                inner.used -= 1;
                match old {
                    Slot::Active(k, _) => Ok(Some(k)),
                    _ => Ok(None),
                }
            }
        }
    }

    /// `set.pop` (`set_pop`): None for an empty set (the caller raises
    /// `KeyError('pop from an empty set')`).
    pub fn pop(&self) -> Option<K> {
        let mut inner = self.inner.borrow_mut();
        if inner.used == 0 {
            return None;
        }
        let mask = inner.mask();
        let mut i = inner.finger & mask;
        loop {
            if let Slot::Active(k, _) = inner.table[i] {
                inner.table[i] = Slot::Dummy;
                inner.used -= 1;
                inner.finger = i + 1;
                return Some(k);
            }
            i += 1;
            if i > mask {
                i = 0;
            }
        }
    }

    /// `set.clear` (`set_clear_internal`): back to an empty small table.
    pub fn clear(&self) {
        self.inner.borrow_mut().clear();
    }

    // ----------------------------------------------------------------------
    // Iteration

    /// `set_next`: the first active slot at index >= `pos`, as
    /// `(next_pos, key, hash)`.  Robust to any mutation between calls (it
    /// re-reads the current table); a set iterator is just a `pos` plus the
    /// `len()` seen at creation (CPython raises
    /// "Set changed size during iteration" when `len()` differs).
    pub fn next_entry(&self, pos: usize) -> Option<(usize, K, i64)> {
        let inner = self.inner.borrow();
        let mut i = pos;
        while i < inner.table.len() {
            if let Slot::Active(k, h) = inner.table[i] {
                return Some((i + 1, k, h));
            }
            i += 1;
        }
        None
    }

    /// The elements in iteration (table) order.
    pub fn keys(&self) -> Vec<K> {
        self.entries().into_iter().map(|(k, _)| k).collect()
    }

    /// `(key, hash)` pairs in iteration (table) order.
    pub fn entries(&self) -> Vec<(K, i64)> {
        let inner = self.inner.borrow();
        let mut out = Vec::with_capacity(inner.used);
        for slot in &inner.table {
            if let Slot::Active(k, h) = *slot {
                out.push((k, h));
            }
        }
        out
    }

    // ----------------------------------------------------------------------
    // Bulk insertion

    /// `set_merge(self, other)`: `self.update(other)` / `self |= other` for a
    /// set or frozenset `other`.
    pub fn update<E>(
        &self,
        other: &SetTable<K>,
        eq: &mut dyn FnMut(K, K) -> Result<bool, E>,
    ) -> Result<(), E> {
        if self.is(other) {
            return Ok(());
        }
        {
            // Distinct cells (checked above); no callback runs in this block.
            let o = other.inner.borrow();
            if o.used == 0 {
                return Ok(());
            }
            let mut s = self.inner.borrow_mut();
            // One big resize at the start.
            if (s.fill + o.used) * 5 >= s.mask() * 3 {
                let minused = (s.used + o.used) * 2;
                s.resize(minused);
            }
            // Empty target of the same size, source without dummies: copy the
            // slots in place.
            if s.fill == 0 && s.mask() == o.mask() && o.fill == o.used {
                s.table.copy_from_slice(&o.table);
                s.fill = o.fill;
                s.used = o.used;
                return Ok(());
            }
            // Empty target: no duplicates possible, insert clean.
            if s.fill == 0 {
                s.fill = o.used;
                s.used = o.used;
                for slot in &o.table {
                    if let Slot::Active(k, h) = *slot {
                        insert_clean(&mut s.table, k, h);
                    }
                }
                return Ok(());
            }
        }
        // Normal insertions, re-reading `other` at each step.
        let mut i = 0;
        loop {
            let slot = {
                let o = other.inner.borrow();
                if i > o.mask() {
                    break;
                }
                o.table[i]
            };
            if let Slot::Active(k, h) = slot {
                self.add(k, h, eq)?;
            }
            i += 1;
        }
        Ok(())
    }

    /// `set_update_internal` for an exact dict: presize, then add the dict's
    /// keys in dict order with their stored hashes.
    pub fn update_from_dict<V: Copy, E>(
        &self,
        dict: &DictTable<K, V>,
        eq: &mut dyn FnMut(K, K) -> Result<bool, E>,
    ) -> Result<(), E> {
        let dictsize = dict.len();
        {
            let mut s = self.inner.borrow_mut();
            if (s.fill + dictsize) * 5 >= s.mask() * 3 {
                let minused = (s.used + dictsize) * 2;
                s.resize(minused);
            }
        }
        let mut pos = 0;
        while let Some((next, k, h, _)) = dict.next_entry(pos) {
            pos = next;
            self.add(k, h, eq)?;
        }
        Ok(())
    }

    /// `set_update_internal` for any other iterable: add each `(key, hash)`
    /// produced by `next` (which returns `Ok(None)` when exhausted; it is
    /// where the caller iterates and hashes, and may fail).
    pub fn update_from_iter<E>(
        &self,
        next: &mut dyn FnMut() -> Result<Option<(K, i64)>, E>,
        eq: &mut dyn FnMut(K, K) -> Result<bool, E>,
    ) -> Result<(), E> {
        while let Some((k, h)) = next()? {
            self.add(k, h, eq)?;
        }
        Ok(())
    }

    /// `set(iterable)` for a non-set, non-dict iterable.
    pub fn from_iter<E>(
        next: &mut dyn FnMut() -> Result<Option<(K, i64)>, E>,
        eq: &mut dyn FnMut(K, K) -> Result<bool, E>,
    ) -> Result<SetTable<K>, E> {
        let s = SetTable::new();
        s.update_from_iter(next, eq)?;
        Ok(s)
    }

    /// `set(d)` for an exact dict `d`.
    pub fn from_dict<V: Copy, E>(
        dict: &DictTable<K, V>,
        eq: &mut dyn FnMut(K, K) -> Result<bool, E>,
    ) -> Result<SetTable<K>, E> {
        let s = SetTable::new();
        s.update_from_dict(dict, eq)?;
        Ok(s)
    }

    /// `s.copy()`, `set(s)`, `frozenset(s)`: a new set merged from `self`
    /// (never calls `eq`).
    pub fn copy(&self) -> SetTable<K> {
        let s = SetTable::new();
        let r: Result<(), ()> = s.update(self, &mut |_, _| Ok(false));
        debug_assert!(r.is_ok());
        s
    }

    /// `set_swap_bodies`: exchange contents (table, fill, used) with `other`;
    /// each keeps its own `finger`.
    pub fn swap_bodies(&self, other: &SetTable<K>) {
        if self.is(other) {
            return;
        }
        let mut a = self.inner.borrow_mut();
        let mut b = other.inner.borrow_mut();
        std::mem::swap(&mut *a, &mut *b);
        std::mem::swap(&mut a.finger, &mut b.finger);
    }

    // ----------------------------------------------------------------------
    // Set algebra producing new sets

    /// `self | other` / `self.union(other)` (`set_or`): copy of self, then
    /// merge other unless it is self.
    pub fn union<E>(
        &self,
        other: &SetTable<K>,
        eq: &mut dyn FnMut(K, K) -> Result<bool, E>,
    ) -> Result<SetTable<K>, E> {
        let result = self.copy();
        if !self.is(other) {
            result.update(other, eq)?;
        }
        Ok(result)
    }

    /// `self & other` (`set_intersection` with a set): iterates the smaller
    /// operand (`other` on ties), testing membership in the larger.
    pub fn intersection<E>(
        &self,
        other: &SetTable<K>,
        eq: &mut dyn FnMut(K, K) -> Result<bool, E>,
    ) -> Result<SetTable<K>, E> {
        if self.is(other) {
            return Ok(self.copy());
        }
        let result = SetTable::new();
        let (big, small) = if other.len() > self.len() {
            (other, self)
        } else {
            (self, other)
        };
        let mut pos = 0;
        while let Some((next, k, h)) = small.next_entry(pos) {
            pos = next;
            if big.contains(k, h, eq)? {
                result.add(k, h, eq)?;
            }
        }
        Ok(result)
    }

    /// `self.intersection(iterable)` for a non-set iterable: keeps the
    /// iterable's elements found in self, stopping once the result is as
    /// large as self.
    pub fn intersection_iter<E>(
        &self,
        next: &mut dyn FnMut() -> Result<Option<(K, i64)>, E>,
        eq: &mut dyn FnMut(K, K) -> Result<bool, E>,
    ) -> Result<SetTable<K>, E> {
        let result = SetTable::new();
        while let Some((k, h)) = next()? {
            if self.contains(k, h, eq)? {
                result.add(k, h, eq)?;
                if result.len() >= self.len() {
                    break;
                }
            }
        }
        Ok(result)
    }

    /// `self &= other` / `intersection_update(other)`: compute the
    /// intersection, then swap bodies.
    pub fn intersection_update<E>(
        &self,
        other: &SetTable<K>,
        eq: &mut dyn FnMut(K, K) -> Result<bool, E>,
    ) -> Result<(), E> {
        let tmp = self.intersection(other, eq)?;
        self.swap_bodies(&tmp);
        Ok(())
    }

    /// `intersection_update(iterable)` for a non-set iterable.
    pub fn intersection_update_iter<E>(
        &self,
        next: &mut dyn FnMut() -> Result<Option<(K, i64)>, E>,
        eq: &mut dyn FnMut(K, K) -> Result<bool, E>,
    ) -> Result<(), E> {
        let tmp = self.intersection_iter(next, eq)?;
        self.swap_bodies(&tmp);
        Ok(())
    }

    /// `self - other` (`set_difference` with a set): when self is more than
    /// 4x larger, copy self and discard other's elements; otherwise add
    /// self's elements missing from other to a new set.
    pub fn difference<E>(
        &self,
        other: &SetTable<K>,
        eq: &mut dyn FnMut(K, K) -> Result<bool, E>,
    ) -> Result<SetTable<K>, E> {
        if (self.len() >> 2) > other.len() {
            let result = self.copy();
            result.difference_update(other, eq)?;
            return Ok(result);
        }
        let result = SetTable::new();
        let mut pos = 0;
        while let Some((next, k, h)) = self.next_entry(pos) {
            pos = next;
            if !other.contains(k, h, eq)? {
                result.add(k, h, eq)?;
            }
        }
        Ok(result)
    }

    /// `self.difference(d)` for an exact dict `d` (same policy as
    /// `difference`, membership tested with the stored hashes).
    pub fn difference_dict<V: Copy, E>(
        &self,
        dict: &DictTable<K, V>,
        eq: &mut dyn FnMut(K, K) -> Result<bool, E>,
    ) -> Result<SetTable<K>, E> {
        if (self.len() >> 2) > dict.len() {
            let result = self.copy();
            let mut pos = 0;
            while let Some((next, k, h, _)) = dict.next_entry(pos) {
                pos = next;
                result.discard(k, h, eq)?;
            }
            result.inner.borrow_mut().purge_dummies();
            return Ok(result);
        }
        let result = SetTable::new();
        let mut pos = 0;
        while let Some((next, k, h)) = self.next_entry(pos) {
            pos = next;
            if !dict.contains(k, h, eq)? {
                result.add(k, h, eq)?;
            }
        }
        Ok(result)
    }

    /// `self.difference(iterable)` for any other iterable
    /// (`set_copy_and_difference`).
    pub fn difference_iter<E>(
        &self,
        next: &mut dyn FnMut() -> Result<Option<(K, i64)>, E>,
        eq: &mut dyn FnMut(K, K) -> Result<bool, E>,
    ) -> Result<SetTable<K>, E> {
        let result = self.copy();
        result.difference_update_iter(next, eq)?;
        Ok(result)
    }

    /// `self -= other` / `difference_update(other)` with a set
    /// (`set_difference_update_internal`); if other is more than 8x larger
    /// it is first replaced by `self & other`.  Afterwards, if more than a
    /// quarter of the slots are dummies, the table is rebuilt.
    pub fn difference_update<E>(
        &self,
        other: &SetTable<K>,
        eq: &mut dyn FnMut(K, K) -> Result<bool, E>,
    ) -> Result<(), E> {
        if self.is(other) {
            self.clear();
            return Ok(());
        }
        let tmp;
        let src = if (other.len() >> 3) > self.len() {
            tmp = self.intersection(other, eq)?;
            &tmp
        } else {
            other
        };
        let mut pos = 0;
        while let Some((next, k, h)) = src.next_entry(pos) {
            pos = next;
            self.discard(k, h, eq)?;
        }
        self.inner.borrow_mut().purge_dummies();
        Ok(())
    }

    /// `difference_update(iterable)` for a non-set iterable (a dict is
    /// iterated for its keys, whose stored hashes may be passed).
    pub fn difference_update_iter<E>(
        &self,
        next: &mut dyn FnMut() -> Result<Option<(K, i64)>, E>,
        eq: &mut dyn FnMut(K, K) -> Result<bool, E>,
    ) -> Result<(), E> {
        while let Some((k, h)) = next()? {
            self.discard(k, h, eq)?;
        }
        self.inner.borrow_mut().purge_dummies();
        Ok(())
    }

    /// `self ^ other` (`set_symmetric_difference`): a copy of *other*, then
    /// symmetric-difference-updated with self.
    pub fn symmetric_difference<E>(
        &self,
        other: &SetTable<K>,
        eq: &mut dyn FnMut(K, K) -> Result<bool, E>,
    ) -> Result<SetTable<K>, E> {
        let result = other.copy();
        result.symmetric_difference_update(self, eq)?;
        Ok(result)
    }

    /// `self.symmetric_difference(iterable)` for a non-set iterable: the
    /// iterable becomes a new set, then is updated with self.
    pub fn symmetric_difference_iter<E>(
        &self,
        next: &mut dyn FnMut() -> Result<Option<(K, i64)>, E>,
        eq: &mut dyn FnMut(K, K) -> Result<bool, E>,
    ) -> Result<SetTable<K>, E> {
        let result = SetTable::from_iter(next, eq)?;
        result.symmetric_difference_update(self, eq)?;
        Ok(result)
    }

    /// `self.symmetric_difference(d)` for an exact dict `d`.
    pub fn symmetric_difference_dict<V: Copy, E>(
        &self,
        dict: &DictTable<K, V>,
        eq: &mut dyn FnMut(K, K) -> Result<bool, E>,
    ) -> Result<SetTable<K>, E> {
        let result = SetTable::from_dict(dict, eq)?;
        result.symmetric_difference_update(self, eq)?;
        Ok(result)
    }

    /// `self ^= other` (`set_symmetric_difference_update` with a set):
    /// iterate other; discard each element found, add the others.
    pub fn symmetric_difference_update<E>(
        &self,
        other: &SetTable<K>,
        eq: &mut dyn FnMut(K, K) -> Result<bool, E>,
    ) -> Result<(), E> {
        if self.is(other) {
            self.clear();
            return Ok(());
        }
        let mut pos = 0;
        while let Some((next, k, h)) = other.next_entry(pos) {
            pos = next;
            if !self.discard(k, h, eq)? {
                self.add(k, h, eq)?;
            }
        }
        Ok(())
    }

    /// `symmetric_difference_update(d)` for an exact dict: iterate the dict
    /// directly with its stored hashes.
    pub fn symmetric_difference_update_dict<V: Copy, E>(
        &self,
        dict: &DictTable<K, V>,
        eq: &mut dyn FnMut(K, K) -> Result<bool, E>,
    ) -> Result<(), E> {
        let mut pos = 0;
        while let Some((next, k, h, _)) = dict.next_entry(pos) {
            pos = next;
            if !self.discard(k, h, eq)? {
                self.add(k, h, eq)?;
            }
        }
        Ok(())
    }

    /// `symmetric_difference_update(iterable)` for a non-set, non-dict
    /// iterable: it is first made into a set.
    pub fn symmetric_difference_update_iter<E>(
        &self,
        next: &mut dyn FnMut() -> Result<Option<(K, i64)>, E>,
        eq: &mut dyn FnMut(K, K) -> Result<bool, E>,
    ) -> Result<(), E> {
        let tmp = SetTable::from_iter(next, eq)?;
        self.symmetric_difference_update(&tmp, eq)
    }

    // ----------------------------------------------------------------------
    // Comparisons

    /// `self <= other` / `issubset(set)` (`set_issubset`).
    pub fn is_subset<E>(
        &self,
        other: &SetTable<K>,
        eq: &mut dyn FnMut(K, K) -> Result<bool, E>,
    ) -> Result<bool, E> {
        if self.len() > other.len() {
            return Ok(false);
        }
        let mut pos = 0;
        while let Some((next, k, h)) = self.next_entry(pos) {
            pos = next;
            if !other.contains(k, h, eq)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// `issubset(iterable)` for a non-set iterable: CPython 3.11 builds a
    /// temporary set from it, then tests `self <= tmp`.
    pub fn is_subset_iter<E>(
        &self,
        next: &mut dyn FnMut() -> Result<Option<(K, i64)>, E>,
        eq: &mut dyn FnMut(K, K) -> Result<bool, E>,
    ) -> Result<bool, E> {
        let tmp = SetTable::from_iter(next, eq)?;
        self.is_subset(&tmp, eq)
    }

    /// `self >= other` / `issuperset(set)`: `other.is_subset(self)`.
    pub fn is_superset<E>(
        &self,
        other: &SetTable<K>,
        eq: &mut dyn FnMut(K, K) -> Result<bool, E>,
    ) -> Result<bool, E> {
        other.is_subset(self, eq)
    }

    /// `issuperset(iterable)` for a non-set iterable: every element must be
    /// in self (stops at the first missing one).
    pub fn is_superset_iter<E>(
        &self,
        next: &mut dyn FnMut() -> Result<Option<(K, i64)>, E>,
        eq: &mut dyn FnMut(K, K) -> Result<bool, E>,
    ) -> Result<bool, E> {
        while let Some((k, h)) = next()? {
            if !self.contains(k, h, eq)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// `isdisjoint(set)`: iterates the smaller operand (`other` on ties).
    pub fn is_disjoint<E>(
        &self,
        other: &SetTable<K>,
        eq: &mut dyn FnMut(K, K) -> Result<bool, E>,
    ) -> Result<bool, E> {
        if self.is(other) {
            return Ok(self.is_empty());
        }
        let (big, small) = if other.len() > self.len() {
            (other, self)
        } else {
            (self, other)
        };
        let mut pos = 0;
        while let Some((next, k, h)) = small.next_entry(pos) {
            pos = next;
            if big.contains(k, h, eq)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// `isdisjoint(iterable)` for a non-set iterable (or a set subclass).
    pub fn is_disjoint_iter<E>(
        &self,
        next: &mut dyn FnMut() -> Result<Option<(K, i64)>, E>,
        eq: &mut dyn FnMut(K, K) -> Result<bool, E>,
    ) -> Result<bool, E> {
        while let Some((k, h)) = next()? {
            if self.contains(k, h, eq)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// `self == other` for two sets: equal sizes and `self <= other`.  (The
    /// caller may first short-circuit on two cached, different frozenset
    /// hashes, as CPython does.)
    pub fn set_eq<E>(
        &self,
        other: &SetTable<K>,
        eq: &mut dyn FnMut(K, K) -> Result<bool, E>,
    ) -> Result<bool, E> {
        if self.len() != other.len() {
            return Ok(false);
        }
        self.is_subset(other, eq)
    }

    /// `frozenset_hash`: order-independent hash of the elements' hashes.
    pub fn frozenset_hash(&self) -> i64 {
        fn shuffle(h: u64) -> u64 {
            ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
        }
        let inner = self.inner.borrow();
        // CPython xors every slot then cancels the EMPTY/DUMMY slots out;
        // only active slots remain.
        let mut hash: u64 = 0;
        for slot in &inner.table {
            if let Slot::Active(_, h) = *slot {
                hash ^= shuffle(h as u64);
            }
        }
        hash ^= (inner.used as u64 + 1).wrapping_mul(1927868237);
        hash ^= (hash >> 11) ^ (hash >> 25);
        hash = hash.wrapping_mul(69069).wrapping_add(907133923);
        if hash == u64::MAX {
            hash = 590923713;
        }
        hash as i64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type R<T> = Result<T, ()>;

    fn ideq(a: i64, b: i64) -> R<bool> {
        Ok(a == b)
    }

    fn set_of(xs: &[i64]) -> SetTable<i64> {
        let s = SetTable::new();
        for &x in xs {
            s.add(x, x, &mut ideq).unwrap();
        }
        s
    }

    #[test]
    fn small_int_order_and_resize() {
        let s = set_of(&[5, 3, 9, 1]);
        // 9 collides with 1 in an 8-slot table.
        assert_eq!(s.keys(), vec![9, 3, 5, 1]);
        assert_eq!(s.mask(), 7);
        let s = set_of(&[1, 2, 3, 4, 5]);
        assert_eq!(s.mask(), 31);
        assert_eq!(s.keys(), vec![1, 2, 3, 4, 5]);
    }

    #[test]
    fn discard_leaves_dummy_and_pop_uses_finger() {
        let s = set_of(&[1, 2, 3]);
        assert!(s.discard(2, 2, &mut ideq).unwrap());
        assert!(!s.discard(2, 2, &mut ideq).unwrap());
        assert_eq!(s.fill(), 3);
        assert_eq!(s.len(), 2);
        assert_eq!(s.pop(), Some(1));
        assert_eq!(s.pop(), Some(3));
        assert_eq!(s.pop(), None);
        s.clear();
        assert_eq!(s.fill(), 0);
    }

    #[test]
    fn eq_called_only_for_equal_hash_and_different_identity() {
        let s = SetTable::new();
        let mut calls = 0;
        let mut eq = |a: i64, b: i64| -> R<bool> {
            calls += 1;
            Ok(a / 100 == b / 100)
        };
        // keys 100 and 101 are "equal" and share hash 7
        s.add(100, 7, &mut eq).unwrap();
        s.add(100, 7, &mut eq).unwrap();
        assert!(!s.add(101, 7, &mut eq).unwrap());
        assert!(s.add(200, 15, &mut eq).unwrap());
        assert_eq!(calls, 1);
        // 200 (hash 15) collides with 100 at slot 7 and lands in slot 4.
        assert_eq!(s.keys(), vec![200, 100]);
    }

    #[test]
    fn eq_error_propagates() {
        let s = set_of(&[1]);
        let r: Result<bool, &str> = s.contains(2, 1, &mut |_, _| Err("boom"));
        assert_eq!(r, Err("boom"));
    }

    #[test]
    fn eq_that_clears_the_set_restarts_lookup() {
        let s = set_of(&[1, 9, 17]);
        // Look up a key with hash 1 but a different identity; the first eq
        // call clears the set, so the lookup restarts and finds nothing.
        let mut calls = 0;
        let found = s
            .contains(1001, 1, &mut |_, _| -> R<bool> {
                calls += 1;
                s.clear();
                Ok(true)
            })
            .unwrap();
        assert!(!found);
        assert_eq!(calls, 1);
        // add: found_active wins over the mutation check when eq says true.
        let s = set_of(&[1, 9, 17]);
        let added = s
            .add(1001, 1, &mut |_, _| -> R<bool> {
                s.clear();
                Ok(true)
            })
            .unwrap();
        assert!(!added);
        assert!(s.is_empty());
        // add with eq false after clearing: restart and insert.
        let s = set_of(&[1, 9, 17]);
        let added = s
            .add(1001, 1, &mut |_, _| -> R<bool> {
                s.clear();
                Ok(false)
            })
            .unwrap();
        assert!(added);
        assert_eq!(s.keys(), vec![1001]);
    }

    #[test]
    fn eq_that_grows_the_set_is_safe() {
        let s = set_of(&[1]);
        let mut n = 0;
        let mut eq = |_: i64, _: i64| -> R<bool> {
            n += 1;
            if n < 50 {
                for i in 0..100 {
                    s.add(1000 + n * 100 + i, 1000 + n * 100 + i, &mut ideq)
                        .unwrap();
                }
            }
            Ok(false)
        };
        assert!(s.add(-7, 1, &mut eq).unwrap());
        assert!(s.len() > 100);
        assert!(s.fill() <= s.mask());
        // Iterating while the eq callback empties the other set.
        let a = set_of(&(0..40).collect::<Vec<_>>());
        let b = SetTable::new();
        for i in 0..40 {
            b.add(i + 1000, i, &mut ideq).unwrap();
        }
        let r = a
            .intersection(&b, &mut |_, _| -> R<bool> {
                a.clear();
                b.clear();
                Ok(true)
            })
            .unwrap();
        assert!(r.len() <= 1);
    }

    #[test]
    fn eq_that_mutates_during_merge_and_pop_is_safe() {
        let a = set_of(&[1, 2, 3]);
        let b = SetTable::new();
        for i in 0..30 {
            b.add(100 + i, i % 4, &mut ideq).unwrap();
        }
        let mut k = 0;
        a.update(&b, &mut |_, _| -> R<bool> {
            k += 1;
            b.pop();
            a.pop();
            a.add(5000 + k, k, &mut ideq).unwrap();
            Ok(false)
        })
        .unwrap();
        assert!(a.fill() <= a.mask());
        assert_eq!(a.len(), a.keys().len());
    }

    #[test]
    fn frozenset_hash_matches_cpython() {
        // hash(frozenset()) and hash(frozenset({1, 2, 3})) in CPython 3.11.
        assert_eq!(SetTable::<i64>::new().frozenset_hash(), 133146708735736);
        assert_eq!(set_of(&[1, 2, 3]).frozenset_hash(), -272375401224217160);
    }
}
