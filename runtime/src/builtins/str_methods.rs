//! The methods of `str`.

use super::args;
use crate::gc::Gc;
use crate::method;
use crate::object::*;
use crate::ops;
use crate::thread::Thread;
use crate::value::Value;
use crate::PyResult;

pub fn install(t: &mut Thread) {
    let s = t.classes.str;
    method!(t, s, "str", "join", join);
    method!(t, s, "str", "upper", upper);
    method!(t, s, "str", "lower", lower);
}

fn this(t: &mut Thread, v: Value) -> PyResult<Gc<Str>> {
    args::str_arg(t, v, "descriptor")
}

fn join(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::exact(t, "str.join", &args[1..], kw, 1)?;
    let sep = this(t, args[0])?;
    let items = ops::collect_list(t, a[0])?;
    let mut out = String::new();
    for (i, x) in items.snapshot().into_iter().enumerate() {
        if i > 0 {
            out.push_str(sep.as_str());
        }
        match ops::as_str(x) {
            Some(s) => out.push_str(s.as_str()),
            None => {
                let msg = format!(
                    "sequence item {i}: expected str instance, {} found",
                    t.type_name(x)
                );
                return Err(t.type_error(&msg));
            }
        }
    }
    Ok(t.new_string(out))
}

fn upper(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    args::exact(t, "str.upper", &args[1..], kw, 0)?;
    let s = this(t, args[0])?;
    let r = s.as_str().to_uppercase();
    Ok(t.new_string(r))
}

fn lower(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    args::exact(t, "str.lower", &args[1..], kw, 0)?;
    let s = this(t, args[0])?;
    let r = s.as_str().to_lowercase();
    Ok(t.new_string(r))
}
