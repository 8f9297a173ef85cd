//! `str` objects: immutable UTF-8 text with a cached hash and char count.

use crate::gc::Tracer;
use std::cell::Cell;

pub struct Str {
    s: Box<str>,
    /// Number of code points (Python's `len`).
    chars: usize,
    /// Cached hash; 0 means not yet computed.
    hash: Cell<i64>,
}

impl Str {
    pub fn new(s: &str) -> Str {
        Str {
            chars: s.chars().count(),
            s: s.into(),
            hash: Cell::new(0),
        }
    }
    pub fn from_string(s: String) -> Str {
        Str {
            chars: s.chars().count(),
            s: s.into_boxed_str(),
            hash: Cell::new(0),
        }
    }
    #[inline(always)]
    pub fn as_str(&self) -> &str {
        &self.s
    }
    /// Length in code points.
    #[inline(always)]
    pub fn len(&self) -> usize {
        self.chars
    }
    pub fn is_empty(&self) -> bool {
        self.chars == 0
    }
    #[inline(always)]
    pub fn is_ascii(&self) -> bool {
        self.chars == self.s.len()
    }
    /// The string's hash (FNV-1a over the bytes, folded like CPython's: never -1).
    /// CPython's str hash is randomised, so no program may depend on its value.
    pub fn hash(&self) -> i64 {
        let h = self.hash.get();
        if h != 0 {
            return h;
        }
        let mut x: u64 = 0xcbf2_9ce4_8422_2325;
        for b in self.s.bytes() {
            x ^= b as u64;
            x = x.wrapping_mul(0x0100_0000_01b3);
        }
        let mut h = (x >> 1) as i64;
        if h == 0 || h == -1 {
            h = 1;
        }
        self.hash.set(h);
        h
    }
    /// The `i`-th code point (0-based, in range).
    pub fn char_at(&self, i: usize) -> char {
        if self.is_ascii() {
            self.s.as_bytes()[i] as char
        } else {
            self.s.chars().nth(i).unwrap_or('\0')
        }
    }
    /// Byte offset of code point `i` (`i <= len`).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.is_ascii() {
            i
        } else {
            self.s
                .char_indices()
                .nth(i)
                .map(|(b, _)| b)
                .unwrap_or(self.s.len())
        }
    }
    pub(crate) fn trace_fields(&self, _tr: &mut Tracer) {}
}
