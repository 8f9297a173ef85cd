//! The `%` operator on `str` (`fmt % args`), as CPython 3.11's
//! `PyUnicode_Format`: argument fetching (a tuple supplies the values, a
//! mapping supplies `%(key)s`, anything else is one value), `*` widths and
//! precisions, the conversion of each value, and CPython's errors in its
//! order. Parsing and text layout are `crate::num::percent`'s.

use super::format::ascii_string;
use crate::gc::Gc;
use crate::num::{self, Count, Int, PercentSegment, PercentSpec};
use crate::object::*;
use crate::ops::{self, kind_of};
use crate::thread::Thread;
use crate::value::Value;
use crate::{PyResult, Raised};

/// CPython's argument cursor: `len`/`idx` are `arglen`/`argidx` (`-1`/`-2`
/// for a single value, which is then handed out once).
struct ArgCursor {
    whole: Value,
    tuple: Option<Gc<Tuple>>,
    len: isize,
    idx: isize,
}

impl ArgCursor {
    fn new(args: Value) -> ArgCursor {
        match ops::cast::<Tuple>(args) {
            Some(tu) => ArgCursor {
                whole: args,
                tuple: Some(tu),
                len: tu.len() as isize,
                idx: 0,
            },
            None => ArgCursor::single(args),
        }
    }

    fn single(v: Value) -> ArgCursor {
        ArgCursor {
            whole: v,
            tuple: None,
            len: -1,
            idx: -2,
        }
    }

    /// `unicode_format_getnextarg`.
    fn next(&mut self, t: &mut Thread) -> PyResult<Value> {
        if self.idx < self.len {
            let i = self.idx;
            self.idx += 1;
            return Ok(match self.tuple {
                Some(tu) if self.len >= 0 => tu.items[i as usize],
                _ => self.whole,
            });
        }
        Err(t.type_error("not enough arguments for format string"))
    }
}

/// `PyMapping_Check` for the values Strata has (str and tuple excluded by
/// the caller): dicts, lists, ranges and instances with `__getitem__`.
fn is_mapping(t: &Thread, v: Value) -> bool {
    match kind_of(v) {
        Some(Kind::Dict | Kind::List | Kind::Range) => true,
        Some(Kind::Instance) => {
            ops::as_list(v).is_some()
                || ops::as_dict(v).is_some()
                || t.class_of(v).lookup(t.names.getitem).is_some()
        }
        _ => false,
    }
}

/// `fmt % args`.
pub fn percent_format(t: &mut Thread, fmt: Value, args: Value) -> PyResult<Value> {
    let Some(f) = ops::as_str(fmt) else {
        let msg = format!(
            "unsupported operand type(s) for %: '{}' and '{}'",
            t.type_name(fmt),
            t.type_name(args)
        );
        return Err(t.type_error(&msg));
    };
    let tuple = ops::cast::<Tuple>(args).is_some();
    let dict = (!tuple && ops::as_str(args).is_none() && is_mapping(t, args)).then_some(args);
    let mut cur = ArgCursor::new(args);
    let mut out = String::with_capacity(f.as_str().len() + 16);
    for seg in num::percent_segments(f.as_str()) {
        let spec = match seg {
            Ok(PercentSegment::Literal(l)) => {
                out.push_str(&l);
                continue;
            }
            Ok(PercentSegment::Spec(s)) => s,
            Err(e) => {
                if dict.is_none() && e.message() == "incomplete format key" {
                    return Err(t.type_error("format requires a mapping"));
                }
                return Err(ops::int::num_err(t, e));
            }
        };
        if let Some(key) = &spec.key {
            let Some(d) = dict else {
                return Err(t.type_error("format requires a mapping"));
            };
            let k = t.new_str(key);
            let v = ops::getitem(t, d, k)?;
            cur = ArgCursor::single(v);
        }
        let width = match spec.width {
            Some(Count::Star) => {
                let w = cur.next(t)?;
                Some(star_arg(t, w, false)?)
            }
            _ => None,
        };
        let precision = match spec.precision {
            Some(Count::Star) => {
                let p = cur.next(t)?;
                Some(star_arg(t, p, true)?)
            }
            _ => None,
        };
        let v = cur.next(t)?;
        if let Err(e) = spec.validate() {
            return Err(ops::int::num_err(t, e));
        }
        let spec = spec.with_star_args(width, precision);
        convert(t, v, &spec, &mut out)?;
        if dict.is_some() && cur.idx < cur.len {
            return Err(t.type_error("not all arguments converted during string formatting"));
        }
    }
    if cur.idx < cur.len && dict.is_none() {
        return Err(t.type_error("not all arguments converted during string formatting"));
    }
    Ok(t.new_string(out))
}

/// A `*` width (C `ssize_t`) or precision (C `int`).
fn star_arg(t: &mut Thread, v: Value, precision: bool) -> PyResult<i64> {
    if !ops::int::is_int(v) {
        return Err(t.type_error("* wants int"));
    }
    match ops::int::to_i64(v) {
        Some(i) if !precision || i32::try_from(i).is_ok() => Ok(i),
        _ if precision => Err(t.overflow_error("Python int too large to convert to C int")),
        _ => Err(t.overflow_error("Python int too large to convert to C ssize_t")),
    }
}

