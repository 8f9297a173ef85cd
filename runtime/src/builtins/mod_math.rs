//! The `math` module.

use crate::thread::Thread;
use crate::value::Value;
use crate::PyResult;

/// Creates the module; `Ok(None)` while it is not implemented (imports are
/// then refused as unsupported).
pub fn make(t: &mut Thread) -> PyResult<Option<Value>> {
    let _ = t;
    Ok(None)
}
