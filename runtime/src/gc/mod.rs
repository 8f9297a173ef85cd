//! The garbage collector: object headers, `Gc<T>` handles, allocation and
//! non-moving mark-sweep collection.
//!
//! Invariants:
//! 1. Every heap object is a `GcBox<T>` (header first) allocated by `Heap::alloc`
//!    (small ones in size-class chunks, large ones from the system allocator;
//!    see `space`, which also finds the object containing a scanned address)
//!    and never moves, so raw pointers and `Gc<T>` stay valid while it lives;
//!    a freed cell is only reused for a new object.
//! 2. Roots are (a) the VM's frames and registers and the thread's own fields,
//!    traced precisely by the caller of `collect`, and (b) the native stack
//!    and callee-saved registers between the scan point and `stack_base`,
//!    scanned conservatively: any word that is a NaN-boxed object or a raw
//!    pointer into an object (header or payload) keeps it alive.
//! 3. A value kept only in Rust heap memory (a `Vec` on the Rust heap that is
//!    not a field of a traced object) is NOT a root: code must keep such
//!    values reachable from a rooted object, or push them on
//!    `Thread::temp_roots` while it allocates.
//! 4. Immortal objects (builtin classes and functions, interned strings) are
//!    never freed and never traced through; they must not reference mortal
//!    objects except through fields that are also reachable from roots.
//! 5. Collection happens only at safepoints (`Thread::safepoint`), which the
//!    interpreter reaches at function entry and loop back edges, never
//!    inside an allocation: Rust code between safepoints may keep values in
//!    Rust heap memory (a `Vec` snapshot whose owning object the optimiser
//!    considers dead) without rooting them. Code that runs Python code (a
//!    builtin calling back into the interpreter) reaches safepoints, so it
//!    must keep what it holds rooted (invariant 3). Collection is never
//!    concurrent: values are not `Send`.

pub mod malloc_count;
mod space;

use crate::object::Kind;
use crate::value::Value;
use space::Space;
use std::cell::Cell;
use std::marker::PhantomData;
use std::ptr::NonNull;

const FLAG_MARK: u8 = 1;
const FLAG_IMMORTAL: u8 = 2;

/// The first word of every heap object.
#[repr(C)]
pub struct Header {
    pub kind: Kind,
    flags: Cell<u8>,
    /// Spare bits a kind may use (e.g. cached flags).
    pub user: Cell<u16>,
    /// Spare word a kind may use (e.g. a cached hash or length).
    pub extra: Cell<u32>,
}

impl Header {
    #[inline(always)]
    pub fn is_immortal(&self) -> bool {
        self.flags.get() & FLAG_IMMORTAL != 0
    }
}

/// A heap object: header, then the payload.
#[repr(C)]
pub struct GcBox<T> {
    pub header: Header,
    pub value: T,
}

/// Implemented by every payload type that lives on the heap.
pub trait HeapObj: Sized + 'static {
    const KIND: Kind;
    /// Reports every `Value` and `Gc` this object holds.
    fn trace(&self, tr: &mut Tracer);
}

/// A pointer to a heap object with payload `T`. `Copy`; valid while the
/// object is reachable (see the module invariants).
#[repr(transparent)]
pub struct Gc<T: HeapObj>(NonNull<GcBox<T>>, PhantomData<*const T>);

