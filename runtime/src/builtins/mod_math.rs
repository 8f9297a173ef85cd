//! The `math` module: CPython 3.11's functions and constants with its
//! argument conversions, special cases and error messages. The float
//! algorithms live in `mod_math_float.rs`, the integer ones in
//! `mod_math_int.rs`.

use super::args;
use super::mod_math_float::{self as mf, Errno};
use super::modules::{new_module, set, set_fn};
use crate::gc::Gc;
use crate::num::{self, Int};
use crate::object::*;
use crate::ops::{self, cast, kind_of};
use crate::thread::Thread;
use crate::value::Value;
use crate::{PyResult, Raised};

/// Creates the module.
pub fn make(t: &mut Thread) -> PyResult<Option<Value>> {
    let m = new_module(t, "math");
    t.temp_roots.push(m.as_value());
    set(t, m, "pi", Value::float(std::f64::consts::PI));
    set(t, m, "e", Value::float(std::f64::consts::E));
    set(t, m, "tau", Value::float(std::f64::consts::TAU));
    set(t, m, "inf", Value::float(f64::INFINITY));
    set(t, m, "nan", Value::float(f64::NAN));
    let fns: &[(&'static str, &'static str, BuiltinFn)] = &[
        ("acos", "math.acos", acos),
        ("acosh", "math.acosh", acosh),
        ("asin", "math.asin", asin),
        ("asinh", "math.asinh", asinh),
        ("atan", "math.atan", atan),
        ("atan2", "math.atan2", atan2),
        ("atanh", "math.atanh", atanh),
        ("cbrt", "math.cbrt", cbrt),
        ("ceil", "math.ceil", ceil),
        ("comb", "math.comb", super::mod_math_int::comb),
        ("copysign", "math.copysign", copysign),
        ("cos", "math.cos", cos),
        ("cosh", "math.cosh", cosh),
        ("degrees", "math.degrees", degrees),
        ("dist", "math.dist", dist),
        ("erf", "math.erf", erf),
        ("erfc", "math.erfc", erfc),
        ("exp", "math.exp", exp),
        ("exp2", "math.exp2", exp2),
        ("expm1", "math.expm1", expm1),
        ("fabs", "math.fabs", fabs),
        (
            "factorial",
            "math.factorial",
            super::mod_math_int::factorial,
        ),
        ("floor", "math.floor", floor),
        ("fmod", "math.fmod", fmod),
        ("frexp", "math.frexp", frexp),
        ("fsum", "math.fsum", fsum),
        ("gamma", "math.gamma", gamma),
        ("gcd", "math.gcd", super::mod_math_int::gcd),
        ("hypot", "math.hypot", hypot),
        ("isclose", "math.isclose", isclose),
        ("isfinite", "math.isfinite", isfinite),
        ("isinf", "math.isinf", isinf),
        ("isnan", "math.isnan", isnan),
        ("isqrt", "math.isqrt", super::mod_math_int::isqrt),
        ("lcm", "math.lcm", super::mod_math_int::lcm),
        ("ldexp", "math.ldexp", ldexp),
        ("lgamma", "math.lgamma", lgamma),
        ("log", "math.log", log),
        ("log10", "math.log10", log10),
        ("log1p", "math.log1p", log1p),
        ("log2", "math.log2", log2),
        ("modf", "math.modf", modf),
        ("nextafter", "math.nextafter", nextafter),
        ("perm", "math.perm", super::mod_math_int::perm),
        ("pow", "math.pow", pow),
        ("prod", "math.prod", super::mod_math_int::prod),
        ("radians", "math.radians", radians),
        ("remainder", "math.remainder", remainder),
        ("sin", "math.sin", sin),
        ("sinh", "math.sinh", sinh),
        ("sqrt", "math.sqrt", sqrt),
        ("tan", "math.tan", tan),
        ("tanh", "math.tanh", tanh),
        ("trunc", "math.trunc", trunc),
        ("ulp", "math.ulp", ulp),
    ];
    for &(name, qual, f) in fns {
        set_fn(t, m, name, qual, f);
    }
    t.temp_roots.pop();
    Ok(Some(m.as_value()))
}

// ----- argument conversion -----

