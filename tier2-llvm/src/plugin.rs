//! The LLVM half of tier 2 lives in a plugin, `libtier2_codegen.so`
//! (crate `tier2-codegen`, folder `tier2-llvm/codegen`), opened with
//! `dlopen` at the first compile. Linking LLVM into `strata` made every
//! process map ~33 MB of LLVM's pages at start-up (its static constructors
//! run at load), so a run that never compiles paid for LLVM; with the
//! plugin it does not even load it.
//!
//! The boundary: the host (this crate, in `strata`) builds the snapshot
//! and the MIR on its worker threads and hands the plugin a [`Job`]; the
//! plugin lowers it to LLVM IR, compiles it through ORC and returns a
//! [`Unit`]. Everything crossing is plain data of this crate's types. The
//! plugin links its own copy of this crate and of `runtime`, so it must
//! never use their statics or heap: whatever compiled code needs from the
//! running process (helper addresses, counters, object layout) comes in
//! the job from the host.
//!
//! Invariants:
//! 1. Both sides compile the types that cross from the same sources with
//!    the same compiler: the plugin's build id (a hash of this crate's and
//!    `runtime`'s sources and the compiler version, `build.rs`) must equal
//!    the host's, checked through a C-ABI symbol before anything else is
//!    read from the plugin.
//! 2. No panic crosses the boundary (each side has its own unwinder state):
//!    the plugin's entry points catch their panics and return `Err`.
//! 3. The plugin is never unloaded: installed code lives in its ORC session.
//! 4. Memory allocated by one side and freed by the other (the strings in
//!    results) goes through `malloc`/`free` on both sides, so it is sound;
//!    it skews the allocating thread's byte count of
//!    `runtime::gc::malloc_count` by those few bytes, as any cross-thread
//!    free already does.

use crate::layout::{Layout, OptLevel, Stress};
use crate::mir::Region;
use std::ffi::{c_char, c_void, CStr};
use std::path::PathBuf;
use std::sync::OnceLock;

/// The id both sides must share (invariant 1).
pub const BUILD_ID: &str = env!("STRATA_T2_BUILD_ID");
/// `BUILD_ID` NUL-terminated, for the C-ABI symbol.
pub const BUILD_ID_C: &str = concat!(env!("STRATA_T2_BUILD_ID"), "\0");

/// The plugin's C-ABI symbol returning its build id (a C string).
pub const BUILD_ID_SYMBOL: &[u8] = b"strata_tier2_codegen_build_id\0";
/// The plugin's C-ABI symbol returning its `&'static CodegenApi`.
pub const API_SYMBOL: &[u8] = b"strata_tier2_codegen_api\0";
/// The plugin's file name, looked for beside the executable.
pub const FILE_NAME: &str = "libtier2_codegen.so";
/// Environment variable naming the plugin's path instead.
pub const PATH_VAR: &str = "STRATA_TIER2_CODEGEN";

/// One region to compile.
pub struct Job<'a> {
    pub region: &'a Region,
    /// The entry symbol (unique in the session).
    pub name: &'a str,
    /// The unit number the code passes to its exit and OSR helpers.
    pub unit: u64,
    pub layout: &'a Layout,
    pub stress: Stress,
    pub opt: OptLevel,
    /// Return the IR before optimisation (`--dump=llvm-ir`).
    pub want_ir: bool,
}

/// A compiled region, installed in the plugin's session until freed.
#[derive(Debug)]
pub struct Unit {
    /// Address of the entry function.
    pub addr: usize,
    /// Bytes of machine code.
    pub code_bytes: usize,
    /// IR before optimisation, if asked for.
    pub ir: Option<String>,
    /// Milliseconds building and optimising the IR, and generating and
    /// linking the machine code.
    pub opt_ms: f64,
    pub codegen_ms: f64,
    /// Names the unit in `CodegenApi::free`.
    pub handle: u64,
}

