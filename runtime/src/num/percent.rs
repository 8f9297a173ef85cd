//! printf-style `%` formatting (`str % args`), as CPython 3.11's
//! `PyUnicode_Format`.
//!
//! The caller walks the segments of [`parse_percent_format`] (or the lazy
//! [`percent_segments`]), fetches one argument per conversion (plus one per
//! `*`, resolved with [`PercentSpec::with_star_args`]), converts it and calls
//! [`percent_int`], [`percent_float`], [`percent_char`] or [`percent_str`].
//! Argument-type checks are the caller's: e.g. `%d` with a float argument
//! must be truncated first (`f64_to_int`), `%x` with a float is a TypeError
//! ("%x format: an integer is required, not float"), `%s`/`%r`/`%a` take
//! the caller's `str()`/`repr()`/`ascii()` text.

use super::format_spec::percent_c_value;
use super::{double_to_string, int_to_str, int_to_str_radix, DtoaFlags, Int};
use super::{NumError, NumResult};

/// A width or precision: a number, or `*` (taken from the arguments).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Count {
    /// Written in the format string.
    Fixed(usize),
    /// `*`: the next argument (an int) gives it.
    Star,
}

/// One `%` conversion.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PercentSpec {
    /// `%(key)s`: the mapping key.
    pub key: Option<String>,
    /// `-`: left-justify.
    pub left: bool,
    /// `+`: always write a sign.
    pub plus: bool,
    /// ` `: a space for non-negative numbers.
    pub space: bool,
    /// `#`: alternate form.
    pub alt: bool,
    /// `0`: zero padding (numbers only).
    pub zero: bool,
    /// Minimum width.
    pub width: Option<Count>,
    /// Precision.
    pub precision: Option<Count>,
    /// Conversion character (one of `d i u o x X e E f F g G c r s a` after
    /// [`PercentSpec::validate`]).
    pub conv: char,
    /// Character index of the conversion character in the format string.
    pub index: usize,
}

/// A piece of a `%` format string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PercentSegment {
    /// Literal text (`%%` already turned into `%`).
    Literal(String),
    /// A conversion.
    Spec(PercentSpec),
}

impl PercentSpec {
    /// The error CPython raises for an unknown conversion character (after it
    /// has fetched the argument): "unsupported format character 'z' (0x7a)
    /// at index 1".
    pub fn validate(&self) -> NumResult<()> {
        if "diuoxXeEfFgGcrsa".contains(self.conv) {
            return Ok(());
        }
        let cp = self.conv as u32;
        let shown = if (31..=126).contains(&cp) {
            self.conv
        } else {
            '?'
        };
        Err(NumError::Value(format!(
            "unsupported format character '{shown}' (0x{cp:x}) at index {}",
            self.index
        )))
    }

    /// Replace `*` counts by argument values as CPython does: a negative
    /// width means left-justify, a negative precision means 0.
    pub fn with_star_args(&self, width: Option<i64>, precision: Option<i64>) -> PercentSpec {
        let mut s = self.clone();
        if let (Some(Count::Star), Some(w)) = (&s.width, width) {
            if w < 0 {
                s.left = true;
            }
            s.width = Some(Count::Fixed(w.unsigned_abs() as usize));
        }
        if let (Some(Count::Star), Some(p)) = (&s.precision, precision) {
            s.precision = Some(Count::Fixed(p.max(0) as usize));
        }
        s
    }

    fn width_value(&self) -> usize {
        match self.width {
            Some(Count::Fixed(w)) => w,
            _ => 0,
        }
    }

    fn precision_value(&self) -> Option<usize> {
        match self.precision {
            Some(Count::Fixed(p)) => Some(p),
            _ => None,
        }
    }
}

/// Lazy parser over a `%` format string: yields segments in order and stops
/// after the first error (so callers can interleave argument fetching and
/// report errors in CPython's order).
pub struct PercentSegments {
    chars: Vec<char>,
    pos: usize,
    failed: bool,
}

/// Lazily parse a `%` format string (see [`PercentSegments`]). Conversions
/// are not validated: call [`PercentSpec::validate`] after fetching the
/// argument, as CPython does.
pub fn percent_segments(fmt: &str) -> PercentSegments {
    PercentSegments {
        chars: fmt.chars().collect(),
        pos: 0,
        failed: false,
    }
}

