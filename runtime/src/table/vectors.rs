//! Replays `testdata/vectors.txt`, recorded from CPython 3.11 by
//! `testdata/gen_vectors.py`, against `SetTable` and `DictTable`.
//!
//! Invariants of the harness:
//! 1. Keys are `u32` value ids; `==` on ids is identity, and the `eq`
//!    callback compares the equality classes recorded from Python, counting
//!    its calls (checked by `eqc` records for the `keq_*` cases).
//! 2. Hashes come from the file (Python's `hash()`), except range ints
//!    (ids >= 2**31), whose hash is the int itself.
//! 3. Every record that observes state (`chk`, `dig`, results of `disc`,
//!    `pop`, comparisons, `dchk`, ...) must match CPython exactly.

use super::{DictTable, MergeMode, SetTable};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

const VECTORS: &str = include_str!("testdata/vectors.txt");
const RANGE_BASE: u32 = 1 << 31;
const RANGE_LO: i64 = 1_000_000;

struct Vals {
    hash: Vec<i64>,
    class: Vec<i64>,
}

impl Vals {
    fn load() -> Vals {
        let mut v = Vals {
            hash: Vec::new(),
            class: Vec::new(),
        };
        for line in VECTORS.lines() {
            let f: Vec<&str> = line.split(' ').collect();
            if f[0] == "v" {
                let id: usize = f[1].parse().unwrap();
                assert_eq!(id, v.hash.len());
                v.hash.push(f[2].parse().unwrap());
                v.class.push(f[3].parse().unwrap());
            }
        }
        v
    }

    fn hash(&self, id: u32) -> i64 {
        if id >= RANGE_BASE {
            RANGE_LO + (id - RANGE_BASE) as i64
        } else {
            self.hash[id as usize]
        }
    }

    fn class(&self, id: u32) -> i64 {
        if id >= RANGE_BASE {
            -(id as i64)
        } else {
            self.class[id as usize]
        }
    }
}

fn digest(ids: impl IntoIterator<Item = u32>) -> u64 {
    let mut d: u64 = 0;
    for i in ids {
        d = d.wrapping_mul(1000003).wrapping_add(i as u64 + 1);
    }
    d
}

fn range_id(i: i64) -> u32 {
    RANGE_BASE + (i - RANGE_LO) as u32
}

#[derive(Default)]
struct Stats {
    cases: usize,
    checks: usize,
    failures: Vec<String>,
}

/// An armed mutation: at eq call number `at`, do `action` on set `target`.
struct Arm {
    at: u64,
    action: String,
    target: String,
    values: Vec<u32>,
}

/// What the `eq` callback sees: it counts calls and may mutate sets.
struct Ctx {
    vals: Vals,
    calls: Cell<u64>,
    arm: RefCell<Option<Arm>>,
    sets: RefCell<HashMap<String, Rc<SetTable<u32>>>>,
}

impl Ctx {
    fn set(&self, name: &str) -> Rc<SetTable<u32>> {
        self.sets.borrow()[name].clone()
    }

    fn put(&self, name: &str, s: SetTable<u32>) {
        self.sets.borrow_mut().insert(name.to_string(), Rc::new(s));
    }

    /// The `eq` callback: Python's `K.__eq__` in gen_vectors.py.
    fn eq(&self, a: u32, b: u32) -> Result<bool, ()> {
        self.calls.set(self.calls.get() + 1);
        let fire = matches!(&*self.arm.borrow(), Some(arm) if arm.at == self.calls.get());
        if fire {
            let arm = self.arm.borrow_mut().take().unwrap();
            let s = self.set(&arm.target);
            match arm.action.as_str() {
                "clear" => s.clear(),
                "pop" => {
                    s.pop();
                }
                "add" => {
                    for &v in &arm.values {
                        s.add(v, self.vals.hash(v), &mut |x, y| self.eq(x, y))?;
                    }
                }
                _ => {
                    for &v in &arm.values {
                        s.discard(v, self.vals.hash(v), &mut |x, y| self.eq(x, y))?;
                    }
                }
            }
        }
        Ok(self.vals.class(a) == self.vals.class(b))
    }
}

