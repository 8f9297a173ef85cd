//! Python `float` arithmetic that differs from IEEE defaults, and exact
//! int/float interplay.
//!
//! `float_floordiv`, `float_mod` and `float_divmod` follow CPython's
//! `float_divmod` sign rules (including the `-0.0` cases); `float_pow`
//! reproduces every special case of CPython's `float_pow`; `cmp_int_f64` is
//! exact for any int size; `f64_to_int` truncates like `int(x)`. Plain `+`,
//! `-`, `*` need no helper: Rust's IEEE operations match CPython.

use super::{Int, NumError, NumResult};
use num_bigint::BigInt;
use std::cmp::Ordering;

/// `x / y`. Error: "float division by zero".
pub fn float_div(x: f64, y: f64) -> NumResult<f64> {
    if y == 0.0 {
        return Err(NumError::ZeroDivision("float division by zero"));
    }
    Ok(x / y)
}

/// CPython's `_float_div_mod` for a non-zero divisor: (floordiv, mod).
fn div_mod(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    // fmod is exact, so vx - m is an exact multiple of wx.
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

/// `x // y`. Error: "float floor division by zero".
pub fn float_floordiv(x: f64, y: f64) -> NumResult<f64> {
    if y == 0.0 {
        return Err(NumError::ZeroDivision("float floor division by zero"));
    }
    Ok(div_mod(x, y).0)
}

/// `x % y` (result has the sign of `y`). Error: "float modulo".
pub fn float_mod(x: f64, y: f64) -> NumResult<f64> {
    if y == 0.0 {
        return Err(NumError::ZeroDivision("float modulo"));
    }
    let mut m = x % y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    Ok(m)
}

/// `divmod(x, y)`. Error: "float divmod()".
pub fn float_divmod(x: f64, y: f64) -> NumResult<(f64, f64)> {
    if y == 0.0 {
        return Err(NumError::ZeroDivision("float divmod()"));
    }
    Ok(div_mod(x, y))
}

fn is_odd_integer(x: f64) -> bool {
    (x.abs() % 2.0) == 1.0
}

/// `x ** y` with CPython's special cases. Errors: "0.0 cannot be raised to a
/// negative power" (ZeroDivision), "(34, 'Numerical result out of range')"
/// (Overflow); a negative base with a fractional exponent would be complex:
/// `Unsupported("complex numbers")`.
pub fn float_pow(iv: f64, iw: f64) -> NumResult<f64> {
    if iw == 0.0 {
        return Ok(1.0);
    }
    if iv.is_nan() {
        return Ok(iv);
    }
    if iw.is_nan() {
        return Ok(if iv == 1.0 { 1.0 } else { iw });
    }
    if iw.is_infinite() {
        let av = iv.abs();
        return Ok(if av == 1.0 {
            1.0
        } else if (iw > 0.0) == (av > 1.0) {
            iw.abs()
        } else {
            0.0
        });
    }
    if iv.is_infinite() {
        let odd = is_odd_integer(iw);
        return Ok(if iw > 0.0 {
            if odd {
                iv
            } else {
                iv.abs()
            }
        } else if odd {
            0.0f64.copysign(iv)
        } else {
            0.0
        });
    }
    if iv == 0.0 {
        let odd = is_odd_integer(iw);
        if iw < 0.0 {
            return Err(NumError::ZeroDivision(
                "0.0 cannot be raised to a negative power",
            ));
        }
        return Ok(if odd { iv } else { 0.0 });
    }
    let mut base = iv;
    let mut negate = false;
    if iv < 0.0 {
        if iw != iw.floor() {
            return Err(NumError::Unsupported("complex numbers"));
        }
        base = -iv;
        negate = is_odd_integer(iw);
    }
    if base == 1.0 {
        return Ok(if negate { -1.0 } else { 1.0 });
    }
    let r = base.powf(iw);
    if r.is_infinite() {
        return Err(NumError::Overflow("(34, 'Numerical result out of range')"));
    }
    Ok(if negate { -r } else { r })
}

/// True when `x` is finite and has no fractional part (`float.is_integer`).
pub fn float_is_integer(x: f64) -> bool {
    x.is_finite() && x == x.trunc()
}

/// The exact value of an integral finite float.
fn integral_f64_to_int(t: f64) -> Int {
    if t.abs() < 9_223_372_036_854_775_808.0 {
        return Int::Small(t as i64);
    }
    // |t| >= 2**63: t = mantissa * 2**exp with exp > 0.
    let bits = t.to_bits();
    let exp = (bits >> 52) & 0x7ff;
    let mant = (bits & ((1u64 << 52) - 1)) | (1u64 << 52);
    let mut b = BigInt::from(mant) << (exp - 1075);
    if t < 0.0 {
        b = -b;
    }
    Int::normalize(b)
}

/// `int(x)`: truncate toward zero. Errors: "cannot convert float NaN to
/// integer" (Value), "cannot convert float infinity to integer" (Overflow).
pub fn f64_to_int(x: f64) -> NumResult<Int> {
    if x.is_nan() {
        return Err(NumError::Value(
            "cannot convert float NaN to integer".into(),
        ));
    }
    if x.is_infinite() {
        return Err(NumError::Overflow(
            "cannot convert float infinity to integer",
        ));
    }
    Ok(integral_f64_to_int(x.trunc()))
}

/// Exact comparison of an int with a float (`a` compared to `x`); `None`
/// when `x` is NaN.
pub fn cmp_int_f64(a: &Int, x: f64) -> Option<Ordering> {
    if x.is_nan() {
        return None;
    }
    if x.is_infinite() {
        return Some(if x > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    if let Int::Small(v) = a {
        if v.unsigned_abs() <= 1 << 53 {
            return (*v as f64).partial_cmp(&x);
        }
    }
    let t = x.trunc();
    match a.cmp(&integral_f64_to_int(t)) {
        Ordering::Equal => {
            let frac = x - t;
            Some(if frac > 0.0 {
                Ordering::Less
            } else if frac < 0.0 {
                Ordering::Greater
            } else {
                Ordering::Equal
            })
        }
        o => Some(o),
    }
}

/// `a == x`, exact.
pub fn eq_int_f64(a: &Int, x: f64) -> bool {
    cmp_int_f64(a, x) == Some(Ordering::Equal)
}

#[cfg(test)]
mod tests {
    use super::super::testutil::render;
    use super::super::{float_repr, Int};
    use super::*;
    use std::str::FromStr;

    fn f(r: NumResult<f64>) -> String {
        render(&r, |v| float_repr(*v))
    }

    fn int(s: &str) -> Int {
        Int::normalize(BigInt::from_str(s).unwrap())
    }

    #[test]
    fn errors() {
        assert_eq!(
            f(float_div(1.0, 0.0)),
            "!ZeroDivisionError: float division by zero"
        );
        assert_eq!(f(float_mod(1.0, 0.0)), "!ZeroDivisionError: float modulo");
        assert_eq!(
            f(float_floordiv(1.0, -0.0)),
            "!ZeroDivisionError: float floor division by zero"
        );
        assert_eq!(
            render(&float_divmod(1.0, 0.0), |_| String::new()),
            "!ZeroDivisionError: float divmod()"
        );
        assert_eq!(
            f(float_pow(0.0, -1.0)),
            "!ZeroDivisionError: 0.0 cannot be raised to a negative power"
        );
        assert_eq!(
            f(float_pow(2.0, 10000.0)),
            "!OverflowError: (34, 'Numerical result out of range')"
        );
        assert_eq!(
            f(float_pow(-10.0, 401.0)),
            "!OverflowError: (34, 'Numerical result out of range')"
        );
        assert_eq!(
            f(float_pow(-8.0, 1.0 / 3.0)),
            "!Unsupported: complex numbers"
        );
        assert_eq!(f(float_pow(0.0, f64::NEG_INFINITY)), "inf");
        assert_eq!(f(float_pow(-2.0, f64::INFINITY)), "inf");
        assert_eq!(f(float_pow(2.0, 0.5)), "1.4142135623730951");
        assert_eq!(
            render(&f64_to_int(f64::NAN), |_| String::new()),
            "!ValueError: cannot convert float NaN to integer"
        );
        assert_eq!(
            render(&f64_to_int(f64::NEG_INFINITY), |_| String::new()),
            "!OverflowError: cannot convert float infinity to integer"
        );
    }

    #[test]
    fn conversions() {
        assert_eq!(f64_to_int(-3.99).unwrap(), Int::Small(-3));
        assert_eq!(f64_to_int(1e19).unwrap(), int("10000000000000000000"));
        assert_eq!(
            f64_to_int(-9_223_372_036_854_775_808.0).unwrap(),
            Int::Small(i64::MIN)
        );
        assert_eq!(
            f64_to_int(1e300).unwrap().to_string(),
            "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160"
        );
        assert!(float_is_integer(3.0));
        assert!(!float_is_integer(3.5));
        assert!(!float_is_integer(f64::INFINITY));
    }

    #[test]
    fn comparisons() {
        let p53 = int("9007199254740993");
        assert_eq!(
            cmp_int_f64(&p53, 9007199254740992.0),
            Some(Ordering::Greater)
        );
        assert_eq!(cmp_int_f64(&p53, 9007199254740994.0), Some(Ordering::Less));
        let big = int("1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160");
        assert_eq!(cmp_int_f64(&big, 1e300), Some(Ordering::Equal));
        assert!(eq_int_f64(&big, 1e300));
        assert_eq!(cmp_int_f64(&int_add1(&big), 1e300), Some(Ordering::Greater));
        assert_eq!(cmp_int_f64(&Int::Small(3), 3.5), Some(Ordering::Less));
        assert_eq!(cmp_int_f64(&Int::Small(-3), -3.5), Some(Ordering::Greater));
        assert_eq!(
            cmp_int_f64(&int("-100000000000000000000"), -1e20),
            Some(Ordering::Equal)
        );
        assert_eq!(
            cmp_int_f64(&int("-100000000000000000001"), -1e20),
            Some(Ordering::Less)
        );
        assert_eq!(cmp_int_f64(&big, f64::INFINITY), Some(Ordering::Less));
        assert_eq!(cmp_int_f64(&big, f64::NAN), None);
        assert_eq!(
            cmp_int_f64(&Int::Small(i64::MAX), i64::MAX as f64),
            Some(Ordering::Less)
        );
    }

    fn int_add1(a: &Int) -> Int {
        super::super::int_add(a, &Int::Small(1))
    }

    /// Vectors from `testdata/gen_vectors.py`: `op x y result` (bits in hex).
    #[test]
    fn float_vectors() {
        let data = include_str!("testdata/float_ops.txt");
        let mut n = 0;
        for line in data.lines() {
            let p: Vec<&str> = line.split('\t').collect();
            let x = f64::from_bits(u64::from_str_radix(p[1], 16).unwrap());
            let y = f64::from_bits(u64::from_str_radix(p[2], 16).unwrap());
            let got = match p[0] {
                "floordiv" => f(float_floordiv(x, y)),
                "mod" => f(float_mod(x, y)),
                "divmod" => render(&float_divmod(x, y), |(a, b)| {
                    format!("{},{}", float_repr(*a), float_repr(*b))
                }),
                "pow" => f(float_pow(x, y)),
                "div" => f(float_div(x, y)),
                _ => panic!("{line}"),
            };
            assert_eq!(got, p[3], "{line}");
            n += 1;
        }
        let data = include_str!("testdata/int_float_cmp.txt");
        for line in data.lines() {
            let p: Vec<&str> = line.split('\t').collect();
            let a = int(p[0]);
            let x = f64::from_bits(u64::from_str_radix(p[1], 16).unwrap());
            let got = match cmp_int_f64(&a, x) {
                None => "nan".to_string(),
                Some(o) => (o as i32).to_string(),
            };
            assert_eq!(got, p[2], "{line}");
            if x.is_finite() {
                let t = f64_to_int(x).unwrap();
                assert_eq!(t.to_string(), p[3], "{line}");
            }
            n += 1;
        }
        assert!(n > 1000);
    }
}
