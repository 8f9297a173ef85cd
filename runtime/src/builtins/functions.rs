//! The functions of the builtins module (`print`, `len`, `sorted`, ...).

use super::args::{self, attr_name, int_arg, kwarg, with_kw};
use super::{def_fn, def_global, def_static};
use crate::bytecode::BinOp;
use crate::gc::Gc;
use crate::num;
use crate::object::*;
use crate::ops::{self, cast, kind_of, CmpOp};
use crate::thread::Thread;
use crate::value::Value;
use crate::PyResult;

pub fn install(t: &mut Thread) {
    def_fn(t, "print", print);
    def_fn(t, "len", len);
    def_fn(t, "repr", repr);
    def_fn(t, "abs", abs);
    def_fn(t, "min", min);
    def_fn(t, "max", max);
    def_fn(t, "sum", sum);
    def_fn(t, "any", any);
    def_fn(t, "all", all);
    def_fn(t, "sorted", sorted);
    // These are classes in CPython (`isinstance(m, map)`); their
    // constructors are the functions below.
    let c = &t.classes;
    let (cr, ce, cz, cm, cf) = (c.reversed, c.enumerate, c.zip, c.map, c.filter);
    def_static(t, cr, "__new__", "reversed.__new__", |t, a, k| {
        reversed(t, &a[1..], k)
    });
    def_static(t, ce, "__new__", "enumerate.__new__", |t, a, k| {
        enumerate(t, &a[1..], k)
    });
    def_static(t, cz, "__new__", "zip.__new__", |t, a, k| {
        zip(t, &a[1..], k)
    });
    def_static(t, cm, "__new__", "map.__new__", |t, a, k| {
        map(t, &a[1..], k)
    });
    def_static(t, cf, "__new__", "filter.__new__", |t, a, k| {
        filter(t, &a[1..], k)
    });
    def_fn(t, "iter", iter);
    def_fn(t, "next", next);
    def_fn(t, "isinstance", isinstance);
    def_fn(t, "issubclass", issubclass);
    def_fn(t, "hasattr", hasattr);
    def_fn(t, "getattr", getattr);
    def_fn(t, "setattr", setattr);
    def_fn(t, "delattr", delattr);
    def_fn(t, "hash", hash);
    def_fn(t, "divmod", divmod);
    def_fn(t, "pow", pow);
    def_fn(t, "round", round);
    def_fn(t, "chr", chr);
    def_fn(t, "ord", ord);
    def_fn(t, "id", id);
    def_fn(t, "callable", callable);
    def_fn(t, "hex", hex);
    def_fn(t, "oct", oct);
    def_fn(t, "bin", bin);
    def_fn(t, "format", format);
    def_fn(t, "ascii", ascii);
    let ell = t.ellipsis;
    def_global(t, "Ellipsis", ell);
    let ni = t.not_implemented;
    def_global(t, "NotImplemented", ni);
    def_global(t, "__debug__", Value::TRUE);
    for (name, cls) in t.classes.all() {
        let public = matches!(name, "map" | "filter" | "zip" | "enumerate" | "reversed")
            || !(name.contains("iterator") || name.starts_with("dict_"));
        let hidden = matches!(
            name,
            "NoneType"
                | "function"
                | "builtin_function_or_method"
                | "method"
                | "cell"
                | "module"
                | "code"
                | "generator"
                | "ellipsis"
                | "NotImplementedType"
        );
        if public && !hidden && !name.starts_with('<') {
            def_global(t, name, cls.as_value());
        }
    }
}

