//! The process's LLVM JIT: an ORC LLJIT fed with modules built by inkwell.
//!
//! inkwell has no ORC wrapper, so this file is the one place where tier 2
//! talks to `llvm_sys::orc2` directly. Everything else in the tier builds IR
//! through the safe inkwell API inside the `build` callbacks it hands to
//! [`Session::compile`] and [`Session::emit_object`].
//!
//! A compile goes through two phases:
//!
//! 1. *Build and optimise*, in the calling thread, without any lock: a fresh
//!    ORC thread-safe context, a module given the JIT's triple and data
//!    layout, the caller's `build`, the verifier, then the pass pipeline with
//!    a host `TargetMachine` taken from a small pool.
//! 2. *Link*, under `Session::link`: the module goes to the main JITDylib
//!    under its own resource tracker and the entry symbol is looked up, which
//!    runs code generation and linking in this thread.
//!
//! Invariants:
//!
//! 1. Every call that reaches the LLJIT, its execution session or its
//!    JITDylib (define, add, lookup, tracker removal, string pool clearing)
//!    holds `Session::link`. LLJIT's C API shares one `TargetMachine` for
//!    code generation, and concurrent adds and lookups crashed in the
//!    measurements in `shared/notes/llvm-orc-from-rust.md`.
//! 2. A `TargetMachine` from the pool is used by one thread at a time: it is
//!    popped from the pool for one pass-pipeline run and pushed back after.
//! 3. Each LLVM context (one per compile) is touched by one thread at a time:
//!    the compiling thread until its module is added, then the thread that
//!    holds `Session::link` while ORC compiles it.
//! 4. The `Shared` block handed to ORC callbacks lives from before the JIT is
//!    created until after it is disposed.
//!
//! Code generation always runs at LLVM's default codegen level (the C API
//! cannot choose another for LLJIT); [`OptLevel`] picks the IR pipeline.

use std::collections::HashSet;
use std::ffi::{c_char, c_void, CStr, CString};
use std::ptr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard, OnceLock};

use inkwell::context::ContextRef;
use inkwell::module::Module;
use inkwell::targets::{
    CodeModel, FileType, InitializationConfig, RelocMode, Target, TargetData, TargetMachine,
    TargetTriple,
};
use inkwell::OptimizationLevel;
use llvm_sys::error::{LLVMDisposeErrorMessage, LLVMErrorRef, LLVMGetErrorMessage};
use llvm_sys::object::{
    LLVMBinaryGetType, LLVMBinaryType, LLVMCreateBinary, LLVMDisposeBinary,
    LLVMDisposeSectionIterator, LLVMDisposeSymbolIterator, LLVMGetSectionName, LLVMGetSymbolSize,
    LLVMMoveToContainingSection, LLVMMoveToNextSymbol, LLVMObjectFileCopySectionIterator,
    LLVMObjectFileCopySymbolIterator, LLVMObjectFileIsSectionIteratorAtEnd,
    LLVMObjectFileIsSymbolIteratorAtEnd,
};
use llvm_sys::orc2::lljit::{
    LLVMOrcCreateLLJIT, LLVMOrcCreateLLJITBuilder, LLVMOrcDisposeLLJIT,
    LLVMOrcLLJITAddObjectFileWithRT, LLVMOrcLLJITBuilderSetJITTargetMachineBuilder,
    LLVMOrcLLJITGetDataLayoutStr, LLVMOrcLLJITGetExecutionSession, LLVMOrcLLJITGetGlobalPrefix,
    LLVMOrcLLJITGetMainJITDylib, LLVMOrcLLJITGetObjTransformLayer, LLVMOrcLLJITGetTripleString,
    LLVMOrcLLJITLookup, LLVMOrcLLJITMangleAndIntern, LLVMOrcLLJITRef,
};
use llvm_sys::orc2::{
    LLVMJITEvaluatedSymbol, LLVMJITSymbolFlags, LLVMJITSymbolGenericFlags, LLVMOrcAbsoluteSymbols,
    LLVMOrcCSymbolMapPair, LLVMOrcCreateDynamicLibrarySearchGeneratorForProcess,
    LLVMOrcCreateNewThreadSafeContext, LLVMOrcDisposeMaterializationUnit,
    LLVMOrcDisposeThreadSafeContext, LLVMOrcExecutionSessionGetSymbolStringPool,
    LLVMOrcExecutionSessionSetErrorReporter, LLVMOrcJITDylibAddGenerator,
    LLVMOrcJITDylibCreateResourceTracker, LLVMOrcJITDylibDefine, LLVMOrcJITDylibRef,
    LLVMOrcJITTargetMachineBuilderCreateFromTargetMachine, LLVMOrcObjectTransformLayerSetTransform,
    LLVMOrcReleaseResourceTracker, LLVMOrcResourceTrackerRef, LLVMOrcResourceTrackerRemove,
    LLVMOrcSymbolStringPoolClearDeadEntries, LLVMOrcThreadSafeContextGetContext,
    LLVMOrcThreadSafeContextRef,
};
use llvm_sys::prelude::LLVMMemoryBufferRef;
use llvm_sys::transforms::pass_builder::{
    LLVMCreatePassBuilderOptions, LLVMDisposePassBuilderOptions, LLVMRunPasses,
};

