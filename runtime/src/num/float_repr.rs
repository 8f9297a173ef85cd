//! Float to decimal text: `repr(float)` and CPython's `PyOS_double_to_string`.
//!
//! Digits come from `ryu` (shortest round-trip, for `repr`) or from Rust's
//! exact `{:.N}` / `{:.Ne}` formatting (correctly rounded, ties to even on the
//! exact binary value — the same digits CPython's dtoa produces). They are
//! then laid out with the rules of CPython's `format_float_short`: exponent
//! thresholds, `add_dot_0`, alternate form (`#`), `z` (no negative zero),
//! forced sign, at-least-two-digit exponents.

use std::fmt::Write;

/// Options of [`double_to_string`] (CPython's `Py_DTSF_*` flags).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DtoaFlags {
    /// Always emit a sign (`+` for non-negative values).
    pub sign: bool,
    /// Append `.0` to integral results written without an exponent.
    pub add_dot_0: bool,
    /// Alternate form: keep trailing zeros (`g`) and the decimal point.
    pub alt: bool,
    /// `z`: a value that rounds to zero is written without `-`.
    pub no_neg_0: bool,
}

/// `repr(x)` (and `str(x)`) of a float, exactly as CPython 3.11.
pub fn float_repr(x: f64) -> String {
    double_to_string(
        x,
        'r',
        0,
        DtoaFlags {
            add_dot_0: true,
            ..DtoaFlags::default()
        },
    )
}

/// Digits (no leading or trailing zeros; zero is `"0"`) and the decimal point
/// position: the value is `0.DIGITS * 10**decpt`.
fn split_decimal(s: &str) -> (String, i64) {
    let (mant, exp) = match s.find(['e', 'E']) {
        Some(i) => (&s[..i], s[i + 1..].parse::<i64>().expect("exponent")),
        None => (s, 0),
    };
    let (int_part, frac_part) = match mant.find('.') {
        Some(i) => (&mant[..i], &mant[i + 1..]),
        None => (mant, ""),
    };
    let all: String = int_part.chars().chain(frac_part.chars()).collect();
    let lead = all.bytes().take_while(|&b| b == b'0').count();
    let trimmed = all[lead..].trim_end_matches('0');
    if trimmed.is_empty() {
        return ("0".to_string(), 1);
    }
    (
        trimmed.to_string(),
        int_part.len() as i64 - lead as i64 + exp,
    )
}

/// Exact expansions never need more digits than these: a double has at most
/// 767 significant decimal digits and 1074 fractional ones.
const MAX_SIG_DIGITS: usize = 800;
const MAX_FRAC_DIGITS: usize = 1100;

