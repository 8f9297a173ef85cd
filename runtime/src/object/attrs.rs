//! `AttrMap`: an insertion-ordered map from interned names to values, used for
//! class dictionaries and module globals. Keys compare by identity, which is
//! correct because every attribute name is interned.

use super::addr_hash::AddrMap;
use super::str::Str;
use crate::gc::{Gc, Tracer};
use crate::value::Value;

#[derive(Default)]
pub struct AttrMap {
    entries: Vec<(Gc<Str>, Value)>,
    /// Index by name address, built once the map grows past a few entries.
    index: Option<AddrMap<usize>>,
}

const INDEX_AT: usize = 8;

impl AttrMap {
    pub fn new() -> AttrMap {
        AttrMap {
            entries: Vec::new(),
            index: None,
        }
    }
    fn position(&self, name: Gc<Str>) -> Option<usize> {
        match &self.index {
            Some(ix) => ix.get(&name.addr()).copied(),
            None => self.entries.iter().position(|e| e.0.ptr_eq(name)),
        }
    }
    #[inline]
    pub fn get(&self, name: Gc<Str>) -> Option<Value> {
        self.position(name).map(|i| self.entries[i].1)
    }
    pub fn set(&mut self, name: Gc<Str>, v: Value) {
        if let Some(i) = self.position(name) {
            self.entries[i].1 = v;
            return;
        }
        self.entries.push((name, v));
        if let Some(ix) = &mut self.index {
            ix.insert(name.addr(), self.entries.len() - 1);
        } else if self.entries.len() > INDEX_AT {
            self.reindex();
        }
    }
    pub fn remove(&mut self, name: Gc<Str>) -> Option<Value> {
        let i = self.position(name)?;
        let (_, v) = self.entries.remove(i);
        if self.index.is_some() {
            self.reindex();
        }
        Some(v)
    }
    fn reindex(&mut self) {
        self.index = Some(
            self.entries
                .iter()
                .enumerate()
                .map(|(i, e)| (e.0.addr(), i))
                .collect(),
        );
    }
    pub fn iter(&self) -> impl Iterator<Item = (Gc<Str>, Value)> + '_ {
        self.entries.iter().copied()
    }
    pub fn len(&self) -> usize {
        self.entries.len()
    }
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
    pub fn trace(&self, tr: &mut Tracer) {
        for (k, v) in &self.entries {
            tr.gc(*k);
            tr.value(*v);
        }
    }
}