pub use tier2_llvm::layout::OptLevel;

/// The callback that fills a fresh module. Both arguments share the context
/// lifetime `'ctx`, so types made from the context can go into the module.
pub type BuildFn<'f> =
    dyn for<'ctx> Fn(&ContextRef<'ctx>, &Module<'ctx>) -> Result<(), String> + 'f;

/// The machine-code optimisation level of the JIT's code generator.
const CODEGEN_LEVEL: OptimizationLevel = OptimizationLevel::Less;

/// How many tracker removals happen between two sweeps of ORC's symbol
/// string pool (each compiled unit leaves a few dead names behind).
const POOL_SWEEP_INTERVAL: u32 = 1024;

/// One ORC LLJIT for the process, made lazily by the caller.
pub struct Session {
    jit: LLVMOrcLLJITRef,
    main_jd: LLVMOrcJITDylibRef,
    /// Serialises every call into the JIT (invariant 1).
    link: Mutex<LinkState>,
    /// Host target machines for the pass pipeline (invariant 2).
    machines: Mutex<Vec<TargetMachine>>,
    /// State written by ORC callbacks; owned by the session, freed in `Drop`
    /// after the JIT (invariant 4).
    shared: *const Shared,
    triple: String,
    data_layout: String,
    cpu: String,
    features: String,
}

/// What the link lock protects besides the JIT itself.
struct LinkState {
    /// Names given to [`Session::define_symbols`] so far.
    defined: HashSet<String>,
    /// Tracker removals since the string pool was last swept.
    removals: u32,
}

/// The target of ORC's callbacks.
struct Shared {
    /// Messages from ORC's error reporter, waiting for `take_errors`.
    errors: Mutex<String>,
    /// Bytes of machine code in the objects ORC emitted since the last reset.
    /// Written by the object transform, which runs inside a lookup, so under
    /// the link lock; atomic only so the callback needs no `&mut`.
    code_bytes: AtomicU64,
}

// SAFETY: the raw pointers are handles to LLVM objects with no thread
// affinity. Every use of `jit` and `main_jd` holds the `link` mutex
// (invariant 1), a pooled `TargetMachine` is used by one thread at a time
// (invariant 2), and `shared` points to data that is only accessed through
// a `Mutex` or an atomic.
unsafe impl Send for Session {}
// SAFETY: as for `Send`: all `&self` methods either take the `link` mutex
// before touching the JIT, or work on per-call LLVM contexts and pooled
// target machines that no other thread can reach at the same time.
unsafe impl Sync for Session {}

/// A compiled unit: the entry point and the resources that keep it alive.
#[derive(Debug)]
pub struct Compiled {
    /// Address of the entry symbol.
    pub addr: usize,
    /// Textual IR before optimisation, if asked for.
    pub ir: Option<String>,
    /// Textual IR after optimisation, if asked for.
    pub ir_opt: Option<String>,
    /// Bytes of machine code that this unit added: the summed sizes of the
    /// symbols in the `.text` sections of its object, read from the object
    /// before linking (so the entry function's size when the unit holds one
    /// function). 0 if the object could not be read.
    pub code_bytes: usize,
    /// Time spent building and optimising the IR, and then generating and
    /// linking machine code.
    pub opt_ms: f64,
    pub codegen_ms: f64,
    tracker: Tracker,
    /// The session's JIT, as an address, to catch `free` on another session.
    owner: usize,
}

/// A resource tracker reference owned by one [`Compiled`].
#[derive(Debug)]
struct Tracker(LLVMOrcResourceTrackerRef);

