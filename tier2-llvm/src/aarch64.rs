//! Tier-2 regions as AArch64 objects, with a C header describing what they
//! expect (issue 4, part 7).
//!
//! No Rust standard library for AArch64 is installable on the build host,
//! so the VM itself cannot be cross-built. Instead the same MIR the JIT
//! compiles is lowered for `aarch64-unknown-linux-gnu` into ELF relocatable
//! objects (`emit_region`, in the code generator plugin:
//! `tier2_codegen::aarch64`), and `c_header` describes everything such an
//! object touches, so that a C program (the test's harness, built by
//! `aarch64-linux-gnu-gcc` and run under `qemu-aarch64`) can call it:
//!
//! * the frame: compiled code reads only `Frame::regs`, at
//!   [`FRAME_REGS`] bytes (the Rust `repr(C)` layout, the same on every
//!   LP64 target);
//! * the thread: compiled code writes only the returned value, at
//!   [`THREAD_EXIT_VALUE`] bytes. The real `Thread` is not `repr(C)`, so
//!   the objects use a small C thread stub of this module's own layout
//!   instead (the words before `exit_value` are free for the embedder);
//! * NaN-boxing tags and the exit encoding (from `runtime`);
//! * the helpers the objects call, by symbol name ([`HELPERS`]).
//!
//! Invariants:
//! 1. Every undefined symbol of an emitted object is a helper of
//!    [`HELPERS`] (or a C library routine LLVM may call): `emit_region`
//!    refuses an object that needs anything the header does not declare.
//!    Every helper the module declares has the LLVM type of its C
//!    prototype there.
//! 2. The objects are built with [`layout`], whose offsets are the ones
//!    the header declares (and checks with `_Static_assert`).

use crate::layout::Layout;
use crate::mir::{ExitKind, Region};
use runtime::jit::{EXIT_RAISE, EXIT_RESUME, EXIT_RETURN};
use runtime::value::{
    CANON_NAN, SMALL_INT_MAX, SMALL_INT_MIN, TAG_BOOL, TAG_INT, TAG_NONE, TAG_OBJ, TAG_UNBOUND,
};
use std::fmt::Write;

/// The target triple of the emitted objects.
pub const TRIPLE: &str = "aarch64-unknown-linux-gnu";

/// Byte offset of `regs` in the frame (`runtime::frame::Frame`, `repr(C)`).
pub const FRAME_REGS: u64 = std::mem::offset_of!(runtime::frame::Frame, regs) as u64;
/// Size of the frame in bytes.
pub const FRAME_SIZE: u64 = std::mem::size_of::<runtime::frame::Frame>() as u64;
/// Byte offset of `exit_value` in the C thread stub: two words first, free
/// for the embedder (so a wrong offset cannot go unnoticed as offset 0).
pub const THREAD_EXIT_VALUE: u64 = 16;

/// The offsets the objects are compiled with (invariant 2).
pub fn layout() -> Layout {
    Layout {
        frame_regs: FRAME_REGS,
        thread_exit_value: THREAD_EXIT_VALUE,
        object: None,
        deopt_counter: 0,
    }
}

/// A helper compiled code may call, as C sees it.
pub struct Helper {
    pub name: &'static str,
    /// C return type.
    pub ret: &'static str,
    /// C parameters: `(type, name)`.
    pub params: &'static [(&'static str, &'static str)],
    /// What a stub returns so that compiled code leaves (a C expression;
    /// empty for `void`): "raised" for the step and calls, a miss for pure helpers,
    /// a fresh register block for `strata_t2_push_frame`.
    pub leave: &'static str,
    pub doc: &'static str,
}