/// Calls `name` on an instance if its class defines it.
pub(crate) fn call_special(t: &mut Thread, v: Value, name: &str) -> PyResult<Option<Value>> {
    if kind_of(v) != Some(Kind::Instance) {
        return Ok(None);
    }
    let n = t.intern(name);
    ops::call::call_dunder(t, v, n, &[])
}

/// An int as `f64` ("int too large to convert to float").
fn int_to_f64(t: &mut Thread, i: &Int) -> PyResult<f64> {
    ops::int::check(t, num::int_to_f64(i))
}

/// CPython's `PyFloat_AsDouble`: floats, ints, `__float__`, `__index__`.
pub(crate) fn to_f64(t: &mut Thread, v: Value) -> PyResult<f64> {
    if let Some(f) = v.as_float() {
        return Ok(f);
    }
    if let Some(i) = ops::int::to_int(v) {
        return int_to_f64(t, &i);
    }
    if kind_of(v) == Some(Kind::Instance) {
        let base = ops::builtin_base(v);
        if let Some(f) = base.as_float() {
            return Ok(f);
        }
        if let Some(r) = call_special(t, v, "__float__")? {
            return match r.as_float().or_else(|| ops::builtin_base(r).as_float()) {
                Some(f) => Ok(f),
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
        if let Some(r) = call_special(t, v, "__index__")? {
            return match ops::int::to_int(ops::builtin_base(r)) {
                Some(i) => int_to_f64(t, &i),
                None => {
                    let msg = format!("__index__ returned non-int (type {})", t.type_name(r));
                    Err(t.type_error(&msg))
                }
            };
        }
        if let Some(i) = ops::int::to_int(base) {
            return int_to_f64(t, &i);
        }
    }
    let msg = format!("must be real number, not {}", t.type_name(v));
    Err(t.type_error(&msg))
}

/// CPython's `PyNumber_Index`: an int, or the result of `__index__`.
pub(crate) fn to_index(t: &mut Thread, v: Value) -> PyResult<Int> {
    if let Some(i) = ops::int::to_int(v) {
        return Ok(i);
    }
    if kind_of(v) == Some(Kind::Instance) {
        if let Some(r) = call_special(t, v, "__index__")? {
            return match ops::int::to_int(ops::builtin_base(r)) {
                Some(i) => Ok(i),
                None => {
                    let msg = format!("__index__ returned non-int (type {})", t.type_name(r));
                    Err(t.type_error(&msg))
                }
            };
        }
        if let Some(i) = ops::int::to_int(ops::builtin_base(v)) {
            return Ok(i);
        }
    }
    let msg = format!(
        "'{}' object cannot be interpreted as an integer",
        t.type_name(v)
    );
    Err(t.type_error(&msg))
}

/// The single argument of a `METH_O` function.
fn one(t: &mut Thread, name: &str, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::exact(t, name, args, kw, 1)?;
    Ok(a[0])
}

/// The two arguments of a positional-only two-argument function
/// (`math.fmod() takes no keyword arguments`, `fmod expected 2 arguments`).
fn two(
    t: &mut Thread,
    name: &str,
    args: &[Value],
    kw: Option<Gc<Tuple>>,
) -> PyResult<(Value, Value)> {
    args::no_kw(t, &format!("math.{name}"), kw)?;
    args::check_count(t, name, args.len(), 2, 2)?;
    Ok((args[0], args[1]))
}

/// Two float arguments.
fn two_f64(
    t: &mut Thread,
    name: &str,
    args: &[Value],
    kw: Option<Gc<Tuple>>,
) -> PyResult<(f64, f64)> {
    let (a, b) = two(t, name, args, kw)?;
    let x = to_f64(t, a)?;
    let y = to_f64(t, b)?;
    Ok((x, y))
}

// ----- errors -----

fn domain_error(t: &mut Thread) -> Raised {
    t.value_error("math domain error")
}

fn range_error(t: &mut Thread) -> Raised {
    t.overflow_error("math range error")
}

/// CPython's `is_error` for a nonzero errno; `Ok` when the error is ignored
/// (ERANGE with a result below 1.5 in magnitude is an underflow).
fn check_errno(t: &mut Thread, r: f64, e: Errno) -> PyResult<Value> {
    match e {
        Errno::Ok => Ok(Value::float(r)),
        Errno::Dom => Err(domain_error(t)),
        Errno::Range if r.abs() < 1.5 => Ok(Value::float(r)),
        Errno::Range => Err(range_error(t)),
    }
}

/// CPython's `math_1`: NaN from non-NaN is a domain error, an infinity from
/// a finite input a range error (`can_overflow`) or a domain error.
fn math_1(t: &mut Thread, v: Value, f: fn(f64) -> f64, can_overflow: bool) -> PyResult<Value> {
    let x = to_f64(t, v)?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error(t));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow {
            range_error(t)
        } else {
            domain_error(t)
        });
    }
    Ok(Value::float(r))
}