// SAFETY: the tracker is only released or removed in `Compiled::free`, which
// holds the owning session's `link` mutex, so moving it between threads
// cannot race with other uses of the JIT.
unsafe impl Send for Tracker {}
// SAFETY: `&Tracker` gives no access to the pointer outside this module, and
// this module only uses it by value in `Compiled::free`.
unsafe impl Sync for Tracker {}

impl Compiled {
    /// Frees the machine code (removes the resource tracker). Must run while
    /// the Session is alive. A `Compiled` that is dropped without `free`
    /// keeps its code until the session is dropped.
    ///
    /// # Panics
    /// If `session` is not the session that compiled this unit.
    pub fn free(self, session: &Session) {
        assert_eq!(
            self.owner, session.jit as usize,
            "Compiled::free called with another Session"
        );
        let mut state = session.lock_link();
        // SAFETY: the tracker came from this session's main JITDylib, which is
        // alive because `session` is borrowed; we hold the link lock
        // (invariant 1), and `self` is consumed so the reference is released
        // exactly once.
        if let Err(message) = unsafe { remove_tracker(self.tracker.0) } {
            session.report(&format!("removing {:#x}: {message}", self.addr));
        }
        state.removals += 1;
        if state.removals >= POOL_SWEEP_INTERVAL {
            state.removals = 0;
            // SAFETY: the JIT is alive and we hold the link lock.
            unsafe {
                let es = LLVMOrcLLJITGetExecutionSession(session.jit);
                LLVMOrcSymbolStringPoolClearDeadEntries(
                    LLVMOrcExecutionSessionGetSymbolStringPool(es),
                );
            }
        }
    }
}

impl Session {
    /// Initialises LLVM's native target once, creates the LLJIT, routes
    /// ORC's error reporter away from stderr into a String the session keeps
    /// (see [`Session::take_errors`]), and adds a process-symbol generator so
    /// libc/libm symbols (e.g. `pow`, `fmod`) resolve.
    pub fn new() -> Result<Session, String> {
        init_targets()?;
        let shared = Box::into_raw(Box::new(Shared {
            errors: Mutex::new(String::new()),
            code_bytes: AtomicU64::new(0),
        }));
        let mut jit: LLVMOrcLLJITRef = ptr::null_mut();
        // The JIT's own code generator: the host CPU at `CODEGEN_LEVEL`
        // (the IR arrives optimised; LLJIT's default, `Default`, spent a
        // third of each compile in machine passes for no measurable gain).
        let triple = TargetMachine::get_default_triple();
        let target = Target::from_triple(&triple).map_err(|e| format!("host target: {e}"))?;
        let tm = target
            .create_target_machine(
                &triple,
                &TargetMachine::get_host_cpu_name().to_string(),
                &TargetMachine::get_host_cpu_features().to_string(),
                CODEGEN_LEVEL,
                RelocMode::Default,
                // What LLJIT's own host builder picks on x86-64 (JITLink
                // reaches helpers through stubs); `JITDefault` means the
                // large model here: every call an absolute `movabs`.
                CodeModel::Small,
            )
            .ok_or("no host target machine")?;
        // SAFETY: the builder is fresh; the JTMB takes over the target
        // machine (so inkwell must not dispose it: forgotten), the builder
        // takes over the JTMB, and `LLVMOrcCreateLLJIT` takes over the
        // builder whether it succeeds or not; `jit` is a valid out-pointer.
        let err = unsafe {
            let builder = LLVMOrcCreateLLJITBuilder();
            let jtmb = LLVMOrcJITTargetMachineBuilderCreateFromTargetMachine(tm.as_mut_ptr());
            std::mem::forget(tm);
            LLVMOrcLLJITBuilderSetJITTargetMachineBuilder(builder, jtmb);
            LLVMOrcCreateLLJIT(&mut jit, builder)
        };
        if !err.is_null() || jit.is_null() {
            // SAFETY: `shared` came from `Box::into_raw` above and nothing
            // else has seen it.
            drop(unsafe { Box::from_raw(shared) });
            // SAFETY: `err` is an owned error (or null, handled inside).
            return Err(format!("creating the LLJIT: {}", unsafe {
                take_error(err)
            }));
        }

        // SAFETY: `jit` is a live LLJIT; the strings it returns live as long
        // as it does and are copied here. The callbacks' context is `shared`,
        // which outlives the JIT (invariant 4).
        let (main_jd, triple, data_layout, prefix) = unsafe {
            let es = LLVMOrcLLJITGetExecutionSession(jit);
            LLVMOrcExecutionSessionSetErrorReporter(es, report_error, shared as *mut c_void);
            LLVMOrcObjectTransformLayerSetTransform(
                LLVMOrcLLJITGetObjTransformLayer(jit),
                measure_object,
                shared as *mut c_void,
            );
            (
                LLVMOrcLLJITGetMainJITDylib(jit),
                cstr_to_string(LLVMOrcLLJITGetTripleString(jit)),
                cstr_to_string(LLVMOrcLLJITGetDataLayoutStr(jit)),
                LLVMOrcLLJITGetGlobalPrefix(jit),
            )
        };

        // From here on `Drop` cleans up on every error path.
        let session = Session {
            jit,
            main_jd,
            link: Mutex::new(LinkState {
                defined: HashSet::new(),
                removals: 0,
            }),
            machines: Mutex::new(Vec::new()),
            shared,
            triple,
            data_layout,
            cpu: TargetMachine::get_host_cpu_name().to_string(),
            features: TargetMachine::get_host_cpu_features().to_string(),
        };

        // LLVM 19's LLJIT already links a process-symbols JITDylib by default;
        // this generator makes libc/libm resolution independent of that.
        {
            let _guard = session.lock_link();
            let mut generator = ptr::null_mut();
            // SAFETY: `generator` is a valid out-pointer; no filter is given.
            let err = unsafe {
                LLVMOrcCreateDynamicLibrarySearchGeneratorForProcess(
                    &mut generator,
                    prefix,
                    None,
                    ptr::null_mut(),
                )
            };
            if !err.is_null() {
                // SAFETY: `err` is an owned error.
                return Err(format!("process symbol generator: {}", unsafe {
                    take_error(err)
                }));
            }
            // SAFETY: the JITDylib is alive and takes ownership of `generator`;
            // we hold the link lock.
            unsafe { LLVMOrcJITDylibAddGenerator(session.main_jd, generator) };
        }

        // Make one pass-pipeline machine now so a bad host description fails
        // here rather than in the first compile.
        let machine = session.host_machine()?;
        session.lock_machines().push(machine);
        Ok(session)
    }

