//! `format()`, f-string fields, `str.format` and `%`-formatting of values,
//! driving the pure formatting code in `crate::num`.

use crate::ops;
use crate::thread::Thread;
use crate::value::Value;
use crate::PyResult;

/// `format(v, spec)`.
pub fn format(t: &mut Thread, v: Value, spec: &str) -> PyResult<Value> {
    if spec.is_empty() {
        return ops::str_(t, v);
    }
    Err(t.unsupported("format specifications (not yet)"))
}

/// `fmt % args`.
pub fn percent_format(t: &mut Thread, _fmt: Value, _args: Value) -> PyResult<Value> {
    Err(t.unsupported("%-formatting (not yet)"))
}