/// Runs every case whose name satisfies `select`.
fn run(select: impl Fn(&str) -> bool) -> Stats {
    let ctx = Ctx {
        vals: Vals::load(),
        calls: Cell::new(0),
        arm: RefCell::new(None),
        sets: RefCell::new(HashMap::new()),
    };
    let vals = &ctx.vals;
    let calls = &ctx.calls;
    let mut eq = |a: u32, b: u32| ctx.eq(a, b);
    let mut stats = Stats::default();
    let mut dicts: HashMap<String, DictTable<u32, u32>> = HashMap::new();
    let mut case = String::new();
    let mut active = false;
    let mut case_failed = false;
    for (lineno, line) in VECTORS.lines().enumerate() {
        let f: Vec<&str> = line.split(' ').collect();
        let op = f[0];
        if op == "case" {
            case = f[1].to_string();
            active = select(&case);
            case_failed = false;
            if active {
                stats.cases += 1;
            }
            ctx.sets.borrow_mut().clear();
            dicts.clear();
            calls.set(0);
            continue;
        }
        if !active || case_failed || op == "v" || op.starts_with('#') {
            continue;
        }
        let num = |i: usize| -> u32 { f[i].parse().unwrap() };
        let list =
            |from: usize| -> Vec<u32> { f[from..].iter().map(|s| s.parse().unwrap()).collect() };
        let fail = |msg: String, stats: &mut Stats| {
            stats
                .failures
                .push(format!("line {} ({}): {}: {}", lineno + 1, case, line, msg));
        };
        let n_fail = stats.failures.len();
        macro_rules! set {
            ($n:expr) => {
                &*ctx.set(f[$n])
            };
        }
        macro_rules! dict {
            ($n:expr) => {
                &dicts[f[$n]]
            };
        }
        match op {
            "new" => ctx.put(f[1], SetTable::new()),
            "arm" => {
                *ctx.arm.borrow_mut() = Some(Arm {
                    at: f[1].parse().unwrap(),
                    action: f[2].to_string(),
                    target: f[3].to_string(),
                    values: list(4),
                });
            }
            "add" => {
                let k = num(2);
                set!(1).add(k, vals.hash(k), &mut eq).unwrap();
            }
            "disc" => {
                let k = num(2);
                let r = set!(1).discard(k, vals.hash(k), &mut eq).unwrap();
                stats.checks += 1;
                if f[3] != "-" && r != (f[3] == "1") {
                    fail(format!("discard returned {r}"), &mut stats);
                }
            }
            "pop" => {
                let got = set!(1).pop();
                let want = if f[2] == "-" { None } else { Some(num(2)) };
                stats.checks += 1;
                if got != want {
                    fail(format!("pop returned {got:?}"), &mut stats);
                }
            }
            "clear" => set!(1).clear(),
            "copy" => {
                let r = set!(2).copy();
                ctx.put(f[1], r);
            }
            "or" | "and" | "sub" | "xor" => {
                let (b, c) = (set!(2), set!(3));
                let r = match op {
                    "or" => b.union(c, &mut eq),
                    "and" => b.intersection(c, &mut eq),
                    "sub" => b.difference(c, &mut eq),
                    _ => b.symmetric_difference(c, &mut eq),
                }
                .unwrap();
                ctx.put(f[1], r);
            }
            "ior" | "iand" | "isub" | "ixor" => {
                let (a, b) = (set!(1), set!(2));
                match op {
                    "ior" => a.update(b, &mut eq),
                    "iand" => a.intersection_update(b, &mut eq),
                    "isub" => a.difference_update(b, &mut eq),
                    _ => a.symmetric_difference_update(b, &mut eq),
                }
                .unwrap();
            }
            "iupd" | "iiand_l" | "iisub_l" | "iixor_l" | "fromlist" => {
                let items = list(2);
                let mut it = items.iter();
                let mut next = || Ok(it.next().map(|&k| (k, vals.hash(k))));
                if op == "fromlist" {
                    let r = SetTable::from_iter(&mut next, &mut eq).unwrap();
                    ctx.put(f[1], r);
                } else {
                    let a = set!(1);
                    match op {
                        "iupd" => a.update_from_iter(&mut next, &mut eq),
                        "iiand_l" => a.intersection_update_iter(&mut next, &mut eq),
                        "iisub_l" => a.difference_update_iter(&mut next, &mut eq),
                        _ => a.symmetric_difference_update_iter(&mut next, &mut eq),
                    }
                    .unwrap();
                }
            }
            "iand_l" | "isub_l" | "ixor_l" => {
                let items = list(3);
                let mut it = items.iter();
                let mut next = || Ok(it.next().map(|&k| (k, vals.hash(k))));
                let b = set!(2);
                let r = match op {
                    "iand_l" => b.intersection_iter(&mut next, &mut eq),
                    "isub_l" => b.difference_iter(&mut next, &mut eq),
                    _ => b.symmetric_difference_iter(&mut next, &mut eq),
                }
                .unwrap();
                ctx.put(f[1], r);
            }
            "le" | "ge" | "disj" | "eq" => {
                let (b, c) = (set!(1), set!(2));
                let r = match op {
                    "le" => b.is_subset(c, &mut eq),
                    "ge" => b.is_superset(c, &mut eq),
                    "disj" => b.is_disjoint(c, &mut eq),
                    _ => b.set_eq(c, &mut eq),
                }
                .unwrap();
                stats.checks += 1;
                if r != (f[3] == "1") {
                    fail(format!("{op} returned {r}"), &mut stats);
                }
            }
            "le_l" | "ge_l" | "disj_l" => {
                let items = list(3);
                let mut it = items.iter();
                let mut next = || Ok(it.next().map(|&k| (k, vals.hash(k))));
                let b = set!(1);
                let r = match op {
                    "le_l" => b.is_subset_iter(&mut next, &mut eq),
                    "ge_l" => b.is_superset_iter(&mut next, &mut eq),
                    _ => b.is_disjoint_iter(&mut next, &mut eq),
                }
                .unwrap();
                stats.checks += 1;
                if r != (f[2] == "1") {
                    fail(format!("{op} returned {r}"), &mut stats);
                }
            }
            "fromd" => {
                let r = SetTable::from_dict(dict!(2), &mut eq).unwrap();
                ctx.put(f[1], r);
            }
            "dupd" => set!(1).update_from_dict(dict!(2), &mut eq).unwrap(),
            "dixor" => set!(1)
                .symmetric_difference_update_dict(dict!(2), &mut eq)
                .unwrap(),
            "dsub" | "dxor" => {
                let (b, x) = (set!(2), dict!(3));
                let r = if op == "dsub" {
                    b.difference_dict(x, &mut eq)
                } else {
                    b.symmetric_difference_dict(x, &mut eq)
                }
                .unwrap();
                ctx.put(f[1], r);
            }
            "chk" => {
                let got = set!(1).keys();
                let want = list(2);
                stats.checks += 1;
                if got != want {
                    fail(format!("got {got:?}"), &mut stats);
                }
            }
            "size" => {
                let n: usize = f[2].parse().unwrap();
                stats.checks += 1;
                let got = set!(1).mask() + 1;
                if got != n {
                    fail(format!("table size {got}"), &mut stats);
                }
            }
            "dig" => {
                let s = set!(1);
                let (len, d): (usize, u64) = (f[2].parse().unwrap(), f[3].parse().unwrap());
                stats.checks += 1;
                if s.len() != len || digest(s.keys()) != d {
                    fail(
                        format!("len {} digest {}", s.len(), digest(s.keys())),
                        &mut stats,
                    );
                }
            }
            "fhash" => {
                let h: i64 = f[2].parse().unwrap();
                stats.checks += 1;
                let got = set!(1).frozenset_hash();
                if got != h {
                    fail(format!("frozenset hash {got}"), &mut stats);
                }
            }
            "addrange" | "discrange" => {
                let (lo, hi, step): (i64, i64, usize) = (
                    f[2].parse().unwrap(),
                    f[3].parse().unwrap(),
                    f[4].parse().unwrap(),
                );
                let s = set!(1);
                for i in (lo..hi).step_by(step) {
                    if op == "addrange" {
                        s.add(range_id(i), i, &mut eq).unwrap();
                    } else {
                        s.discard(range_id(i), i, &mut eq).unwrap();
                    }
                }
            }
            "eqc" => {
                let want: u64 = f[1].parse().unwrap();
                stats.checks += 1;
                if calls.get() != want {
                    fail(format!("{} eq calls", calls.get()), &mut stats);
                }
            }
            "dnew" => {
                dicts.insert(f[1].to_string(), DictTable::new());
            }
            "dsize" => {
                let n: usize = f[2].parse().unwrap();
                stats.checks += 1;
                let got = dict!(1).capacity();
                if got != n {
                    fail(format!("index table size {got}"), &mut stats);
                }
            }
            "dset" => {
                let (k, v) = (num(2), num(3));
                dict!(1).insert(k, vals.hash(k), v, &mut eq).unwrap();
            }
            "ddel" => {
                let k = num(2);
                let r = dict!(1).remove(k, vals.hash(k), &mut eq).unwrap();
                stats.checks += 1;
                if r.is_some() != (f[3] == "1") {
                    fail(format!("remove returned {r:?}"), &mut stats);
                }
            }
            "dsetdef" => {
                let (k, v, res) = (num(2), num(3), num(4));
                let got = dict!(1).get_or_insert(k, vals.hash(k), v, &mut eq).unwrap();
                stats.checks += 1;
                if got != res {
                    fail(format!("setdefault returned {got}"), &mut stats);
                }
            }
            "dpopitem" => {
                let got = dict!(1).popitem();
                let want = if f[2] == "-" {
                    None
                } else {
                    Some((num(2), num(3)))
                };
                stats.checks += 1;
                if got != want {
                    fail(format!("popitem returned {got:?}"), &mut stats);
                }
            }
            "dclear" => dict!(1).clear(),
            "dcopy" => {
                let r = dict!(2).copy();
                dicts.insert(f[1].to_string(), r);
            }
            "dupdate" => {
                dict!(1)
                    .merge(dict!(2), MergeMode::Override, &mut eq)
                    .unwrap();
            }
            "dchk" => {
                let got: Vec<u32> = dict!(1)
                    .items()
                    .into_iter()
                    .flat_map(|(k, v)| [k, v])
                    .collect();
                stats.checks += 1;
                if got != list(2) {
                    fail(format!("got {got:?}"), &mut stats);
                }
            }
            "ddig" => {
                let d = dict!(1);
                let (len, want): (usize, u64) = (f[2].parse().unwrap(), f[3].parse().unwrap());
                let got = digest(d.keys().into_iter().chain(d.values()));
                stats.checks += 1;
                if d.len() != len || got != want {
                    fail(format!("len {} digest {}", d.len(), got), &mut stats);
                }
            }
            _ => panic!("unknown record {line:?}"),
        }
        if op == "eqc" {
            calls.set(0);
            *ctx.arm.borrow_mut() = None;
        }
        if stats.failures.len() > n_fail {
            // Later records of a failed case would only cascade.
            case_failed = true;
        }
    }
    stats
}