impl<T: HeapObj> Copy for Gc<T> {}
impl<T: HeapObj> Clone for Gc<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: HeapObj> Gc<T> {
    #[inline(always)]
    pub fn header(self) -> &'static Header {
        // SAFETY: a Gc always points at a live GcBox (invariant 1 and 2); the
        // 'static lifetime is a convenience: callers must not keep the
        // reference past the object's reachability, exactly like the Gc itself.
        unsafe { &(*self.0.as_ptr()).header }
    }
    #[inline(always)]
    pub fn as_value(self) -> Value {
        Value::from_header(self.0.as_ptr() as *const Header)
    }
    #[inline(always)]
    pub fn ptr(self) -> *const GcBox<T> {
        self.0.as_ptr()
    }
    #[inline(always)]
    pub fn addr(self) -> usize {
        self.0.as_ptr() as usize
    }
    #[inline(always)]
    pub fn ptr_eq(self, other: Gc<T>) -> bool {
        self.0 == other.0
    }
    /// Reinterprets a value as a `Gc<T>` if it is an object of kind `T::KIND`.
    #[inline(always)]
    pub fn from_value(v: Value) -> Option<Gc<T>> {
        let h = v.header()?;
        // SAFETY: object values always point at a live header (invariant 1).
        if unsafe { (*h).kind } == T::KIND {
            // SAFETY: the kind tag says the payload type is T, and the header
            // is the first field of the repr(C) GcBox<T>.
            Some(unsafe { Gc::from_header(h) })
        } else {
            None
        }
    }
    /// # Safety
    /// `h` must be the header of a live `GcBox<T>`.
    #[inline(always)]
    pub unsafe fn from_header(h: *const Header) -> Gc<T> {
        // SAFETY: non-null by the caller's contract.
        Gc(
            unsafe { NonNull::new_unchecked(h as *mut GcBox<T>) },
            PhantomData,
        )
    }
}

impl<T: HeapObj> std::ops::Deref for Gc<T> {
    type Target = T;
    #[inline(always)]
    fn deref(&self) -> &T {
        // SAFETY: see `header`: the object is live while the Gc is reachable.
        unsafe { &(*self.0.as_ptr()).value }
    }
}

impl<T: HeapObj> std::fmt::Debug for Gc<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Gc({:?} @ {:#x})", T::KIND, self.addr())
    }
}

/// Marks reachable objects; handed to `HeapObj::trace`.
pub struct Tracer {
    stack: Vec<*const Header>,
}

impl Tracer {
    #[inline]
    pub fn value(&mut self, v: Value) {
        if let Some(h) = v.header() {
            self.header(h);
        }
    }
    #[inline]
    pub fn gc<T: HeapObj>(&mut self, g: Gc<T>) {
        self.header(g.ptr() as *const Header);
    }
    #[inline]
    pub fn values(&mut self, vs: &[Value]) {
        for v in vs {
            self.value(*v);
        }
    }
    #[inline]
    fn header(&mut self, h: *const Header) {
        // SAFETY: h comes from a Value/Gc, which point at live objects.
        let hd = unsafe { &*h };
        let f = hd.flags.get();
        if f & (FLAG_MARK | FLAG_IMMORTAL) == 0 {
            hd.flags.set(f | FLAG_MARK);
            self.stack.push(h);
        }
    }
}

/// Statistics the `--stats` output and tests read.
#[derive(Clone, Copy, Debug, Default)]
pub struct GcStats {
    pub collections: u64,
    pub allocated: u64,
    pub freed: u64,
    pub live: u64,
}

/// The heap: every mortal object, and the collection policy.
pub struct Heap {
    objects: Vec<*mut Header>,
    since_gc: usize,
    /// Bytes of object-owned buffers (big int digits, long strings)
    /// allocated since the last collection: large values must trigger
    /// collections by size, not only by count.
    bytes_since_gc: usize,
    threshold: usize,
    /// Collect at every allocation (`--gc-stress`).
    pub stress: bool,
    /// Highest address of the native stack region to scan (0 = no scan).
    pub stack_base: usize,
    pub stats: GcStats,
    /// The memory objects live in.
    space: Space,
    /// `malloc_count::net_bytes()` when the VM was set up (the register
    /// stack's reservation and the builtins are not growth), after the last
    /// collection, and how much growth beyond it triggers the next one.
    malloc_base: isize,
    malloc_at_gc: isize,
    malloc_allowance: isize,
}

const MIN_THRESHOLD: usize = 20_000;
/// Collect after this many bytes of object-owned buffers were allocated.
const BYTES_THRESHOLD: usize = 4 << 20;
/// Collect when memory outside the heap grew by this much, or by half of
/// what it was after the last collection if that is more.
const MALLOC_GROWTH_MIN: isize = 4 << 20;
/// Allocations between checks of the malloc growth.
const MALLOC_CHECK_EVERY: usize = 256;