/// CPython's `PyOS_double_to_string(x, code, precision, flags)`.
///
/// `code` is one of `e E f F g G r`; `precision` is the number of digits
/// after the point (`e`, `f`) or significant digits (`g`, where 0 means 1);
/// it is ignored for `r` (shortest repr digits). Upper-case codes write
/// `E`, `INF`, `NAN`. NaN never gets a `-` sign, like CPython.
///
/// # Panics
///
/// On any other `code`.
pub fn double_to_string(x: f64, code: char, precision: usize, flags: DtoaFlags) -> String {
    let upper = code.is_ascii_uppercase();
    let code = code.to_ascii_lowercase();
    let mut out = String::new();
    if !x.is_finite() {
        if x.is_infinite() && x < 0.0 {
            out.push('-');
        } else if flags.sign {
            out.push('+');
        }
        out.push_str(match (x.is_nan(), upper) {
            (true, false) => "nan",
            (true, true) => "NAN",
            (false, false) => "inf",
            (false, true) => "INF",
        });
        return out;
    }
    let ax = x.abs();
    // Digits and the precision as format_float_short sees it.
    let (digits, decpt, precision) = match code {
        'r' => {
            let mut buf = ryu::Buffer::new();
            let (d, p) = split_decimal(buf.format_finite(ax));
            (d, p, 0)
        }
        'e' => {
            let sig = precision + 1;
            let s = format!("{:.*e}", sig.min(MAX_SIG_DIGITS) - 1, ax);
            let (d, p) = split_decimal(&s);
            (d, p, sig as i64)
        }
        'g' => {
            let sig = precision.max(1);
            let s = format!("{:.*e}", sig.min(MAX_SIG_DIGITS) - 1, ax);
            let (d, p) = split_decimal(&s);
            (d, p, sig as i64)
        }
        'f' => {
            let s = format!("{:.*}", precision.min(MAX_FRAC_DIGITS), ax);
            let (d, p) = split_decimal(&s);
            (d, p, precision as i64)
        }
        _ => panic!("double_to_string: bad format code {code:?}"),
    };
    let mut sign = x.is_sign_negative();
    if sign && flags.no_neg_0 && digits == "0" {
        sign = false;
    }
    let digits_len = digits.len() as i64;
    let mut vdigits_end = digits_len;
    let mut use_exp = false;
    match code {
        'e' => {
            use_exp = true;
            vdigits_end = precision;
        }
        'f' => vdigits_end = decpt + precision,
        'g' => {
            let limit = if flags.add_dot_0 {
                precision - 1
            } else {
                precision
            };
            if decpt <= -4 || decpt > limit {
                use_exp = true;
            }
            if flags.alt {
                vdigits_end = precision;
            }
        }
        _ => {
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut decpt = decpt;
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    vdigits_end = if !use_exp && flags.add_dot_0 {
        vdigits_end.max(decpt + 1)
    } else {
        vdigits_end.max(decpt)
    };
    let zeros = |out: &mut String, n: i64| {
        for _ in 0..n.max(0) {
            out.push('0');
        }
    };
    if sign {
        out.push('-');
    } else if flags.sign {
        out.push('+');
    }
    if decpt <= 0 {
        zeros(&mut out, decpt - vdigits_start);
        out.push('.');
        zeros(&mut out, -decpt);
    } else {
        zeros(&mut out, -vdigits_start);
    }
    if 0 < decpt && decpt <= digits_len {
        out.push_str(&digits[..decpt as usize]);
        out.push('.');
        out.push_str(&digits[decpt as usize..]);
    } else {
        out.push_str(&digits);
    }
    if digits_len < decpt {
        zeros(&mut out, decpt - digits_len);
        out.push('.');
        zeros(&mut out, vdigits_end - decpt);
    } else {
        zeros(&mut out, vdigits_end - digits_len);
    }
    if out.ends_with('.') && !flags.alt {
        out.pop();
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        let _ = write!(out, "{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_examples() {
        let cases: &[(f64, &str)] = &[
            (1e16, "1e+16"),
            (1e-7, "1e-07"),
            (0.1 + 0.2, "0.30000000000000004"),
            (1.0, "1.0"),
            (-0.0, "-0.0"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (-f64::NAN, "nan"),
            (1.2345678901234567e20, "1.2345678901234567e+20"),
            (123456789012345680.0, "1.2345678901234568e+17"),
            (1e15, "1000000000000000.0"),
            (9999999999999998.0, "9999999999999998.0"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (5e-324, "5e-324"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (2e16 + 8.0, "2.000000000000001e+16"),
        ];
        for (x, want) in cases {
            assert_eq!(float_repr(*x), *want, "{x:e}");
        }
    }

    #[test]
    fn huge_precisions() {
        let s = double_to_string(1.0, 'f', 70000, DtoaFlags::default());
        assert_eq!(s.len(), 70002);
        let s = double_to_string(5e-324, 'e', 2000, DtoaFlags::default());
        assert!(s.starts_with("4.940656458412465441765687928682213723650598026"));
        assert!(s.ends_with("000e-324"));
        assert_eq!(s.len(), 2007);
        let s = double_to_string(
            0.1,
            'g',
            2000,
            DtoaFlags {
                alt: true,
                ..Default::default()
            },
        );
        assert_eq!(s.len(), 2002);
    }

    /// `repr` vectors from `testdata/gen_vectors.py`: `bits repr`.
    #[test]
    fn repr_vectors() {
        let data = include_str!("testdata/float_repr.txt");
        let mut n = 0;
        for line in data.lines() {
            let (bits, want) = line.split_once('\t').unwrap();
            let x = f64::from_bits(u64::from_str_radix(bits, 16).unwrap());
            assert_eq!(float_repr(x), want, "{bits}");
            n += 1;
        }
        assert!(n > 3000);
    }
}
