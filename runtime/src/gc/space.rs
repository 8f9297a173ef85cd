//! Where objects live: small objects in size classes carved from aligned
//! chunks, large ones from the system allocator, and the lookup the
//! conservative stack scan needs (which object, if any, contains an address).
//!
//! Invariants:
//! 1. Every chunk is `CHUNK` bytes aligned to `CHUNK`; its first
//!    `BITMAP_BYTES` hold one bit per 16-byte granule, set exactly for the
//!    granules where a live (allocated, not yet freed) small object starts.
//!    So the chunk of any interior address is `addr & !(CHUNK - 1)`, and an
//!    object's start is the nearest set bit at or below the address.
//! 2. `chunks` is sorted by address: a candidate word is only trusted as a
//!    chunk address after a binary search finds its chunk.
//! 3. `large` holds every live large object; it is sorted before each scan.

use super::Header;

/// Objects up to this size come from size-class free lists in chunks.
pub(super) const SMALL_MAX: usize = 512;
/// Bytes per chunk of small objects (also its alignment).
const CHUNK: usize = 256 << 10;
const GRANULE: usize = 16;
/// The start bitmap at the head of each chunk: one bit per granule.
const BITMAP_BYTES: usize = CHUNK / GRANULE / 8;

pub(super) struct Space {
    /// Free cells of each small size class (16-byte steps up to `SMALL_MAX`).
    free: Vec<Vec<*mut u8>>,
    /// The chunk being carved: `[bump, bump_end)` is unused.
    bump: usize,
    bump_end: usize,
    /// Every chunk's address, sorted.
    chunks: Vec<usize>,
    /// Live large objects (unsorted between scans).
    large: Vec<*mut Header>,
}

/// The small size class of an object of `size` bytes and `align`, if any.
#[inline(always)]
fn class_of(size: usize, align: usize) -> Option<usize> {
    let size = size.max(GRANULE).next_multiple_of(GRANULE);
    (size <= SMALL_MAX && align <= GRANULE).then_some(size)
}

/// The start bitmap word and bit of the granule at `p` (an address in a chunk).
#[inline(always)]
fn start_bit(p: usize) -> (*mut u64, u64) {
    let base = p & !(CHUNK - 1);
    let granule = (p - base) / GRANULE;
    (
        (base as *mut u64).wrapping_add(granule / 64),
        1u64 << (granule % 64),
    )
}

impl Space {
    pub(super) fn new() -> Space {
        Space {
            free: (0..SMALL_MAX / GRANULE).map(|_| Vec::new()).collect(),
            bump: 0,
            bump_end: 0,
            chunks: Vec::new(),
            large: Vec::new(),
        }
    }

    /// Memory for one object.
    #[inline]
    pub(super) fn alloc(&mut self, layout: std::alloc::Layout) -> *mut u8 {
        let Some(size) = class_of(layout.size(), layout.align()) else {
            return self.alloc_large(layout);
        };
        let p = match self.free[size / GRANULE - 1].pop() {
            Some(p) => p,
            None => {
                if self.bump + size > self.bump_end {
                    self.new_chunk();
                }
                let p = self.bump as *mut u8;
                self.bump += size;
                p
            }
        };
        let (word, bit) = start_bit(p as usize);
        // SAFETY: `p` lies in a chunk (invariant 1), whose bitmap words are
        // owned by the space and written only here and in `free`.
        unsafe { *word |= bit };
        p
    }

    #[cold]
    fn alloc_large(&mut self, layout: std::alloc::Layout) -> *mut u8 {
        // SAFETY: the layout has a non-zero size (a header at least).
        let p = unsafe { std::alloc::alloc(layout) };
        if p.is_null() {
            std::alloc::handle_alloc_error(layout);
        }
        self.large.push(p as *mut Header);
        p
    }

    #[cold]
    fn new_chunk(&mut self) {
        let layout = std::alloc::Layout::from_size_align(CHUNK, CHUNK).expect("chunk layout");
        // SAFETY: non-zero size.
        let p = unsafe { std::alloc::alloc_zeroed(layout) };
        if p.is_null() {
            std::alloc::handle_alloc_error(layout);
        }
        let at = self.chunks.partition_point(|&c| c < p as usize);
        self.chunks.insert(at, p as usize);
        self.bump = p as usize + BITMAP_BYTES;
        self.bump_end = p as usize + CHUNK;
    }

    /// Returns the memory of a dropped object of `size` bytes and `align`.
    /// Large objects must have been removed from `large` first
    /// (`retain_large`).
    pub(super) fn free(&mut self, p: *mut u8, size: usize, align: usize) {
        match class_of(size, align) {
            Some(class) => {
                let (word, bit) = start_bit(p as usize);
                // SAFETY: as in `alloc`.
                unsafe { *word &= !bit };
                self.free[class / GRANULE - 1].push(p);
            }
            None => {
                let layout = std::alloc::Layout::from_size_align(size, align).expect("layout");
                // SAFETY: large objects come from `std::alloc::alloc` with this layout.
                unsafe { std::alloc::dealloc(p, layout) };
            }
        }
    }

