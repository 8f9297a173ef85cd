//! `str.maketrans` and `str.translate` (mapping forms), with CPython's
//! errors.

use super::args;
use super::str_args::{recv1, str_operand};
use crate::gc::Gc;
use crate::object::*;
use crate::ops;
use crate::thread::Thread;
use crate::value::Value;
use crate::PyResult;

/// `str.maketrans(x[, y[, z]])`: a dict from code points to code points,
/// strs or None.
pub fn maketrans(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    args::no_kw(t, "str.maketrans", kw)?;
    args::check_count(t, "maketrans", args.len(), 1, 3)?;
    let y = match args.get(1) {
        Some(v) => Some(str_operand(t, *v, "maketrans() argument 2 ")?),
        None => None,
    };
    let z = match args.get(2) {
        Some(v) => Some(str_operand(t, *v, "maketrans() argument 3 ")?),
        None => None,
    };
    let out = t.new_dict();
    if let Some(y) = y {
        let Some(x) = ops::as_str(args[0]) else {
            return Err(t.type_error(
                "first maketrans argument must be a string if there is a second argument",
            ));
        };
        if x.len() != y.len() {
            return Err(t.value_error("the first two maketrans arguments must have equal length"));
        }
        for (a, b) in x.as_str().chars().zip(y.as_str().chars()) {
            let (k, v) = (t.new_int(a as i64), t.new_int(b as i64));
            ops::dict::set(t, out, k, v)?;
        }
        if let Some(z) = z {
            for c in z.as_str().chars() {
                let k = t.new_int(c as i64);
                ops::dict::set(t, out, k, Value::NONE)?;
            }
        }
        return Ok(out.as_value());
    }
    let Some(d) = ops::cast::<Dict>(args[0]) else {
        return Err(t.type_error("if you give only one argument to maketrans it must be a dict"));
    };
    for (k, v) in d.table.items() {
        let key = if let Some(s) = ops::as_str(k) {
            if s.len() != 1 {
                return Err(t.value_error("string keys in translate table must be of length 1"));
            }
            t.new_int(s.char_at(0) as i64)
        } else if ops::int::is_int(k) {
            k
        } else {
            return Err(t.type_error("keys in translate table must be strings or integers"));
        };
        ops::dict::set(t, out, key, v)?;
    }
    Ok(out.as_value())
}

/// `s.translate(table)`: each character's code point is looked up with
/// `table[cp]`; a LookupError keeps it, None deletes it, an int or a str
/// replaces it.
pub fn translate(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let (s, table) = recv1(t, "translate", args, kw)?;
    let mut out = String::with_capacity(s.as_str().len());
    for c in s.as_str().chars() {
        let k = t.new_int(c as i64);
        let v = match ops::getitem(t, table, k) {
            Ok(v) => v,
            Err(_) if t.exc_is(t.classes.lookup_error) => {
                t.exc = Value::NONE;
                out.push(c);
                continue;
            }
            Err(e) => return Err(e),
        };
        if v.is_none() {
            continue;
        }
        if let Some(r) = ops::as_str(v) {
            out.push_str(r.as_str());
        } else if ops::int::is_int(v) {
            let cp = ops::int::to_i64(v).filter(|i| (0..0x110000).contains(i));
            let Some(cp) = cp else {
                return Err(t.value_error("character mapping must be in range(0x110000)"));
            };
            match char::from_u32(cp as u32) {
                Some(ch) => out.push(ch),
                None => return Err(t.unsupported("surrogate characters")),
            }
        } else {
            return Err(t.type_error("character mapping must return integer, None or str"));
        }
    }
    Ok(t.new_string(out))
}