impl PercentSegments {
    fn parse_spec(&mut self) -> NumResult<PercentSpec> {
        let c = &self.chars;
        let n = c.len();
        let mut spec = PercentSpec {
            key: None,
            left: false,
            plus: false,
            space: false,
            alt: false,
            zero: false,
            width: None,
            precision: None,
            conv: '\0',
            index: 0,
        };
        let incomplete = || NumError::Value("incomplete format".into());
        // self.pos is just after '%'.
        let mut p = self.pos;
        if p < n && c[p] == '(' {
            p += 1;
            let start = p;
            let mut depth = 1;
            while depth > 0 && p < n {
                match c[p] {
                    ')' => depth -= 1,
                    '(' => depth += 1,
                    _ => {}
                }
                p += 1;
            }
            if depth > 0 {
                return Err(NumError::Value("incomplete format key".into()));
            }
            spec.key = Some(c[start..p - 1].iter().collect());
        }
        loop {
            match c.get(p) {
                Some('-') => spec.left = true,
                Some('+') => spec.plus = true,
                Some(' ') => spec.space = true,
                Some('#') => spec.alt = true,
                Some('0') => spec.zero = true,
                _ => break,
            }
            p += 1;
        }
        if c.get(p) == Some(&'*') {
            spec.width = Some(Count::Star);
            p += 1;
        } else if c.get(p).is_some_and(|d| d.is_ascii_digit()) {
            let mut w: usize = 0;
            while let Some(d) = c.get(p).and_then(|d| d.to_digit(10)) {
                w = w
                    .checked_mul(10)
                    .and_then(|w| w.checked_add(d as usize))
                    .filter(|&w| w <= isize::MAX as usize)
                    .ok_or_else(|| NumError::Value("width too big".into()))?;
                p += 1;
            }
            spec.width = Some(Count::Fixed(w));
        }
        if c.get(p) == Some(&'.') {
            p += 1;
            if c.get(p) == Some(&'*') {
                spec.precision = Some(Count::Star);
                p += 1;
            } else {
                let mut v: usize = 0;
                while let Some(d) = c.get(p).and_then(|d| d.to_digit(10)) {
                    v = v * 10 + d as usize;
                    if v > i32::MAX as usize {
                        return Err(NumError::Value("precision too big".into()));
                    }
                    p += 1;
                }
                spec.precision = Some(Count::Fixed(v));
            }
        }
        if matches!(c.get(p), Some('h' | 'l' | 'L')) {
            p += 1;
        }
        let Some(&conv) = c.get(p) else {
            return Err(incomplete());
        };
        spec.conv = conv;
        spec.index = p;
        self.pos = p + 1;
        Ok(spec)
    }
}

impl Iterator for PercentSegments {
    type Item = NumResult<PercentSegment>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed || self.pos >= self.chars.len() {
            return None;
        }
        if self.chars[self.pos] != '%' {
            let start = self.pos;
            while self.pos < self.chars.len() && self.chars[self.pos] != '%' {
                self.pos += 1;
            }
            return Some(Ok(PercentSegment::Literal(
                self.chars[start..self.pos].iter().collect(),
            )));
        }
        self.pos += 1;
        if self.chars.get(self.pos) == Some(&'%') {
            self.pos += 1;
            return Some(Ok(PercentSegment::Literal("%".into())));
        }
        match self.parse_spec() {
            Ok(s) => Some(Ok(PercentSegment::Spec(s))),
            Err(e) => {
                self.failed = true;
                Some(Err(e))
            }
        }
    }
}

/// Parse a whole `%` format string, validating conversion characters.
/// Errors: "incomplete format", "incomplete format key", "unsupported format
/// character 'z' (0x7a) at index 1", "width too big", "precision too big".
/// (CPython reports argument-count errors first when both apply; use
/// [`percent_segments`] to reproduce that order.)
pub fn parse_percent_format(fmt: &str) -> NumResult<Vec<PercentSegment>> {
    let mut out = Vec::new();
    for seg in percent_segments(fmt) {
        let seg = seg?;
        if let PercentSegment::Spec(s) = &seg {
            s.validate()?;
        }
        out.push(seg);
    }
    Ok(out)
}

