//! Pure `f64` algorithms of CPython 3.11's `math` module, reproduced
//! operation for operation so results match bit for bit: the platform libm
//! (the same glibc CPython calls), CPython's own Lanczos gamma/lgamma,
//! `vector_norm` (hypot/dist), Shewchuk's exact summation (`fsum`),
//! `remainder`, `frexp`/`ldexp`, `nextafter` and `ulp`.

use std::os::raw::c_int;

// The C library's math functions. They take and return plain doubles and
// touch no memory, so calling them has no safety preconditions; Rust's own
// `asinh`/`acosh`/`atanh` are not the libm ones, so CPython's results need
// the real thing.
unsafe extern "C" {
    pub safe fn sin(x: f64) -> f64;
    pub safe fn cos(x: f64) -> f64;
    pub safe fn tan(x: f64) -> f64;
    pub safe fn asin(x: f64) -> f64;
    pub safe fn acos(x: f64) -> f64;
    pub safe fn atan(x: f64) -> f64;
    pub safe fn atan2(y: f64, x: f64) -> f64;
    pub safe fn sinh(x: f64) -> f64;
    pub safe fn cosh(x: f64) -> f64;
    pub safe fn tanh(x: f64) -> f64;
    pub safe fn asinh(x: f64) -> f64;
    pub safe fn acosh(x: f64) -> f64;
    pub safe fn atanh(x: f64) -> f64;
    pub safe fn exp(x: f64) -> f64;
    pub safe fn exp2(x: f64) -> f64;
    pub safe fn expm1(x: f64) -> f64;
    pub safe fn log(x: f64) -> f64;
    pub safe fn log2(x: f64) -> f64;
    pub safe fn log10(x: f64) -> f64;
    pub safe fn log1p(x: f64) -> f64;
    pub safe fn erf(x: f64) -> f64;
    pub safe fn erfc(x: f64) -> f64;
    pub safe fn pow(x: f64, y: f64) -> f64;
    // `cbrt` itself resolves to compiler-builtins' port of musl's (not
    // correctly rounded like glibc's); glibc's `_Float64` alias is the same
    // function CPython calls.
    #[link_name = "cbrtf64"]
    pub safe fn cbrt(x: f64) -> f64;
    pub safe fn fmod(x: f64, y: f64) -> f64;
    pub safe fn ldexp(x: f64, e: c_int) -> f64;
    pub safe fn nextafter(x: f64, y: f64) -> f64;
}

/// How a libm-style function failed (C's `errno`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Errno {
    /// No error.
    Ok,
    /// `EDOM`: ValueError("math domain error").
    Dom,
    /// `ERANGE`: OverflowError("math range error") unless `|r| < 1.5`.
    Range,
}

const PI: f64 = std::f64::consts::PI;
#[allow(clippy::excessive_precision)]
const LOGPI: f64 = 1.144729885849400174143427351353058711647;

/// `sin(pi*x)`, accurate for all finite `x` (CPython's `m_sinpi`).
fn sinpi(x: f64) -> f64 {
    let y = fmod(x.abs(), 2.0);
    let n = (2.0 * y).round() as i32;
    let r = match n {
        0 => sin(PI * y),
        1 => cos(PI * (y - 0.5)),
        2 => sin(PI * (1.0 - y)),
        3 => -cos(PI * (y - 1.5)),
        _ => sin(PI * (y - 2.0)),
    };
    1.0f64.copysign(x) * r
}

const LANCZOS_N: usize = 13;
#[allow(clippy::excessive_precision)]
const LANCZOS_G: f64 = 6.024_680_040_776_729_583_740_234_375;
#[allow(clippy::excessive_precision)]
const LANCZOS_G_MINUS_HALF: f64 = 5.524_680_040_776_729_583_740_234_375;
#[allow(clippy::excessive_precision)]
const LANCZOS_NUM: [f64; LANCZOS_N] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];
const LANCZOS_DEN: [f64; LANCZOS_N] = [
    0.0,
    39916800.0,
    120543840.0,
    150917976.0,
    105258076.0,
    45995730.0,
    13339535.0,
    2637558.0,
    357423.0,
    32670.0,
    1925.0,
    66.0,
    1.0,
];
const GAMMA_INTEGRAL: [f64; 23] = [
    1.0,
    1.0,
    2.0,
    6.0,
    24.0,
    120.0,
    720.0,
    5040.0,
    40320.0,
    362880.0,
    3628800.0,
    39916800.0,
    479001600.0,
    6227020800.0,
    87178291200.0,
    1307674368000.0,
    20922789888000.0,
    355687428096000.0,
    6402373705728000.0,
    121645100408832000.0,
    2432902008176640000.0,
    51090942171709440000.0,
    1124000727777607680000.0,
];

fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0f64, 0.0f64);
    if x < 5.0 {
        for i in (0..LANCZOS_N).rev() {
            num = num * x + LANCZOS_NUM[i];
            den = den * x + LANCZOS_DEN[i];
        }
    } else {
        for i in 0..LANCZOS_N {
            num = num / x + LANCZOS_NUM[i];
            den = den / x + LANCZOS_DEN[i];
        }
    }
    num / den
}

/// CPython's `m_tgamma`.
pub fn tgamma(x: f64) -> (f64, Errno) {
    if !x.is_finite() {
        if x.is_nan() || x > 0.0 {
            return (x, Errno::Ok);
        }
        return (f64::NAN, Errno::Dom);
    }
    if x == 0.0 {
        return (f64::INFINITY.copysign(x), Errno::Dom);
    }
    if x == x.floor() {
        if x < 0.0 {
            return (f64::NAN, Errno::Dom);
        }
        if x <= GAMMA_INTEGRAL.len() as f64 {
            return (GAMMA_INTEGRAL[x as usize - 1], Errno::Ok);
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        let r = 1.0 / x;
        return (
            r,
            if r.is_infinite() {
                Errno::Range
            } else {
                Errno::Ok
            },
        );
    }
    if absx > 200.0 {
        if x < 0.0 {
            return (0.0 / sinpi(x), Errno::Ok);
        }
        return (f64::INFINITY, Errno::Range);
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    let mut z = if absx > LANCZOS_G_MINUS_HALF {
        let q = y - absx;
        q - LANCZOS_G_MINUS_HALF
    } else {
        let q = y - LANCZOS_G_MINUS_HALF;
        q - absx
    };
    z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        r = -PI / sinpi(absx) / absx * exp(y) / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= pow(y, absx - 0.5);
        } else {
            let sqrtpow = pow(y, absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = lanczos_sum(absx) / exp(y);
        r += z * r;
        if absx < 140.0 {
            r *= pow(y, absx - 0.5);
        } else {
            let sqrtpow = pow(y, absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    (
        r,
        if r.is_infinite() {
            Errno::Range
        } else {
            Errno::Ok
        },
    )
}

/// CPython's `m_lgamma`.
pub fn lgamma(x: f64) -> (f64, Errno) {
    if !x.is_finite() {
        if x.is_nan() {
            return (x, Errno::Ok);
        }
        return (f64::INFINITY, Errno::Ok);
    }
    if x == x.floor() && x <= 2.0 {
        if x <= 0.0 {
            return (f64::INFINITY, Errno::Dom);
        }
        return (0.0, Errno::Ok);
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return (-log(absx), Errno::Ok);
    }
    let mut r = log(lanczos_sum(absx)) - LANCZOS_G;
    r += (absx - 0.5) * (log(absx + LANCZOS_G - 0.5) - 1.0);
    if x < 0.0 {
        r = LOGPI - log(sinpi(absx).abs()) - log(absx) - r;
    }
    (
        r,
        if r.is_infinite() {
            Errno::Range
        } else {
            Errno::Ok
        },
    )
}

/// CPython's `m_atan2` (special values handled before libm).
pub fn m_atan2(y: f64, x: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if y.is_infinite() {
        if x.is_infinite() {
            if 1.0f64.copysign(x) == 1.0 {
                return (0.25 * PI).copysign(y);
            }
            return (0.75 * PI).copysign(y);
        }
        return (0.5 * PI).copysign(y);
    }
    if x.is_infinite() || y == 0.0 {
        if 1.0f64.copysign(x) == 1.0 {
            return 0.0f64.copysign(y);
        }
        return PI.copysign(y);
    }
    atan2(y, x)
}

/// CPython's `m_remainder`: IEEE 754 remainder, always exact.
pub fn remainder(x: f64, y: f64) -> f64 {
    if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            return f64::NAN;
        }
        let absx = x.abs();
        let absy = y.abs();
        let m = fmod(absx, absy);
        let c = absy - m;
        let r = if m < c {
            m
        } else if m > c {
            -c
        } else {
            m - 2.0 * fmod(0.5 * (absx - m), absy)
        };
        return 1.0f64.copysign(x) * r;
    }
    if x.is_nan() {
        return x;
    }
    if y.is_nan() {
        return y;
    }
    if x.is_infinite() {
        return f64::NAN;
    }
    x
}

/// CPython's `m_log`, `m_log2`, `m_log10`: special values first.
pub fn m_log_with(x: f64, f: fn(f64) -> f64) -> (f64, Errno) {
    if x.is_finite() {
        if x > 0.0 {
            return (f(x), Errno::Ok);
        }
        if x == 0.0 {
            return (f64::NEG_INFINITY, Errno::Dom);
        }
        return (f64::NAN, Errno::Dom);
    }
    if x.is_nan() || x > 0.0 {
        return (x, Errno::Ok);
    }
    (f64::NAN, Errno::Dom)
}

/// C's `frexp` for finite nonzero `x`: `(m, e)` with `x == m * 2**e` and
/// `0.5 <= |m| < 1`. Zeros, infinities and NaNs come back with `e == 0`.
pub fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp(x * f64::from_bits(0x4350_0000_0000_0000)); // 2**54
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, exp - 1022)
}

/// CPython's `vector_norm` (hypot and dist): `vec` holds absolute values,
/// `max` the largest of them.
pub fn vector_norm(vec: &[f64], max: f64, found_nan: bool) -> f64 {
    const T27: f64 = 134217729.0;
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let (_, max_e) = frexp(max);
    let mut csum = 1.0f64;
    let (mut frac1, mut frac2, mut frac3) = (0.0f64, 0.0f64, 0.0f64);
    if max_e >= -1023 {
        let scale = ldexp(1.0, -max_e);
        for &v in vec {
            let mut x = v * scale;
            let t = x * T27;
            let hi = t - (t - x);
            let lo = x - hi;
            x = hi * hi;
            let old = csum;
            csum += x;
            frac1 += (old - csum) + x;
            x = 2.0 * hi * lo;
            let old = csum;
            csum += x;
            frac2 += (old - csum) + x;
            frac3 += lo * lo;
        }
        let h = (csum - 1.0 + (frac1 + frac2 + frac3)).sqrt();
        let mut x = h;
        let t = x * T27;
        let hi = t - (t - x);
        let lo = x - hi;
        x = -hi * hi;
        let old = csum;
        csum += x;
        frac1 += (old - csum) + x;
        x = -2.0 * hi * lo;
        let old = csum;
        csum += x;
        frac2 += (old - csum) + x;
        x = -lo * lo;
        let old = csum;
        csum += x;
        frac3 += (old - csum) + x;
        x = csum - 1.0 + (frac1 + frac2 + frac3);
        return (h + x / (2.0 * h)) / scale;
    }
    for &v in vec {
        let mut x = v / max;
        x *= x;
        let old = csum;
        csum += x;
        frac1 += (old - csum) + x;
    }
    max * (csum - 1.0 + frac1).sqrt()
}

/// The state of `math.fsum`: exact partial sums (CPython's algorithm).
#[derive(Default)]
pub struct Fsum {
    partials: Vec<f64>,
    special_sum: f64,
    inf_sum: f64,
}

/// Why `fsum` failed.
#[derive(Debug, PartialEq, Eq)]
pub enum FsumError {
    /// OverflowError("intermediate overflow in fsum").
    Overflow,
    /// ValueError("-inf + inf in fsum").
    InfMinusInf,
}

impl Fsum {
    /// Adds one summand.
    pub fn add(&mut self, mut x: f64) -> Result<(), FsumError> {
        let xsave = x;
        let p = &mut self.partials;
        let mut i = 0;
        for j in 0..p.len() {
            let mut y = p[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let yr = hi - x;
            let lo = y - yr;
            if lo != 0.0 {
                p[i] = lo;
                i += 1;
            }
            x = hi;
        }
        p.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                if xsave.is_finite() {
                    return Err(FsumError::Overflow);
                }
                if xsave.is_infinite() {
                    self.inf_sum += xsave;
                }
                self.special_sum += xsave;
                p.clear();
            } else {
                p.push(x);
            }
        }
        Ok(())
    }

    /// The correctly rounded sum.
    pub fn result(&self) -> Result<f64, FsumError> {
        if self.special_sum != 0.0 {
            if self.inf_sum.is_nan() {
                return Err(FsumError::InfMinusInf);
            }
            return Ok(self.special_sum);
        }
        let p = &self.partials;
        let mut n = p.len();
        let mut hi = 0.0f64;
        if n > 0 {
            n -= 1;
            hi = p[n];
            let mut lo = 0.0f64;
            while n > 0 {
                let x = hi;
                n -= 1;
                let y = p[n];
                hi = x + y;
                let yr = hi - x;
                lo = y - yr;
                if lo != 0.0 {
                    break;
                }
            }
            if n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0)) {
                let y = lo * 2.0;
                let x = hi + y;
                let yr = x - hi;
                if y == yr {
                    hi = x;
                }
            }
        }
        Ok(hi)
    }
}