/// CPython's `math_1a`: the function reports errors through errno.
fn math_1a(t: &mut Thread, v: Value, f: fn(f64) -> (f64, Errno)) -> PyResult<Value> {
    let x = to_f64(t, v)?;
    let (r, e) = f(x);
    check_errno(t, r, e)
}

/// CPython's `math_2`.
fn math_2(
    t: &mut Thread,
    name: &str,
    args: &[Value],
    kw: Option<Gc<Tuple>>,
    f: fn(f64, f64) -> f64,
) -> PyResult<Value> {
    let (x, y) = two_f64(t, name, args, kw)?;
    let r = f(x, y);
    let e = if r.is_nan() && !x.is_nan() && !y.is_nan() {
        Errno::Dom
    } else if r.is_infinite() && x.is_finite() && y.is_finite() {
        Errno::Range
    } else {
        Errno::Ok
    };
    check_errno(t, r, e)
}

macro_rules! func1 {
    ($($name:ident, $qual:literal, $f:expr, $overflow:expr;)*) => {$(
        fn $name(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
            let v = one(t, $qual, args, kw)?;
            math_1(t, v, |x| $f(x), $overflow)
        }
    )*};
}

func1! {
    acos, "math.acos", mf::acos, false;
    acosh, "math.acosh", mf::acosh, false;
    asin, "math.asin", mf::asin, false;
    asinh, "math.asinh", mf::asinh, false;
    atan, "math.atan", mf::atan, false;
    atanh, "math.atanh", mf::atanh, false;
    cbrt, "math.cbrt", mf::cbrt, false;
    cos, "math.cos", mf::cos, false;
    cosh, "math.cosh", mf::cosh, true;
    exp, "math.exp", mf::exp, true;
    exp2, "math.exp2", mf::exp2, true;
    expm1, "math.expm1", mf::expm1, true;
    fabs, "math.fabs", f64::abs, false;
    log1p, "math.log1p", mf::log1p, false;
    sin, "math.sin", mf::sin, false;
    sinh, "math.sinh", mf::sinh, true;
    sqrt, "math.sqrt", f64::sqrt, false;
    tan, "math.tan", mf::tan, false;
    tanh, "math.tanh", mf::tanh, false;
}

fn erf(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let v = one(t, "math.erf", args, kw)?;
    math_1a(t, v, |x| (mf::erf(x), Errno::Ok))
}

fn erfc(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let v = one(t, "math.erfc", args, kw)?;
    math_1a(t, v, |x| (mf::erfc(x), Errno::Ok))
}

fn gamma(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let v = one(t, "math.gamma", args, kw)?;
    math_1a(t, v, mf::tgamma)
}

fn lgamma(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let v = one(t, "math.lgamma", args, kw)?;
    math_1a(t, v, mf::lgamma)
}

fn atan2(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    math_2(t, "atan2", args, kw, mf::m_atan2)
}

fn copysign(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    math_2(t, "copysign", args, kw, f64::copysign)
}

fn remainder(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    math_2(t, "remainder", args, kw, mf::remainder)
}

fn fmod(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let (x, y) = two_f64(t, "fmod", args, kw)?;
    if y.is_infinite() && x.is_finite() {
        return Ok(Value::float(x));
    }
    let r = mf::fmod(x, y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error(t));
    }
    Ok(Value::float(r))
}