impl Heap {
    pub fn new() -> Heap {
        Heap {
            objects: Vec::new(),
            since_gc: 0,
            bytes_since_gc: 0,
            threshold: MIN_THRESHOLD,
            stress: false,
            stack_base: 0,
            stats: GcStats::default(),
            space: Space::new(),
            malloc_base: malloc_count::net_bytes(),
            malloc_at_gc: malloc_count::net_bytes(),
            malloc_allowance: MALLOC_GROWTH_MIN,
        }
    }

    /// Whether the next allocation should collect first.
    #[inline(always)]
    pub fn wants_collect(&self) -> bool {
        self.since_gc >= self.threshold
            || self.bytes_since_gc >= BYTES_THRESHOLD
            || (self.stress && self.since_gc > 0)
    }

    /// Allocates a mortal object. Never collects (invariant 5).
    #[inline]
    pub fn alloc<T: HeapObj>(&mut self, value: T) -> Gc<T> {
        let cell = GcBox {
            header: Header {
                kind: T::KIND,
                flags: Cell::new(0),
                user: Cell::new(0),
                extra: Cell::new(0),
            },
            value,
        };
        let layout = std::alloc::Layout::new::<GcBox<T>>();
        let p = self.space.alloc(layout) as *mut GcBox<T>;
        // SAFETY: `Space::alloc` returned memory of this size and alignment,
        // owned by nobody else.
        unsafe { p.write(cell) };
        self.objects.push(p as *mut Header);
        self.since_gc += 1;
        self.stats.allocated += 1;
        if self.since_gc.is_multiple_of(MALLOC_CHECK_EVERY) {
            self.check_malloc_growth();
        }
        // SAFETY: just allocated, non-null, a GcBox<T>.
        unsafe { Gc::from_header(p as *const Header) }
    }

    /// Starts counting malloc growth from here (the end of VM set-up, on
    /// the thread that runs the program).
    pub fn start_malloc_count(&mut self) {
        self.malloc_base = malloc_count::net_bytes();
        self.malloc_at_gc = self.malloc_base;
    }

    /// Brings the next collection forward when the memory objects own
    /// outside the heap grew past the allowance.
    #[cold]
    fn check_malloc_growth(&mut self) {
        if malloc_count::net_bytes() - self.malloc_at_gc > self.malloc_allowance {
            self.threshold = self.threshold.min(self.since_gc);
        }
    }

    /// Returns the memory of a dropped object of kind `kind`.
    fn raw_free(&mut self, h: *mut Header, kind: crate::object::Kind) {
        let (size, align) = (
            crate::object::object_size(kind),
            crate::object::object_align(kind),
        );
        self.space.free(h as *mut u8, size, align);
    }

    /// Allocates an object that lives for the whole process and is never traced.
    pub fn alloc_immortal<T: HeapObj>(&mut self, value: T) -> Gc<T> {
        let b = Box::new(GcBox {
            header: Header {
                kind: T::KIND,
                flags: Cell::new(FLAG_IMMORTAL),
                user: Cell::new(0),
                extra: Cell::new(0),
            },
            value,
        });
        let p = Box::leak(b) as *mut GcBox<T>;
        // SAFETY: leaked box, never freed.
        unsafe { Gc::from_header(p as *const Header) }
    }

    /// Accounts `bytes` of a buffer owned by a newly allocated object.
    #[inline]
    pub fn note_bytes(&mut self, bytes: usize) {
        self.bytes_since_gc += bytes;
    }

    /// Number of mortal objects currently allocated.
    pub fn object_count(&self) -> usize {
        self.objects.len()
    }

    /// Runs a full collection. `trace_roots` reports the precise roots.
    #[inline(never)]
    pub fn collect(&mut self, trace_roots: &mut dyn FnMut(&mut Tracer)) {
        let mut tr = Tracer { stack: Vec::new() };
        trace_roots(&mut tr);
        if self.stack_base != 0 {
            self.space.prepare_scan();
            self.scan_native_stack(&mut tr);
        }
        while let Some(h) = tr.stack.pop() {
            // SAFETY: only live headers are pushed.
            unsafe { crate::object::trace_object(h, &mut tr) };
        }
        self.sweep();
        self.since_gc = 0;
        self.bytes_since_gc = 0;
        self.threshold = MIN_THRESHOLD.max(self.objects.len() / 2);
        self.malloc_at_gc = malloc_count::net_bytes();
        self.malloc_allowance = MALLOC_GROWTH_MIN.max((self.malloc_at_gc - self.malloc_base) / 2);
        self.stats.collections += 1;
        self.stats.live = self.objects.len() as u64;
    }

