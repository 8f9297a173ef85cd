//! The tier contract (DESIGN.md §6–§8): what compiled code looks like to the
//! interpreter, and how a compiling tier plugs in.
//!
//! Compiled code for a region of a code object (the whole function, entered
//! at pc 0, or a loop entered at its header by on-stack replacement) is an
//! `extern "C" fn(*mut Thread, *mut Frame) -> u64`; the result packs an exit
//! kind (low 8 bits) and a pc (the rest):
//!
//! * `EXIT_RETURN`: the function returned `Thread::exit_value`; the pc is
//!   its `Return` instruction;
//! * `EXIT_RESUME`: the interpreter resumes the frame at the pc (a guard
//!   failed, or the region ended); every register was written back;
//! * `EXIT_RAISE`: an exception is in `Thread::exc`, raised by the
//!   instruction at the pc; registers are written back, so the
//!   interpreter's unwinding finds the handler.
//!
//! Invariants:
//! 1. Compiled code reads the frame's registers on entry and writes every
//!    register it changed back before it returns `EXIT_RESUME` or
//!    `EXIT_RAISE`, and before any call that can run Python code or collect
//!    garbage, so the frame is always what the interpreter would have made
//!    of it at that instruction (values the code keeps in machine registers
//!    are also covered by the conservative native-stack scan). It reads
//!    `Frame::regs` once, on entry (the register stack never moves); the
//!    `Frame` itself may move while Python code runs, so it is not touched
//!    afterwards.
//! 2. Entry pointers are installed only by the main thread at safepoints,
//!    after the tier checked the assumptions the code was compiled under;
//!    they are atomics so that a worker thread may read the table.
//! 3. Runtime helpers that compiled code calls never unwind: errors come
//!    back as sentinels and the code leaves with `EXIT_RAISE`.
//! 4. Invalidated code is never entered again, and a frame running it
//!    leaves it before the broken assumption can matter. Guards on types,
//!    classes, shapes and function identity are re-checked at each use;
//!    what code assumes without re-checking — global values folded in as
//!    constants, and the versions of the classes whose instance slots it
//!    reads and writes inline — is registered with the cells and classes
//!    (`GlobalCell::watch`, `Class::watchers`), whose stores and version
//!    bumps invalidate it (`Watcher::invalidate`: the entry points are
//!    uninstalled at once). Only Python code can change either, so compiled
//!    code tests its `JitCode::invalidated` flag after every instruction
//!    it hands to the interpreter (calls and `ForIter` included) and leaves
//!    when it is set. The tier checks the cells' and classes' versions again when it
//!    installs the code: a change while compiling means the code is never
//!    installed.
//! 5. What compiled code runs allocates (steps, some helpers) but never
//!    collects. So every compiled loop polls `Heap::wants_collect` at its
//!    back edges (every so many iterations) and, when a collection is
//!    due, writes its live registers back to the frame (as before a step:
//!    the frames are the collector's precise roots, the native stack is
//!    scanned conservatively) and collects, then goes on.

use crate::frame::Frame;
use crate::gc::Gc;
use crate::object::Code;
use crate::thread::Thread;
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicUsize, Ordering};
use std::sync::Arc;

/// Exit kinds of compiled code (see the module documentation).
pub const EXIT_RETURN: u64 = 0;
pub const EXIT_RESUME: u64 = 1;
pub const EXIT_RAISE: u64 = 2;

/// The signature of compiled code.
pub type CompiledFn = unsafe extern "C" fn(*mut Thread, *mut Frame) -> u64;

/// Splits a compiled function's result into (exit kind, pc).
#[inline(always)]
pub fn decode_exit(r: u64) -> (u64, u32) {
    (r & 0xff, (r >> 8) as u32)
}

/// Packs an exit kind and pc (what compiled code returns).
#[inline(always)]
pub fn encode_exit(kind: u64, pc: u32) -> u64 {
    kind | (pc as u64) << 8
}

