//! The `random` module with CPython's exact Mersenne Twister stream.
//!
//! `random.Random` is a builtin class whose instances carry a `RandomState`
//! (native state); the module-level functions are methods bound to one
//! hidden shared instance, as in CPython. The distributions follow
//! CPython 3.11's `random.py` step by step, so every call consumes the same
//! words of the generator and produces bit-identical floats.

use super::mod_random_mt::{sha512, Mt};
use super::modules::{new_module, set};
use crate::gc::{Gc, Tracer};
use crate::num::{self, Int};
use crate::object::class::Base;
use crate::object::*;
use crate::ops::{self, cast, int as oint, kind_of};
use crate::thread::Thread;
use crate::value::Value;
use crate::PyResult;
use num_bigint::{BigInt, BigUint, Sign};
use std::any::Any;
use std::cell::Cell;

pub struct RandomState {
    mt: GcCell<Mt>,
    gauss_next: Cell<Option<f64>>,
}

impl NativeState for RandomState {
    fn trace(&self, _tr: &mut Tracer) {}
    fn as_any(&self) -> &dyn Any {
        self
    }
}

impl RandomState {
    #[inline]
    fn random(&self) -> f64 {
        self.mt.get_mut().random()
    }
}

type Method = fn(&mut Thread, &'static RandomState, &[Option<Value>]) -> PyResult<Value>;

/// One method of `Random`: its name, positional parameters (after self),
/// how many are required, keyword-only parameters, and the implementation.
struct Spec {
    name: &'static str,
    qual: &'static str,
    params: &'static [&'static str],
    required: usize,
    kwonly: &'static [&'static str],
    f: Method,
}

macro_rules! spec {
    ($name:literal, [$($p:literal),*], $req:expr, [$($k:literal),*], $f:expr) => {
        Spec {
            name: $name,
            qual: concat!("Random.", $name),
            params: &[$($p),*],
            required: $req,
            kwonly: &[$($k),*],
            f: $f,
        }
    };
}

const SPECS: &[Spec] = &[
    spec!("seed", ["a", "version"], 0, [], m_seed),
    spec!("random", [], 0, [], m_random),
    spec!("getrandbits", ["k"], 1, [], m_getrandbits),
    spec!("randrange", ["start", "stop", "step"], 1, [], m_randrange),
    spec!("randint", ["a", "b"], 2, [], m_randint),
    spec!("choice", ["seq"], 1, [], m_choice),
    spec!("shuffle", ["x"], 1, [], m_shuffle),
    spec!("sample", ["population", "k"], 2, ["counts"], m_sample),
    spec!(
        "choices",
        ["population", "weights"],
        1,
        ["cum_weights", "k"],
        m_choices
    ),
    spec!("uniform", ["a", "b"], 2, [], m_uniform),
    spec!("triangular", ["low", "high", "mode"], 0, [], m_triangular),
    spec!("normalvariate", ["mu", "sigma"], 0, [], m_normalvariate),
    spec!("gauss", ["mu", "sigma"], 0, [], m_gauss),
    spec!("lognormvariate", ["mu", "sigma"], 2, [], m_lognormvariate),
    spec!("expovariate", ["lambd"], 1, [], m_expovariate),
    spec!("vonmisesvariate", ["mu", "kappa"], 2, [], m_vonmisesvariate),
    spec!("gammavariate", ["alpha", "beta"], 2, [], m_gammavariate),
    spec!("betavariate", ["alpha", "beta"], 2, [], m_betavariate),
    spec!("paretovariate", ["alpha"], 1, [], m_paretovariate),
    spec!("weibullvariate", ["alpha", "beta"], 2, [], m_weibullvariate),
    spec!("getstate", [], 0, [], m_getstate),
    spec!("setstate", ["state"], 1, [], m_setstate),
];

macro_rules! entry {
    ($($i:literal),*) => {
        [$(|t: &mut Thread, a: &[Value], k: Option<Gc<Tuple>>| dispatch(t, &SPECS[$i], a, k),)*]
    };
}

const ENTRIES: [BuiltinFn; 22] =
    entry!(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21);