    /// Defines absolute symbols (Rust `extern "C"` helpers) in the main
    /// JITDylib. Each name may be defined at most once per session: a
    /// duplicate, in `syms` or with an earlier call, is an error and then
    /// nothing from `syms` is defined.
    pub fn define_symbols(&self, syms: &[(&str, usize)]) -> Result<(), String> {
        let mut state = self.lock_link();
        let mut batch = HashSet::new();
        let mut names = Vec::with_capacity(syms.len());
        for &(name, _) in syms {
            if state.defined.contains(name) || !batch.insert(name) {
                return Err(format!("symbol `{name}` is already defined"));
            }
            names.push(CString::new(name).map_err(|_| format!("symbol `{name}` contains NUL"))?);
        }
        if syms.is_empty() {
            return Ok(());
        }
        let flags = LLVMJITSymbolGenericFlags::LLVMJITSymbolGenericFlagsExported as u8
            | LLVMJITSymbolGenericFlags::LLVMJITSymbolGenericFlagsCallable as u8;
        let mut pairs: Vec<LLVMOrcCSymbolMapPair> = names
            .iter()
            .zip(syms)
            .map(|(cname, &(_, addr))| LLVMOrcCSymbolMapPair {
                // SAFETY: the JIT is alive, we hold the link lock and `cname`
                // is NUL-terminated. The returned entry is retained for us and
                // its reference passes to `LLVMOrcAbsoluteSymbols` below.
                Name: unsafe { LLVMOrcLLJITMangleAndIntern(self.jit, cname.as_ptr()) },
                Sym: LLVMJITEvaluatedSymbol {
                    Address: addr as u64,
                    Flags: LLVMJITSymbolFlags {
                        GenericFlags: flags,
                        TargetFlags: 0,
                    },
                },
            })
            .collect();
        // SAFETY: `pairs` holds `pairs.len()` initialised elements whose names
        // were retained for this call, which takes them over; the array itself
        // stays ours. The JITDylib is alive and we hold the link lock. On
        // failure the materialization unit is still ours to dispose.
        unsafe {
            let unit = LLVMOrcAbsoluteSymbols(pairs.as_mut_ptr(), pairs.len());
            let err = LLVMOrcJITDylibDefine(self.main_jd, unit);
            if !err.is_null() {
                LLVMOrcDisposeMaterializationUnit(unit);
                return Err(format!("defining symbols: {}", take_error(err)));
            }
        }
        state
            .defined
            .extend(syms.iter().map(|&(name, _)| name.to_owned()));
        Ok(())
    }