/// One piece of installed compiled code. Shared with the tier that made it
/// (which frees the machine code once no frame can be running it).
pub struct JitCode {
    /// Machine code address of the `CompiledFn`.
    pub addr: usize,
    /// Set when an assumption the code relies on no longer holds. Shared:
    /// the flag exists before the code (its address is compiled in).
    pub invalidated: Arc<AtomicBool>,
    /// Frames currently running this code (freeing waits for zero).
    /// Written and read by the VM thread only.
    pub active: AtomicU32,
    /// The tier's identifier for the compiled unit (logs, stats).
    pub id: u64,
}

/// Compiled code that assumed a global cell's value (invariant 4).
pub struct Watcher {
    pub code: Arc<JitCode>,
    /// The code object the code is installed in, at `spot`. Alive while
    /// `code` is not invalidated: the tier keeps installed code's owner
    /// alive, and sets the flag before it lets the owner go.
    pub owner: Gc<Code>,
    pub spot: HotSpot,
}

/// How many units watchers invalidated (the tier looks for them when it
/// changes).
pub static INVALIDATIONS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

impl Watcher {
    /// The assumption broke: the code is never entered again, and frames
    /// running it leave at their next check of the flag.
    pub fn invalidate(&self) {
        if !self.code.invalidated.swap(true, Ordering::Relaxed) {
            self.owner.jit.uninstall(self.spot, self.code.id);
            INVALIDATIONS.fetch_add(1, Ordering::Relaxed);
        }
    }
}

/// The compiled code that assumed something (a global cell's value, a
/// class's version) stays true: a change invalidates all of it.
#[derive(Default)]
pub struct Watchers(std::cell::RefCell<Vec<Watcher>>);

impl Watchers {
    /// Records `w` (dropping watchers already invalidated for another
    /// reason).
    pub fn watch(&self, w: Watcher) {
        let mut ws = self.0.borrow_mut();
        ws.retain(|w| !w.code.invalidated.load(Ordering::Relaxed));
        ws.push(w);
    }

    /// Invalidates every watcher: what they assumed changed.
    #[inline]
    pub fn fire(&self) {
        if !self.0.borrow().is_empty() {
            self.fire_all();
        }
    }

    #[cold]
    #[inline(never)]
    fn fire_all(&self) {
        for w in self.0.take() {
            w.invalidate();
        }
    }
}

/// Where a code object may be entered in compiled code: function entry and
/// loop headers. Lives in `Code::jit`.
#[derive(Default)]
pub struct EntryTable {
    /// Function entry (pc 0): an `Arc<JitCode>` as raw, or 0.
    entry: AtomicUsize,
    /// One slot per loop header of the code (the targets of its backward
    /// jumps, fixed at load): `(header pc, Arc<JitCode> as raw or 0)`.
    osr: Box<[(u32, AtomicUsize)]>,
    /// Whether any OSR slot is filled (skips the scan at back edges).
    any_osr: AtomicBool,
}

impl EntryTable {
    /// A table for code whose loop headers are `headers`.
    pub fn new(mut headers: Vec<u32>) -> EntryTable {
        headers.sort_unstable();
        headers.dedup();
        EntryTable {
            entry: AtomicUsize::new(0),
            osr: headers
                .into_iter()
                .map(|h| (h, AtomicUsize::new(0)))
                .collect(),
            any_osr: AtomicBool::new(false),
        }
    }

    /// The installed code for function entry, if any. Installed code is
    /// never invalidated: `Watcher::invalidate` uninstalls the code in the
    /// same step as it sets the flag, and the tier installs code only after
    /// checking the versions it assumed, at a safepoint.
    #[inline]
    pub fn function(&self) -> Option<&JitCode> {
        Self::live(self.entry.load(Ordering::Acquire))
    }