/// Binds arguments as a Python method `def name(self, params..., *, kwonly...)` would.
fn bind(
    t: &mut Thread,
    s: &Spec,
    args: &[Value],
    kw: Option<Gc<Tuple>>,
) -> PyResult<Vec<Option<Value>>> {
    let (pos, kws) = ops::call::split_kw(args, kw);
    let pos = &pos[1..];
    let np = s.params.len();
    let mut out: Vec<Option<Value>> = vec![None; np + s.kwonly.len()];
    if pos.len() > np {
        let msg = if s.required == np {
            format!(
                "{}() takes {} positional argument{} but {} were given",
                s.qual,
                np + 1,
                if np == 0 { "" } else { "s" },
                pos.len() + 1
            )
        } else {
            format!(
                "{}() takes from {} to {} positional arguments but {} were given",
                s.qual,
                s.required + 1,
                np + 1,
                pos.len() + 1
            )
        };
        return Err(t.type_error(&msg));
    }
    for (i, v) in pos.iter().enumerate() {
        out[i] = Some(*v);
    }
    for (k, v) in kws {
        let name = k.as_str();
        let slot = s
            .params
            .iter()
            .chain(s.kwonly.iter())
            .position(|p| *p == name);
        match slot {
            Some(i) => {
                if out[i].is_some() {
                    let msg = format!("{}() got multiple values for argument '{}'", s.qual, name);
                    return Err(t.type_error(&msg));
                }
                out[i] = Some(v);
            }
            None => {
                let msg = format!("{}() got an unexpected keyword argument '{}'", s.qual, name);
                return Err(t.type_error(&msg));
            }
        }
    }
    let missing: Vec<&str> = (0..s.required)
        .filter(|&i| out[i].is_none())
        .map(|i| s.params[i])
        .collect();
    if !missing.is_empty() {
        let names: Vec<String> = missing.iter().map(|m| format!("'{m}'")).collect();
        let list = match names.len() {
            1 => names[0].clone(),
            2 => format!("{} and {}", names[0], names[1]),
            _ => format!(
                "{}, and {}",
                names[..names.len() - 1].join(", "),
                names[names.len() - 1]
            ),
        };
        let msg = format!(
            "{}() missing {} required positional argument{}: {}",
            s.qual,
            missing.len(),
            if missing.len() == 1 { "" } else { "s" },
            list
        );
        return Err(t.type_error(&msg));
    }
    Ok(out)
}

fn dispatch(t: &mut Thread, s: &Spec, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let Some(&me) = args.first() else {
        let msg = format!("unbound method {}() needs an argument", s.qual);
        return Err(t.type_error(&msg));
    };
    let Some(st) = native_state::<RandomState>(me) else {
        let msg = format!(
            "descriptor '{}' requires a 'random.Random' object but received a '{}'",
            s.name,
            t.type_name(me)
        );
        return Err(t.type_error(&msg));
    };
    if s.params.is_empty() && s.kwonly.is_empty() && args.len() == 1 && kw.is_none() {
        return (s.f)(t, st, &[]);
    }
    if matches!(s.name, "random" | "getrandbits") {
        // Methods of the C base class: CPython's METH_NOARGS/METH_O messages.
        super::args::no_kw(t, s.qual, kw)?;
        let n = args.len() - 1;
        if n != s.params.len() {
            let msg = if s.params.is_empty() {
                format!("{}() takes no arguments ({n} given)", s.qual)
            } else {
                format!("{}() takes exactly one argument ({n} given)", s.qual)
            };
            return Err(t.type_error(&msg));
        }
    }
    let a = bind(t, s, args, kw)?;
    (s.f)(t, st, &a)
}

fn new_state() -> RandomState {
    RandomState {
        mt: GcCell::new(Mt::new()),
        gauss_next: Cell::new(None),
    }
}

/// `Random.__init__(self, x=None)`.
fn random_init(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    const INIT: Spec = spec!("__init__", ["x"], 0, [], m_seed);
    let me = args[0];
    let a = bind(t, &INIT, args, kw)?;
    let Some(inst) = cast::<Instance>(me) else {
        return Err(t.type_error("Random.__init__() requires a Random instance"));
    };
    if native_state::<RandomState>(me).is_none() {
        let n = t.alloc(Native {
            state: Box::new(new_state()),
        });
        inst.base.set(n.as_value());
    }
    let st = native_state::<RandomState>(me).expect("state just set");
    seed_value(t, st, a[0].unwrap_or(Value::NONE))?;
    Ok(Value::NONE)
}

/// Creates the module.
pub fn make(t: &mut Thread) -> PyResult<Option<Value>> {
    let m = new_module(t, "random");
    t.temp_roots.push(m.as_value());
    let cls = t.make_builtin_class("Random", Some(t.classes.object), Base::Object);
    let modname = t.intern("random");
    cls.module.set(modname.as_value());
    super::def_method(t, cls, "__init__", "Random.__init__", random_init);
    for (s, f) in SPECS.iter().zip(ENTRIES) {
        super::def_method(t, cls, s.name, s.qual, f);
    }
    set(t, m, "Random", cls.as_value());
    let r = (|| {
        let inst = ops::call::call_class(t, cls, &[], None)?;
        t.temp_roots.push(inst);
        set(t, m, "_inst", inst);
        for (s, f) in SPECS.iter().zip(ENTRIES) {
            let b = t.alloc(Builtin {
                name: s.name,
                qualname: s.qual,
                f,
                receiver: inst,
                is_method: true,
            });
            set(t, m, s.name, b.as_value());
        }
        t.temp_roots.pop();
        Ok(())
    })();
    t.temp_roots.pop();
    r?;
    Ok(Some(m.as_value()))
}

// ----- seeding -----