/// CPython's `unicode_format_arg_output`: sign, `0x` prefix and padding.
fn output(s: &str, spec: &PercentSpec, numeric: bool) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut pindex = 0;
    let mut len = chars.len();
    let fill = if numeric && spec.zero { '0' } else { ' ' };
    let mut signchar = None;
    if numeric {
        match chars.first() {
            Some(&ch) if ch == '-' || ch == '+' => {
                signchar = Some(ch);
                len -= 1;
                pindex += 1;
            }
            _ if spec.plus => signchar = Some('+'),
            _ if spec.space => signchar = Some(' '),
            _ => {}
        }
    }
    let mut width = spec.width_value().max(len);
    let mut out = String::with_capacity(width + 2);
    if let Some(sc) = signchar {
        if fill != ' ' {
            out.push(sc);
        }
        if width > len {
            width -= 1;
        }
    }
    let prefix = numeric && spec.alt && matches!(spec.conv, 'x' | 'X' | 'o');
    if prefix {
        if fill != ' ' {
            out.extend(&chars[pindex..pindex + 2]);
            pindex += 2;
        }
        width = width.saturating_sub(2);
        len -= 2;
    }
    if width > len && !spec.left {
        out.extend(std::iter::repeat_n(fill, width - len));
        width = len;
    }
    if fill == ' ' {
        if let Some(sc) = signchar {
            out.push(sc);
        }
        if prefix {
            out.extend(&chars[pindex..pindex + 2]);
            pindex += 2;
        }
    }
    out.extend(&chars[pindex..pindex + len]);
    if width > len {
        out.extend(std::iter::repeat_n(' ', width - len));
    }
    out
}

/// `%d %i %u %o %x %X` of an int. Errors: the int->str digit limit for
/// decimal conversions.
pub fn percent_int(a: &Int, spec: &PercentSpec) -> NumResult<String> {
    let (digits, prefix) = match spec.conv {
        'o' => (int_to_str_radix(a, 8), "0o"),
        'x' => (int_to_str_radix(a, 16), "0x"),
        'X' => (int_to_str_radix(a, 16), "0X"),
        _ => (int_to_str(a)?, ""),
    };
    let (negative, digits) = match digits.strip_prefix('-') {
        Some(d) => (true, d.to_string()),
        None => (false, digits),
    };
    let digits = if spec.conv == 'X' {
        digits.to_ascii_uppercase()
    } else {
        digits
    };
    let mut s = String::new();
    if negative {
        s.push('-');
    }
    if spec.alt {
        s.push_str(prefix);
    }
    if let Some(p) = spec.precision_value() {
        s.extend(std::iter::repeat_n('0', p.saturating_sub(digits.len())));
    }
    s.push_str(&digits);
    Ok(output(&s, spec, true))
}

/// `%e %E %f %F %g %G` of a float (default precision 6). Another conversion
/// character gives `Unsupported`.
pub fn percent_float(x: f64, spec: &PercentSpec) -> NumResult<String> {
    if !"eEfFgG".contains(spec.conv) {
        return Err(NumError::Unsupported(
            "percent_float needs one of e E f F g G",
        ));
    }
    let flags = DtoaFlags {
        alt: spec.alt,
        ..DtoaFlags::default()
    };
    let prec = spec.precision_value().unwrap_or(6);
    let s = double_to_string(x, spec.conv, prec, flags);
    Ok(output(&s, spec, true))
}

/// `%c` of an int. Errors: "%c arg not in range(0x110000)" (Overflow);
/// surrogates give `Unsupported`. (A one-character str argument is padded
/// with [`percent_str`].)
pub fn percent_char(a: &Int, spec: &PercentSpec) -> NumResult<String> {
    let ch = percent_c_value(a)?;
    Ok(output(&ch.to_string(), spec, false))
}

/// `%s %r %a` (and `%c` of a one-character str): truncate to the precision,
/// pad to the width with spaces.
pub fn percent_str(s: &str, spec: &PercentSpec) -> String {
    let text = match spec.precision_value() {
        Some(p) => match s.char_indices().nth(p) {
            Some((i, _)) => &s[..i],
            None => s,
        },
        None => s,
    };
    output(text, spec, false)
}

/// Pad `s` with spaces to `width` characters, on the right when
/// `left_justify`, else on the left.
pub fn pad_str(s: &str, width: usize, left_justify: bool) -> String {
    let n = s.chars().count();
    if n >= width {
        return s.to_string();
    }
    let pad = " ".repeat(width - n);
    if left_justify {
        format!("{s}{pad}")
    } else {
        format!("{pad}{s}")
    }
}

#[cfg(test)]
mod tests {
    use super::super::testutil::{render, unhex};
    use super::*;
    use num_bigint::BigInt;
    use std::str::FromStr;