fn print(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let (pos, kws) = with_kw(t, "print", args, kw, &["sep", "end", "file", "flush"])?;
    let sep = match kwarg(&kws, "sep") {
        Some(v) if !v.is_none() => match ops::as_str(v) {
            Some(s) => s.as_str().to_string(),
            None => {
                let msg = format!("sep must be None or a string, not {}", t.type_name(v));
                return Err(t.type_error(&msg));
            }
        },
        _ => " ".to_string(),
    };
    let end = match kwarg(&kws, "end") {
        Some(v) if !v.is_none() => match ops::as_str(v) {
            Some(s) => s.as_str().to_string(),
            None => {
                let msg = format!("end must be None or a string, not {}", t.type_name(v));
                return Err(t.type_error(&msg));
            }
        },
        _ => "\n".to_string(),
    };
    let mut s = String::new();
    for (i, a) in pos.iter().enumerate() {
        if i > 0 {
            s.push_str(&sep);
        }
        match ops::as_str(*a) {
            Some(x) => s.push_str(x.as_str()),
            None => s.push_str(&ops::str_string(t, *a)?),
        }
    }
    s.push_str(&end);
    match kwarg(&kws, "file") {
        Some(f) if !f.is_none() => {
            let write = t.intern("write");
            let sv = t.new_string(s);
            ops::call_method(t, f, write, &[sv])?;
        }
        _ => t.write_out(&s),
    }
    Ok(Value::NONE)
}

fn len(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::exact(t, "len", args, kw, 1)?;
    let n = ops::len(t, a[0])?;
    Ok(t.new_int(n as i64))
}

fn repr(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::exact(t, "repr", args, kw, 1)?;
    ops::repr(t, a[0])
}

fn ascii(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::exact(t, "ascii", args, kw, 1)?;
    let s = ops::repr_string(t, a[0])?;
    let mut out = String::new();
    for c in s.chars() {
        let n = c as u32;
        if n < 128 {
            out.push(c);
        } else if n < 0x100 {
            out.push_str(&format!("\\x{n:02x}"));
        } else if n < 0x10000 {
            out.push_str(&format!("\\u{n:04x}"));
        } else {
            out.push_str(&format!("\\U{n:08x}"));
        }
    }
    Ok(t.new_string(out))
}

fn abs(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::exact(t, "abs", args, kw, 1)?;
    let v = a[0];
    if let Some(i) = ops::int::to_int(v) {
        let r = num::int_abs(&i);
        return Ok(ops::int::from_int(t, r));
    }
    if let Some(f) = v.as_float() {
        return Ok(Value::float(f.abs()));
    }
    if let Some(r) = ops::call::call_dunder(t, v, t.names.abs, &[])? {
        return Ok(r);
    }
    let msg = format!("bad operand type for abs(): '{}'", t.type_name(v));
    Err(t.type_error(&msg))
}

fn min_max(
    t: &mut Thread,
    name: &str,
    args: &[Value],
    kw: Option<Gc<Tuple>>,
    op: CmpOp,
) -> PyResult<Value> {
    let (pos, kws) = with_kw(t, name, args, kw, &["key", "default"])?;
    let key = kwarg(&kws, "key").filter(|k| !k.is_none());
    let default = kwarg(&kws, "default");
    if pos.is_empty() {
        let msg = format!("{name} expected at least 1 argument, got 0");
        return Err(t.type_error(&msg));
    }
    let source = if pos.len() == 1 {
        pos[0]
    } else {
        if default.is_some() {
            let msg =
                format!("Cannot specify a default for {name}() with multiple positional arguments");
            return Err(t.type_error(&msg));
        }
        t.new_tuple_from(pos)
    };
    // Rooted while keys and comparisons run Python code: the iterator, the
    // best item and its key, the candidate and its key (updated in place).
    let base = t.temp_roots.len();
    t.temp_roots.extend([
        source,
        Value::UNBOUND,
        Value::UNBOUND,
        Value::UNBOUND,
        Value::UNBOUND,
    ]);
    let r = min_max_stream(t, base, key, op);
    t.temp_roots.truncate(base);
    match r? {
        Some(best) => Ok(best),
        None => match default {
            Some(d) => Ok(d),
            None => {
                let msg = format!("{name}() arg is an empty sequence");
                Err(t.value_error(&msg))
            }
        },
    }
}