/// Every helper the lowering can call (`lower.rs`, `helpers.rs`).
pub const HELPERS: &[Helper] = &[
    Helper {
        name: crate::helpers::HELPER_STEP,
        ret: "uint32_t",
        params: &[
            ("strata_thread *", "thread"),
            ("uint64_t *", "regs"),
            ("uint32_t", "pc"),
        ],
        leave: "1",
        doc: "The instruction at `pc` by the interpreter; 0 done, 1 raised (exception in the thread), 2 exhausted (ForIter).",
    },
    Helper {
        name: "strata_t2_call",
        ret: "uint32_t",
        params: &[
            ("strata_thread *", "thread"),
            ("uint64_t *", "regs"),
            ("uint64_t", "func"),
            ("uint32_t", "first"),
            ("uint32_t", "nargs"),
            ("uint32_t", "dst"),
            ("uint32_t", "pc"),
        ],
        leave: "1",
        doc: "The call at `pc` to the known function `func` with the arguments in regs[first..first + nargs], result to regs[dst]; 0 done, 1 raised.",
    },
    Helper {
        name: crate::helpers::HELPER_EXIT,
        ret: "void",
        params: &[
            ("strata_thread *", "thread"),
            ("uint64_t", "unit"),
            ("uint32_t", "exit"),
        ],
        leave: "",
        doc: "Compiled code leaves `unit` through exit number `exit` (resume or raise; not on return).",
    },
    Helper {
        name: crate::helpers::HELPER_OSR,
        ret: "void",
        params: &[("strata_thread *", "thread"), ("uint64_t", "unit")],
        leave: "",
        doc: "A loop region was entered at its header (on-stack replacement).",
    },
    Helper {
        name: "strata_t2_get_slot",
        ret: "uint64_t",
        params: &[
            ("uint64_t", "obj"),
            ("uint64_t", "cls"),
            ("uint32_t", "version"),
            ("uint64_t", "shape"),
            ("uint32_t", "slot"),
        ],
        leave: "STRATA_MISS",
        doc: "An instance slot guarded by class, version and shape; STRATA_MISS if a guard fails.",
    },
    Helper {
        name: "strata_t2_set_slot",
        ret: "uint32_t",
        params: &[
            ("uint64_t", "obj"),
            ("uint64_t", "cls"),
            ("uint32_t", "version"),
            ("uint64_t", "shape"),
            ("uint32_t", "slot"),
            ("uint64_t", "value"),
        ],
        leave: "1",
        doc: "Stores an instance slot (guards as strata_t2_get_slot); 0 done, 1 miss.",
    },
    Helper {
        name: "strata_t2_list_get",
        ret: "uint64_t",
        params: &[("uint64_t", "list"), ("int64_t", "index")],
        leave: "STRATA_MISS",
        doc: "seq[index] of an exact list or tuple; STRATA_MISS otherwise.",
    },
    Helper {
        name: "strata_t2_list_append",
        ret: "uint32_t",
        params: &[("uint64_t", "list"), ("uint64_t", "value")],
        leave: "1",
        doc: "list.append(value) for an exact list; 0 done, 1 miss.",
    },
    Helper {
        name: "strata_t2_wants_collect",
        ret: "uint32_t",
        params: &[("strata_thread *", "t")],
        leave: "0",
        doc: "Whether the heap wants a collection (polled at loop back edges); 1 yes, 0 no.",
    },
    Helper {
        name: "strata_t2_collect",
        ret: "void",
        params: &[("strata_thread *", "t")],
        leave: "",
        doc: "Collects garbage (the code wrote its live registers back to the frame first).",
    },
    Helper {
        name: "strata_t2_truthy",
        ret: "uint64_t",
        params: &[("strata_thread *", "t"), ("uint64_t", "value")],
        leave: "STRATA_MISS",
        doc: "bool(value) as a bool value, for anything but instances; STRATA_MISS otherwise.",
    },
    Helper {
        name: "strata_t2_get_iter",
        ret: "uint64_t",
        params: &[("strata_thread *", "t"), ("uint64_t", "value")],
        leave: "STRATA_MISS",
        doc: "iter(value) for anything but instances; STRATA_MISS otherwise.",
    },
    Helper {
        name: "strata_t2_get_slot_poly",
        ret: "uint64_t",
        params: &[
            ("uint64_t", "obj"),
            ("const uint64_t *", "table"),
            ("uint32_t", "n"),
        ],
        leave: "STRATA_MISS",
        doc: "obj.attr by the first of `n` polymorphic cache entries (class, version, shape, slot) that matches; STRATA_MISS if none.",
    },
    Helper {
        name: "strata_t2_set_slot_poly",
        ret: "uint32_t",
        params: &[
            ("uint64_t", "obj"),
            ("const uint64_t *", "table"),
            ("uint32_t", "n"),
            ("uint64_t", "value"),
        ],
        leave: "1",
        doc: "obj.attr = value by the first matching entry (as strata_t2_get_slot_poly); 0 done, 1 miss.",
    },
    Helper {
        name: "strata_t2_method_poly",
        ret: "uint64_t",
        params: &[
            ("strata_thread *", "t"),
            ("uint64_t", "obj"),
            ("const uint64_t *", "table"),
            ("uint32_t", "n"),
        ],
        leave: "STRATA_MISS",
        doc: "The method of the first polymorphic cache entry (class, version, shape, method) that obj matches; STRATA_MISS if none.",
    },
    Helper {
        name: "strata_t2_build_seq",
        ret: "uint64_t",
        params: &[
            ("strata_thread *", "t"),
            ("uint32_t", "kind"),
            ("const uint64_t *", "items"),
            ("uint32_t", "n"),
        ],
        leave: "STRATA_MISS",
        doc: "A new list (kind 0) or tuple (kind 1) of the n values at items; never misses in the VM.",
    },
    Helper {
        name: "strata_t2_load_closure",
        ret: "uint64_t",
        params: &[("strata_thread *", "t"), ("uint32_t", "index")],
        leave: "STRATA_MISS",
        doc: "The cell at `index` of the running function's closure; STRATA_MISS if none.",
    },
    Helper {
        name: "strata_t2_load_deref",
        ret: "uint64_t",
        params: &[("uint64_t", "cell")],
        leave: "STRATA_MISS",
        doc: "The contents of a cell; STRATA_MISS when it is empty.",
    },
    Helper {
        name: "strata_t2_store_deref",
        ret: "uint32_t",
        params: &[("uint64_t", "cell"), ("uint64_t", "value")],
        leave: "1",
        doc: "Stores a value in a cell; 0 done, 1 if not a cell.",
    },
    Helper {
        name: "strata_t2_build_slice",
        ret: "uint64_t",
        params: &[
            ("strata_thread *", "t"),
            ("uint64_t", "start"),
            ("uint64_t", "stop"),
            ("uint64_t", "step"),
        ],
        leave: "STRATA_MISS",
        doc: "slice(start, stop, step); never misses in the VM.",
    },
    Helper {
        name: "strata_t2_get_slice",
        ret: "uint64_t",
        params: &[("strata_thread *", "t"), ("uint64_t", "obj"), ("uint64_t", "slice")],
        leave: "STRATA_MISS",
        doc: "obj[slice] for an exact list, tuple or str and a slice of ints or None; STRATA_MISS otherwise.",
    },
    Helper {
        name: "strata_t2_set_slice",
        ret: "uint32_t",
        params: &[
            ("strata_thread *", "t"),
            ("uint64_t", "list"),
            ("uint64_t", "slice"),
            ("uint64_t", "value"),
        ],
        leave: "1",
        doc: "list[slice] = value for an exact list, a step-1 slice and an exact list value; 0 done, 1 miss.",
    },
    Helper {
        name: "strata_t2_list_set",
        ret: "uint32_t",
        params: &[
            ("uint64_t", "list"),
            ("int64_t", "index"),
            ("uint64_t", "value"),
        ],
        leave: "1",
        doc: "list[index] = value for an exact list; 0 done, 1 miss.",
    },
    Helper {
        name: "strata_t2_load_global",
        ret: "uint64_t",
        params: &[("uint64_t", "cell"), ("uint64_t", "builtin")],
        leave: "STRATA_MISS",
        doc: "A global by its module cell, else its builtins cell; STRATA_MISS if unbound.",
    },
    Helper {
        name: "strata_t2_add_slot",
        ret: "uint32_t",
        params: &[
            ("uint64_t", "obj"),
            ("uint64_t", "klass"),
            ("uint32_t", "version"),
            ("uint64_t", "from"),
            ("uint64_t", "to"),
            ("uint64_t", "value"),
        ],
        leave: "1",
        doc: "Adds an attribute slot to an instance of a cached class and shape; 0 on success, 1 on a miss.",
    },
    Helper {
        name: "strata_t2_store_global",
        ret: "uint32_t",
        params: &[("uint64_t", "cell"), ("uint64_t", "value")],
        leave: "0",
        doc: "Stores a value in a global cell; always 0.",
    },
    Helper {
        name: "strata_t2_for_next",
        ret: "uint64_t",
        params: &[("strata_thread *", "thread"), ("uint64_t", "iter")],
        leave: "STRATA_MISS",
        doc: "The next item of a range or list iterator; STRATA_DONE when exhausted, STRATA_MISS for others.",
    },
    Helper {
        name: "strata_t2_method_guard",
        ret: "uint32_t",
        params: &[
            ("strata_thread *", "thread"),
            ("uint64_t", "obj"),
            ("uint64_t", "cls"),
            ("uint32_t", "version"),
            ("uint64_t", "shape"),
        ],
        leave: "1",
        doc: "0 if `obj` still finds the method an inline cache recorded, 1 otherwise.",
    },
    Helper {
        name: "strata_t2_unpack",
        ret: "uint32_t",
        params: &[("uint64_t", "seq"), ("uint32_t", "n"), ("uint64_t *", "out")],
        leave: "1",
        doc: "Unpacks an exact tuple or list of length `n` into out[0..n]; 0 done, 1 otherwise.",
    },
    Helper {
        name: "strata_t2_float_pow",
        ret: "uint64_t",
        params: &[("double", "x"), ("double", "y")],
        leave: "STRATA_MISS",
        doc: "x ** y for floats (CPython's algorithm) as the boxed result; STRATA_MISS if it raises.",
    },
    Helper {
        name: "strata_t2_push_frame",
        ret: "uint64_t *",
        params: &[
            ("strata_thread *", "thread"),
            ("uint64_t", "func"),
            ("uint32_t", "call_pc"),
            ("uint32_t", "ret_reg"),
        ],
        leave: "calloc(1 << 16, sizeof(uint64_t))",
        doc: "An exit inside inlined code: pushes the callee's frame (the caller resumes at `call_pc`, the result goes to `ret_reg`) and returns its registers, which compiled code fills.",
    },
];