/// Converts one value and appends it.
fn convert(t: &mut Thread, v: Value, spec: &PercentSpec, out: &mut String) -> PyResult<()> {
    let text = match spec.conv {
        's' => match ops::as_str(v) {
            Some(s) => num::percent_str(s.as_str(), spec),
            None => {
                let s = ops::str_string(t, v)?;
                num::percent_str(&s, spec)
            }
        },
        'r' => {
            let s = ops::repr_string(t, v)?;
            num::percent_str(&s, spec)
        }
        'a' => {
            let s = ascii_string(t, v)?;
            num::percent_str(&s, spec)
        }
        'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
            let i = int_operand(t, v, spec.conv)?;
            ops::int::check(t, num::percent_int(&i, spec))?
        }
        'c' => char_operand(t, v, spec)?,
        _ => {
            let x = float_operand(t, v)?;
            ops::int::check(t, num::percent_float(x, spec))?
        }
    };
    out.push_str(&text);
    Ok(())
}

/// Calls `__name__` of an instance's class if it has one.
fn call_special(t: &mut Thread, v: Value, name: Gc<Str>) -> PyResult<Option<Value>> {
    if kind_of(v) != Some(Kind::Instance) {
        return Ok(None);
    }
    ops::call::call_dunder(t, v, name, &[])
}

/// The integer for `%d %i %u` (ints, floats truncated, `__int__` or
/// `__index__`) and `%o %x %X` (ints and `__index__` only), as CPython's
/// `mainformatlong`: any TypeError becomes the "format: ... required" one.
fn int_operand(t: &mut Thread, v: Value, conv: char) -> PyResult<Int> {
    if let Some(i) = ops::int::to_int(v) {
        return Ok(i);
    }
    let integer_only = matches!(conv, 'o' | 'x' | 'X');
    if let Some(x) = v.as_float() {
        if !integer_only {
            return ops::int::check(t, num::f64_to_int(x));
        }
    } else if kind_of(v) == Some(Kind::Instance) {
        let cls = t.class_of(v);
        let n = &t.names;
        let is_number = [n.index, n.int_, n.float_]
            .iter()
            .any(|&m| cls.lookup(m).is_some());
        if is_number {
            let tries = if integer_only {
                vec![n.index]
            } else {
                vec![n.int_, n.index]
            };
            for name in tries {
                match call_special(t, v, name) {
                    Ok(Some(r)) => match ops::int::to_int(r) {
                        Some(i) => return Ok(i),
                        None => break,
                    },
                    Ok(None) => {}
                    Err(e) if !t.exc_is(t.classes.type_error) => return Err(e),
                    Err(_) => break,
                }
            }
        }
    }
    let what = if integer_only {
        "an integer"
    } else {
        "a real number"
    };
    let msg = format!("%{conv} format: {what} is required, not {}", t.type_name(v));
    Err(t.type_error(&msg))
}

/// The float for `%e %f %g ...`: CPython's `PyFloat_AsDouble`.
fn float_operand(t: &mut Thread, v: Value) -> PyResult<f64> {
    if let Some(x) = v.as_float() {
        return Ok(x);
    }
    if let Some(i) = ops::int::to_int(v) {
        return ops::int::check(t, num::int_to_f64(&i));
    }
    if let Some(r) = call_special(t, v, t.names.float_)? {
        return match r.as_float() {
            Some(x) => Ok(x),
            None => {
                let msg = format!(
                    "{}.__float__ returned non-float (type {})",
                    t.type_name(v),
                    t.type_name(r)
                );
                Err(t.type_error(&msg))
            }
        };
    }
    if let Some(r) = call_special(t, v, t.names.index)? {
        if let Some(i) = ops::int::to_int(r) {
            return ops::int::check(t, num::int_to_f64(&i));
        }
        let msg = format!("__index__ returned non-int (type {})", t.type_name(r));
        return Err(t.type_error(&msg));
    }
    let msg = format!("must be real number, not {}", t.type_name(v));
    Err(t.type_error(&msg))
}

/// `%c`: a one-character str, or an int (or `__index__`) code point.
fn char_operand(t: &mut Thread, v: Value, spec: &PercentSpec) -> PyResult<String> {
    let requires = |t: &mut Thread| -> Raised { t.type_error("%c requires int or char") };
    if let Some(s) = ops::as_str(v) {
        if s.len() != 1 {
            return Err(requires(t));
        }
        // CPython does not apply a precision to `%c`.
        let spec = PercentSpec {
            precision: None,
            ..spec.clone()
        };
        return Ok(num::percent_str(s.as_str(), &spec));
    }
    let i = match ops::int::to_int(v) {
        Some(i) => i,
        None => match call_special(t, v, t.names.index)? {
            Some(r) => match ops::int::to_int(r) {
                Some(i) => i,
                None => return Err(requires(t)),
            },
            None => return Err(requires(t)),
        },
    };
    ops::int::check(t, num::percent_char(&i, spec))
}