    /// Builds a module with `build` in a fresh thread-safe context, captures
    /// its textual IR before and after optimisation if `want_ir`, runs the
    /// `opt` pipeline, emits an object with a pooled target machine, adds
    /// the object to the main JITDylib under a new resource tracker and
    /// looks up `entry`, the name of a function that `build` defined (names
    /// must be unique per session).
    ///
    /// Several threads may compile at once: building and optimising run in
    /// parallel (code generation too), adding and looking up (linking) are
    /// serialised.
    pub fn compile(
        &self,
        name: &str,
        entry: &str,
        opt: OptLevel,
        want_ir: bool,
        build: &BuildFn<'_>,
    ) -> Result<Compiled, String> {
        let entry_c = CString::new(entry).map_err(|_| format!("entry `{entry}` contains NUL"))?;
        let triple = TargetTriple::create(&self.triple);
        let layout = TargetData::create(&self.data_layout);
        let context = ThreadSafeContext::new()?;
        let ctx = context.context();
        let t0 = std::time::Instant::now();
        // Optimised and turned into an object here with a pooled target
        // machine: through ORC's IR layer, each compile made a target
        // machine of its own (its concurrent compiler), a fixed cost that
        // was most of a small function's compile.
        let (object, ir, ir_opt, t1) = {
            let machine = self.take_machine()?;
            let built =
                build_optimised(&ctx, name, &triple, &layout, &machine, opt, want_ir, build)
                    .and_then(|(module, ir, ir_opt)| {
                        let t1 = t0.elapsed();
                        let object = machine
                            .write_to_memory_buffer(&module, FileType::Object)
                            .map_err(|e| format!("emitting `{name}`: {e}"))?;
                        Ok((object, ir, ir_opt, t1))
                    });
            self.lock_machines().push(machine);
            built?
        };
        drop(context);

        let _guard = self.lock_link();
        // SAFETY: the JITDylib is alive and we hold the link lock. The new
        // tracker is released on every error path below, or handed to the
        // returned `Compiled`.
        let tracker = unsafe { LLVMOrcJITDylibCreateResourceTracker(self.main_jd) };
        let object_ref = object.as_mut_ptr();
        // The add below owns the buffer from here on.
        std::mem::forget(object);
        // SAFETY: the JIT and `tracker` are alive; the add takes over the
        // object buffer whether it succeeds or not.
        let err = unsafe { LLVMOrcLLJITAddObjectFileWithRT(self.jit, tracker, object_ref) };
        if !err.is_null() {
            // SAFETY: `err` is owned; `tracker` is ours and used no more.
            let message = unsafe { take_error(err) };
            // SAFETY: as above.
            let _ = unsafe { remove_tracker(tracker) };
            return Err(format!("adding `{name}`: {message}"));
        }

        let reported_before = self.lock_errors().len();
        self.shared().code_bytes.store(0, Ordering::Relaxed);
        let mut addr = 0u64;
        // SAFETY: the JIT is alive, we hold the link lock, `addr` is a valid
        // out-pointer and `entry_c` is NUL-terminated. ORC compiles and links
        // the module in this thread.
        let err = unsafe { LLVMOrcLLJITLookup(self.jit, &mut addr, entry_c.as_ptr()) };
        if !err.is_null() || addr == 0 {
            let mut message = if err.is_null() {
                format!("`{entry}` resolved to address 0")
            } else {
                // SAFETY: `err` is owned.
                unsafe { take_error(err) }
            };
            let reported = self
                .lock_errors()
                .get(reported_before..)
                .unwrap_or("")
                .trim_end()
                .to_owned();
            if !reported.is_empty() {
                message = format!("{message}\n{reported}");
            }
            // SAFETY: `tracker` is ours and used no more; the lock is held.
            let _ = unsafe { remove_tracker(tracker) };
            return Err(format!("looking up `{entry}` in `{name}`: {message}"));
        }
        Ok(Compiled {
            addr: addr as usize,
            opt_ms: t1.as_secs_f64() * 1e3,
            codegen_ms: (t0.elapsed() - t1).as_secs_f64() * 1e3,
            ir,
            ir_opt,
            code_bytes: self.shared().code_bytes.load(Ordering::Relaxed) as usize,
            tracker: Tracker(tracker),
            owner: self.jit as usize,
        })
    }

