//! A hasher for maps keyed by object addresses (interned names): one
//! multiply instead of SipHash, since the keys are not attacker-chosen.

use std::hash::{BuildHasherDefault, Hasher};

#[derive(Default)]
pub struct AddrHasher(u64);

impl Hasher for AddrHasher {
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ b as u64).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }
    #[inline]
    fn write_usize(&mut self, n: usize) {
        // Addresses are 16-byte aligned: drop the zero bits, then mix.
        self.0 = ((n as u64) >> 4).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

/// A `HashMap` keyed by addresses.
pub type AddrMap<V> = std::collections::HashMap<usize, V, BuildHasherDefault<AddrHasher>>;