    /// Format one value with a single-conversion format string.
    fn fmt1(fmt: &str, arg: &str) -> String {
        let segs = match parse_percent_format(fmt) {
            Ok(s) => s,
            Err(e) => return render::<(), _>(&Err(e), |_| String::new()),
        };
        let mut out = String::new();
        for seg in segs {
            match seg {
                PercentSegment::Literal(l) => out.push_str(&l),
                PercentSegment::Spec(spec) => {
                    let r = match spec.conv {
                        'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
                            let v = Int::normalize(BigInt::from_str(arg).unwrap());
                            percent_int(&v, &spec)
                        }
                        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                            let x = f64::from_bits(u64::from_str_radix(arg, 16).unwrap());
                            percent_float(x, &spec)
                        }
                        'c' => {
                            let v = Int::normalize(BigInt::from_str(arg).unwrap());
                            percent_char(&v, &spec)
                        }
                        _ => Ok(percent_str(&unhex(arg), &spec)),
                    };
                    match r {
                        Ok(s) => out.push_str(&s),
                        Err(e) => return render::<(), _>(&Err(e), |_| String::new()),
                    }
                }
            }
        }
        out
    }

    #[test]
    fn examples() {
        assert_eq!(fmt1("%05d", "-42"), "-0042");
        assert_eq!(fmt1("%+d", "5"), "+5");
        assert_eq!(fmt1("%#x", "255"), "0xff");
        assert_eq!(fmt1("%x", "-255"), "-ff");
        assert_eq!(fmt1("%+#8x|", "255"), "   +0xff|");
        assert_eq!(fmt1("% #08X", "255"), " 0X000FF");
        assert_eq!(fmt1("%#.5x", "255"), "0x000ff");
        assert_eq!(fmt1("%08.3d", "-5"), "-0000005");
        assert_eq!(fmt1("%5.2f", &format!("{:x}", 3.25f64.to_bits())), " 3.25");
    }

    #[test]
    fn parsing() {
        let segs = parse_percent_format("a%%b%(x)-5.2sc%*.*d").unwrap();
        assert_eq!(segs.len(), 6);
        assert_eq!(segs[0], PercentSegment::Literal("a".into()));
        assert_eq!(segs[1], PercentSegment::Literal("%".into()));
        let PercentSegment::Spec(s) = &segs[3] else {
            panic!()
        };
        assert_eq!(s.key.as_deref(), Some("x"));
        assert!(s.left);
        assert_eq!(s.width, Some(Count::Fixed(5)));
        assert_eq!(s.precision, Some(Count::Fixed(2)));
        assert_eq!(s.index, 12);
        let e = |f: &str| parse_percent_format(f).unwrap_err().message().to_string();
        assert_eq!(e("%"), "incomplete format");
        assert_eq!(e("%(a"), "incomplete format key");
        assert_eq!(
            e("%z"),
            "unsupported format character 'z' (0x7a) at index 1"
        );
        assert_eq!(
            e("%5%"),
            "unsupported format character '%' (0x25) at index 2"
        );
        assert_eq!(
            e("%\u{7f}"),
            "unsupported format character '?' (0x7f) at index 1"
        );
        let PercentSegment::Spec(s) = &parse_percent_format("%ld").unwrap()[0] else {
            panic!()
        };
        assert_eq!(s.conv, 'd');
        let PercentSegment::Spec(s) = &parse_percent_format("%((a))s").unwrap()[0] else {
            panic!()
        };
        assert_eq!(s.key.as_deref(), Some("(a)"));
        let star = s.with_star_args(Some(-5), None);
        assert_eq!(star, *s);
        let PercentSegment::Spec(s) = &parse_percent_format("%*.*f").unwrap()[0] else {
            panic!()
        };
        let r = s.with_star_args(Some(-5), Some(-1));
        assert!(r.left);
        assert_eq!(r.width, Some(Count::Fixed(5)));
        assert_eq!(r.precision, Some(Count::Fixed(0)));
        assert_eq!(percent_float(1.5, &r).unwrap(), "2    ");
        assert_eq!(pad_str("ab", 5, true), "ab   ");
        assert_eq!(pad_str("ab", 5, false), "   ab");
    }

    /// Vectors: `fmt(hex) arg result(hex)`; the arg is a decimal int, float
    /// bits in hex, or hex text depending on the conversion.
    #[test]
    fn percent_vectors() {
        let data = include_str!("testdata/percent.txt");
        let mut n = 0;
        for line in data.lines() {
            let p: Vec<&str> = line.split('\t').collect();
            let fmt = unhex(p[0]);
            assert_eq!(fmt1(&fmt, p[1]), unhex(p[2]), "{fmt:?} % {}", p[1]);
            n += 1;
        }
        assert!(n > 2000);
    }
}