fn seed_value(t: &mut Thread, st: &RandomState, a: Value) -> PyResult<()> {
    st.gauss_next.set(None);
    let mt = st.mt.get_mut();
    if a.is_none() {
        mt.init_by_array(&entropy());
        return Ok(());
    }
    if let Some(i) = oint::to_int(a) {
        let words = match i {
            Int::Small(x) => {
                let u = x.unsigned_abs();
                vec![u as u32, (u >> 32) as u32]
            }
            Int::Big(b) => b.magnitude().to_u32_digits(),
        };
        mt.seed_words(&words);
        return Ok(());
    }
    if let Some(f) = a.as_float() {
        let h = num::hash_f64(f).unwrap_or(0) as u64;
        mt.seed_words(&[h as u32, (h >> 32) as u32]);
        return Ok(());
    }
    if let Some(s) = ops::as_str(a) {
        let mut bytes = s.as_str().as_bytes().to_vec();
        let digest = sha512(&bytes);
        bytes.extend_from_slice(&digest);
        let n = BigUint::from_bytes_be(&bytes);
        mt.seed_words(&n.to_u32_digits());
        return Ok(());
    }
    Err(t.type_error(
        "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.",
    ))
}

fn entropy() -> Vec<u32> {
    use std::io::Read;
    let mut buf = [0u8; 624 * 4];
    let ok = std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut buf))
        .is_ok();
    if ok {
        return buf
            .chunks(4)
            .map(|c| u32::from_le_bytes(c.try_into().expect("4 bytes")))
            .collect();
    }
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    h.write_u128(now);
    h.write_usize(&buf as *const _ as usize);
    let x = h.finish();
    vec![x as u32, (x >> 32) as u32, now as u32, std::process::id()]
}

fn m_seed(t: &mut Thread, st: &'static RandomState, a: &[Option<Value>]) -> PyResult<Value> {
    let v = a.first().copied().flatten().unwrap_or(Value::NONE);
    if let Some(ver) = a.get(1).copied().flatten() {
        if oint::to_i64(ver) == Some(1) && ops::as_str(v).is_some() {
            return Err(t.unsupported("random.seed(str, version=1)"));
        }
    }
    seed_value(t, st, v)?;
    Ok(Value::NONE)
}

// ----- ints -----

fn m_random(_t: &mut Thread, st: &'static RandomState, _a: &[Option<Value>]) -> PyResult<Value> {
    Ok(Value::float(st.random()))
}

fn getrandbits_int(st: &RandomState, k: u64) -> Int {
    if k <= 63 {
        return Int::Small(st.mt.get_mut().bits64(k as u32) as i64);
    }
    let words = st.mt.get_mut().bits_words(k);
    Int::normalize(BigInt::from_biguint(
        Sign::Plus,
        BigUint::from_slice(&words),
    ))
}

fn m_getrandbits(t: &mut Thread, st: &'static RandomState, a: &[Option<Value>]) -> PyResult<Value> {
    let v = a[0].expect("required");
    let k = super::args::int_arg(t, v)?;
    if k < 0 {
        return Err(t.value_error("number of bits must be non-negative"));
    }
    let r = getrandbits_int(st, k as u64);
    Ok(oint::from_int(t, r))
}

/// `_randbelow(n)` for `n > 0`.
fn randbelow(st: &RandomState, n: &Int) -> Int {
    if let Some(x) = n.as_i64() {
        return Int::Small(st.mt.get_mut().below(x as u64) as i64);
    }
    let k = num::int_bit_length(n);
    loop {
        let r = getrandbits_int(st, k);
        if num::int_cmp(&r, n) == std::cmp::Ordering::Less {
            return r;
        }
    }
}

#[inline]
fn below(st: &RandomState, n: usize) -> usize {
    st.mt.get_mut().below(n as u64) as usize
}

/// An int argument of randrange: ints, `__index__`, or integral floats
/// (deprecated in CPython but accepted).
fn range_arg(t: &mut Thread, v: Value, what: &str) -> PyResult<Int> {
    if let Some(i) = oint::to_int(v) {
        return Ok(i);
    }
    if let Some(f) = v.as_float() {
        if f.is_finite() && f == f.trunc() {
            return oint::check(t, num::f64_to_int(f));
        }
        if f.is_nan() {
            return Err(t.value_error("cannot convert float NaN to integer"));
        }
        if f.is_infinite() {
            return Err(t.overflow_error("cannot convert float infinity to integer"));
        }
        let msg = format!("non-integer {what} for randrange()");
        return Err(t.value_error(&msg));
    }
    if kind_of(v) == Some(Kind::Instance) {
        if let Some(r) = ops::call::call_dunder(t, v, t.names.index, &[])? {
            if let Some(i) = oint::to_int(r) {
                return Ok(i);
            }
        }
    }
    let msg = format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        t.type_name(v)
    );
    Err(t.type_error(&msg))
}