/// The plugin's entry points (Rust ABI: both sides are one build,
/// invariant 1).
pub struct CodegenApi {
    /// Initialises LLVM and the session, binding `symbols` (the helpers)
    /// as absolute symbols. Idempotent; the first call's symbols stay.
    pub start: fn(symbols: &[(&'static str, usize)]) -> Result<(), String>,
    /// Whether `start` succeeded.
    pub started: fn() -> bool,
    /// Compiles and links one region (thread-safe; `start` first).
    pub compile: fn(job: &Job<'_>) -> Result<Unit, String>,
    /// Frees a unit's machine code. No frame may be running it.
    pub free: fn(handle: u64),
    /// An AArch64 ELF object for the region, entry symbol `name`, told
    /// unit number `unit` (`--emit-aarch64`).
    pub emit_aarch64: fn(region: &Region, name: &str, unit: u64) -> Result<Vec<u8>, String>,
}

/// Runs `f`, turning a panic into the error "the compiler panicked: …"
/// (on the host, around a compile; in the plugin, around each entry point:
/// invariant 2).
pub fn caught<T>(f: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).unwrap_or_else(|p| {
        let msg = p
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_else(|| "unknown panic".into());
        Err(format!("the compiler panicked: {msg}"))
    })
}

static API: OnceLock<Result<&'static CodegenApi, String>> = OnceLock::new();

/// The plugin, loaded on first use (never before: invariant of `tier`).
pub fn codegen() -> Result<&'static CodegenApi, String> {
    API.get_or_init(load).clone()
}

/// The plugin loaded and LLVM started, with the host's helpers bound.
pub fn started() -> Result<&'static CodegenApi, String> {
    let api = codegen()?;
    (api.start)(&crate::helpers::symbols())?;
    Ok(api)
}

/// The plugin if it was loaded and its LLVM session started (without
/// loading anything).
pub fn if_started() -> Option<&'static CodegenApi> {
    match API.get() {
        Some(Ok(api)) if (api.started)() => Some(api),
        _ => None,
    }
}

/// Where the plugin may be: `$STRATA_TIER2_CODEGEN` alone if set, else
/// beside the executable, in `deps/` beside it (where `cargo test` leaves
/// the fresh build: it updates the copy beside the executable only on
/// `cargo build`), and one directory up (test binaries run from
/// `target/<profile>/deps`). The first whose build id matches is used.
pub fn candidates() -> Result<Vec<PathBuf>, String> {
    if let Some(p) = std::env::var_os(PATH_VAR) {
        return Ok(vec![PathBuf::from(p)]);
    }
    let exe = std::env::current_exe().map_err(|e| format!("cannot locate the executable: {e}"))?;
    let dir = exe.parent().ok_or("the executable has no directory")?;
    let mut out = vec![dir.join(FILE_NAME), dir.join("deps").join(FILE_NAME)];
    if let Some(up) = dir.parent() {
        out.push(up.join(FILE_NAME));
    }
    Ok(out)
}

fn load() -> Result<&'static CodegenApi, String> {
    let mut first_error = None;
    for path in candidates()? {
        if !path.exists() && first_error.is_some() {
            continue;
        }
        match load_from(&path) {
            Ok(api) => return Ok(api),
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    Err(first_error.unwrap_or_else(|| "no tier-2 code generator found".into()))
}

fn load_from(path: &std::path::Path) -> Result<&'static CodegenApi, String> {
    let fail = |why: String| {
        format!(
            "the tier-2 code generator {} could not be loaded: {why} (build it with `cargo build --release -p tier2-codegen`, or set {PATH_VAR})",
            path.display()
        )
    };
    if !path.exists() {
        return Err(fail("no such file".into()));
    }
    // SAFETY: loading runs the library's initialisers; the plugin is our
    // own build of `tier2-codegen` (its initialisers are LLVM's static
    // constructors, which only register options and passes). A foreign
    // file at this path is refused below before any of its Rust code runs.
    let lib = unsafe { libloading::Library::new(path) }.map_err(|e| fail(e.to_string()))?;
    // SAFETY: the symbol's type is the one the plugin defines
    // (`tier2_codegen::api`): a C function without arguments returning a
    // pointer to a NUL-terminated static string.
    let id = unsafe {
        let f = lib
            .get::<extern "C" fn() -> *const c_char>(BUILD_ID_SYMBOL)
            .map_err(|e| fail(format!("not a Strata code generator: {e}")))?;
        CStr::from_ptr(f()).to_string_lossy().into_owned()
    };
    if id != BUILD_ID {
        return Err(fail(format!(
            "it was built from other sources (build id {id}, this binary's {BUILD_ID})"
        )));
    }
    // SAFETY: the build ids match, so the plugin was compiled from these
    // sources: the symbol returns a pointer to a `static CodegenApi` of
    // this very type, alive as long as the library, which is never
    // unloaded (invariant 3: `lib` is forgotten below).
    let api: &'static CodegenApi = unsafe {
        let f = lib
            .get::<extern "C" fn() -> *const c_void>(API_SYMBOL)
            .map_err(|e| fail(e.to_string()))?;
        &*(f() as *const CodegenApi)
    };
    std::mem::forget(lib);
    Ok(api)
}