fn pow(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let (x, y) = two_f64(t, "pow", args, kw)?;
    let (r, e) = mf::m_pow(x, y);
    check_errno(t, r, e)
}

fn nextafter(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let (x, y) = two_f64(t, "nextafter", args, kw)?;
    Ok(Value::float(mf::nextafter(x, y)))
}

fn ulp(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let v = one(t, "math.ulp", args, kw)?;
    let x = to_f64(t, v)?;
    Ok(Value::float(mf::ulp(x)))
}

fn degrees(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let v = one(t, "math.degrees", args, kw)?;
    let x = to_f64(t, v)?;
    Ok(Value::float(x * (180.0 / std::f64::consts::PI)))
}

fn radians(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let v = one(t, "math.radians", args, kw)?;
    let x = to_f64(t, v)?;
    Ok(Value::float(x * (std::f64::consts::PI / 180.0)))
}

fn isfinite(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let v = one(t, "math.isfinite", args, kw)?;
    Ok(Value::bool(to_f64(t, v)?.is_finite()))
}

fn isinf(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let v = one(t, "math.isinf", args, kw)?;
    Ok(Value::bool(to_f64(t, v)?.is_infinite()))
}

fn isnan(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let v = one(t, "math.isnan", args, kw)?;
    Ok(Value::bool(to_f64(t, v)?.is_nan()))
}

// ----- rounding to ints -----

/// An integral float as an int value (errors for infinities and NaN).
fn float_to_int_value(t: &mut Thread, x: f64) -> PyResult<Value> {
    let i = ops::int::check(t, num::f64_to_int(x))?;
    Ok(ops::int::from_int(t, i))
}

/// `math.floor` / `math.ceil`: ints as themselves, floats rounded, other
/// objects through `__floor__`/`__ceil__` or their float value.
fn round_with(
    t: &mut Thread,
    qual: &str,
    dunder: &str,
    args: &[Value],
    kw: Option<Gc<Tuple>>,
    f: fn(f64) -> f64,
) -> PyResult<Value> {
    let v = one(t, qual, args, kw)?;
    if let Some(x) = v.as_float() {
        return float_to_int_value(t, f(x));
    }
    if ops::int::is_int(v) {
        return Ok(ops::int::to_plain_int(t, v));
    }
    if let Some(r) = call_special(t, v, dunder)? {
        return Ok(r);
    }
    let x = to_f64(t, v)?;
    float_to_int_value(t, f(x))
}

fn floor(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    round_with(t, "math.floor", "__floor__", args, kw, f64::floor)
}

fn ceil(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    round_with(t, "math.ceil", "__ceil__", args, kw, f64::ceil)
}

fn trunc(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let v = one(t, "math.trunc", args, kw)?;
    if let Some(x) = v.as_float() {
        return float_to_int_value(t, x);
    }
    if ops::int::is_int(v) {
        return Ok(ops::int::to_plain_int(t, v));
    }
    if let Some(r) = call_special(t, v, "__trunc__")? {
        return Ok(r);
    }
    let base = ops::builtin_base(v);
    if let Some(x) = base.as_float() {
        return float_to_int_value(t, x);
    }
    if ops::int::is_int(base) {
        return Ok(ops::int::to_plain_int(t, base));
    }
    let msg = format!("type {} doesn't define __trunc__ method", t.type_name(v));
    Err(t.type_error(&msg))
}

// ----- frexp, ldexp, modf -----

fn frexp(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let v = one(t, "math.frexp", args, kw)?;
    let x = to_f64(t, v)?;
    let (m, e) = mf::frexp(x);
    let e = t.new_int(e as i64);
    Ok(t.new_tuple_from(&[Value::float(m), e]))
}

fn ldexp(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let (a, b) = two(t, "ldexp", args, kw)?;
    let x = to_f64(t, a)?;
    let Some(i) = ops::int::to_int(ops::builtin_base(b)) else {
        return Err(t.type_error("Expected an int as second argument to ldexp."));
    };
    let exp = match i {
        Int::Small(e) => e,
        Int::Big(_) if i.is_negative() => i64::MIN,
        Int::Big(_) => i64::MAX,
    };
    let (r, e) = mf::m_ldexp(x, exp);
    check_errno(t, r, e)
}