fn randrange(
    t: &mut Thread,
    st: &RandomState,
    start: Value,
    stop: Value,
    step: Option<Value>,
) -> PyResult<Value> {
    let istart = range_arg(t, start, "arg 1")?;
    if stop.is_none() {
        if step.is_some() {
            return Err(t.type_error("Missing a non-None stop argument"));
        }
        if istart.signum() > 0 {
            let r = randbelow(st, &istart);
            return Ok(oint::from_int(t, r));
        }
        return Err(t.value_error("empty range for randrange()"));
    }
    let istop = range_arg(t, stop, "stop")?;
    // Fast path: everything fits i64.
    let istep = match step {
        None => Int::Small(1),
        Some(s) => range_arg(t, s, "step")?,
    };
    if let (Some(a), Some(b), Some(s)) = (istart.as_i64(), istop.as_i64(), istep.as_i64()) {
        let width = b as i128 - a as i128;
        if s == 1 {
            if width > 0 {
                let r = if width <= i64::MAX as i128 {
                    st.mt.get_mut().below(width as u64) as i128
                } else {
                    let w = Int::normalize(BigInt::from(width));
                    match randbelow(st, &w) {
                        Int::Small(x) => x as i128,
                        Int::Big(x) => num_traits::ToPrimitive::to_i128(&x).unwrap_or(0),
                    }
                };
                return Ok(oint::from_i128(t, a as i128 + r));
            }
            let msg = format!("empty range for randrange() ({a}, {b}, {width})");
            return Err(t.value_error(&msg));
        }
        let s = s as i128;
        let n = match s.signum() {
            1 => floor_div(width + s - 1, s),
            -1 => floor_div(width + s + 1, s),
            _ => return Err(t.value_error("zero step for randrange()")),
        };
        if n <= 0 {
            return Err(t.value_error("empty range for randrange()"));
        }
        let k = Int::normalize(BigInt::from(n));
        let r = match randbelow(st, &k) {
            Int::Small(x) => x as i128,
            Int::Big(x) => num_traits::ToPrimitive::to_i128(&x).unwrap_or(0),
        };
        return Ok(oint::from_i128(t, a as i128 + s * r));
    }
    let width = num::int_sub(&istop, &istart);
    if istep == Int::Small(1) {
        if width.signum() > 0 {
            let r = randbelow(st, &width);
            let v = num::int_add(&istart, &r);
            return Ok(oint::from_int(t, v));
        }
        let msg = format!(
            "empty range for randrange() ({}, {}, {})",
            oint::check(t, num::int_to_str(&istart))?,
            oint::check(t, num::int_to_str(&istop))?,
            oint::check(t, num::int_to_str(&width))?
        );
        return Err(t.value_error(&msg));
    }
    let n = match istep.signum() {
        1 => {
            let x = num::int_sub(&num::int_add(&width, &istep), &Int::Small(1));
            oint::check(t, num::int_floordiv(&x, &istep))?
        }
        -1 => {
            let x = num::int_add(&num::int_add(&width, &istep), &Int::Small(1));
            oint::check(t, num::int_floordiv(&x, &istep))?
        }
        _ => return Err(t.value_error("zero step for randrange()")),
    };
    if n.signum() <= 0 {
        return Err(t.value_error("empty range for randrange()"));
    }
    let r = randbelow(st, &n);
    let v = num::int_add(&istart, &num::int_mul(&istep, &r));
    Ok(oint::from_int(t, v))
}

fn floor_div(a: i128, b: i128) -> i128 {
    let q = a / b;
    if (a % b != 0) && ((a < 0) != (b < 0)) {
        q - 1
    } else {
        q
    }
}

fn m_randrange(t: &mut Thread, st: &'static RandomState, a: &[Option<Value>]) -> PyResult<Value> {
    randrange(
        t,
        st,
        a[0].expect("required"),
        a[1].unwrap_or(Value::NONE),
        a[2],
    )
}

fn m_randint(t: &mut Thread, st: &'static RandomState, a: &[Option<Value>]) -> PyResult<Value> {
    let (lo, hi) = (a[0].expect("required"), a[1].expect("required"));
    if let (Some(x), Some(y)) = (lo.as_small_int(), hi.as_small_int()) {
        let width = y as i128 + 1 - x as i128;
        if width > 0 && width <= i64::MAX as i128 {
            let r = st.mt.get_mut().below(width as u64) as i128;
            return Ok(oint::from_i128(t, x as i128 + r));
        }
    }
    let one = Value::small_int_unchecked(1);
    let hi1 = ops::arith::binary(t, hi, one, crate::bytecode::BinOp::Add)?;
    randrange(t, st, lo, hi1, None)
}

// ----- sequences -----

fn seq_len(t: &mut Thread, v: Value) -> PyResult<usize> {
    ops::len(t, v)
}

#[inline]
fn seq_get(t: &mut Thread, seq: Value, i: usize) -> PyResult<Value> {
    if let Some(l) = cast::<List>(seq) {
        if let Some(v) = l.get(i) {
            return Ok(v);
        }
    }
    if let Some(tu) = cast::<Tuple>(seq) {
        if let Some(v) = tu.items.get(i) {
            return Ok(*v);
        }
    }
    let key = t.new_int(i as i64);
    ops::item::getitem(t, seq, key)
}