    /// Keeps the large objects `keep` accepts (called before sweeping frees
    /// the others).
    pub(super) fn retain_large(&mut self, keep: impl FnMut(&*mut Header) -> bool) {
        self.large.retain(keep);
    }

    /// Prepares `find` for a scan.
    pub(super) fn prepare_scan(&mut self) {
        self.large.sort_unstable();
    }

    /// The live object whose memory contains `addr`, if any; `size_of`
    /// gives an object's size from its header.
    pub(super) fn find(
        &self,
        addr: usize,
        size_of: impl Fn(*const Header) -> usize,
    ) -> Option<*mut Header> {
        let base = addr & !(CHUNK - 1);
        if self.chunks.binary_search(&base).is_ok() {
            let granule = (addr - base) / GRANULE;
            if granule < BITMAP_BYTES / GRANULE {
                return None;
            }
            // Objects are at most SMALL_MAX bytes: look that far back.
            let lowest = granule.saturating_sub(SMALL_MAX / GRANULE - 1);
            let mut g = granule;
            loop {
                // SAFETY: the bitmap lies in the chunk's first bytes.
                let word = unsafe { *(base as *const u64).add(g / 64) };
                let below = word & (u64::MAX >> (63 - g % 64));
                if below != 0 {
                    let start = (g / 64) * 64 + 63 - below.leading_zeros() as usize;
                    if start < lowest {
                        return None;
                    }
                    let h = (base + start * GRANULE) as *mut Header;
                    return (addr < h as usize + size_of(h)).then_some(h);
                }
                if g / 64 == 0 || (g / 64) * 64 <= lowest {
                    return None;
                }
                g = (g / 64) * 64 - 1;
            }
        }
        let i = self.large.partition_point(|&h| h as usize <= addr);
        let h = *self.large.get(i.checked_sub(1)?)?;
        (addr < h as usize + size_of(h)).then_some(h)
    }
}

impl Drop for Space {
    fn drop(&mut self) {
        let layout = std::alloc::Layout::from_size_align(CHUNK, CHUNK).expect("chunk layout");
        for &c in &self.chunks {
            // SAFETY: chunks were allocated in `new_chunk` with this layout;
            // the heap dropped every object in them first.
            unsafe { std::alloc::dealloc(c as *mut u8, layout) };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::alloc::Layout;

    /// Sizes are stored in the first word of each test "object".
    fn size_of(h: *const Header) -> usize {
        // SAFETY: tests write the size at the start of every cell they allocate.
        unsafe { *(h as *const usize) }
    }

    fn alloc(s: &mut Space, size: usize) -> usize {
        let p = s.alloc(Layout::from_size_align(size, 8).unwrap());
        // SAFETY: `p` is `size` >= 8 bytes of fresh memory.
        unsafe { *(p as *mut usize) = size };
        p as usize
    }

    #[test]
    fn finds_objects_by_interior_address_and_forgets_freed_ones() {
        let mut s = Space::new();
        let sizes = [16, 24, 48, 512, 100, 32, 600, 2000, 16];
        let objs: Vec<(usize, usize)> = sizes.iter().map(|&n| (alloc(&mut s, n), n)).collect();
        s.prepare_scan();
        for &(p, n) in &objs {
            for off in [0, 8, n - 1] {
                assert_eq!(
                    s.find(p + off, size_of),
                    Some(p as *mut Header),
                    "{p:#x}+{off}"
                );
            }
        }
        // Free a small and a large object: their addresses no longer resolve.
        let (small, n_small) = objs[2];
        s.free(small as *mut u8, n_small, 8);
        let (large, n_large) = objs[7];
        s.retain_large(|&h| h as usize != large);
        s.free(large as *mut u8, n_large, 8);
        s.prepare_scan();
        assert_eq!(s.find(small + 8, size_of), None);
        assert_eq!(s.find(large + 8, size_of), None);
        assert_eq!(
            s.find(objs[3].0 + 511, size_of),
            Some(objs[3].0 as *mut Header)
        );
        // The freed cell is reused and found again.
        let again = alloc(&mut s, n_small);
        assert_eq!(again, small);
        assert_eq!(s.find(again + 40, size_of), Some(again as *mut Header));
        // Addresses outside every chunk and object.
        assert_eq!(s.find(4096, size_of), None);
        let chunk = objs[0].0 & !(CHUNK - 1);
        assert_eq!(
            s.find(chunk + 8, size_of),
            None,
            "the bitmap is not an object"
        );
        for (p, n) in objs.into_iter().filter(|&(p, _)| p != small && p != large) {
            s.retain_large(|&h| h as usize != p);
            s.free(p as *mut u8, n, 8);
        }
        s.free(again as *mut u8, n_small, 8);
    }
}
