//! The `round()` builtin for floats and ints, exactly as CPython 3.11.
//!
//! `round(x)` rounds half to even and returns an int. `round(x, n)` rounds the
//! exact binary value of `x` to `n` decimal places (half to even), then
//! converts that decimal back to the nearest double — the same
//! "correctly rounded decimal string" method CPython's `double_round` uses,
//! so `round(2.675, 2) == 2.67`. `round(int, n)` with `n < 0` rounds half to
//! even at the `10**-n` position.

use super::{f64_to_int, Int, Num, NumError, NumResult};
use num_bigint::{BigInt, BigUint};
use num_integer::Integer;
use num_traits::{Pow, Signed, Zero};

/// CPython's NDIGITS_MAX / NDIGITS_MIN for doubles.
const NDIGITS_MAX: i64 = 323;
const NDIGITS_MIN: i64 = -308;

/// `round(x)`: nearest int, ties to even. Errors as `int(x)` for inf/nan.
pub fn round_f64_to_int(x: f64) -> NumResult<Int> {
    f64_to_int(x.round_ties_even())
}

/// `a / b` rounded to the nearest integer, ties to even (`a, b >= 0`).
fn div_round_half_even(a: &BigUint, b: &BigUint) -> BigUint {
    let (q, r) = a.div_rem(b);
    let twice = &r << 1u32;
    if twice > *b || (twice == *b && q.is_odd()) {
        q + 1u32
    } else {
        q
    }
}

/// `round(x, ndigits)` for a float. Error: "rounded value too large to
/// represent" (Overflow).
pub fn round_f64_ndigits(x: f64, ndigits: i64) -> NumResult<f64> {
    if !x.is_finite() || ndigits > NDIGITS_MAX {
        return Ok(x);
    }
    if ndigits < NDIGITS_MIN {
        return Ok(0.0 * x);
    }
    let ax = x.abs();
    let text = if ndigits >= 0 {
        // Rust's fixed formatting is exact and rounds ties to even.
        format!("{:.*}", ndigits as usize, ax)
    } else {
        // Exact: ax = mant * 2**exp.
        let bits = ax.to_bits();
        let biased = ((bits >> 52) & 0x7ff) as i64;
        let (mant, exp) = if biased == 0 {
            (bits & ((1u64 << 52) - 1), -1074)
        } else {
            ((bits & ((1u64 << 52) - 1)) | (1u64 << 52), biased - 1075)
        };
        let pow10: BigUint = Pow::pow(BigUint::from(10u32), (-ndigits) as u32);
        let (num, den) = if exp >= 0 {
            (BigUint::from(mant) << (exp as u64), pow10)
        } else {
            (BigUint::from(mant), pow10 << ((-exp) as u64))
        };
        let n = div_round_half_even(&num, &den);
        format!("{}e{}", n, -ndigits)
    };
    let r: f64 = text.parse().expect("decimal text");
    if r.is_infinite() {
        return Err(NumError::Overflow("rounded value too large to represent"));
    }
    Ok(if x.is_sign_negative() { -r } else { r })
}

/// `round(x, ndigits)` / `round(x)` for a float: `None` gives an int.
/// `ndigits` out of the `i64` range should be clamped by the caller (CPython
/// clamps to `Py_ssize_t`).
pub fn round_f64(x: f64, ndigits: Option<i64>) -> NumResult<Num> {
    match ndigits {
        None => round_f64_to_int(x).map(Num::Int),
        Some(n) => round_f64_ndigits(x, n).map(Num::Float),
    }
}

/// `round(a, ndigits)` for an int: unchanged for `ndigits >= 0`, otherwise
/// rounded half to even to a multiple of `10**-ndigits`. (CPython would try
/// to build `10**-ndigits` for absurd `ndigits`; here the result is 0.)
pub fn round_int(a: &Int, ndigits: i64) -> Int {
    if ndigits >= 0 || a.is_zero() {
        return a.clone();
    }
    let k = ndigits.unsigned_abs();
    let bits = super::int_bit_length(a);
    // 10**k >= 2**(k+1) > 2*|a| once k >= bits: the result is 0.
    if k >= bits {
        return Int::Small(0);
    }
    let big: BigInt = a.to_bigint();
    let pow10: BigUint = Pow::pow(BigUint::from(10u32), k as u32);
    let q = div_round_half_even(big.magnitude(), &pow10);
    let mut r = BigInt::from(q * pow10);
    if big.is_negative() {
        r = -r;
    }
    if r.is_zero() {
        return Int::Small(0);
    }
    Int::normalize(r)
}

#[cfg(test)]
mod tests {
    use super::super::float_repr;
    use super::super::testutil::render;
    use super::*;
    use std::str::FromStr;

    #[test]
    fn examples() {
        let r = |x: f64, n: i64| render(&round_f64_ndigits(x, n), |v| float_repr(*v));
        assert_eq!(r(2.675, 2), "2.67");
        assert_eq!(r(1234.5678, -2), "1200.0");
        assert_eq!(r(-0.4, 0), "-0.0");
        assert_eq!(r(0.5, 0), "0.0");
        assert_eq!(r(2.5, 0), "2.0");
        assert_eq!(r(5e-324, 400), "5e-324");
        assert_eq!(r(1e308, -308), "1e+308");
        assert_eq!(
            r(1.7e308, -308),
            "!OverflowError: rounded value too large to represent"
        );
        assert_eq!(r(1e300, -400), "0.0");
        assert_eq!(r(-1e300, -400), "-0.0");
        assert_eq!(round_f64_to_int(0.5).unwrap(), Int::Small(0));
        assert_eq!(round_f64_to_int(1.5).unwrap(), Int::Small(2));
        assert_eq!(round_f64_to_int(-0.5).unwrap(), Int::Small(0));
        assert_eq!(round_f64_to_int(-2.5).unwrap(), Int::Small(-2));
        assert!(round_f64_to_int(f64::INFINITY).is_err());
        let ri = |a: i64, n: i64| round_int(&Int::Small(a), n).to_string();
        assert_eq!(ri(1234, -2), "1200");
        assert_eq!(ri(1250, -2), "1200");
        assert_eq!(ri(1350, -2), "1400");
        assert_eq!(ri(-1250, -2), "-1200");
        assert_eq!(ri(-1251, -2), "-1300");
        assert_eq!(ri(5, -1), "0");
        assert_eq!(ri(15, -1), "20");
        assert_eq!(ri(123, 5), "123");
        assert_eq!(ri(123, i64::MIN), "0");
        assert_eq!(ri(9, -1), "10");
    }

    /// Vectors: `f bits ndigits result` or `i int ndigits result`.
    #[test]
    fn round_vectors() {
        let data = include_str!("testdata/round.txt");
        let mut n = 0;
        for line in data.lines() {
            let p: Vec<&str> = line.split('\t').collect();
            let nd: Option<i64> = if p[2] == "None" {
                None
            } else {
                Some(p[2].parse().unwrap())
            };
            let got = if p[0] == "f" {
                let x = f64::from_bits(u64::from_str_radix(p[1], 16).unwrap());
                render(&round_f64(x, nd), |v| match v {
                    Num::Int(i) => i.to_string(),
                    Num::Float(f) => float_repr(*f),
                })
            } else {
                let a = Int::normalize(BigInt::from_str(p[1]).unwrap());
                round_int(&a, nd.unwrap()).to_string()
            };
            assert_eq!(got, p[3], "{line}");
            n += 1;
        }
        assert!(n > 1000);
    }
}