    /// The installed OSR code for the loop whose header is `pc`, if any.
    #[inline]
    pub fn loop_header(&self, pc: u32) -> Option<&JitCode> {
        if !self.any_osr.load(Ordering::Relaxed) {
            return None;
        }
        let slot = self.osr.iter().find(|(h, _)| *h == pc)?;
        Self::live(slot.1.load(Ordering::Acquire))
    }

    #[inline(always)]
    fn live<'a>(p: usize) -> Option<&'a JitCode> {
        if p == 0 {
            return None;
        }
        // SAFETY: a non-zero slot holds an `Arc<JitCode>` leaked by
        // `install` and released only by `install`/`clear` after the slot
        // was overwritten; those run on the main thread at safepoints, when
        // no caller of this function holds the reference any more.
        let j = unsafe { &*(p as *const JitCode) };
        debug_assert!(!j.invalidated.load(Ordering::Relaxed));
        Some(j)
    }

    /// Whether function-entry code is installed.
    #[inline(always)]
    pub fn has_function(&self) -> bool {
        self.entry.load(Ordering::Relaxed) != 0
    }

    /// Whether any loop of this code has OSR code installed.
    #[inline(always)]
    pub fn has_osr(&self) -> bool {
        self.any_osr.load(Ordering::Relaxed)
    }

    /// Whether `pc` is a loop header of this code.
    pub fn is_loop_header(&self, pc: u32) -> bool {
        self.osr.iter().any(|(h, _)| *h == pc)
    }

    /// Installs `code` at function entry (`spot` is `Function`) or at a loop
    /// header. Main thread only, at a safepoint. False if `spot` is not an
    /// entry point of this code.
    pub fn install(&self, spot: HotSpot, code: Arc<JitCode>) -> bool {
        let slot = match spot {
            HotSpot::Function => &self.entry,
            HotSpot::Loop { header } => match self.osr.iter().find(|(h, _)| *h == header) {
                Some(s) => {
                    self.any_osr.store(true, Ordering::Release);
                    &s.1
                }
                None => return false,
            },
        };
        let old = slot.swap(Arc::into_raw(code) as usize, Ordering::AcqRel);
        Self::release(old);
        true
    }

    /// Removes the code of unit `id` at `spot`, if it is installed there.
    /// Main thread only, at a safepoint.
    pub fn uninstall(&self, spot: HotSpot, id: u64) {
        let slot = match spot {
            HotSpot::Function => &self.entry,
            HotSpot::Loop { header } => match self.osr.iter().find(|(h, _)| *h == header) {
                Some(s) => &s.1,
                None => return,
            },
        };
        let p = slot.load(Ordering::Acquire);
        // SAFETY: as in `live`: a non-zero slot holds a leaked Arc<JitCode>.
        if p != 0 && unsafe { &*(p as *const JitCode) }.id == id {
            Self::release(slot.swap(0, Ordering::AcqRel));
        }
    }

    /// Removes every entry (the tier keeps its own references to free the
    /// machine code later). Main thread only, at a safepoint.
    pub fn clear(&self) {
        Self::release(self.entry.swap(0, Ordering::AcqRel));
        for (_, s) in self.osr.iter() {
            Self::release(s.swap(0, Ordering::AcqRel));
        }
        self.any_osr.store(false, Ordering::Release);
    }

    fn release(p: usize) {
        if p != 0 {
            // SAFETY: non-zero slot values come from `Arc::into_raw` in
            // `install`, and each is released once (it was swapped out).
            drop(unsafe { Arc::from_raw(p as *const JitCode) });
        }
    }
}

impl Drop for EntryTable {
    fn drop(&mut self) {
        self.clear();
    }
}

/// Where a region starts: a function's entry or a loop header.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum HotSpot {
    Function,
    Loop { header: u32 },
}