    /// An ELF relocatable object for `triple` (e.g.
    /// `"aarch64-unknown-linux-gnu"` or the host triple) holding the module
    /// built by `build` and optimised with `opt`. No JIT is involved. The
    /// object targets the triple's generic CPU and is position independent.
    pub fn emit_object(
        triple: &str,
        opt: OptLevel,
        build: &BuildFn<'_>,
    ) -> Result<Vec<u8>, String> {
        init_targets()?;
        let triple = TargetTriple::create(triple);
        let target = Target::from_triple(&triple).map_err(|e| format!("target {triple}: {e}"))?;
        let machine = target
            .create_target_machine(
                &triple,
                "generic",
                "",
                OptimizationLevel::Default,
                RelocMode::PIC,
                CodeModel::Default,
            )
            .ok_or_else(|| format!("no target machine for {triple}"))?;
        let layout = machine.get_target_data();
        let context = ThreadSafeContext::new()?;
        let ctx = context.context();
        let (module, _, _) = build_optimised(
            &ctx, "object", &triple, &layout, &machine, opt, false, build,
        )?;
        let buffer = machine
            .write_to_memory_buffer(&module, FileType::Object)
            .map_err(|e| format!("emitting an object for {triple}: {e}"))?;
        Ok(buffer.as_slice().to_vec())
    }

    /// Takes the messages ORC's error reporter sent since the last call, one
    /// per line.
    pub fn take_errors(&self) -> String {
        std::mem::take(&mut *self.lock_errors())
    }

    /// The target triple of the JIT.
    pub fn triple(&self) -> &str {
        &self.triple
    }

    fn shared(&self) -> &Shared {
        // SAFETY: `shared` is valid from `new` until `drop` (invariant 4).
        unsafe { &*self.shared }
    }

    fn lock_link(&self) -> MutexGuard<'_, LinkState> {
        self.link.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn lock_machines(&self) -> MutexGuard<'_, Vec<TargetMachine>> {
        self.machines.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn lock_errors(&self) -> MutexGuard<'_, String> {
        self.shared()
            .errors
            .lock()
            .unwrap_or_else(|e| e.into_inner())
    }

    fn report(&self, message: &str) {
        let mut errors = self.lock_errors();
        errors.push_str(message);
        errors.push('\n');
    }

    /// A pooled host target machine, or a new one if all are in use.
    fn take_machine(&self) -> Result<TargetMachine, String> {
        let pooled = self.lock_machines().pop();
        match pooled {
            Some(machine) => Ok(machine),
            None => self.host_machine(),
        }
    }

    /// A target machine that describes the JIT's target to the optimiser.
    /// The C API cannot turn LLJIT's `JITTargetMachineBuilder` into one, so
    /// it is made from the same triple, CPU name and features.
    fn host_machine(&self) -> Result<TargetMachine, String> {
        let triple = TargetTriple::create(&self.triple);
        let target =
            Target::from_triple(&triple).map_err(|e| format!("target {}: {e}", self.triple))?;
        target
            .create_target_machine(
                &triple,
                &self.cpu,
                &self.features,
                CODEGEN_LEVEL,
                // Position independent: the code's constant tables are
                // reached RIP-relative (JIT memory may lie anywhere, so a
                // static model's 32-bit absolute addresses of data do not
                // fit); calls to helpers go through JITLink's stubs.
                RelocMode::PIC,
                // As the JIT's own target machine (see `new`).
                CodeModel::Small,
            )
            .ok_or_else(|| format!("no target machine for {}", self.triple))
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        // SAFETY: `jit` is alive and `&mut self` means no other call is in
        // flight. The callbacks' `shared` block is freed only afterwards.
        let err = unsafe { LLVMOrcDisposeLLJIT(self.jit) };
        if !err.is_null() {
            // SAFETY: `err` is owned. Nobody can read the message any more.
            drop(unsafe { take_error(err) });
        }
        // SAFETY: `shared` came from `Box::into_raw` in `new`, and the JIT
        // that could call back into it is gone.
        drop(unsafe { Box::from_raw(self.shared as *mut Shared) });
    }
}

/// Initialises the host target and every target `emit_object` supports,
/// once per process.
fn init_targets() -> Result<(), String> {
    static INIT: OnceLock<Result<(), String>> = OnceLock::new();
    INIT.get_or_init(|| {
        let config = InitializationConfig::default();
        Target::initialize_native(&config)?;
        Target::initialize_x86(&config);
        Target::initialize_aarch64(&config);
        Ok(())
    })
    .clone()
}

