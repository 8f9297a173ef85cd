//! CPython 3.11 hashes of numbers, tuples and frozensets (64-bit build).
//!
//! Numbers hash to their value modulo the Mersenne prime `2**61 - 1` (with
//! the sign of the value), so equal ints and floats hash equal; `-1` is
//! reserved and becomes `-2`. Tuples use 3.11's xxHash-style combiner and
//! frozensets the shuffle-and-xor scheme of `frozenset_hash`, so hashing
//! matches CPython bit for bit and set iteration order can match too.

use super::Int;
use num_bigint::{BigUint, Sign};
use num_traits::ToPrimitive;

/// `2**61 - 1`, CPython's `_PyHASH_MODULUS`.
pub const HASH_MODULUS: u64 = (1u64 << 61) - 1;
/// `hash(float('inf'))` (negated for `-inf`).
pub const HASH_INF: i64 = 314159;
const HASH_BITS: u32 = 61;

fn fix_minus_one(h: i64) -> i64 {
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `hash(a)` for an int.
pub fn hash_int(a: &Int) -> i64 {
    let (negative, m) = match a {
        Int::Small(v) => (*v < 0, v.unsigned_abs() % HASH_MODULUS),
        Int::Big(b) => {
            let r = b.magnitude() % BigUint::from(HASH_MODULUS);
            (b.sign() == Sign::Minus, r.to_u64().expect("reduced"))
        }
    };
    let h = m as i64;
    fix_minus_one(if negative { -h } else { h })
}

/// `hash(b)` for a bool.
pub fn hash_bool(b: bool) -> i64 {
    b as i64
}

/// `frexp`: `x = m * 2**e` with `0.5 <= |m| < 1` (finite, non-zero `x`).
fn frexp(x: f64) -> (f64, i32) {
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    if biased == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp(x * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, biased - 1022)
}

/// `hash(x)` for a float; `None` for NaN, which CPython hashes by object
/// identity (the caller must use the object's address-based hash).
pub fn hash_f64(x: f64) -> Option<i64> {
    if x.is_nan() {
        return None;
    }
    if x.is_infinite() {
        return Some(if x > 0.0 { HASH_INF } else { -HASH_INF });
    }
    if x == 0.0 {
        return Some(0);
    }
    let (mut m, mut e) = frexp(x);
    let mut sign: i64 = 1;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut acc: u64 = 0;
    while m != 0.0 {
        acc = ((acc << 28) & HASH_MODULUS) | (acc >> (HASH_BITS - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        acc += y;
        if acc >= HASH_MODULUS {
            acc -= HASH_MODULUS;
        }
    }
    let bits = HASH_BITS as i32;
    let e = if e >= 0 {
        e % bits
    } else {
        bits - 1 - ((-1 - e) % bits)
    } as u32;
    acc = ((acc << e) & HASH_MODULUS) | (acc >> (HASH_BITS - e));
    Some(fix_minus_one((acc as i64).wrapping_mul(sign)))
}

const XXPRIME_1: u64 = 11400714785074694791;
const XXPRIME_2: u64 = 14029467366897019727;
const XXPRIME_5: u64 = 2870177450012600261;

/// `hash(t)` for a tuple, given the hashes of its items.
pub fn hash_tuple(items: &[i64]) -> i64 {
    let mut acc = XXPRIME_5;
    for &h in items {
        acc = acc.wrapping_add((h as u64).wrapping_mul(XXPRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(XXPRIME_1);
    }
    acc = acc.wrapping_add((items.len() as u64) ^ (XXPRIME_5 ^ 3527539));
    if acc == u64::MAX {
        return 1546275796;
    }
    acc as i64
}

fn shuffle_bits(h: u64) -> u64 {
    ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
}

/// `hash(frozenset(...))`, given the hashes of its (distinct) elements in
/// any order.
pub fn hash_frozenset(items: &[i64]) -> i64 {
    let mut hash: u64 = 0;
    for &h in items {
        hash ^= shuffle_bits(h as u64);
    }
    hash ^= (items.len() as u64)
        .wrapping_add(1)
        .wrapping_mul(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69069).wrapping_add(907133923);
    if hash == u64::MAX {
        hash = 590923713;
    }
    hash as i64
}

#[cfg(test)]
mod tests {
    use super::*;
    use num_bigint::BigInt;
    use std::str::FromStr;

    #[test]
    fn examples() {
        assert_eq!(hash_int(&Int::Small(-1)), -2);
        assert_eq!(hash_int(&Int::Small(i64::MIN)), -4);
        assert_eq!(hash_f64(51.0), Some(51));
        assert_eq!(hash_f64(0.5), Some(1152921504606846976));
        assert_eq!(hash_f64(-1.5), Some(-1152921504606846977));
        assert_eq!(hash_f64(1e300), Some(1224995262755759164));
        assert_eq!(hash_f64(5e-324), Some(16777216));
        assert_eq!(hash_f64(-1.0), Some(-2));
        assert_eq!(hash_f64(f64::NAN), None);
        assert_eq!(hash_tuple(&[]), 5740354900026072187);
        assert_eq!(hash_tuple(&[1, 2]), -3550055125485641917);
        assert_eq!(hash_frozenset(&[]), 133146708735736);
        assert_eq!(hash_frozenset(&[1, 2, 3]), -272375401224217160);
    }

    /// Vectors: `i value hash`, `f bits hash`, `t h1,h2,.. hash`,
    /// `s h1,h2,.. hash`.
    #[test]
    fn hash_vectors() {
        let data = include_str!("testdata/hash.txt");
        let mut n = 0;
        let list = |s: &str| -> Vec<i64> {
            if s.is_empty() {
                vec![]
            } else {
                s.split(',').map(|v| v.parse().unwrap()).collect()
            }
        };
        for line in data.lines() {
            let p: Vec<&str> = line.split('\t').collect();
            let want: i64 = p[2].parse().unwrap();
            let got = match p[0] {
                "i" => hash_int(&Int::normalize(BigInt::from_str(p[1]).unwrap())),
                "f" => hash_f64(f64::from_bits(u64::from_str_radix(p[1], 16).unwrap())).unwrap(),
                "t" => hash_tuple(&list(p[1])),
                "s" => hash_frozenset(&list(p[1])),
                _ => panic!("{line}"),
            };
            assert_eq!(got, want, "{line}");
            n += 1;
        }
        assert!(n > 1000);
    }
}