fn m_choice(t: &mut Thread, st: &'static RandomState, a: &[Option<Value>]) -> PyResult<Value> {
    let seq = a[0].expect("required");
    let n = seq_len(t, seq)?;
    if n == 0 {
        return Err(t.index_error("Cannot choose from an empty sequence"));
    }
    let i = below(st, n);
    seq_get(t, seq, i)
}

fn m_shuffle(t: &mut Thread, st: &'static RandomState, a: &[Option<Value>]) -> PyResult<Value> {
    let x = a[0].expect("required");
    if let Some(l) = ops::as_list(x) {
        if kind_of(x) == Some(Kind::List) {
            let n = l.len();
            for i in (1..n).rev() {
                let j = below(st, i + 1);
                let items = l.items.get_mut();
                if i < items.len() && j < items.len() {
                    items.swap(i, j);
                }
            }
            return Ok(Value::NONE);
        }
    }
    let n = seq_len(t, x)?;
    for i in (1..n).rev() {
        let j = below(st, i + 1);
        let ki = t.new_int(i as i64);
        let kj = t.new_int(j as i64);
        let xj = ops::item::getitem(t, x, kj)?;
        let xi = ops::item::getitem(t, x, ki)?;
        ops::item::setitem(t, x, ki, xj)?;
        ops::item::setitem(t, x, kj, xi)?;
    }
    Ok(Value::NONE)
}

/// Whether `v` is a `collections.abc.Sequence` (for `sample`).
fn is_sequence(v: Value) -> bool {
    matches!(
        kind_of(v),
        Some(Kind::List) | Some(Kind::Tuple) | Some(Kind::Str) | Some(Kind::Range)
    ) || ops::as_list(v).is_some()
}

fn sample_indices(st: &RandomState, n: usize, k: usize) -> Vec<usize> {
    let mut setsize = 21usize;
    if k > 5 {
        let e = ((k * 3) as f64).ln() / 4f64.ln();
        setsize += 4usize.pow(e.ceil() as u32);
    }
    let mut out = Vec::with_capacity(k);
    if n <= setsize {
        let mut pool: Vec<usize> = (0..n).collect();
        for i in 0..k {
            let j = below(st, n - i);
            out.push(pool[j]);
            pool[j] = pool[n - i - 1];
        }
    } else {
        let mut selected = std::collections::HashSet::with_capacity(k);
        for _ in 0..k {
            let mut j = below(st, n);
            while selected.contains(&j) {
                j = below(st, n);
            }
            selected.insert(j);
            out.push(j);
        }
    }
    out
}

fn m_sample(t: &mut Thread, st: &'static RandomState, a: &[Option<Value>]) -> PyResult<Value> {
    let pop = a[0].expect("required");
    let kv = a[1].expect("required");
    if !is_sequence(pop) {
        return Err(
            t.type_error("Population must be a sequence.  For dicts or sets, use sorted(d).")
        );
    }
    let n = seq_len(t, pop)?;
    let counts = a[2].filter(|c| !c.is_none());
    let k = super::args::int_arg(t, kv)?;
    if let Some(counts) = counts {
        let cl = ops::iter::collect_list(t, counts)?;
        t.temp_roots.push(cl.as_value());
        let r = sample_counts(t, st, pop, n, cl.snapshot(), k);
        t.temp_roots.pop();
        return r;
    }
    if k < 0 || k as usize > n {
        return Err(t.value_error("Sample larger than population or is negative"));
    }
    let idx = sample_indices(st, n, k as usize);
    let out = t.alloc(List::new(Vec::with_capacity(idx.len())));
    t.temp_roots.push(out.as_value());
    let r = (|| {
        for i in idx {
            let v = seq_get(t, pop, i)?;
            out.push(v);
        }
        Ok(out.as_value())
    })();
    t.temp_roots.pop();
    r
}

fn sample_counts(
    t: &mut Thread,
    st: &RandomState,
    pop: Value,
    n: usize,
    counts: Vec<Value>,
    k: i64,
) -> PyResult<Value> {
    let mut cum: Vec<i64> = Vec::with_capacity(counts.len());
    let mut total: i64 = 0;
    for c in &counts {
        let Some(x) = oint::to_i64(*c) else {
            return Err(t.type_error("Counts must be integers"));
        };
        total = total.saturating_add(x);
        cum.push(total);
    }
    if cum.len() != n {
        return Err(t.value_error("The number of counts does not match the population"));
    }
    let total = cum.pop().unwrap_or(0);
    if total <= 0 {
        return Err(t.value_error("Total of counts must be greater than zero"));
    }
    if k < 0 || k > total {
        return Err(t.value_error("Sample larger than population or is negative"));
    }
    let sel = sample_indices(st, total as usize, k as usize);
    let out = t.alloc(List::new(Vec::with_capacity(sel.len())));
    t.temp_roots.push(out.as_value());
    let r = (|| {
        for s in sel {
            let i = cum.partition_point(|&c| c <= s as i64);
            let v = seq_get(t, pop, i)?;
            out.push(v);
        }
        Ok(out.as_value())
    })();
    t.temp_roots.pop();
    r
}

/// An accumulated weight: exact while only ints are added.
#[derive(Clone, Copy)]
enum Acc {
    Int(i128),
    Float(f64),
}