/// Creates a module in `ctx` for `triple`, fills it with `build`, verifies
/// it and runs the `opt` pipeline. Returns the module and, if `want_ir`, its
/// text before and after the pipeline.
fn build_optimised<'ctx>(
    ctx: &ContextRef<'ctx>,
    name: &str,
    triple: &TargetTriple,
    layout: &TargetData,
    machine: &TargetMachine,
    opt: OptLevel,
    want_ir: bool,
    build: &BuildFn<'_>,
) -> Result<(Module<'ctx>, Option<String>, Option<String>), String> {
    let module = ctx.create_module(name);
    module.set_triple(triple);
    module.set_data_layout(&layout.get_data_layout());
    build(ctx, &module)?;
    module
        .verify()
        .map_err(|e| format!("module `{name}` is invalid: {}", e.to_string().trim_end()))?;
    let ir = want_ir.then(|| module.print_to_string().to_string());
    run_pipeline(&module, opt, machine).map_err(|e| format!("optimising `{name}`: {e}"))?;
    let ir_opt = want_ir.then(|| module.print_to_string().to_string());
    Ok((module, ir, ir_opt))
}

/// Runs the new pass manager's pipeline for `opt` over `module`.
///
/// Written against llvm-sys rather than inkwell's `Module::run_passes`,
/// which frees the error message with the wrong deallocator.
fn run_pipeline(module: &Module<'_>, opt: OptLevel, machine: &TargetMachine) -> Result<(), String> {
    let pipeline = CString::new(opt.pipeline()).expect("pipeline names have no NUL");
    // SAFETY: the module and target machine are alive and not used by any
    // other thread (invariants 2 and 3); the options are created, used and
    // disposed here; the error, if any, is owned and consumed.
    unsafe {
        let options = LLVMCreatePassBuilderOptions();
        let err = LLVMRunPasses(
            module.as_mut_ptr(),
            pipeline.as_ptr(),
            machine.as_mut_ptr(),
            options,
        );
        LLVMDisposePassBuilderOptions(options);
        if err.is_null() {
            Ok(())
        } else {
            Err(take_error(err))
        }
    }
}

/// An owned ORC thread-safe context, disposed on drop. Modules created
/// through [`ThreadSafeContext::context`] borrow it, so they are dropped
/// before it is disposed.
struct ThreadSafeContext(LLVMOrcThreadSafeContextRef);

impl ThreadSafeContext {
    fn new() -> Result<ThreadSafeContext, String> {
        // SAFETY: no preconditions; the result is owned by the new value.
        let raw = unsafe { LLVMOrcCreateNewThreadSafeContext() };
        if raw.is_null() {
            return Err("LLVM could not create a thread-safe context".to_owned());
        }
        Ok(ThreadSafeContext(raw))
    }

    /// The wrapped LLVM context, for as long as `self` is borrowed.
    fn context(&self) -> ContextRef<'_> {
        // SAFETY: the LLVM context belongs to the thread-safe context, which
        // outlives the returned value by the borrow; a `ContextRef` never
        // disposes the context it refers to.
        unsafe { ContextRef::new(LLVMOrcThreadSafeContextGetContext(self.0)) }
    }
}

impl Drop for ThreadSafeContext {
    fn drop(&mut self) {
        // SAFETY: `self.0` is owned; thread-safe modules made from it keep
        // their own reference to the underlying context.
        unsafe { LLVMOrcDisposeThreadSafeContext(self.0) }
    }
}

/// Removes everything `tracker` tracks and releases our reference to it.
///
/// # Safety
/// `tracker` is a live tracker reference owned by the caller, its session's
/// JIT is alive and the caller holds that session's link lock. The reference
/// must not be used afterwards.
unsafe fn remove_tracker(tracker: LLVMOrcResourceTrackerRef) -> Result<(), String> {
    // SAFETY: guaranteed by the caller.
    let err = unsafe { LLVMOrcResourceTrackerRemove(tracker) };
    // SAFETY: guaranteed by the caller; this is the caller's one reference.
    unsafe { LLVMOrcReleaseResourceTracker(tracker) };
    if err.is_null() {
        Ok(())
    } else {
        // SAFETY: `err` is owned.
        Err(unsafe { take_error(err) })
    }
}

/// The message of an LLVM error, consuming the error.
///
/// # Safety
/// `err` is null or an error owned by the caller, not used afterwards.
unsafe fn take_error(err: LLVMErrorRef) -> String {
    if err.is_null() {
        return "unknown error".to_owned();
    }
    // SAFETY: `err` is owned; getting its message consumes it, and the
    // message is freed with the matching function once copied.
    unsafe {
        let message = LLVMGetErrorMessage(err);
        let text = cstr_to_string(message);
        LLVMDisposeErrorMessage(message);
        text
    }
}