fn modf(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let v = one(t, "math.modf", args, kw)?;
    let x = to_f64(t, v)?;
    let (f, i) = mf::modf(x);
    Ok(t.new_tuple_from(&[Value::float(f), Value::float(i)]))
}

// ----- logarithms -----

/// CPython's `loghelper`: ints of any size are handled exactly (through
/// frexp when they do not fit a float); other values go through `math_1`.
fn loghelper(t: &mut Thread, v: Value, f: fn(f64) -> f64) -> PyResult<f64> {
    let iv = ops::int::to_int(v).or_else(|| {
        let b = ops::builtin_base(v);
        if b.is(v) {
            None
        } else {
            ops::int::to_int(b)
        }
    });
    if let Some(i) = iv {
        if i.signum() <= 0 {
            return Err(domain_error(t));
        }
        return Ok(match num::int_to_f64(&i) {
            Ok(x) => mf::m_log_with(x, f).0,
            Err(_) => {
                let b = i.to_bigint();
                let (x, e) = mf::frexp_biguint(b.magnitude());
                mf::m_log_with(x, f).0 + mf::m_log_with(2.0, f).0 * e as f64
            }
        });
    }
    let x = to_f64(t, v)?;
    let r = mf::m_log_with(x, f).0;
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error(t));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(domain_error(t));
    }
    Ok(r)
}

fn log(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    args::no_kw(t, "log", kw)?;
    if args.is_empty() || args.len() > 2 {
        return Err(t.type_error("math.log requires 1 to 2 arguments"));
    }
    let num_ = loghelper(t, args[0], |x| mf::log(x))?;
    if args.len() == 1 {
        return Ok(Value::float(num_));
    }
    let den = loghelper(t, args[1], |x| mf::log(x))?;
    let r = ops::int::check(t, num::float_div(num_, den))?;
    Ok(Value::float(r))
}

fn log2(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let v = one(t, "math.log2", args, kw)?;
    Ok(Value::float(loghelper(t, v, |x| mf::log2(x))?))
}

fn log10(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let v = one(t, "math.log10", args, kw)?;
    Ok(Value::float(loghelper(t, v, |x| mf::log10(x))?))
}

// ----- sums and norms -----

fn fsum(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let v = one(t, "math.fsum", args, kw)?;
    let it = ops::iter(t, v)?;
    t.temp_roots.push(it);
    let r = (|| {
        let mut s = mf::Fsum::default();
        while let Some(x) = ops::next(t, it)? {
            let f = to_f64(t, x)?;
            if s.add(f).is_err() {
                return Err(t.overflow_error("intermediate overflow in fsum"));
            }
        }
        match s.result() {
            Ok(f) => Ok(Value::float(f)),
            Err(_) => Err(t.value_error("-inf + inf in fsum")),
        }
    })();
    t.temp_roots.pop();
    r
}

fn hypot(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    args::no_kw(t, "math.hypot", kw)?;
    let mut coords = Vec::with_capacity(args.len());
    let mut max = 0.0f64;
    let mut found_nan = false;
    for &a in args {
        let x = to_f64(t, a)?.abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        coords.push(x);
    }
    Ok(Value::float(mf::vector_norm(&coords, max, found_nan)))
}

fn dist(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let (p, q) = two(t, "dist", args, kw)?;
    let depth = t.temp_roots.len();
    let r = (|| {
        let p = tuple_items(t, p)?;
        t.temp_roots.push(p);
        let q = tuple_items(t, q)?;
        t.temp_roots.push(q);
        let p = cast::<Tuple>(p).expect("tuple");
        let q = cast::<Tuple>(q).expect("tuple");
        if p.len() != q.len() {
            return Err(t.value_error("both points must have the same number of dimensions"));
        }
        let mut diffs = Vec::with_capacity(p.len());
        let mut max = 0.0f64;
        let mut found_nan = false;
        for i in 0..p.len() {
            let px = to_f64(t, p.items[i])?;
            let qx = to_f64(t, q.items[i])?;
            let x = (px - qx).abs();
            found_nan |= x.is_nan();
            if x > max {
                max = x;
            }
            diffs.push(x);
        }
        Ok(Value::float(mf::vector_norm(&diffs, max, found_nan)))
    })();
    t.temp_roots.truncate(depth);
    r
}

