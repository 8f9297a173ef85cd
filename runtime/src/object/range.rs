//! `range` and `slice` objects.

use crate::gc::Tracer;
use crate::value::Value;

/// A range with 128-bit bounds (wider ranges are refused as unsupported).
pub struct Range {
    pub start: i128,
    pub stop: i128,
    pub step: i128,
}

impl Range {
    /// Number of elements, as Python computes it.
    pub fn len(&self) -> i128 {
        let (lo, hi, step) = (self.start, self.stop, self.step);

        if step > 0 && lo < hi {
            (hi - lo - 1) / step + 1
        } else if step < 0 && lo > hi {
            (lo - hi - 1) / (-step) + 1
        } else {
            0
        }
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// The `i`-th element (`0 <= i < len`).
    pub fn item(&self, i: i128) -> i128 {
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