/// C library routines LLVM may call from any code it generates, and libm's
/// `pow`, which float powers call directly (link with `-lm`).
pub const LIBC: &[&str] = &["memcpy", "memmove", "memset", "pow"];

/// The named symbols of an ELF object.
#[derive(Debug, Default)]
pub struct ElfSymbols {
    /// Symbols the object defines.
    pub defined: Vec<String>,
    /// Symbols it needs from elsewhere.
    pub undefined: Vec<String>,
}

/// Reads the symbol table of a little-endian ELF64 AArch64 object.
pub fn elf_symbols(obj: &[u8]) -> Result<ElfSymbols, String> {
    const EM_AARCH64: u16 = 183;
    const SHT_SYMTAB: u32 = 2;
    let bad = || "malformed ELF object".to_string();
    let u16_at = |o: usize| -> Result<u16, String> {
        let b = obj.get(o..o + 2).ok_or_else(bad)?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    };
    let u32_at = |o: usize| -> Result<u32, String> {
        let b = obj.get(o..o + 4).ok_or_else(bad)?;
        Ok(u32::from_le_bytes(b.try_into().map_err(|_| bad())?))
    };
    let u64_at = |o: usize| -> Result<usize, String> {
        let b = obj.get(o..o + 8).ok_or_else(bad)?;
        usize::try_from(u64::from_le_bytes(b.try_into().map_err(|_| bad())?)).map_err(|_| bad())
    };
    // ELF64 (class 2), little endian (data 1).
    if obj.get(0..6) != Some(&[0x7f, b'E', b'L', b'F', 2, 1][..]) {
        return Err("not a little-endian ELF64 object".into());
    }
    if u16_at(0x12)? != EM_AARCH64 {
        return Err(format!("not an AArch64 object (machine {})", u16_at(0x12)?));
    }
    let shoff = u64_at(0x28)?;
    let shentsize = u16_at(0x3a)? as usize;
    let shnum = u16_at(0x3c)? as usize;
    let section = |k: usize| shoff + k * shentsize;
    let mut out = ElfSymbols::default();
    for k in 0..shnum {
        let sh = section(k);
        if u32_at(sh + 4)? != SHT_SYMTAB {
            continue;
        }
        let (off, size, entsize) = (u64_at(sh + 24)?, u64_at(sh + 32)?, u64_at(sh + 56)?);
        let strtab = section(u32_at(sh + 40)? as usize);
        let (str_off, str_size) = (u64_at(strtab + 24)?, u64_at(strtab + 32)?);
        let strings = obj.get(str_off..str_off + str_size).ok_or_else(bad)?;
        if entsize < 24 {
            return Err(bad());
        }
        for s in (off..off + size).step_by(entsize) {
            let name_at = u32_at(s)? as usize;
            let shndx = u16_at(s + 6)?;
            let rest = strings.get(name_at..).ok_or_else(bad)?;
            let len = rest.iter().position(|&c| c == 0).ok_or_else(bad)?;
            let name = String::from_utf8_lossy(&rest[..len]).into_owned();
            if name.is_empty() {
                continue;
            }
            if shndx == 0 {
                out.undefined.push(name);
            } else {
                out.defined.push(name);
            }
        }
    }
    Ok(out)
}