/// `math.ulp`.
pub fn ulp(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    let x = x.abs();
    if x.is_infinite() {
        return x;
    }
    let x2 = nextafter(x, f64::INFINITY);
    if x2.is_infinite() {
        return x - nextafter(x, f64::NEG_INFINITY);
    }
    x2 - x
}

/// `math.pow` for floats: the result and C's errno (CPython's
/// `math_pow_impl`).
pub fn m_pow(x: f64, y: f64) -> (f64, Errno) {
    if !x.is_finite() || !y.is_finite() {
        let r = if x.is_nan() {
            if y == 0.0 {
                1.0
            } else {
                x
            }
        } else if y.is_nan() {
            if x == 1.0 {
                1.0
            } else {
                y
            }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && fmod(y.abs(), 2.0) == 1.0;
            if y > 0.0 {
                if odd_y {
                    x
                } else {
                    x.abs()
                }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0.0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if y > 0.0 && x.abs() > 1.0 {
            y
        } else if y < 0.0 && x.abs() < 1.0 {
            -y
        } else {
            0.0
        };
        return (r, Errno::Ok);
    }
    let r = pow(x, y);
    let e = if r.is_nan() {
        Errno::Dom
    } else if r.is_infinite() {
        if x == 0.0 {
            Errno::Dom
        } else {
            Errno::Range
        }
    } else {
        Errno::Ok
    };
    (r, e)
}

/// `math.ldexp(x, exp)` with the exponent clamped to `i64`: the result and
/// errno.
pub fn m_ldexp(x: f64, exp: i64) -> (f64, Errno) {
    if x == 0.0 || !x.is_finite() {
        return (x, Errno::Ok);
    }
    if exp > c_int::MAX as i64 {
        return (f64::INFINITY.copysign(x), Errno::Range);
    }
    if exp < c_int::MIN as i64 {
        return (0.0f64.copysign(x), Errno::Ok);
    }
    let r = ldexp(x, exp as c_int);
    (
        r,
        if r.is_infinite() {
            Errno::Range
        } else {
            Errno::Ok
        },
    )
}

/// `math.modf`: `(fractional, integral)`, both with the sign of `x`.
pub fn modf(x: f64) -> (f64, f64) {
    if x.is_infinite() {
        return (0.0f64.copysign(x), x);
    }
    if x.is_nan() {
        return (x, x);
    }
    let i = x.trunc();
    ((x - i).copysign(x), i)
}

/// `(m, e)` with `n ≈ m * 2**e`, `0.5 <= m < 1`, `m` correctly rounded
/// (CPython's `_PyLong_Frexp`) for a positive big int.
pub fn frexp_biguint(n: &num_bigint::BigUint) -> (f64, i64) {
    use num_traits::ToPrimitive;
    let bits = n.bits() as i64;
    let (top, shift) = if bits > 64 {
        let shift = bits - 64;
        let top = (n >> shift as usize).to_u64().expect("64 bits");
        // Sticky bit: any bit shifted out makes halfway cases round up.
        let lost = n
            .trailing_zeros()
            .map(|z| (z as i64) < shift)
            .unwrap_or(false);
        (top | lost as u64, shift)
    } else {
        (n.to_u64().expect("fits"), 0)
    };
    // `top as f64` rounds the 64-bit value to 53 bits half-even; the
    // sticky bit sits below the rounding position, so the tie-break is right.
    let (m, e) = frexp(top as f64);
    (m, e as i64 + shift)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frexp_matches_c() {
        for &x in &[
            1.0,
            0.5,
            3.0,
            -7.25,
            1e300,
            5e-324,
            2.2250738585072014e-308,
            1e-310,
        ] {
            let (m, e) = frexp(x);
            assert!((0.5..1.0).contains(&m.abs()), "{x}");
            assert_eq!(ldexp(m, e), x);
        }
    }

    #[test]
    fn fsum_is_exact() {
        let mut s = Fsum::default();
        for x in [1e-16, 1.0, 1e16] {
            s.add(x).unwrap();
        }
        assert_eq!(s.result().unwrap(), 10000000000000002.0);
        let mut s = Fsum::default();
        for _ in 0..10 {
            s.add(0.1).unwrap();
        }
        assert_eq!(s.result().unwrap(), 1.0);
    }

    #[test]
    fn gamma_integers() {
        assert_eq!(tgamma(5.0).0, 24.0);
        assert_eq!(lgamma(1.0).0, 0.0);
        assert_eq!(tgamma(-1.0).1, Errno::Dom);
    }

    #[test]
    fn big_frexp_rounds() {
        let n = num_bigint::BigUint::from(1u8) << 2000usize;
        assert_eq!(frexp_biguint(&n), (0.5, 2001));
        let n: num_bigint::BigUint = (num_bigint::BigUint::from(1u8) << 2000usize) - 1u8;
        assert_eq!(frexp_biguint(&n), (0.5, 2001));
    }
}