fn assert_all(name: &str, stats: Stats, min_cases: usize) {
    eprintln!(
        "{name}: {} cases, {} checks, {} failures",
        stats.cases,
        stats.checks,
        stats.failures.len()
    );
    for f in stats.failures.iter().take(15) {
        eprintln!("  {f}");
    }
    assert!(stats.cases >= min_cases, "only {} cases ran", stats.cases);
    assert!(
        stats.failures.is_empty(),
        "{} failing cases",
        stats.failures.len()
    );
}

#[test]
fn cpython_set_growth_and_pop() {
    assert_all("grow", run(|c| c.starts_with("grow_")), 8);
}

#[test]
fn cpython_set_binary_ops_size_ratios() {
    assert_all("ratio", run(|c| c.starts_with("ratio_")), 100);
}

#[test]
fn cpython_set_big() {
    assert_all("big", run(|c| c == "big"), 1);
}

#[test]
fn cpython_set_random_sequences() {
    assert_all("rand", run(|c| c.starts_with("rand_")), 100);
}

#[test]
fn cpython_eq_call_counts() {
    assert_all("keq", run(|c| c.starts_with("keq_")), 30);
}

#[test]
fn cpython_dict_order() {
    assert_all("dict", run(|c| c.starts_with("dict_")), 50);
}