/// `s` as a C identifier: characters other than ASCII letters, digits and
/// `_` become `_`, and a leading digit gets a `_` before it.
pub fn c_ident(s: &str) -> String {
    let mut out: String = s
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    if out.is_empty() || out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, '_');
    }
    out
}

/// One region as the header declares it.
pub struct RegionDecl<'a> {
    /// The function's symbol (a C identifier).
    pub symbol: &'a str,
    /// The code's qualified name (comments).
    pub qualname: &'a str,
    /// The unit number the code passes to the exit and OSR helpers.
    pub unit: u64,
    pub region: &'a Region,
    /// The code's local variable names: register `k` holds `locals[k]`.
    pub locals: &'a [String],
}

/// A C header for objects made by [`emit_region`]: the frame and thread
/// layouts, NaN-boxing, the exit encoding, the helpers' prototypes, and a
/// declaration of each region in `regions` (with its register count, the
/// registers of its local variables and its exits). `skipped` lists
/// `(qualname, reason)` of regions that were not emitted (as comments).
pub fn c_header(regions: &[RegionDecl<'_>], skipped: &[(String, String)]) -> String {
    let mut h = String::new();
    let w = &mut h;
    let _ = writeln!(
        w,
        "/* Generated by `strata --emit-aarch64` (tier2-llvm/src/aarch64.rs): do not edit.\n\
         \x20*\n\
         \x20* Tier-2 regions compiled for {TRIPLE}. Each is\n\
         \x20*     uint64_t region(strata_thread *thread, strata_frame *frame);\n\
         \x20* It reads the NaN-boxed registers at frame->regs, and returns\n\
         \x20* STRATA_EXIT_RETURN (the value in thread->exit_value), _RESUME (the\n\
         \x20* interpreter would continue at the pc; every live register is written\n\
         \x20* back, boxed) or _RAISE (the instruction at the pc raised), with the pc\n\
         \x20* in the bits above the low 8. */\n\
         #ifndef STRATA_REGIONS_H\n\
         #define STRATA_REGIONS_H\n\
         \n\
         #include <stddef.h>\n\
         #include <stdint.h>\n\
         #include <string.h>\n"
    );
    // NaN-boxing.
    let _ = writeln!(
        w,
        "/* NaN-boxed values (runtime/src/value.rs): a float is its own bits;\n\
         \x20* otherwise the top 16 bits are a tag and the low 48 the payload. */\n\
         #define STRATA_TAG_SHIFT 48\n\
         #define STRATA_TAG_OBJ UINT64_C({TAG_OBJ:#06X})\n\
         #define STRATA_TAG_INT UINT64_C({TAG_INT:#06X})\n\
         #define STRATA_TAG_BOOL UINT64_C({TAG_BOOL:#06X})\n\
         #define STRATA_TAG_NONE UINT64_C({TAG_NONE:#06X})\n\
         #define STRATA_TAG_UNBOUND UINT64_C({TAG_UNBOUND:#06X})\n\
         #define STRATA_PAYLOAD_MASK ((UINT64_C(1) << STRATA_TAG_SHIFT) - 1)\n\
         #define STRATA_CANON_NAN UINT64_C({CANON_NAN:#018X})\n\
         #define STRATA_SMALL_INT_MIN INT64_C({SMALL_INT_MIN})\n\
         #define STRATA_SMALL_INT_MAX INT64_C({SMALL_INT_MAX})\n\
         #define STRATA_NONE (STRATA_TAG_NONE << STRATA_TAG_SHIFT)\n\
         #define STRATA_UNBOUND (STRATA_TAG_UNBOUND << STRATA_TAG_SHIFT)\n\
         #define STRATA_TRUE ((STRATA_TAG_BOOL << STRATA_TAG_SHIFT) | 1)\n\
         #define STRATA_FALSE (STRATA_TAG_BOOL << STRATA_TAG_SHIFT)\n\
         \n\
         static inline uint64_t strata_tag(uint64_t v) {{ return v >> STRATA_TAG_SHIFT; }}\n\
         static inline int strata_is_float(uint64_t v) {{ return strata_tag(v) < STRATA_TAG_OBJ; }}\n\
         /* An int in [STRATA_SMALL_INT_MIN, STRATA_SMALL_INT_MAX]. */\n\
         static inline uint64_t strata_box_int(int64_t i) {{\n\
         \x20   return (STRATA_TAG_INT << STRATA_TAG_SHIFT) | ((uint64_t)i & STRATA_PAYLOAD_MASK);\n\
         }}\n\
         static inline int64_t strata_unbox_int(uint64_t v) {{\n\
         \x20   return (int64_t)(v << (64 - STRATA_TAG_SHIFT)) >> (64 - STRATA_TAG_SHIFT);\n\
         }}\n\
         static inline uint64_t strata_box_float(double d) {{\n\
         \x20   uint64_t v;\n\
         \x20   if (d != d) return STRATA_CANON_NAN;\n\
         \x20   memcpy(&v, &d, sizeof v);\n\
         \x20   return v;\n\
         }}\n\
         static inline double strata_unbox_float(uint64_t v) {{\n\
         \x20   double d;\n\
         \x20   memcpy(&d, &v, sizeof d);\n\
         \x20   return d;\n\
         }}\n\
         static inline uint64_t strata_box_bool(int b) {{ return b ? STRATA_TRUE : STRATA_FALSE; }}\n"
    );
    // Exits and sentinels.
    let _ = writeln!(
        w,
        "/* What a region returns (runtime/src/jit.rs). */\n\
         #define STRATA_EXIT_RETURN {EXIT_RETURN}\n\
         #define STRATA_EXIT_RESUME {EXIT_RESUME}\n\
         #define STRATA_EXIT_RAISE {EXIT_RAISE}\n\
         #define STRATA_EXIT_KIND(r) ((unsigned)((r) & 0xff))\n\
         #define STRATA_EXIT_PC(r) ((uint32_t)((r) >> 8))\n\
         \n\
         /* What pure helpers return when their guards fail, and\n\
         \x20* strata_t2_for_next when the iterator is exhausted. */\n\
         #define STRATA_MISS UINT64_C({:#018X})\n\
         #define STRATA_DONE UINT64_C({:#018X})\n",
        crate::helpers::MISS,
        crate::helpers::DONE
    );
    // The frame: padding around `regs`.
    let after = FRAME_SIZE - FRAME_REGS - 8;
    let _ = writeln!(
        w,
        "/* The VM frame (runtime/src/frame.rs, repr(C)): compiled code reads only\n\
         \x20* `regs`, once, on entry. */\n\
         typedef struct strata_frame {{"
    );
    if FRAME_REGS > 0 {
        let _ = writeln!(w, "    unsigned char before_regs[{FRAME_REGS}];");
    }
    let _ = writeln!(w, "    uint64_t *regs;");
    if after > 0 {
        let _ = writeln!(w, "    unsigned char after_regs[{after}];");
    }
    let _ = writeln!(
        w,
        "}} strata_frame;\n\
         _Static_assert(offsetof(strata_frame, regs) == {FRAME_REGS}, \"frame layout\");\n\
         _Static_assert(sizeof(strata_frame) == {FRAME_SIZE}, \"frame size\");\n"
    );
    // The thread stub.
    let words = THREAD_EXIT_VALUE / 8;
    let _ = writeln!(
        w,
        "/* The thread as compiled code sees it: it writes only `exit_value` (on\n\
         \x20* STRATA_EXIT_RETURN) and passes the pointer to the helpers. `embedder`\n\
         \x20* is free for the program that calls the regions. */\n\
         typedef struct strata_thread {{\n\
         \x20   uint64_t embedder[{words}];\n\
         \x20   uint64_t exit_value;\n\
         }} strata_thread;\n\
         _Static_assert(offsetof(strata_thread, exit_value) == {THREAD_EXIT_VALUE}, \"thread layout\");\n"
    );
    // Helpers.
    let _ = writeln!(
        w,
        "/* The helpers the regions call (tier2-llvm/src/helpers.rs); the program\n\
         \x20* that links the regions defines them. */"
    );
    for hp in HELPERS {
        let params: Vec<String> = hp
            .params
            .iter()
            .map(|(t, n)| {
                if t.ends_with('*') {
                    format!("{t}{n}")
                } else {
                    format!("{t} {n}")
                }
            })
            .collect();
        let _ = writeln!(
            w,
            "/* {} */\n{} {}({});",
            hp.doc,
            hp.ret,
            hp.name,
            params.join(", ")
        );
    }
    let _ = writeln!(
        w,
        "\n/* An exit of a region: where the interpreter would continue. */\n\
         typedef struct strata_exit_info {{\n\
         \x20   uint32_t pc;\n\
         \x20   uint32_t kind;\n\
         \x20   const char *reason;\n\
         }} strata_exit_info;"
    );
    // Regions.
    for d in regions {
        let r = d.region;
        let s = d.symbol;
        let what = if r.entry_pc == 0 {
            "function entry".to_string()
        } else {
            format!("loop at pc {}", r.entry_pc)
        };
        let _ = writeln!(
            w,
            "\n/* {} ({what}): unit {}, {} registers, {} exits. */\n\
             #define {s}_UNIT UINT64_C({})\n\
             #define {s}_ENTRY_PC {}\n\
             #define {s}_NREGS {}\n\
             #define {s}_NEXITS {}",
            d.qualname,
            d.unit,
            r.nregs,
            r.exits.len(),
            d.unit,
            r.entry_pc,
            r.nregs,
            r.exits.len()
        );
        for (k, name) in d.locals.iter().enumerate() {
            if k < r.nregs && c_ident(name) == *name {
                let _ = writeln!(w, "#define {s}_REG_{name} {k}");
            }
        }
        let _ = writeln!(
            w,
            "uint64_t {s}(strata_thread *thread, strata_frame *frame);\n\
             __attribute__((unused)) static const strata_exit_info {s}_exits[] = {{"
        );
        for (k, x) in r.exits.iter().enumerate() {
            let kind = match x.kind {
                ExitKind::Resume => "STRATA_EXIT_RESUME",
                ExitKind::Raise => "STRATA_EXIT_RAISE",
            };
            let reason = x.reason.replace('\\', "\\\\").replace('"', "\\\"");
            let _ = writeln!(w, "    {{{}, {kind}, \"{reason}\"}}, /* e{k} */", x.pc);
        }
        if r.exits.is_empty() {
            let _ = writeln!(w, "    {{0, 0, 0}}, /* none */");
        }
        let _ = writeln!(w, "}};");
    }
    if !skipped.is_empty() {
        let _ = writeln!(w, "\n/* Hot regions not emitted:");
        for (q, why) in skipped {
            let _ = writeln!(w, " * {q}: {}", why.replace("*/", "* /"));
        }
        let _ = writeln!(w, " */");
    }
    let _ = writeln!(w, "\n#endif /* STRATA_REGIONS_H */");
    h
}
