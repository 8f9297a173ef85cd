//! The plugin's entry points (`tier2_llvm::plugin` states the contract):
//! one ORC session per process, started by the host with its helpers, and
//! a table of the units compiled in it so the host can free them by
//! handle.

use crate::orc::{Compiled, Session};
use std::collections::HashMap;
use std::ffi::{c_char, c_void};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, OnceLock};
use tier2_llvm::mir::Region;
use tier2_llvm::plugin::{caught, CodegenApi, Job, Unit, BUILD_ID_C};

static API: CodegenApi = CodegenApi {
    start,
    started,
    compile,
    free,
    emit_aarch64,
};

/// The build id, for the host to compare with its own before it reads
/// anything else.
#[no_mangle]
pub extern "C" fn strata_tier2_codegen_build_id() -> *const c_char {
    BUILD_ID_C.as_ptr() as *const c_char
}

/// `&'static CodegenApi`, as an untyped pointer (the host casts it back
/// once the build ids agree).
#[no_mangle]
pub extern "C" fn strata_tier2_codegen_api() -> *const c_void {
    &API as *const CodegenApi as *const c_void
}

/// The process's session, made by the first `start`.
static SESSION: OnceLock<Result<Session, String>> = OnceLock::new();
/// Units compiled and not yet freed, by handle.
static UNITS: Mutex<Option<HashMap<u64, Compiled>>> = Mutex::new(None);
static NEXT_HANDLE: AtomicU64 = AtomicU64::new(1);

fn session() -> Result<&'static Session, String> {
    match SESSION.get() {
        Some(Ok(s)) => Ok(s),
        Some(Err(e)) => Err(e.clone()),
        None => Err("the code generator was not started".into()),
    }
}

fn start(symbols: &[(&'static str, usize)]) -> Result<(), String> {
    caught(|| {
        SESSION
            .get_or_init(|| {
                let s = Session::new()?;
                s.define_symbols(symbols)?;
                Ok(s)
            })
            .as_ref()
            .map(|_| ())
            .map_err(|e| e.clone())
    })
}

fn started() -> bool {
    matches!(SESSION.get(), Some(Ok(_)))
}

fn compile(job: &Job<'_>) -> Result<Unit, String> {
    caught(|| {
        let s = session()?;
        let compiled = s.compile(job.name, job.name, job.opt, job.want_ir, &|ctx, module| {
            crate::lower::lower(
                ctx, module, job.region, job.name, job.unit, job.layout, job.stress,
            )
        })?;
        let handle = NEXT_HANDLE.fetch_add(1, Ordering::Relaxed);
        let unit = Unit {
            addr: compiled.addr,
            code_bytes: compiled.code_bytes,
            ir: compiled.ir.clone(),
            opt_ms: compiled.opt_ms,
            codegen_ms: compiled.codegen_ms,
            handle,
        };
        let mut units = UNITS.lock().unwrap_or_else(|e| e.into_inner());
        units
            .get_or_insert_with(HashMap::new)
            .insert(handle, compiled);
        Ok(unit)
    })
}

fn free(handle: u64) {
    let _ = caught(|| {
        let compiled = UNITS
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .as_mut()
            .and_then(|u| u.remove(&handle));
        if let (Some(c), Ok(s)) = (compiled, session()) {
            c.free(s);
        }
        Ok(())
    });
}

fn emit_aarch64(region: &Region, name: &str, unit: u64) -> Result<Vec<u8>, String> {
    caught(|| crate::aarch64::emit_region_unit(region, name, unit))
}