/// A compiling tier, as the interpreter sees it. The root crate installs
/// one in `Thread::jit`; with none, the interpreter runs alone.
pub trait Tier {
    /// `code` became hot at `spot` (its counter crossed the threshold).
    /// May compile synchronously and install code before returning.
    fn hot(&mut self, t: &mut Thread, code: Gc<Code>, spot: HotSpot);
    /// A safepoint: install finished compiles, free retired code.
    fn safepoint(&mut self, t: &mut Thread);
    /// Extra `--stats` fields, as `"key": value` JSON pairs.
    fn stats_json(&self) -> String;
    /// Marks the heap objects the tier holds (code objects with compiles
    /// in flight): part of the thread's roots.
    fn trace(&self, tr: &mut crate::gc::Tracer);
}

/// Where compiled code finds the fields it reads directly, measured from
/// this very binary's layouts (Rust's layouts are fixed per build, not
/// across builds, so they are probed, never hard-coded).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct ObjectLayout {
    /// `Header::kind` (a byte) from an object's address.
    pub kind: usize,
    /// The `Kind` value of instances.
    pub kind_instance: u8,
    /// From an instance's address: its class, shape and dict words.
    pub inst_class: usize,
    pub inst_shape: usize,
    pub inst_dict: usize,
    /// From an instance's address: its slot vector (a small vector).
    pub inst_slots: usize,
    /// From a class's address: its version (`u32`).
    pub class_version: usize,
    /// Inside the slot vector: the capacity word (the length while the
    /// items are inline, at most `slots_inline` of them), the inline items,
    /// and, once spilled, the heap pointer and length words.
    pub slots_capacity: usize,
    pub slots_inline_items: usize,
    pub slots_inline_max: usize,
    pub slots_heap_ptr: usize,
    pub slots_heap_len: usize,
    /// The `Kind` value of lists; from a list's address, its item vector's
    /// buffer pointer and length words.
    pub kind_list: u8,
    pub list_ptr: usize,
    pub list_len: usize,
    /// Builtin iterators, when their state has the expected layout.
    pub iter: Option<IterLayout>,
}

/// Where compiled code finds the state of a builtin iterator
/// (`IterObj::state`, an `IterState`, `repr(C, u8)`): from the object's
/// address, the tag byte, and the variant's words after it.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct IterLayout {
    /// The `Kind` value of iterator objects.
    pub kind_iter: u8,
    /// From the object's address: the tag byte of the state.
    pub tag: usize,
    /// The tag values of `Range { next, step, remaining }` and
    /// `List { list, index }`.
    pub tag_range: u8,
    pub tag_list: u8,
    /// From the object's address: the variant's first, second and third
    /// words (`next`, `step`, `remaining`, or `list`, `index`).
    pub word: [usize; 3],
}

impl IterLayout {
    /// Measures the layout from real states; `None` if it is not the
    /// tag-then-words layout compiled code expects.
    fn probe() -> Option<IterLayout> {
        use crate::gc::GcBox;
        use crate::object::iter::{IterObj, IterState};
        use crate::object::GcCell;
        use crate::value::Value;
        use std::mem::{offset_of, size_of};
        // SAFETY (both closures): read the state's own initialised bytes —
        // the tag byte and the variant's words, which these variants
        // fill — without changing it.
        let tag = |s: &IterState| unsafe { *(s as *const IterState as *const u8) };
        let word =
            |s: &IterState, k: usize| unsafe { *(s as *const IterState as *const u64).add(k) };
        if size_of::<IterState>() < 32 {
            return None;
        }
        let (a, b, c) = (0x1111_2222_3333_4444i64, 0x55i64, 0x6666_7777i64);
        let r = IterState::Range {
            next: a,
            step: b,
            remaining: c,
        };
        let l = IterState::List {
            list: Value::from_bits(a as u64),
            index: 7,
        };
        let ok = word(&r, 1) == a as u64
            && word(&r, 2) == b as u64
            && word(&r, 3) == c as u64
            && word(&l, 1) == a as u64
            && word(&l, 2) == 7
            && tag(&r) != tag(&l);
        if !ok {
            return None;
        }
        let state = offset_of!(GcBox<IterObj>, value)
            + offset_of!(IterObj, state)
            + GcCell::<IterState>::value_offset();
        Some(IterLayout {
            kind_iter: crate::object::Kind::Iter as u8,
            tag: state,
            tag_range: tag(&r),
            tag_list: tag(&l),
            word: [state + 8, state + 16, state + 24],
        })
    }
}