/// Copies a C string, or gives "" for null.
///
/// # Safety
/// `s` is null or points to a NUL-terminated string valid for this call.
unsafe fn cstr_to_string(s: *const c_char) -> String {
    if s.is_null() {
        return String::new();
    }
    // SAFETY: guaranteed by the caller.
    unsafe { CStr::from_ptr(s) }.to_string_lossy().into_owned()
}

/// ORC's error reporter: appends the message to the session's error text.
extern "C" fn report_error(ctx: *mut c_void, err: LLVMErrorRef) {
    // SAFETY: `ctx` is the session's `Shared`, alive for as long as the JIT
    // that calls this (invariant 4); ORC hands us ownership of `err`.
    let (shared, message) = unsafe { (&*(ctx as *const Shared), take_error(err)) };
    let mut errors = shared.errors.lock().unwrap_or_else(|e| e.into_inner());
    errors.push_str(&message);
    errors.push('\n');
}

/// ORC's object transform: leaves the object unchanged and adds the size of
/// its code to `Shared::code_bytes`.
extern "C" fn measure_object(ctx: *mut c_void, object: *mut LLVMMemoryBufferRef) -> LLVMErrorRef {
    // SAFETY: `ctx` is the session's `Shared` (invariant 4); `object` points
    // to the buffer ORC is about to link, which we only read.
    let (shared, bytes) = unsafe { (&*(ctx as *const Shared), text_bytes(*object)) };
    shared.code_bytes.fetch_add(bytes, Ordering::Relaxed);
    ptr::null_mut()
}

/// Sums the sizes of the symbols defined in the `.text*` sections of the
/// object in `buffer`; 0 if it is not an object file LLVM can read.
///
/// # Safety
/// `buffer` is a live memory buffer that stays alive during the call.
unsafe fn text_bytes(buffer: LLVMMemoryBufferRef) -> u64 {
    let mut message = ptr::null_mut();
    // SAFETY: `buffer` is live (caller); no context is needed for object
    // files; the binary borrows the buffer and is disposed below.
    let binary = unsafe { LLVMCreateBinary(buffer, ptr::null_mut(), &mut message) };
    if binary.is_null() {
        if !message.is_null() {
            // SAFETY: the message was allocated by LLVM for us.
            unsafe { llvm_sys::core::LLVMDisposeMessage(message) };
        }
        return 0;
    }
    // SAFETY: `binary` is live.
    let kind = unsafe { LLVMBinaryGetType(binary) };
    let is_object = matches!(
        kind,
        LLVMBinaryType::LLVMBinaryTypeELF32L
            | LLVMBinaryType::LLVMBinaryTypeELF32B
            | LLVMBinaryType::LLVMBinaryTypeELF64L
            | LLVMBinaryType::LLVMBinaryTypeELF64B
            | LLVMBinaryType::LLVMBinaryTypeMachO32L
            | LLVMBinaryType::LLVMBinaryTypeMachO32B
            | LLVMBinaryType::LLVMBinaryTypeMachO64L
            | LLVMBinaryType::LLVMBinaryTypeMachO64B
            | LLVMBinaryType::LLVMBinaryTypeCOFF
    );
    let mut total = 0;
    if is_object {
        // SAFETY: `binary` is an object file, which the iterator functions
        // require; the iterators are disposed before the binary, and the
        // section names point into the buffer, which outlives this loop.
        unsafe {
            let symbols = LLVMObjectFileCopySymbolIterator(binary);
            let section = LLVMObjectFileCopySectionIterator(binary);
            while LLVMObjectFileIsSymbolIteratorAtEnd(binary, symbols) == 0 {
                LLVMMoveToContainingSection(section, symbols);
                if LLVMObjectFileIsSectionIteratorAtEnd(binary, section) == 0 {
                    let name = LLVMGetSectionName(section);
                    if !name.is_null() && CStr::from_ptr(name).to_bytes().starts_with(b".text") {
                        total += LLVMGetSymbolSize(symbols);
                    }
                }
                LLVMMoveToNextSymbol(symbols);
            }
            LLVMDisposeSectionIterator(section);
            LLVMDisposeSymbolIterator(symbols);
        }
    }
    // SAFETY: `binary` is live and no iterator refers to it any more.
    unsafe { LLVMDisposeBinary(binary) };
    total
}