impl Acc {
    fn f(self) -> f64 {
        match self {
            Acc::Int(i) => i as f64,
            Acc::Float(f) => f,
        }
    }
}

fn weight(t: &mut Thread, v: Value) -> PyResult<Acc> {
    if let Some(f) = v.as_float() {
        return Ok(Acc::Float(f));
    }
    if let Some(i) = oint::to_i128(v) {
        return Ok(Acc::Int(i));
    }
    let msg = format!(
        "unsupported operand type(s) for +: 'int' and '{}'",
        t.type_name(v)
    );
    Err(t.type_error(&msg))
}

fn m_choices(t: &mut Thread, st: &'static RandomState, a: &[Option<Value>]) -> PyResult<Value> {
    let pop = a[0].expect("required");
    let weights = a[1].filter(|v| !v.is_none());
    let cum_weights = a[2].filter(|v| !v.is_none());
    let k = match a[3] {
        Some(v) => super::args::int_arg(t, v)?,
        None => 1,
    };
    let n = seq_len(t, pop)?;
    let out = t.alloc(List::new(Vec::new()));
    t.temp_roots.push(out.as_value());
    let r = (|| {
        let cum: Vec<f64> = match (weights, cum_weights) {
            (None, None) => {
                let nf = n as f64;
                for _ in 0..k.max(0) {
                    let i = (st.random() * nf).floor() as usize;
                    let v = seq_get(t, pop, i)?;
                    out.push(v);
                }
                return Ok(out.as_value());
            }
            (Some(w), None) => {
                if oint::is_int(w) {
                    let msg = format!(
                        "The number of choices must be a keyword argument: k={}",
                        oint::int_to_decimal(t, w)?
                    );
                    return Err(t.type_error(&msg));
                }
                let wl = ops::iter::collect_list(t, w)?;
                let mut acc: Option<Acc> = None;
                let mut cum = Vec::with_capacity(wl.len());
                for v in wl.snapshot() {
                    let x = weight(t, v)?;
                    let s = match (acc, x) {
                        (None, x) => x,
                        (Some(Acc::Int(p)), Acc::Int(q)) => Acc::Int(p + q),
                        (Some(p), q) => Acc::Float(p.f() + q.f()),
                    };
                    acc = Some(s);
                    cum.push(s.f());
                }
                cum
            }
            (None, Some(c)) => {
                let cl = ops::iter::collect_list(t, c)?;
                let mut cum = Vec::with_capacity(cl.len());
                for v in cl.snapshot() {
                    let x = weight(t, v)?;
                    cum.push(x.f());
                }
                cum
            }
            (Some(_), Some(_)) => {
                return Err(t.type_error("Cannot specify both weights and cumulative weights"))
            }
        };
        if cum.len() != n {
            return Err(t.value_error("The number of weights does not match the population"));
        }
        let Some(&total) = cum.last() else {
            return Err(t.index_error("list index out of range"));
        };
        if total <= 0.0 {
            return Err(t.value_error("Total of weights must be greater than zero"));
        }
        if !total.is_finite() {
            return Err(t.value_error("Total of weights must be finite"));
        }
        let hi = n - 1;
        for _ in 0..k.max(0) {
            let x = st.random() * total;
            let i = cum[..hi].partition_point(|&c| c <= x);
            let v = seq_get(t, pop, i)?;
            out.push(v);
        }
        Ok(out.as_value())
    })();
    t.temp_roots.pop();
    r
}

// ----- real-valued distributions -----

fn real(t: &mut Thread, v: Value) -> PyResult<f64> {
    if let Some(f) = v.as_float() {
        return Ok(f);
    }
    if let Some(i) = oint::to_int(v) {
        return oint::check(t, num::int_to_f64(&i));
    }
    let msg = format!("must be real number, not {}", t.type_name(v));
    Err(t.type_error(&msg))
}

fn arg_f(t: &mut Thread, a: &[Option<Value>], i: usize, default: f64) -> PyResult<f64> {
    match a[i] {
        Some(v) => real(t, v),
        None => Ok(default),
    }
}

fn pow(t: &mut Thread, x: f64, y: f64) -> PyResult<f64> {
    oint::check(t, num::float_pow(x, y))
}

fn div(t: &mut Thread, x: f64, y: f64) -> PyResult<f64> {
    oint::check(t, num::float_div(x, y))
}

fn m_uniform(t: &mut Thread, st: &'static RandomState, a: &[Option<Value>]) -> PyResult<Value> {
    let (lo, hi) = (a[0].expect("required"), a[1].expect("required"));
    if let (Some(x), Some(y)) = (lo.as_float(), hi.as_float()) {
        return Ok(Value::float(x + (y - x) * st.random()));
    }
    use crate::bytecode::BinOp;
    let d = ops::arith::binary(t, hi, lo, BinOp::Sub)?;
    let r = Value::float(st.random());
    let p = ops::arith::binary(t, d, r, BinOp::Mul)?;
    ops::arith::binary(t, lo, p, BinOp::Add)
}

