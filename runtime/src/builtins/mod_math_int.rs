//! The integer functions of the `math` module: `factorial`, `gcd`, `lcm`,
//! `isqrt`, `comb`, `perm`, and `prod`. Results are exact, so any correct
//! algorithm gives CPython's; argument handling and messages follow 3.11.

use super::args;
use super::mod_math::{clinic_args, to_index};
use crate::bytecode::BinOp;
use crate::gc::Gc;
use crate::num::Int;
use crate::object::*;
use crate::ops;
use crate::thread::Thread;
use crate::value::Value;
use crate::PyResult;
use num_bigint::{BigInt, BigUint};
use num_integer::{Integer, Roots};
use num_traits::{One, Signed, ToPrimitive, Zero};

fn big_value(t: &mut Thread, b: BigUint) -> Value {
    ops::int::from_int(t, Int::normalize(BigInt::from(b)))
}

/// The product `lo * (lo+1) * ... * (lo+count-1)`, by binary splitting.
fn range_product(lo: &BigUint, count: u64) -> BigUint {
    match count {
        0 => BigUint::one(),
        1 => lo.clone(),
        _ if count <= 16 => {
            let mut r = lo.clone();
            let mut x = lo.clone();
            for _ in 1..count {
                x += 1u32;
                r *= &x;
            }
            r
        }
        _ => {
            let half = count / 2;
            let left = range_product(lo, half);
            let right = range_product(&(lo + half), count - half);
            left * right
        }
    }
}

fn factorial_of(n: u64) -> BigUint {
    if n < 2 {
        return BigUint::one();
    }
    range_product(&BigUint::from(1u32), n)
}

/// `math.factorial(n)`.
pub fn factorial(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::exact(t, "math.factorial", args, kw, 1)?;
    factorial_value(t, a[0])
}

fn factorial_value(t: &mut Thread, v: Value) -> PyResult<Value> {
    let n = to_index(t, v)?;
    match n {
        Int::Small(x) if x >= 0 => Ok(big_value(t, factorial_of(x as u64))),
        Int::Big(_) if !n.is_negative() => {
            Err(t.overflow_error("factorial() argument should not exceed 9223372036854775807"))
        }
        _ => Err(t.value_error("factorial() not defined for negative values")),
    }
}

/// `math.gcd(*integers)`.
pub fn gcd(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    args::no_kw(t, "math.gcd", kw)?;
    let mut acc = BigInt::zero();
    for &a in args {
        let x = to_index(t, a)?;
        if !acc.is_one() {
            acc = acc.gcd(&x.to_bigint());
        }
    }
    Ok(ops::int::from_int(t, Int::normalize(acc.abs())))
}

/// `math.lcm(*integers)`.
pub fn lcm(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    args::no_kw(t, "math.lcm", kw)?;
    let mut acc = BigInt::one();
    for (i, &a) in args.iter().enumerate() {
        let x = to_index(t, a)?.to_bigint();
        if i == 0 {
            acc = x.abs();
            continue;
        }
        if acc.is_zero() {
            continue;
        }
        if x.is_zero() {
            acc = BigInt::zero();
            continue;
        }
        let g = acc.gcd(&x);
        acc = (acc / g * x).abs();
    }
    Ok(ops::int::from_int(t, Int::normalize(acc)))
}

/// `math.isqrt(n)`.
pub fn isqrt(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::exact(t, "math.isqrt", args, kw, 1)?;
    let n = to_index(t, a[0])?;
    if n.is_negative() {
        return Err(t.value_error("isqrt() argument must be nonnegative"));
    }
    let r = match n {
        Int::Small(x) => Int::Small((x as u64).sqrt() as i64),
        Int::Big(b) => Int::normalize(b.sqrt()),
    };
    Ok(ops::int::from_int(t, r))
}

/// `n` and `k` for comb/perm, with their sign checks.
fn n_k(t: &mut Thread, n: Value, k: Value) -> PyResult<(BigUint, BigUint)> {
    let n = to_index(t, n)?;
    let k = to_index(t, k)?;
    if n.is_negative() {
        return Err(t.value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(t.value_error("k must be a non-negative integer"));
    }
    let n = n.to_bigint().magnitude().clone();
    let k = k.to_bigint().magnitude().clone();
    Ok((n, k))
}

/// `math.perm(n, k=None)`.
pub fn perm(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    args::no_kw(t, "math.perm", kw)?;
    args::check_count(t, "perm", args.len(), 1, 2)?;
    let k = args.get(1).copied().filter(|v| !v.is_none());
    let Some(k) = k else {
        return factorial_value(t, args[0]);
    };
    let (n, k) = n_k(t, args[0], k)?;
    if n < k {
        return Ok(Value::small_int_unchecked(0));
    }
    let Some(kk) = k.to_i64().map(|x| x as u64) else {
        return Err(t.overflow_error("k must not exceed 9223372036854775807"));
    };
    let lo = &n - &k + 1u32;
    Ok(big_value(t, range_product(&lo, kk)))
}

/// `math.comb(n, k)`.
pub fn comb(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    args::no_kw(t, "math.comb", kw)?;
    args::check_count(t, "comb", args.len(), 2, 2)?;
    let (n, k) = n_k(t, args[0], args[1])?;
    if k > n {
        return Ok(Value::small_int_unchecked(0));
    }
    let k = std::cmp::min(k.clone(), &n - &k);
    let Some(kk) = k.to_i64().map(|x| x as u64) else {
        return Err(t.overflow_error("min(n - k, k) must not exceed 9223372036854775807"));
    };
    let lo = &n - &k + 1u32;
    let r = range_product(&lo, kk) / factorial_of(kk);
    Ok(big_value(t, r))
}

/// `math.prod(iterable, /, *, start=1)`.
pub fn prod(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = clinic_args(t, "prod", args, kw, &["iterable", "start"], 1, 1, 1)?;
    let start = a[1].unwrap_or(Value::small_int_unchecked(1));
    let it = ops::iter(t, a[0].expect("required"))?;
    let depth = t.temp_roots.len();
    t.temp_roots.push(it);
    t.temp_roots.push(start);
    let r = (|| {
        let mut acc = start;
        while let Some(x) = ops::next(t, it)? {
            acc = ops::binary(t, acc, x, BinOp::Mul)?;
            *t.temp_roots.last_mut().expect("pushed") = acc;
        }
        Ok(acc)
    })();
    t.temp_roots.truncate(depth);
    r
}