    fn candidate(&self, word: usize, tr: &mut Tracer) {
        let addr = if (word as u64) >> 48 == crate::value::TAG_OBJ {
            word & ((1 << 48) - 1)
        } else {
            word
        };
        if addr < 4096 {
            return;
        }
        // SAFETY: `find` only passes headers of live objects.
        let size_of = |h: *const Header| crate::object::object_size(unsafe { (*h).kind });
        if let Some(h) = self.space.find(addr, size_of) {
            tr.header(h as *const Header);
        }
    }

    /// Scans the native stack from here to `stack_base`, and the callee-saved
    /// registers, for anything that looks like a pointer to an object.
    #[inline(never)]
    fn scan_native_stack(&mut self, tr: &mut Tracer) {
        let regs = spill_callee_saved();
        for &w in regs.iter() {
            self.candidate(w, tr);
        }
        let here = &regs as *const _ as usize;
        let mut p = here & !7;
        while p < self.stack_base {
            // SAFETY: [here, stack_base) is this thread's live native stack
            // (stack_base was taken from a frame that encloses every VM
            // activation); volatile so the read is not assumed initialised data.
            let w = unsafe { std::ptr::read_volatile(p as *const usize) };
            self.candidate(w, tr);
            p += 8;
        }
    }

    fn sweep(&mut self) {
        // SAFETY: every large object in the space is a live header.
        self.space
            .retain_large(|&h| unsafe { (*h).flags.get() } & FLAG_MARK != 0);
        let mut kept = 0;
        for i in 0..self.objects.len() {
            let h = self.objects[i];
            // SAFETY: every entry of `objects` is a live header.
            let hd = unsafe { &*h };
            let f = hd.flags.get();
            if f & FLAG_MARK != 0 {
                hd.flags.set(f & !FLAG_MARK);
                self.objects[kept] = h;
                kept += 1;
            } else {
                let kind = hd.kind;
                // SAFETY: unmarked means unreachable from every root; it was
                // allocated by `alloc` as the GcBox its kind names.
                unsafe { crate::object::drop_object(h) };
                self.raw_free(h, kind);
                self.stats.freed += 1;
            }
        }
        self.objects.truncate(kept);
    }
}

impl Drop for Heap {
    fn drop(&mut self) {
        // Large objects are freed with the rest; the space frees its chunks.
        self.space.retain_large(|_| false);
        for h in std::mem::take(&mut self.objects) {
            // SAFETY: the heap owns every mortal object; nothing uses them after the heap.
            let kind = unsafe { (*h).kind };
            // SAFETY: as above; each object is dropped once.
            unsafe { crate::object::drop_object(h) };
            self.raw_free(h, kind);
        }
    }
}

/// Copies the callee-saved registers into an array on the stack, so values
/// held only in registers are seen by the conservative scan.
#[inline(never)]
fn spill_callee_saved() -> [usize; 12] {
    let mut r = [0usize; 12];
    #[cfg(target_arch = "x86_64")]
    // SAFETY: only moves register contents into the array's memory.
    unsafe {
        std::arch::asm!(
            "mov [{0}], rbx", "mov [{0}+8], rbp", "mov [{0}+16], r12",
            "mov [{0}+24], r13", "mov [{0}+32], r14", "mov [{0}+40], r15",
            in(reg) r.as_mut_ptr(), options(nostack, preserves_flags)
        );
    }
    #[cfg(target_arch = "aarch64")]
    // SAFETY: only moves register contents into the array's memory.
    unsafe {
        std::arch::asm!(
            "stp x19, x20, [{0}]", "stp x21, x22, [{0}, #16]", "stp x23, x24, [{0}, #32]",
            "stp x25, x26, [{0}, #48]", "stp x27, x28, [{0}, #64]", "stp x29, x30, [{0}, #80]",
            in(reg) r.as_mut_ptr(), options(nostack, preserves_flags)
        );
    }
    std::hint::black_box(r)
}