impl ObjectLayout {
    /// Measures the layouts; `None` if the slot vector's representation is
    /// not the one compiled code expects (it then calls helpers instead).
    pub fn probe() -> Option<ObjectLayout> {
        use crate::gc::GcBox;
        use crate::object::class::{Class, Instance, InstanceSlots};
        use crate::object::GcCell;
        use crate::value::Value;
        use std::mem::{offset_of, size_of};
        let value = offset_of!(GcBox<Instance>, value);
        let slots = value + offset_of!(Instance, slots) + GcCell::<InstanceSlots>::value_offset();
        let words = |v: &InstanceSlots| -> Vec<u64> {
            let n = size_of::<InstanceSlots>() / 8;
            // SAFETY: reads the vector's own bytes as words (it is at least
            // `n` words long and 8-byte aligned, holding only integers and
            // pointers); the vector is not changed.
            (0..n)
                .map(|k| unsafe { *(v as *const InstanceSlots as *const u64).add(k) })
                .collect()
        };
        let (a, b) = (0x1111_2222_3333_4444u64, 0x5555_6666_7777_8888u64);
        let mut inline = InstanceSlots::new();
        inline.push(Value::from_bits(a));
        inline.push(Value::from_bits(b));
        if inline.spilled() {
            return None;
        }
        let w = words(&inline);
        let cap = w.iter().position(|&x| x == 2)?;
        let item0 = w.iter().position(|&x| x == a)?;
        if w.get(item0 + 1) != Some(&b) {
            return None;
        }
        let inline_max = inline.inline_size();
        let mut heap = InstanceSlots::new();
        for k in 0..inline_max as u64 + 2 {
            heap.push(Value::from_bits(a + k));
        }
        if !heap.spilled() {
            return None;
        }
        let w = words(&heap);
        let ptr = w.iter().position(|&x| x == heap.as_ptr() as u64)?;
        let len = w.iter().position(|&x| x == heap.len() as u64)?;
        if w[cap] != heap.capacity() as u64 || cap == len || len == ptr {
            return None;
        }
        // A vector's pointer and length words.
        let mut v: Vec<Value> = Vec::with_capacity(7);
        v.push(Value::from_bits(a));
        v.push(Value::from_bits(b));
        v.push(Value::from_bits(a));
        // SAFETY: reads the vector's three words (its own bytes).
        let vw: Vec<u64> = (0..size_of::<Vec<Value>>() / 8)
            .map(|k| unsafe { *(&v as *const Vec<Value> as *const u64).add(k) })
            .collect();
        let vptr = vw.iter().position(|&x| x == v.as_ptr() as u64)?;
        let vlen = vw.iter().position(|&x| x == 3)?;
        let items = offset_of!(GcBox<crate::object::List>, value)
            + offset_of!(crate::object::List, items)
            + GcCell::<Vec<Value>>::value_offset();
        Some(ObjectLayout {
            kind_list: crate::object::Kind::List as u8,
            list_ptr: items + vptr * 8,
            list_len: items + vlen * 8,
            kind: offset_of!(GcBox<Instance>, header) + offset_of!(crate::gc::Header, kind),
            kind_instance: crate::object::Kind::Instance as u8,
            inst_class: value + offset_of!(Instance, class),
            inst_shape: value + offset_of!(Instance, shape),
            inst_dict: value + offset_of!(Instance, dict),
            inst_slots: slots,
            class_version: offset_of!(GcBox<Class>, value) + offset_of!(Class, version),
            slots_capacity: cap * 8,
            slots_inline_items: item0 * 8,
            slots_inline_max: inline_max,
            slots_heap_ptr: ptr * 8,
            slots_heap_len: len * 8,
            iter: IterLayout::probe(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The probed iterator layout reads the state of real range and list
    /// iterators on the heap.
    #[test]
    fn probed_iterator_layout_reads_range_and_list_iterators() {
        use crate::object::iter::IterState;
        let l = ObjectLayout::probe().expect("object layout");
        let il = l
            .iter
            .expect("iterator states have the tag-then-words layout");
        let mut t = Thread::new();
        let r = t.new_iter(IterState::Range {
            next: 5,
            step: 3,
            remaining: 4,
        });
        let list = t.new_list(vec![crate::value::Value::NONE; 2]);
        let li = t.new_iter(IterState::List { list, index: 1 });
        let word = |v: crate::value::Value, off: usize| {
            let base = (v.bits() & ((1u64 << 48) - 1)) as usize;
            // SAFETY: reads a word of a live iterator at a probed offset.
            unsafe { *((base + off) as *const u64) }
        };
        let byte = |v: crate::value::Value, off: usize| {
            let base = (v.bits() & ((1u64 << 48) - 1)) as usize;
            // SAFETY: reads a byte of a live iterator at a probed offset.
            unsafe { *((base + off) as *const u8) }
        };
        assert_eq!(byte(r, l.kind), il.kind_iter);
        assert_eq!(byte(r, il.tag), il.tag_range);
        assert_eq!(
            (
                word(r, il.word[0]),
                word(r, il.word[1]),
                word(r, il.word[2])
            ),
            (5, 3, 4)
        );
        assert_eq!(byte(li, il.tag), il.tag_list);
        assert_eq!(word(li, il.word[0]), list.bits());
        assert_eq!(word(li, il.word[1]), 1);
    }

    /// The probed offsets read the real fields of a real instance.
    #[test]
    fn probed_layout_reads_an_instance() {
        let l = ObjectLayout::probe().expect("slot vectors have the expected representation");
        let mut t = Thread::new();
        let cls = t.classes.object;
        let inst = crate::ops::call::new_instance(&mut t, cls).expect("an instance");
        let obj = crate::ops::cast::<crate::object::Instance>(inst).expect("instance");
        for k in 0..5u64 {
            obj.slots
                .get_mut()
                .push(crate::value::Value::from_bits(100 + k));
            let base = obj.ptr() as usize;
            // SAFETY: reads fields of a live instance at probed offsets.
            unsafe {
                assert_eq!(*((base + l.kind) as *const u8), l.kind_instance);
                assert_eq!(*((base + l.inst_class) as *const usize), cls.addr());
                assert_eq!(
                    *((base + l.inst_shape) as *const usize),
                    obj.shape.get().addr()
                );
                let sv = base + l.inst_slots;
                let cap = *((sv + l.slots_capacity) as *const usize);
                let (items, len) = if cap <= l.slots_inline_max {
                    ((sv + l.slots_inline_items) as *const u64, cap)
                } else {
                    (
                        *((sv + l.slots_heap_ptr) as *const *const u64),
                        *((sv + l.slots_heap_len) as *const usize),
                    )
                };
                assert_eq!(len as u64, k + 1);
                assert_eq!(*items.add(k as usize), 100 + k);
                let c = cls.ptr() as usize;
                assert_eq!(*((c + l.class_version) as *const u32), cls.version.get());
            }
        }
        let lv = t.new_list(
            (0..9)
                .map(|k| crate::value::Value::from_bits(7 + k))
                .collect(),
        );
        let list = crate::ops::cast::<crate::object::List>(lv).expect("a list");
        let base = list.ptr() as usize;
        // SAFETY: reads fields of a live list at probed offsets.
        unsafe {
            assert_eq!(*((base + l.kind) as *const u8), l.kind_list);
            assert_eq!(*((base + l.list_len) as *const usize), 9);
            let items = *((base + l.list_ptr) as *const *const u64);
            assert_eq!(*items.add(8), 15);
        }
    }
}