/// `v` as a tuple value (`PySequence_Tuple` unless it already is one).
fn tuple_items(t: &mut Thread, v: Value) -> PyResult<Value> {
    if cast::<Tuple>(v).is_some() {
        return Ok(v);
    }
    let l = ops::collect_list(t, v)?;
    Ok(t.new_tuple(l.snapshot()))
}

// ----- isclose -----

/// Argument Clinic's parsing of `f(p0, ..., /, k0, ..., *, kwonly...)`:
/// the values of `names` in order (`None` for absent optional ones), with
/// CPython's messages.
pub(crate) fn clinic_args(
    t: &mut Thread,
    fname: &str,
    args: &[Value],
    kw: Option<Gc<Tuple>>,
    names: &[&str],
    posonly: usize,
    maxpos: usize,
    minpos: usize,
) -> PyResult<Vec<Option<Value>>> {
    let (pos, kws) = ops::call::split_kw(args, kw);
    let total = pos.len() + kws.len();
    let maxargs = names.len();
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    if total > maxargs {
        let msg = format!(
            "{fname}() takes at most {maxargs} {}argument{} ({total} given)",
            if pos.is_empty() { "keyword " } else { "" },
            plural(maxargs)
        );
        return Err(t.type_error(&msg));
    }
    if pos.len() > maxpos {
        let msg = format!(
            "{fname}() takes {} {maxpos} positional argument{} ({} given)",
            if minpos < maxpos {
                "at most"
            } else {
                "exactly"
            },
            plural(maxpos),
            pos.len()
        );
        return Err(t.type_error(&msg));
    }
    let mut out: Vec<Option<Value>> = vec![None; maxargs];
    for (i, v) in pos.iter().enumerate() {
        out[i] = Some(*v);
    }
    let mut unknown = None;
    let mut dup = None;
    for (k, v) in &kws {
        match names.iter().position(|n| *n == k.as_str()) {
            Some(i) if i >= posonly => {
                if i < pos.len() {
                    dup.get_or_insert((k.as_str().to_string(), i));
                } else {
                    out[i] = Some(*v);
                }
            }
            _ => {
                unknown.get_or_insert(k.as_str().to_string());
            }
        }
    }
    for i in 0..minpos {
        if out[i].is_none() {
            let msg = if i < posonly {
                format!(
                    "{fname}() takes {} {posonly} positional argument{} ({} given)",
                    if posonly < maxpos {
                        "at least"
                    } else {
                        "exactly"
                    },
                    plural(posonly),
                    pos.len()
                )
            } else {
                format!(
                    "{fname}() missing required argument '{}' (pos {})",
                    names[i],
                    i + 1
                )
            };
            return Err(t.type_error(&msg));
        }
    }
    if let Some((k, i)) = dup {
        let msg = format!(
            "argument for {fname}() given by name ('{k}') and position ({})",
            i + 1
        );
        return Err(t.type_error(&msg));
    }
    if let Some(k) = unknown {
        let msg = format!("'{k}' is an invalid keyword argument for {fname}()");
        return Err(t.type_error(&msg));
    }
    Ok(out)
}

fn isclose(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = clinic_args(
        t,
        "isclose",
        args,
        kw,
        &["a", "b", "rel_tol", "abs_tol"],
        0,
        2,
        2,
    )?;
    let x = to_f64(t, a[0].expect("required"))?;
    let y = to_f64(t, a[1].expect("required"))?;
    let rel_tol = match a[2] {
        Some(v) => to_f64(t, v)?,
        None => 1e-9,
    };
    let abs_tol = match a[3] {
        Some(v) => to_f64(t, v)?,
        None => 0.0,
    };
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(t.value_error("tolerances must be non-negative"));
    }
    if x == y {
        return Ok(Value::TRUE);
    }
    if x.is_infinite() || y.is_infinite() {
        return Ok(Value::FALSE);
    }
    let diff = (y - x).abs();
    Ok(Value::bool(
        diff <= (rel_tol * y).abs() || diff <= (rel_tol * x).abs() || diff <= abs_tol,
    ))
}