fn m_triangular(t: &mut Thread, st: &'static RandomState, a: &[Option<Value>]) -> PyResult<Value> {
    let low_v = a[0].unwrap_or(Value::float(0.0));
    let low = real(t, low_v)?;
    let high = arg_f(t, a, 1, 1.0)?;
    let mut u = st.random();
    let mut c = match a[2].filter(|m| !m.is_none()) {
        None => 0.5,
        Some(m) => {
            let m = real(t, m)?;
            if high - low == 0.0 {
                return Ok(low_v);
            }
            (m - low) / (high - low)
        }
    };
    let (mut low, mut high) = (low, high);
    if u > c {
        u = 1.0 - u;
        c = 1.0 - c;
        std::mem::swap(&mut low, &mut high);
    }
    Ok(Value::float(low + (high - low) * (u * c).sqrt()))
}

fn normalvariate(st: &RandomState, mu: f64, sigma: f64) -> f64 {
    let nv_magic = 4.0 * (-0.5f64).exp() / 2.0f64.sqrt();
    loop {
        let u1 = st.random();
        let u2 = 1.0 - st.random();
        let z = nv_magic * (u1 - 0.5) / u2;
        let zz = z * z / 4.0;
        if zz <= -u2.ln() {
            return mu + z * sigma;
        }
    }
}

fn m_normalvariate(
    t: &mut Thread,
    st: &'static RandomState,
    a: &[Option<Value>],
) -> PyResult<Value> {
    let mu = arg_f(t, a, 0, 0.0)?;
    let sigma = arg_f(t, a, 1, 1.0)?;
    Ok(Value::float(normalvariate(st, mu, sigma)))
}

fn m_lognormvariate(
    t: &mut Thread,
    st: &'static RandomState,
    a: &[Option<Value>],
) -> PyResult<Value> {
    let mu = arg_f(t, a, 0, 0.0)?;
    let sigma = arg_f(t, a, 1, 1.0)?;
    let r = normalvariate(st, mu, sigma).exp();
    if r.is_infinite() {
        return Err(t.overflow_error("math range error"));
    }
    Ok(Value::float(r))
}

fn m_gauss(t: &mut Thread, st: &'static RandomState, a: &[Option<Value>]) -> PyResult<Value> {
    let mu = arg_f(t, a, 0, 0.0)?;
    let sigma = arg_f(t, a, 1, 1.0)?;
    let z = match st.gauss_next.take() {
        Some(z) => z,
        None => {
            let x2pi = st.random() * std::f64::consts::TAU;
            let g2rad = (-2.0 * (1.0 - st.random()).ln()).sqrt();
            st.gauss_next.set(Some(x2pi.sin() * g2rad));
            x2pi.cos() * g2rad
        }
    };
    Ok(Value::float(mu + z * sigma))
}

fn m_expovariate(t: &mut Thread, st: &'static RandomState, a: &[Option<Value>]) -> PyResult<Value> {
    let lambd = arg_f(t, a, 0, 1.0)?;
    let x = -(1.0 - st.random()).ln();
    Ok(Value::float(div(t, x, lambd)?))
}

fn m_vonmisesvariate(
    t: &mut Thread,
    st: &'static RandomState,
    a: &[Option<Value>],
) -> PyResult<Value> {
    use std::f64::consts::{PI, TAU};
    let mu = arg_f(t, a, 0, 0.0)?;
    let kappa = arg_f(t, a, 1, 0.0)?;
    if kappa <= 1e-6 {
        return Ok(Value::float(TAU * st.random()));
    }
    let s = 0.5 / kappa;
    let r = s + (1.0 + s * s).sqrt();
    let z = loop {
        let u1 = st.random();
        let z = (PI * u1).cos();
        let d = z / (r + z);
        let u2 = st.random();
        if u2 < 1.0 - d * d || u2 <= (1.0 - d) * d.exp() {
            break z;
        }
    };
    let q = 1.0 / r;
    let f = (q + z) / (1.0 + q * z);
    let u3 = st.random();
    let theta = if u3 > 0.5 {
        oint::check(t, num::float_mod(mu + f.acos(), TAU))?
    } else {
        oint::check(t, num::float_mod(mu - f.acos(), TAU))?
    };
    Ok(Value::float(theta))
}