/// The best item of the iterable in `temp_roots[base]` (`None` if empty);
/// the next four roots hold the best item, its key, the candidate and its key.
fn min_max_stream(
    t: &mut Thread,
    base: usize,
    key: Option<Value>,
    op: CmpOp,
) -> PyResult<Option<Value>> {
    let it = ops::iter(t, t.temp_roots[base])?;
    t.temp_roots[base] = it;
    let mut best: Option<(Value, Value)> = None;
    while let Some(x) = ops::next(t, it)? {
        t.temp_roots[base + 3] = x;
        let kx = match key {
            Some(k) => ops::call(t, k, &[x], None)?,
            None => x,
        };
        t.temp_roots[base + 4] = kx;
        let better = match best {
            None => true,
            Some((_, best_key)) => {
                let v = ops::compare(t, kx, best_key, op)?;
                ops::truthy(t, v)?
            }
        };
        if better {
            best = Some((x, kx));
            t.temp_roots[base + 1] = x;
            t.temp_roots[base + 2] = kx;
        }
    }
    Ok(best.map(|(b, _)| b))
}

fn min(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    min_max(t, "min", args, kw, CmpOp::Lt)
}

fn max(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    min_max(t, "max", args, kw, CmpOp::Gt)
}

fn sum(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let (pos, kws) = with_kw(t, "sum", args, kw, &["start"])?;
    args::check_count(t, "sum", pos.len(), 1, 2)?;
    let mut acc = pos
        .get(1)
        .copied()
        .or_else(|| kwarg(&kws, "start"))
        .unwrap_or(Value::small_int_unchecked(0));
    if ops::as_str(acc).is_some() {
        return Err(t.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    // The iterator and the running total stay rooted while items are
    // produced and added (both may run Python code).
    let it = ops::iter(t, pos[0])?;
    let base = t.temp_roots.len();
    t.temp_roots.extend([it, acc]);
    let r = (|| {
        while let Some(x) = ops::next(t, it)? {
            acc = ops::binary(t, acc, x, BinOp::Add)?;
            t.temp_roots[base + 1] = acc;
        }
        Ok(acc)
    })();
    t.temp_roots.truncate(base);
    r
}

fn any(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::exact(t, "any", args, kw, 1)?;
    let it = ops::iter(t, a[0])?;
    while let Some(x) = ops::next(t, it)? {
        if ops::truthy(t, x)? {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

fn all(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::exact(t, "all", args, kw, 1)?;
    let it = ops::iter(t, a[0])?;
    while let Some(x) = ops::next(t, it)? {
        if !ops::truthy(t, x)? {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}

/// Sorts a list in place (`list.sort` and `sorted`).
///
/// As in CPython, the list is empty while it is being sorted (its items are
/// kept aside), and a key function or comparison that changes it makes the
/// sort fail with "list modified during sort" (the changes are dropped).
pub fn sort_list(t: &mut Thread, l: Gc<List>, key: Option<Value>, reverse: bool) -> PyResult<()> {
    let items = std::mem::take(l.items.get_mut());
    let n = items.len();
    let saved = t.alloc(List::new(items.clone()));
    t.temp_roots.push(saved.as_value());
    let keys_list = t.alloc(List::new(Vec::with_capacity(n)));
    t.temp_roots.push(keys_list.as_value());
    let keyed = (|| {
        for x in &items {
            let k = match key {
                Some(f) => ops::call(t, f, &[*x], None)?,
                None => *x,
            };
            keys_list.push(k);
        }
        Ok(())
    })();
    if let Err(e) = keyed {
        // A failing key function leaves the list as it was.
        t.temp_roots.pop();
        t.temp_roots.pop();
        *l.items.get_mut() = items;
        return Err(e);
    }
    let keys = keys_list.snapshot();
    let mut idx: Vec<usize> = (0..n).collect();
    if reverse {
        idx.reverse();
    }
    let mut less = |a: usize, b: usize| -> PyResult<bool> {
        let (ka, kb) = (keys[a], keys[b]);
        if ka.is_small_int() && kb.is_small_int() {
            return Ok(ka.small_int_value() < kb.small_int_value());
        }
        let v = ops::compare(t, ka, kb, CmpOp::Lt)?;
        match v.as_bool() {
            Some(b) => Ok(b),
            None => ops::truthy(t, v),
        }
    };
    // A failing comparison leaves the partly sorted permutation, as CPython.
    let r = super::sort::sort_by(&mut idx, &mut less);
    if reverse {
        idx.reverse();
    }
    t.temp_roots.pop();
    t.temp_roots.pop();
    let modified = !l.items.get().is_empty();
    *l.items.get_mut() = idx.into_iter().map(|i| items[i]).collect();
    r?;
    if modified {
        return Err(t.value_error("list modified during sort"));
    }
    Ok(())
}

fn sort_kwargs(
    t: &mut Thread,
    name: &str,
    kws: &[(Gc<Str>, Value)],
) -> PyResult<(Option<Value>, bool)> {
    let key = kwarg(kws, "key").filter(|k| !k.is_none());
    let reverse = match kwarg(kws, "reverse") {
        Some(v) => ops::truthy(t, v)?,
        None => false,
    };
    let _ = name;
    Ok((key, reverse))
}

fn sorted(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let (pos, kws) = with_kw(t, "sort", args, kw, &["key", "reverse"])?;
    if pos.len() != 1 {
        let msg = format!("sorted expected 1 argument, got {}", pos.len());
        return Err(t.type_error(&msg));
    }
    let (key, reverse) = sort_kwargs(t, "sorted", &kws)?;
    let src = ops::collect_list(t, pos[0])?;
    let l = t.alloc(List::new(src.snapshot()));
    t.temp_roots.push(l.as_value());
    let r = sort_list(t, l, key, reverse);
    t.temp_roots.pop();
    r.map(|_| l.as_value())
}

/// `list.sort(*, key=None, reverse=False)`.
pub fn list_sort(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let (pos, kws) = with_kw(t, "sort", args, kw, &["key", "reverse"])?;
    if pos.len() != 1 {
        return Err(t.type_error("sort() takes no positional arguments"));
    }
    let Some(l) = ops::as_list(pos[0]) else {
        return Err(t.type_error("descriptor 'sort' requires a 'list' object"));
    };
    let (key, reverse) = sort_kwargs(t, "sort", &kws)?;
    sort_list(t, l, key, reverse)?;
    Ok(Value::NONE)
}

fn reversed(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::exact(t, "reversed", args, kw, 1)?;
    let v = a[0];
    match kind_of(v) {
        Some(Kind::List) => {
            let n = cast::<List>(v).expect("list").len();
            Ok(t.new_iter(IterState::ListRev { list: v, index: n }))
        }
        Some(Kind::Range) => {
            let r = cast::<Range>(v).expect("range");
            let n = r.len();
            let last = if n > 0 { r.item(n - 1) } else { r.start };
            let st = ops::iter::range_iter_state(t, last, -r.step, n)?;
            Ok(t.new_iter(st))
        }
        Some(Kind::Tuple) | Some(Kind::Str) => {
            let n = ops::len(t, v)? as i64;
            Ok(t.new_iter(IterState::Seq {
                obj: v,
                index: n - 1,
                step: -1,
            }))
        }
        Some(Kind::Dict) => {
            let keys = cast::<Dict>(v).expect("dict").table.keys();
            let l = t.new_list(keys);
            let n = cast::<List>(l).expect("list").len();
            Ok(t.new_iter(IterState::ListRev { list: l, index: n }))
        }
        _ => {
            if let Some(r) = ops::call::call_dunder(t, v, t.names.reversed, &[])? {
                return Ok(r);
            }
            if let Some(l) = ops::as_list(v) {
                let n = l.len();
                return Ok(t.new_iter(IterState::ListRev {
                    list: l.as_value(),
                    index: n,
                }));
            }
            let cls = t.class_of(v);
            if cls.lookup(t.names.getitem).is_some() && cls.lookup(t.names.len).is_some() {
                let n = ops::len(t, v)? as i64;
                return Ok(t.new_iter(IterState::Seq {
                    obj: v,
                    index: n - 1,
                    step: -1,
                }));
            }
            let msg = format!("'{}' object is not reversible", t.type_name(v));
            Err(t.type_error(&msg))
        }
    }
}

fn enumerate(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let (pos, kws) = with_kw(t, "enumerate", args, kw, &["start", "iterable"])?;
    let src = pos.first().copied().or_else(|| kwarg(&kws, "iterable"));
    let Some(src) = src else {
        return Err(t.type_error("enumerate() missing required argument 'iterable' (pos 1)"));
    };
    let start = pos
        .get(1)
        .copied()
        .or_else(|| kwarg(&kws, "start"))
        .unwrap_or(Value::small_int_unchecked(0));
    if !ops::int::is_int(start) {
        let msg = format!(
            "'{}' object cannot be interpreted as an integer",
            t.type_name(start)
        );
        return Err(t.type_error(&msg));
    }
    let inner = ops::iter(t, src)?;
    Ok(t.new_iter(IterState::Enumerate {
        inner,
        count: start,
    }))
}

fn zip(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let (pos, kws) = with_kw(t, "zip", args, kw, &["strict"])?;
    if kwarg(&kws, "strict")
        .map(|v| v.as_bool() == Some(true))
        .unwrap_or(false)
    {
        return Err(t.unsupported("zip(strict=True)"));
    }
    let holder = t.alloc(List::new(Vec::new()));
    t.temp_roots.push(holder.as_value());
    let r = (|| {
        for a in pos {
            let it = ops::iter(t, *a)?;
            holder.push(it);
        }
        Ok(t.new_iter(IterState::Zip {
            iters: holder.snapshot(),
        }))
    })();
    t.temp_roots.pop();
    r
}

fn map(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    args::no_kw(t, "map", kw)?;
    if args.len() < 2 {
        return Err(t.type_error("map() must have at least two arguments."));
    }
    let holder = t.alloc(List::new(Vec::new()));
    t.temp_roots.push(holder.as_value());
    let r = (|| {
        for a in &args[1..] {
            let it = ops::iter(t, *a)?;
            holder.push(it);
        }
        Ok(t.new_iter(IterState::Map {
            func: args[0],
            iters: holder.snapshot(),
        }))
    })();
    t.temp_roots.pop();
    r
}

fn filter(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::range(t, "filter", args, kw, 2, 2)?;
    let inner = ops::iter(t, a[1])?;
    Ok(t.new_iter(IterState::Filter { func: a[0], inner }))
}

fn iter(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::range(t, "iter", args, kw, 1, 2)?;
    if a.len() == 2 {
        return Ok(t.new_iter(IterState::Callable {
            func: a[0],
            sentinel: a[1],
        }));
    }
    ops::iter(t, a[0])
}

fn next(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::range(t, "next", args, kw, 1, 2)?;
    let it = a[0];
    let is_iter = matches!(kind_of(it), Some(Kind::Iter) | Some(Kind::Generator))
        || t.class_of(it).lookup(t.names.next).is_some();
    if !is_iter {
        let msg = format!("'{}' object is not an iterator", t.type_name(it));
        return Err(t.type_error(&msg));
    }
    match ops::next(t, it)? {
        Some(v) => Ok(v),
        None => match a.get(1) {
            Some(d) => Ok(*d),
            None => {
                let rv = if kind_of(it) == Some(Kind::Generator) {
                    t.gen_return
                } else {
                    Value::NONE
                };
                t.gen_return = Value::NONE;
                let args = if rv.is_none() { vec![] } else { vec![rv] };
                let e = t.new_exception(t.classes.stop_iteration, args);
                Err(t.raise(e))
            }
        },
    }
}

/// `isinstance`/`issubclass` target: a class or a tuple of them (recursively).
fn class_targets(
    t: &mut Thread,
    name: &str,
    spec: Value,
    out: &mut Vec<Gc<Class>>,
) -> PyResult<()> {
    if let Some(c) = cast::<Class>(spec) {
        out.push(c);
        return Ok(());
    }
    if let Some(tu) = cast::<Tuple>(spec) {
        for x in tu.items.to_vec() {
            class_targets(t, name, x, out)?;
        }
        return Ok(());
    }
    let msg = format!("{name}() arg 2 must be a type, a tuple of types, or a union");
    Err(t.type_error(&msg))
}

fn isinstance(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::range(t, "isinstance", args, kw, 2, 2)?;
    let mut cs = Vec::new();
    class_targets(t, "isinstance", a[1], &mut cs)?;
    Ok(Value::bool(
        cs.into_iter().any(|c| ops::isinstance(t, a[0], c)),
    ))
}

fn issubclass(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::range(t, "issubclass", args, kw, 2, 2)?;
    let Some(c) = cast::<Class>(a[0]) else {
        return Err(t.type_error("issubclass() arg 1 must be a class"));
    };
    let mut cs = Vec::new();
    class_targets(t, "issubclass", a[1], &mut cs)?;
    Ok(Value::bool(
        cs.into_iter().any(|x| c.ptr_eq(x) || c.is_subclass(x)),
    ))
}

fn hasattr(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::range(t, "hasattr", args, kw, 2, 2)?;
    let n = attr_name(t, a[1])?;
    match ops::getattr_opt(t, a[0], n) {
        Ok(v) => Ok(Value::bool(v.is_some())),
        Err(e) => {
            if t.exc_is(t.classes.attribute_error) {
                t.exc = Value::NONE;
                Ok(Value::FALSE)
            } else {
                Err(e)
            }
        }
    }
}

fn getattr(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::range(t, "getattr", args, kw, 2, 3)?;
    let n = attr_name(t, a[1])?;
    if a.len() == 3 {
        return match ops::getattr_opt(t, a[0], n) {
            Ok(Some(v)) => Ok(v),
            Ok(None) => Ok(a[2]),
            Err(e) => {
                if t.exc_is(t.classes.attribute_error) {
                    t.exc = Value::NONE;
                    Ok(a[2])
                } else {
                    Err(e)
                }
            }
        };
    }
    ops::getattr(t, a[0], n)
}

fn setattr(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::range(t, "setattr", args, kw, 3, 3)?;
    let n = attr_name(t, a[1])?;
    ops::setattr(t, a[0], n, a[2])?;
    Ok(Value::NONE)
}

fn delattr(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::range(t, "delattr", args, kw, 2, 2)?;
    let n = attr_name(t, a[1])?;
    ops::delattr(t, a[0], n)?;
    Ok(Value::NONE)
}

fn hash(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::exact(t, "hash", args, kw, 1)?;
    let h = ops::hash(t, a[0])?;
    Ok(t.new_int(h))
}

fn divmod(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::range(t, "divmod", args, kw, 2, 2)?;
    let (x, y) = (a[0], a[1]);
    if let (Some(i), Some(j)) = (ops::int::to_int(x), ops::int::to_int(y)) {
        let (q, r) = ops::int::check(t, num::int_divmod(&i, &j))?;
        let q = ops::int::from_int(t, q);
        let r = ops::int::from_int(t, r);
        return Ok(t.new_tuple_from(&[q, r]));
    }
    let fx = ops::int::as_f64(t, x)?;
    let fy = ops::int::as_f64(t, y)?;
    if let (Some(fx), Some(fy)) = (fx, fy) {
        let (q, r) = ops::int::check(t, num::float_divmod(fx, fy))?;
        return Ok(t.new_tuple_from(&[Value::float(q), Value::float(r)]));
    }
    let name = t.intern("__divmod__");
    if let Some(v) = ops::call::call_dunder(t, x, name, &[y])? {
        if !v.is(t.not_implemented) {
            return Ok(v);
        }
    }
    let msg = format!(
        "unsupported operand type(s) for divmod(): '{}' and '{}'",
        t.type_name(x),
        t.type_name(y)
    );
    Err(t.type_error(&msg))
}

fn pow(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let (pos, kws) = with_kw(t, "pow", args, kw, &["base", "exp", "mod"])?;
    let base = pos.first().copied().or_else(|| kwarg(&kws, "base"));
    let exp = pos.get(1).copied().or_else(|| kwarg(&kws, "exp"));
    let m = pos
        .get(2)
        .copied()
        .or_else(|| kwarg(&kws, "mod"))
        .filter(|v| !v.is_none());
    let (Some(base), Some(exp)) = (base, exp) else {
        return Err(t.type_error("pow() missing required argument 'exp' (pos 2)"));
    };
    match m {
        None => ops::binary(t, base, exp, BinOp::Pow),
        Some(m) => match (
            ops::int::to_int(base),
            ops::int::to_int(exp),
            ops::int::to_int(m),
        ) {
            (Some(b), Some(e), Some(mm)) => {
                let r = ops::int::check(t, num::int_pow_mod(&b, &e, &mm))?;
                Ok(ops::int::from_int(t, r))
            }
            _ => {
                Err(t
                    .type_error("pow() 3rd argument not allowed unless all arguments are integers"))
            }
        },
    }
}

fn round(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let (pos, kws) = with_kw(t, "round", args, kw, &["number", "ndigits"])?;
    let x = pos.first().copied().or_else(|| kwarg(&kws, "number"));
    let Some(x) = x else {
        return Err(t.type_error("round() missing required argument 'number' (pos 1)"));
    };
    let nd = pos
        .get(1)
        .copied()
        .or_else(|| kwarg(&kws, "ndigits"))
        .filter(|v| !v.is_none());
    let ndigits = match nd {
        Some(v) => Some(int_arg(t, v)?),
        None => None,
    };
    if let Some(f) = x.as_float() {
        let r = ops::int::check(t, num::round_f64(f, ndigits))?;
        return Ok(ops::int::from_num(t, r));
    }
    if let Some(i) = ops::int::to_int(x) {
        return Ok(match ndigits {
            None => ops::int::to_plain_int(t, x),
            Some(n) => {
                let r = num::round_int(&i, n);
                ops::int::from_int(t, r)
            }
        });
    }
    let args: Vec<Value> = nd.into_iter().collect();
    if let Some(v) = ops::call::call_dunder(t, x, t.names.round, &args)? {
        return Ok(v);
    }
    let msg = format!("type {} doesn't define __round__ method", t.type_name(x));
    Err(t.type_error(&msg))
}

fn chr(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::exact(t, "chr", args, kw, 1)?;
    let i = int_arg(t, a[0])?;
    match u32::try_from(i)
        .ok()
        .filter(|&n| n < 0x110000)
        .and_then(char::from_u32)
    {
        Some(c) => {
            let mut buf = [0u8; 4];
            Ok(t.new_str(c.encode_utf8(&mut buf)))
        }
        None => {
            if (0xD800..0xE000).contains(&i) {
                return Err(t.unsupported("lone surrogate characters"));
            }
            Err(t.value_error("chr() arg not in range(0x110000)"))
        }
    }
}

fn ord(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::exact(t, "ord", args, kw, 1)?;
    match ops::as_str(a[0]) {
        Some(s) => {
            if s.len() != 1 {
                let msg = format!(
                    "ord() expected a character, but string of length {} found",
                    s.len()
                );
                return Err(t.type_error(&msg));
            }
            Ok(t.new_int(s.char_at(0) as i64))
        }
        None => {
            let msg = format!(
                "ord() expected string of length 1, but {} found",
                t.type_name(a[0])
            );
            Err(t.type_error(&msg))
        }
    }
}

fn id(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::exact(t, "id", args, kw, 1)?;
    Ok(t.new_int((a[0].bits() & 0xFFFF_FFFF_FFFF) as i64))
}

fn callable(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::exact(t, "callable", args, kw, 1)?;
    let v = a[0];
    let r = match kind_of(v) {
        Some(Kind::Function)
        | Some(Kind::Builtin)
        | Some(Kind::BoundMethod)
        | Some(Kind::Class) => true,
        Some(Kind::Instance) => t.class_of(v).lookup(t.names.call).is_some(),
        _ => false,
    };
    Ok(Value::bool(r))
}

fn int_text(
    t: &mut Thread,
    name: &str,
    args: &[Value],
    kw: Option<Gc<Tuple>>,
    f: fn(&num::Int) -> String,
) -> PyResult<Value> {
    let a = args::exact(t, name, args, kw, 1)?;
    let i = match ops::int::to_int(a[0]) {
        Some(i) => i,
        None => {
            let n = int_arg(t, a[0])?;
            num::Int::Small(n)
        }
    };
    Ok(t.new_string(f(&i)))
}

fn hex(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    int_text(t, "hex", args, kw, num::int_hex)
}

fn oct(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    int_text(t, "oct", args, kw, num::int_oct)
}

fn bin(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    int_text(t, "bin", args, kw, num::int_bin)
}

fn format(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = args::range(t, "format", args, kw, 1, 2)?;
    let spec = match a.get(1) {
        Some(s) => args::str_arg(t, *s, "format() argument 2")?
            .as_str()
            .to_string(),
        None => String::new(),
    };
    super::format::format(t, a[0], &spec)
}
