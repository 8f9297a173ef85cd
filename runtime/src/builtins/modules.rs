//! Builtin modules (`sys`, ...), created on first import.

use super::args;
use crate::gc::Gc;
use crate::object::*;
use crate::ops::attr::module_cell;
use crate::thread::Thread;
use crate::value::Value;
use crate::PyResult;

/// The builtin module called `name`, created on first use; `None` if there is none.
pub fn builtin_module(t: &mut Thread, name: &str) -> PyResult<Option<Value>> {
    if let Some(m) = t.modules.get(name) {
        return Ok(Some(*m));
    }
    let m = match name {
        "sys" => Some(make_sys(t)?),
        "math" => super::mod_math::make(t)?,
        "time" => super::mod_time::make(t)?,
        "os" => super::mod_os::make(t)?,
        "random" => super::mod_random::make(t)?,
        "itertools" => super::mod_itertools::make(t)?,
        "collections" => super::mod_collections::make(t)?,
        _ => None,
    };
    let Some(m) = m else { return Ok(None) };
    t.modules.insert(name.to_string(), m);
    Ok(Some(m))
}

pub(crate) fn new_module(t: &mut Thread, name: &str) -> Gc<Module> {
    let n = t.intern(name);
    t.alloc(Module::new(n, true))
}

pub(crate) fn set(t: &mut Thread, m: Gc<Module>, name: &str, v: Value) {
    let n = t.intern(name);
    module_cell(t, m, n).set(v);
}

pub(crate) fn set_fn(
    t: &mut Thread,
    m: Gc<Module>,
    name: &'static str,
    qualname: &'static str,
    f: BuiltinFn,
) {
    let v = super::builtin_fn(t, name, qualname, f, false);
    set(t, m, name, v);
}

fn make_sys(t: &mut Thread) -> PyResult<Value> {
    let m = new_module(t, "sys");
    t.temp_roots.push(m.as_value());
    let argv: Vec<String> = t.argv.clone();
    let items: Vec<Value> = argv.iter().map(|a| t.new_str(a)).collect();
    let l = t.new_list(items);
    set(t, m, "argv", l);
    set_fn(
        t,
        m,
        "setrecursionlimit",
        "sys.setrecursionlimit",
        setrecursionlimit,
    );
    set_fn(
        t,
        m,
        "getrecursionlimit",
        "sys.getrecursionlimit",
        getrecursionlimit,
    );
    set_fn(t, m, "exit", "sys.exit", exit);
    let mx = t.new_int(i64::MAX);
    set(t, m, "maxsize", mx);
    let out = make_stream(t, "stdout", stdout_write)?;
    set(t, m, "stdout", out);
    let err = make_stream(t, "stderr", stderr_write)?;
    set(t, m, "stderr", err);
    let ver = t.new_str("3.11.7 (strata)");
    set(t, m, "version", ver);
    let major = Value::small_int_unchecked(3);
    let minor = Value::small_int_unchecked(11);
    let vi = t.new_tuple_from(&[major, minor, Value::small_int_unchecked(7)]);
    set(t, m, "version_info", vi);
    t.temp_roots.pop();
    Ok(m.as_value())
}

/// A module-like object with `write` and `flush` (sys.stdout/stderr).
fn make_stream(t: &mut Thread, name: &str, write: BuiltinFn) -> PyResult<Value> {
    let m = new_module(t, name);
    set_fn(t, m, "write", "write", write);
    set_fn(t, m, "flush", "flush", flush);
    Ok(m.as_value())
}

fn stdout_write(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::exact(t, "write", args, kw, 1)?;
    let s = args::str_arg(t, a[0], "write() argument")?;
    t.write_out(s.as_str());
    Ok(t.new_int(s.len() as i64))
}

fn stderr_write(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::exact(t, "write", args, kw, 1)?;
    let s = args::str_arg(t, a[0], "write() argument")?;
    t.flush_out();
    eprint!("{}", s.as_str());
    Ok(t.new_int(s.len() as i64))
}

fn flush(t: &mut Thread, _args: &[Value], _kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    t.flush_out();
    Ok(Value::NONE)
}

fn setrecursionlimit(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::exact(t, "setrecursionlimit", args, kw, 1)?;
    let n = args::int_arg(t, a[0])?;
    if n < 1 {
        return Err(t.value_error("recursion limit must be greater or equal than 1"));
    }
    t.recursion_limit = n as usize;
    Ok(Value::NONE)
}

fn getrecursionlimit(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    args::exact(t, "getrecursionlimit", args, kw, 0)?;
    Ok(t.new_int(t.recursion_limit as i64))
}

fn exit(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::range(t, "exit", args, kw, 0, 1)?;
    let e = t.new_exception(t.classes.system_exit, a.to_vec());
    Err(t.raise(e))
}