fn gammavariate(t: &mut Thread, st: &RandomState, alpha: f64, beta: f64) -> PyResult<f64> {
    if alpha <= 0.0 || beta <= 0.0 {
        return Err(t.value_error("gammavariate: alpha and beta must be > 0.0"));
    }
    if alpha > 1.0 {
        let ainv = (2.0 * alpha - 1.0).sqrt();
        let bbb = alpha - 4f64.ln();
        let ccc = alpha + ainv;
        let sg_magic = 1.0 + 4.5f64.ln();
        loop {
            let u1 = st.random();
            if !(1e-7 < u1 && u1 < 0.9999999) {
                continue;
            }
            let u2 = 1.0 - st.random();
            let v = (u1 / (1.0 - u1)).ln() / ainv;
            let x = alpha * v.exp();
            let z = u1 * u1 * u2;
            let r = bbb + ccc * v - x;
            if r + sg_magic - 4.5 * z >= 0.0 || r >= z.ln() {
                return Ok(x * beta);
            }
        }
    } else if alpha == 1.0 {
        Ok(-(1.0 - st.random()).ln() * beta)
    } else {
        let e = std::f64::consts::E;
        loop {
            let u = st.random();
            let b = (e + alpha) / e;
            let p = b * u;
            let x = if p <= 1.0 {
                pow(t, p, 1.0 / alpha)?
            } else {
                -((b - p) / alpha).ln()
            };
            let u1 = st.random();
            if p > 1.0 {
                if u1 <= pow(t, x, alpha - 1.0)? {
                    return Ok(x * beta);
                }
            } else if u1 <= (-x).exp() {
                return Ok(x * beta);
            }
        }
    }
}

fn m_gammavariate(
    t: &mut Thread,
    st: &'static RandomState,
    a: &[Option<Value>],
) -> PyResult<Value> {
    let alpha = arg_f(t, a, 0, 1.0)?;
    let beta = arg_f(t, a, 1, 1.0)?;
    Ok(Value::float(gammavariate(t, st, alpha, beta)?))
}

fn m_betavariate(t: &mut Thread, st: &'static RandomState, a: &[Option<Value>]) -> PyResult<Value> {
    let alpha = arg_f(t, a, 0, 1.0)?;
    let beta = arg_f(t, a, 1, 1.0)?;
    let y = gammavariate(t, st, alpha, 1.0)?;
    if y != 0.0 {
        let z = gammavariate(t, st, beta, 1.0)?;
        return Ok(Value::float(y / (y + z)));
    }
    Ok(Value::float(0.0))
}

fn m_paretovariate(
    t: &mut Thread,
    st: &'static RandomState,
    a: &[Option<Value>],
) -> PyResult<Value> {
    let alpha = arg_f(t, a, 0, 1.0)?;
    let u = 1.0 - st.random();
    let e = div(t, -1.0, alpha)?;
    Ok(Value::float(pow(t, u, e)?))
}

fn m_weibullvariate(
    t: &mut Thread,
    st: &'static RandomState,
    a: &[Option<Value>],
) -> PyResult<Value> {
    let alpha = arg_f(t, a, 0, 1.0)?;
    let beta = arg_f(t, a, 1, 1.0)?;
    let u = 1.0 - st.random();
    let e = div(t, 1.0, beta)?;
    Ok(Value::float(alpha * pow(t, -u.ln(), e)?))
}

// ----- state -----

fn m_getstate(t: &mut Thread, st: &'static RandomState, _a: &[Option<Value>]) -> PyResult<Value> {
    let mt = st.mt.get().clone();
    let mut items: Vec<Value> = mt.state.iter().map(|w| t.new_int(*w as i64)).collect();
    items.push(t.new_int(mt.index as i64));
    let inner = t.new_tuple(items);
    let g = match st.gauss_next.get() {
        Some(f) => Value::float(f),
        None => Value::NONE,
    };
    Ok(t.new_tuple_from(&[Value::small_int_unchecked(3), inner, g]))
}

fn m_setstate(t: &mut Thread, st: &'static RandomState, a: &[Option<Value>]) -> PyResult<Value> {
    let state = a[0].expect("required");
    let Some(tu) = cast::<Tuple>(state) else {
        return Err(t.type_error("state vector must be a tuple"));
    };
    let version = tu.items.first().copied().unwrap_or(Value::NONE);
    let ver = oint::to_i64(version);
    if ver != Some(3) && ver != Some(2) {
        let r = ops::repr::repr_string(t, version)?;
        let msg = format!("state with version {r} passed to Random.setstate() of version 3");
        return Err(t.value_error(&msg));
    }
    if tu.len() != 3 {
        let msg = "too many values to unpack (expected 3)".to_string();
        return Err(t.value_error(&msg));
    }
    let (inner, g) = (tu.items[1], tu.items[2]);
    let Some(it) = cast::<Tuple>(inner) else {
        return Err(t.type_error("state vector must be a tuple"));
    };
    if it.len() != 625 {
        return Err(t.value_error("state vector is the wrong size"));
    }
    let mut mt = Mt::new();
    for (i, v) in it.items.iter().enumerate() {
        let Some(x) = oint::to_int(*v) else {
            return Err(t.type_error("state vector items must be integers"));
        };
        let x = match x {
            Int::Small(x) => x,
            Int::Big(b) => {
                let m = b.magnitude().to_u32_digits();
                m.first().copied().unwrap_or(0) as i64
            }
        };
        if i < 624 {
            mt.state[i] = x as u32;
        } else {
            if !(0..=624).contains(&x) {
                return Err(t.value_error("invalid state"));
            }
            mt.index = x as usize;
        }
    }
    *st.mt.get_mut() = mt;
    st.gauss_next
        .set(if g.is_none() { None } else { Some(real(t, g)?) });
    Ok(Value::NONE)
}
