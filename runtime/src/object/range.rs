//! `range` and `slice` objects.

use crate::gc::Tracer;
use crate::value::Value;

/// A range with 64-bit bounds (wider ranges are refused as unsupported).
pub struct Range {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

impl Range {
    /// Number of elements, as Python computes it.
    pub fn len(&self) -> i64 {
        let (lo, hi, step) = (self.start as i128, self.stop as i128, self.step as i128);
        let n = if step > 0 && lo < hi {
            (hi - lo - 1) / step + 1
        } else if step < 0 && lo > hi {
            (lo - hi - 1) / (-step) + 1
        } else {
            0
        };
        n.min(i64::MAX as i128) as i64
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// The `i`-th element (`0 <= i < len`).
    pub fn item(&self, i: i64) -> i64 {
        self.start + i * self.step
    }
    pub(crate) fn trace_fields(&self, _tr: &mut Tracer) {}
}

pub struct Slice {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}

impl Slice {
    pub(crate) fn trace_fields(&self, tr: &mut Tracer) {
        tr.values(&[self.start, self.stop, self.step]);
    }
}
