//! The `time` module: the clocks (`perf_counter`, `monotonic`, `time`,
//! `process_time`, their `_ns` variants) and `sleep`. Calendar functions
//! (`strftime`, `localtime`, ...) are outside the subset and refuse when
//! called.

use super::args;
use super::modules::{new_module, set_fn};
use crate::gc::Gc;
use crate::num::Int;
use crate::object::*;
use crate::ops;
use crate::thread::Thread;
use crate::value::Value;
use crate::PyResult;
use std::sync::OnceLock;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

// C's `clock()`: processor time of the process in units of
// `CLOCKS_PER_SEC` (1,000,000 on POSIX). It takes no arguments and touches
// no caller memory, so calling it has no safety preconditions.
unsafe extern "C" {
    safe fn clock() -> std::os::raw::c_long;
}

const CLOCKS_PER_SEC: i64 = 1_000_000;

/// Creates the module.
pub fn make(t: &mut Thread) -> PyResult<Option<Value>> {
    // The monotonic clock counts from the first import.
    let _ = base();
    let m = new_module(t, "time");
    t.temp_roots.push(m.as_value());
    let fns: &[(&'static str, &'static str, BuiltinFn)] = &[
        ("time", "time.time", time),
        ("time_ns", "time.time_ns", time_ns),
        ("perf_counter", "time.perf_counter", perf_counter),
        ("perf_counter_ns", "time.perf_counter_ns", perf_counter_ns),
        ("monotonic", "time.monotonic", monotonic),
        ("monotonic_ns", "time.monotonic_ns", monotonic_ns),
        ("process_time", "time.process_time", process_time),
        ("process_time_ns", "time.process_time_ns", process_time_ns),
        ("thread_time", "time.thread_time", process_time),
        ("thread_time_ns", "time.thread_time_ns", process_time_ns),
        ("sleep", "time.sleep", sleep),
        ("asctime", "time.asctime", refuse_asctime),
        ("ctime", "time.ctime", refuse_ctime),
        ("gmtime", "time.gmtime", refuse_gmtime),
        ("localtime", "time.localtime", refuse_localtime),
        ("mktime", "time.mktime", refuse_mktime),
        ("strftime", "time.strftime", refuse_strftime),
        ("strptime", "time.strptime", refuse_strptime),
        (
            "get_clock_info",
            "time.get_clock_info",
            refuse_get_clock_info,
        ),
        ("clock_gettime", "time.clock_gettime", refuse_clock_gettime),
        (
            "clock_gettime_ns",
            "time.clock_gettime_ns",
            refuse_clock_gettime_ns,
        ),
        ("clock_getres", "time.clock_getres", refuse_clock_getres),
        ("tzset", "time.tzset", refuse_tzset),
    ];
    for &(name, qual, f) in fns {
        set_fn(t, m, name, qual, f);
    }
    t.temp_roots.pop();
    Ok(Some(m.as_value()))
}

macro_rules! refusing {
    ($($f:ident, $what:literal;)*) => {$(
        fn $f(t: &mut Thread, _args: &[Value], _kw: Option<Gc<Tuple>>) -> PyResult<Value> {
            Err(t.unsupported($what))
        }
    )*};
}

refusing! {
    refuse_asctime, "time.asctime";
    refuse_ctime, "time.ctime";
    refuse_gmtime, "time.gmtime";
    refuse_localtime, "time.localtime";
    refuse_mktime, "time.mktime";
    refuse_strftime, "time.strftime";
    refuse_strptime, "time.strptime";
    refuse_get_clock_info, "time.get_clock_info";
    refuse_clock_gettime, "time.clock_gettime";
    refuse_clock_gettime_ns, "time.clock_gettime_ns";
    refuse_clock_getres, "time.clock_getres";
    refuse_tzset, "time.tzset";
}

/// The origin of the monotonic clock (one second before the first import,
/// so readings are positive like CPython's).
fn base() -> Instant {
    static BASE: OnceLock<Instant> = OnceLock::new();
    *BASE.get_or_init(|| {
        let now = Instant::now();
        now.checked_sub(Duration::from_secs(1)).unwrap_or(now)
    })
}

fn monotonic_duration() -> Duration {
    Instant::now().duration_since(base())
}

fn wall_duration() -> Duration {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or(Duration::ZERO)
}

fn process_ns() -> i64 {
    let c = clock() as i64;
    c.max(0) * (1_000_000_000 / CLOCKS_PER_SEC)
}

fn ns_value(t: &mut Thread, d: Duration) -> Value {
    ops::int::from_int(t, Int::from(d.as_nanos()))
}

fn secs_value(d: Duration) -> Value {
    Value::float(d.as_nanos() as f64 * 1e-9)
}

fn no_args(t: &mut Thread, name: &str, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<()> {
    args::exact(t, name, args, kw, 0)?;
    Ok(())
}

fn time(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    no_args(t, "time.time", args, kw)?;
    Ok(secs_value(wall_duration()))
}

fn time_ns(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    no_args(t, "time.time_ns", args, kw)?;
    Ok(ns_value(t, wall_duration()))
}

fn perf_counter(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    no_args(t, "time.perf_counter", args, kw)?;
    Ok(secs_value(monotonic_duration()))
}

fn perf_counter_ns(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    no_args(t, "time.perf_counter_ns", args, kw)?;
    Ok(ns_value(t, monotonic_duration()))
}

fn monotonic(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    no_args(t, "time.monotonic", args, kw)?;
    Ok(secs_value(monotonic_duration()))
}

fn monotonic_ns(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    no_args(t, "time.monotonic_ns", args, kw)?;
    Ok(ns_value(t, monotonic_duration()))
}

fn process_time(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    no_args(t, "time.process_time", args, kw)?;
    Ok(Value::float(process_ns() as f64 * 1e-9))
}

fn process_time_ns(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    no_args(t, "time.process_time_ns", args, kw)?;
    Ok(t.new_int(process_ns()))
}

/// `time.sleep(secs)`: CPython's conversion to nanoseconds (floats, or
/// ints through `__index__`), its range errors, then the sign check.
fn sleep(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::exact(t, "time.sleep", args, kw, 1)?;
    let v = a[0];
    let ns: i64 = if let Some(x) = ops::builtin_base(v).as_float() {
        if x.is_nan() {
            return Err(t.value_error("Invalid value NaN (not a number)"));
        }
        let d = (x * 1e9).ceil();
        // [-2**63, 2**63): the range of CPython's `_PyTime_t`.
        if !(-9.223_372_036_854_776e18..9.223_372_036_854_776e18).contains(&d) {
            return Err(t.overflow_error("timestamp out of range for platform time_t"));
        }
        d as i64
    } else {
        let i = super::mod_math::to_index(t, v)?;
        match i.as_i64().and_then(|s| s.checked_mul(1_000_000_000)) {
            Some(ns) => ns,
            None => return Err(t.overflow_error("timestamp too large to convert to C _PyTime_t")),
        }
    };
    if ns < 0 {
        return Err(t.value_error("sleep length must be non-negative"));
    }
    std::thread::sleep(Duration::from_nanos(ns as u64));
    Ok(Value::NONE)
}
