//! Python 3.11 numeric semantics as pure functions over primitive Rust types.
//!
//! Nothing here knows about VM values: callers convert their objects to
//! [`Int`], `f64`, `&str` and map [`NumError`] to the matching Python
//! exception (`ZeroDivisionError`, `OverflowError`, `ValueError`; an
//! `Unsupported` error means CPython would produce a value Strata cannot
//! represent, e.g. a complex number). Every message is CPython 3.11's text.
//!
//! Public API (all re-exported here):
//!
//! * `int.rs` — [`Int`] (`Small(i64)` / `Big(BigInt)`, always normalised:
//!   `Int::normalize`, `Int::to_bigint`, `Int::as_i64`, `From` impls, `Ord`,
//!   `Display`, `is_zero`, `is_negative`, `signum`, `big`), [`Num`],
//!   `MAX_INT_BITS`, and `int_add`, `int_sub`, `int_mul`,
//!   `int_floordiv`, `int_mod`, `int_divmod`, `int_truediv`, `int_pow`
//!   (negative exponent gives [`Num::Float`]), `int_pow_mod` (3-arg pow),
//!   `int_neg`, `int_abs`, `int_invert`, `int_lshift`, `int_rshift`,
//!   `int_and`, `int_or`, `int_xor`, `int_cmp`, `int_bit_length`,
//!   `int_to_f64`.
//! * `float.rs` — `float_div`, `float_floordiv`, `float_mod`,
//!   `float_divmod`, `float_pow`, `cmp_int_f64` (exact), `eq_int_f64`,
//!   `f64_to_int` (truncating), `float_is_integer`.
//! * `float_repr.rs` — `float_repr` (repr/str of a float) and
//!   `double_to_string` (CPython's `PyOS_double_to_string`: codes
//!   `e E f F g G r`, flags [`DtoaFlags`]).
//! * `round.rs` — `round_f64` (`round(x)` / `round(x, n)`),
//!   `round_f64_to_int`, `round_f64_ndigits`, `round_int`.
//! * `hash.rs` — `hash_int`, `hash_f64` (`None` for NaN: hashed by
//!   identity), `hash_bool`, `hash_tuple`, `hash_frozenset`,
//!   `HASH_MODULUS`, `HASH_INF`.
//! * `parse.rs` — `parse_int(s, base)` (`int(str, base)`), `parse_float`
//!   (`float(str)`), `py_str_repr` (the simple repr used in messages),
//!   `is_py_space`, `unicode_digit_value`.
//! * `int_str.rs` — `int_to_str` (decimal, 4300-digit limit),
//!   `int_to_str_radix`, `int_hex`, `int_oct`, `int_bin`,
//!   `INT_MAX_STR_DIGITS`.
//! * `percent.rs` — `%`-formatting: `parse_percent_format`,
//!   `percent_segments` (lazy [`PercentSegments`], to reproduce CPython's
//!   error order), `PercentSegment`, `PercentSpec` (`validate`,
//!   `with_star_args`), `Count`, `percent_int`,
//!   `percent_float`, `percent_str`, `percent_char`, `pad_str`.
//! * `format_spec.rs` — format-spec mini-language: `parse_format_spec(spec,
//!   type_name)`, `FormatSpec`, `format_int`, `format_float`, `format_str`.
//!
//! Errors are [`NumError`] (`class_name()`, `message()`); [`NumResult`] is
//! the shorthand result type. Test vectors come from CPython 3.11 via
//! `testdata/gen_vectors.py`.
//!
//! Known gaps (documented at the functions): `int**int` or `<<` whose result
//! would need more than `MAX_INT_BITS` bits returns
//! `Overflow("too many digits in integer")` where CPython would raise
//! `MemoryError` (or take forever); `format(0xD800, 'c')` (a lone surrogate)
//! returns `Unsupported`; `py_str_repr` keeps unassigned code points that
//! Python would escape; `round(int, n)` with an absurdly negative `n` gives 0
//! where CPython would try to build `10**-n`.

mod float;
mod float_repr;
mod format_spec;
mod hash;
mod int;
mod int_str;
mod parse;
mod percent;
mod round;

pub use float::*;
pub use float_repr::*;
pub use format_spec::*;
pub use hash::*;
pub use int::*;
pub use int_str::*;
pub use parse::*;
pub use percent::*;
pub use round::*;

use std::fmt;

/// A failed numeric operation: the Python exception class and its message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NumError {
    /// `ZeroDivisionError`.
    ZeroDivision(&'static str),
    /// `OverflowError`.
    Overflow(&'static str),
    /// `ValueError`.
    Value(String),
    /// CPython would return a value Strata cannot represent (e.g. a complex
    /// number); the text names what is missing.
    Unsupported(&'static str),
}

impl NumError {
    /// The Python exception class name (`"Unsupported"` maps to nothing in
    /// Python; callers usually raise `NotImplementedError` or `TypeError`).
    pub fn class_name(&self) -> &'static str {
        match self {
            NumError::ZeroDivision(_) => "ZeroDivisionError",
            NumError::Overflow(_) => "OverflowError",
            NumError::Value(_) => "ValueError",
            NumError::Unsupported(_) => "Unsupported",
        }
    }

    /// The exception message, exactly as CPython prints it.
    pub fn message(&self) -> &str {
        match self {
            NumError::ZeroDivision(m) | NumError::Overflow(m) | NumError::Unsupported(m) => m,
            NumError::Value(m) => m,
        }
    }
}

impl fmt::Display for NumError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.class_name(), self.message())
    }
}

impl std::error::Error for NumError {}

/// Shorthand used throughout the module.
pub type NumResult<T> = Result<T, NumError>;

/// Test-only helpers shared by the submodules' vector tests.
#[cfg(test)]
pub(crate) mod testutil {
    /// Decode a lowercase hex string into UTF-8 text.
    pub fn unhex(s: &str) -> String {
        let bytes: Vec<u8> = (0..s.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
            .collect();
        String::from_utf8(bytes).unwrap()
    }

    /// Render a result the way the vector files do: the value, or
    /// `!Class: message` for an error.
    pub fn render<T, F: Fn(&T) -> String>(r: &super::NumResult<T>, f: F) -> String {
        match r {
            Ok(v) => f(v),
            Err(e) => format!("!{}: {}", e.class_name(), e.message()),
        }
    }
}
