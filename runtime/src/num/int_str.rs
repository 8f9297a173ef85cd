//! Int to text: `str(int)` with the 4300-digit limit, `hex`, `oct`, `bin`.
//!
//! Only decimal conversion is limited (CPython 3.11's
//! `sys.get_int_max_str_digits()` default, 4300 digits, sign excluded);
//! power-of-two bases are unlimited.

use super::{Int, NumError, NumResult};

/// CPython 3.11's default `sys.get_int_max_str_digits()`.
pub const INT_MAX_STR_DIGITS: usize = 4300;

fn to_str_limit_error() -> NumError {
    NumError::Value(format!(
        "Exceeds the limit ({INT_MAX_STR_DIGITS} digits) for integer string conversion; \
         use sys.set_int_max_str_digits() to increase the limit"
    ))
}

/// `str(a)` / `repr(a)`: decimal digits. Error: the "Exceeds the limit (4300
/// digits) for integer string conversion; ..." ValueError.
pub fn int_to_str(a: &Int) -> NumResult<String> {
    match a {
        Int::Small(v) => Ok(v.to_string()),
        Int::Big(b) => {
            // 4301 decimal digits need more than 14285 bits.
            if b.bits() > 14300 {
                return Err(to_str_limit_error());
            }
            let s = b.to_string();
            let digits = s.len() - usize::from(s.starts_with('-'));
            if digits > INT_MAX_STR_DIGITS {
                return Err(to_str_limit_error());
            }
            Ok(s)
        }
    }
}

/// Digits of `a` in `radix` (2..=36, lowercase letters), with a leading `-`
/// for negative values, no prefix and no length limit.
pub fn int_to_str_radix(a: &Int, radix: u32) -> String {
    assert!((2..=36).contains(&radix), "radix out of range");
    match a {
        Int::Small(v) if radix == 10 => v.to_string(),
        Int::Small(v) => {
            let mut n = v.unsigned_abs();
            let mut buf = Vec::new();
            loop {
                buf.push(std::char::from_digit((n % radix as u64) as u32, radix).unwrap());
                n /= radix as u64;
                if n == 0 {
                    break;
                }
            }
            if *v < 0 {
                buf.push('-');
            }
            buf.iter().rev().collect()
        }
        Int::Big(b) => b.to_str_radix(radix),
    }
}

fn prefixed(a: &Int, radix: u32, prefix: &str) -> String {
    let digits = int_to_str_radix(a, radix);
    match digits.strip_prefix('-') {
        Some(d) => format!("-{prefix}{d}"),
        None => format!("{prefix}{digits}"),
    }
}

/// `hex(a)`: `0xff`, `-0xff`.
pub fn int_hex(a: &Int) -> String {
    prefixed(a, 16, "0x")
}

/// `oct(a)`: `0o17`, `-0o17`.
pub fn int_oct(a: &Int) -> String {
    prefixed(a, 8, "0o")
}

/// `bin(a)`: `0b101`, `-0b101`.
pub fn int_bin(a: &Int) -> String {
    prefixed(a, 2, "0b")
}

#[cfg(test)]
mod tests {
    use super::*;
    use num_bigint::BigInt;
    use num_traits::Pow;

    #[test]
    fn examples() {
        assert_eq!(int_hex(&Int::Small(-255)), "-0xff");
        assert_eq!(int_oct(&Int::Small(8)), "0o10");
        assert_eq!(int_bin(&Int::Small(0)), "0b0");
        assert_eq!(
            int_bin(&Int::Small(i64::MIN)),
            format!("-0b1{}", "0".repeat(63))
        );
        assert_eq!(int_to_str_radix(&Int::Small(35), 36), "z");
        let p = |e: u32| Int::normalize(Pow::pow(BigInt::from(10), e));
        let below = super::super::int_sub(&p(4300), &Int::Small(1));
        assert_eq!(int_to_str(&below).unwrap().len(), 4300);
        assert_eq!(
            int_to_str(&super::super::int_neg(&below)).unwrap().len(),
            4301
        );
        assert_eq!(
            int_to_str(&p(4300)).unwrap_err().message(),
            "Exceeds the limit (4300 digits) for integer string conversion; \
             use sys.set_int_max_str_digits() to increase the limit"
        );
        assert!(int_to_str(&p(5000)).is_err());
        assert_eq!(int_hex(&p(5000)).len(), 4155);
        let big = Int::normalize(BigInt::from(-(1i128 << 100)));
        assert_eq!(int_hex(&big), "-0x10000000000000000000000000");
    }
}
