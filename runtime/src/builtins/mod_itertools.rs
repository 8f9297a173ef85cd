//! The `itertools` module: its classes and constructors. The iterators are
//! `IterState::Tool` states advanced natively by `next_tool`
//! (`mod_itertools_next.rs`), with CPython's laziness (what is consumed
//! when) and class names.

use super::args::{check_count, kwarg, with_kw};
use super::modules::{new_module, set};
use crate::gc::Gc;
use crate::object::class::Base;
use crate::object::iter::{Tool, ToolKind};
use crate::object::*;
use crate::ops::{self, cast, int as oint};
use crate::thread::Thread;
use crate::value::Value;
use crate::PyResult;

pub use super::mod_itertools_next::next_tool;

const CLASSES: &[(&str, BuiltinFn)] = &[
    ("count", new_count),
    ("islice", new_islice),
    ("cycle", new_cycle),
    ("repeat", new_repeat),
    ("chain", new_chain),
    ("accumulate", new_accumulate),
    ("permutations", new_permutations),
    ("combinations", new_combinations),
    (
        "combinations_with_replacement",
        new_combinations_with_replacement,
    ),
    ("product", new_product),
    ("zip_longest", new_zip_longest),
    ("starmap", new_starmap),
    ("takewhile", new_takewhile),
    ("dropwhile", new_dropwhile),
    ("filterfalse", new_filterfalse),
    ("compress", new_compress),
    ("pairwise", new_pairwise),
    ("groupby", new_groupby),
    ("_grouper", new_internal),
    ("_tee", new_internal),
];

/// Creates the module.
pub fn make(t: &mut Thread) -> PyResult<Option<Value>> {
    let m = new_module(t, "itertools");
    t.temp_roots.push(m.as_value());
    let modname = t.intern("itertools").as_value();
    for (name, ctor) in CLASSES {
        let cls = t.make_builtin_class(name, Some(t.classes.object), Base::Builtin);
        cls.module.set(modname);
        super::def_static(t, cls, "__new__", name, *ctor);
        super::def_method(t, cls, "__next__", "__next__", dunder_next);
        super::def_method(t, cls, "__iter__", "__iter__", dunder_iter);
        if *name == "chain" {
            let b = t.heap.alloc_immortal(Builtin {
                name: "from_iterable",
                qualname: "chain.from_iterable",
                f: chain_from_iterable,
                receiver: cls.as_value(),
                is_method: false,
            });
            let n = t.intern("from_iterable");
            cls.dict.get_mut().set(n, b.as_value());
        }
        set(t, m, name, cls.as_value());
    }
    super::modules::set_fn(t, m, "tee", "tee", tee);
    t.temp_roots.pop();
    Ok(Some(m.as_value()))
}

/// A class of the itertools module (which must have been imported).
fn tool_class(t: &mut Thread, name: &str) -> Gc<Class> {
    let m = t
        .modules
        .get("itertools")
        .copied()
        .and_then(cast::<Module>)
        .expect("itertools imported");
    let n = t.intern(name);
    m.get(n).and_then(cast::<Class>).expect("itertools class")
}

fn new_tool(t: &mut Thread, cls: Value, kind: ToolKind) -> Value {
    let cls = cast::<Class>(cls).expect("constructor called with its class");
    t.new_iter(IterState::Tool(Box::new(Tool { cls, kind })))
}

fn dunder_next(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = super::args::exact(t, "__next__", args, kw, 1)?;
    match ops::iter::next(t, a[0])? {
        Some(v) => Ok(v),
        None => Err(t.stop_iteration(Value::NONE)),
    }
}

fn dunder_iter(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = super::args::exact(t, "__iter__", args, kw, 1)?;
    Ok(a[0])
}

fn new_internal(t: &mut Thread, args: &[Value], _kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let cls = cast::<Class>(args[0]).expect("class");
    let msg = format!("cannot create '{}' instances", cls.name.as_str());
    Err(t.type_error(&msg))
}

/// Positional-or-keyword arguments: `names` in order; `Err` with CPython's
/// messages for unknown keywords or too many positionals.
fn params(
    t: &mut Thread,
    name: &str,
    args: &[Value],
    kw: Option<Gc<Tuple>>,
    names: &[&str],
) -> PyResult<Vec<Option<Value>>> {
    let (pos, kws) = with_kw(t, name, args, kw, names)?;
    if pos.len() > names.len() {
        let msg = format!(
            "{name}() takes at most {} argument{} ({} given)",
            names.len(),
            if names.len() == 1 { "" } else { "s" },
            pos.len() + kws.len()
        );
        return Err(t.type_error(&msg));
    }
    let mut out: Vec<Option<Value>> = vec![None; names.len()];
    for (i, v) in pos.iter().enumerate() {
        out[i] = Some(*v);
    }
    for (i, n) in names.iter().enumerate() {
        if let Some(v) = kwarg(&kws, n) {
            if out[i].is_some() {
                let msg = format!(
                    "argument for {name}() given by name ('{n}') and position ({})",
                    i + 1
                );
                return Err(t.type_error(&msg));
            }
            out[i] = Some(v);
        }
    }
    Ok(out)
}

fn missing(t: &mut Thread, name: &str, arg: &str, pos: usize) -> crate::Raised {
    let msg = format!("{name}() missing required argument '{arg}' (pos {pos})");
    t.type_error(&msg)
}

/// Exactly `n` positional arguments, no keywords (`takewhile(pred, seq)`).
fn positional<'a>(
    t: &mut Thread,
    name: &str,
    args: &'a [Value],
    kw: Option<Gc<Tuple>>,
    min: usize,
    max: usize,
) -> PyResult<&'a [Value]> {
    super::args::no_kw(t, name, kw)?;
    check_count(t, name, args.len(), min, max)?;
    Ok(args)
}

fn is_number(t: &mut Thread, v: Value) -> bool {
    if v.is_float() || oint::is_int(v) {
        return true;
    }
    if ops::kind_of(v) != Some(Kind::Instance) {
        return false;
    }
    let c = t.class_of(v);
    let (f, i) = (t.intern("__float__"), t.intern("__int__"));
    c.lookup(t.names.index).is_some() || c.lookup(f).is_some() || c.lookup(i).is_some()
}

fn new_count(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = params(t, "count", &args[1..], kw, &["start", "step"])?;
    let start = a[0].unwrap_or(Value::small_int_unchecked(0));
    let step = a[1].unwrap_or(Value::small_int_unchecked(1));
    if !is_number(t, start) || !is_number(t, step) {
        return Err(t.type_error("a number is required"));
    }
    let start = oint::to_plain_int(t, start);
    let step = oint::to_plain_int(t, step);
    Ok(new_tool(t, args[0], ToolKind::Count { cur: start, step }))
}

/// An islice index: None or an int in `0..=sys.maxsize`.
fn islice_index(t: &mut Thread, v: Value, msg: &str) -> PyResult<Option<usize>> {
    if v.is_none() {
        return Ok(None);
    }
    match ops::item::index_value(t, v)? {
        Some(i) if i >= 0 => Ok(Some(i as usize)),
        _ => Err(t.value_error(msg)),
    }
}

fn new_islice(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = positional(t, "islice", &args[1..], kw, 2, 4)?;
    let (start, stop, step) = if a.len() == 2 {
        let stop = islice_index(
            t,
            a[1],
            "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.",
        )?;
        (0, stop, 1)
    } else {
        const IDX: &str = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
        let start = islice_index(t, a[1], IDX)?;
        let stop = islice_index(t, a[2], IDX)?;
        let step = match a.get(3) {
            Some(v) if !v.is_none() => match ops::item::index_value(t, *v)? {
                Some(i) if i >= 1 => i as usize,
                _ => {
                    return Err(
                        t.value_error("Step for islice() must be a positive integer or None.")
                    )
                }
            },
            _ => 1,
        };
        (start.unwrap_or(0), stop, step)
    };
    let it = ops::iter(t, a[0])?;
    Ok(new_tool(
        t,
        args[0],
        ToolKind::Islice {
            it,
            next: start,
            stop,
            step,
            cnt: 0,
        },
    ))
}

fn new_cycle(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = positional(t, "cycle", &args[1..], kw, 1, 1)?;
    let it = ops::iter(t, a[0])?;
    Ok(new_tool(
        t,
        args[0],
        ToolKind::Cycle {
            it,
            saved: Vec::new(),
            index: 0,
        },
    ))
}

fn new_repeat(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = params(t, "repeat", &args[1..], kw, &["object", "times"])?;
    let Some(obj) = a[0] else {
        return Err(missing(t, "repeat", "object", 1));
    };
    let remaining = match a[1] {
        None => None,
        Some(v) => Some(super::args::int_arg(t, v)?.max(0) as usize),
    };
    Ok(new_tool(t, args[0], ToolKind::Repeat { obj, remaining }))
}

fn new_chain(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    super::args::no_kw(t, "chain", kw)?;
    let tup = t.new_tuple_from(&args[1..]);
    let source = ops::iter(t, tup)?;
    Ok(new_tool(
        t,
        args[0],
        ToolKind::Chain {
            source,
            active: Value::UNBOUND,
        },
    ))
}

fn chain_from_iterable(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = super::args::exact(t, "from_iterable", &args[1..], kw, 1)?;
    let source = ops::iter(t, a[0])?;
    Ok(new_tool(
        t,
        args[0],
        ToolKind::Chain {
            source,
            active: Value::UNBOUND,
        },
    ))
}

fn new_accumulate(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = params(
        t,
        "accumulate",
        &args[1..],
        kw,
        &["iterable", "func", "initial"],
    )?;
    let Some(src) = a[0] else {
        return Err(missing(t, "accumulate", "iterable", 1));
    };
    let it = ops::iter(t, src)?;
    Ok(new_tool(
        t,
        args[0],
        ToolKind::Accumulate {
            it,
            func: a[1].unwrap_or(Value::NONE),
            total: Value::UNBOUND,
            initial: a[2].unwrap_or(Value::NONE),
        },
    ))
}

fn r_arg(t: &mut Thread, v: Value) -> PyResult<usize> {
    let r = super::args::int_arg(t, v)?;
    if r < 0 {
        return Err(t.value_error("r must be non-negative"));
    }
    Ok(r as usize)
}

fn combinatoric(
    t: &mut Thread,
    args: &[Value],
    kw: Option<Gc<Tuple>>,
    name: &str,
    which: u8,
) -> PyResult<Value> {
    let a = params(t, name, &args[1..], kw, &["iterable", "r"])?;
    let Some(src) = a[0] else {
        return Err(missing(t, name, "iterable", 1));
    };
    let pool = ops::iter::collect_list(t, src)?;
    t.temp_roots.push(pool.as_value());
    let r = match a[1] {
        Some(v) if !(which == 0 && v.is_none()) => r_arg(t, v),
        Some(_) => Ok(pool.len()),
        None if which == 0 => Ok(pool.len()),
        None => Err(missing(t, name, "r", 2)),
    };
    t.temp_roots.pop();
    let r = r?;
    let pool = pool.snapshot();
    let n = pool.len();
    let (indices, cycles) = match which {
        0 => (
            (0..n).collect(),
            (0..r.min(n)).map(|i| n - i).collect::<Vec<_>>(),
        ),
        1 => ((0..r).collect(), Vec::new()),
        _ => (vec![0; r], Vec::new()),
    };
    Ok(new_tool(
        t,
        args[0],
        ToolKind::Combinatoric {
            which,
            pool,
            r,
            indices,
            cycles,
            first: true,
        },
    ))
}

fn new_permutations(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    combinatoric(t, args, kw, "permutations", 0)
}

fn new_combinations(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    combinatoric(t, args, kw, "combinations", 1)
}

fn new_combinations_with_replacement(
    t: &mut Thread,
    args: &[Value],
    kw: Option<Gc<Tuple>>,
) -> PyResult<Value> {
    combinatoric(t, args, kw, "combinations_with_replacement", 2)
}

fn new_product(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let (pos, kws) = with_kw(t, "product", &args[1..], kw, &["repeat"])?;
    let repeat = match kwarg(&kws, "repeat") {
        Some(v) => super::args::int_arg(t, v)?,
        None => 1,
    };
    if repeat < 0 {
        return Err(t.value_error("repeat argument cannot be negative"));
    }
    let holder = t.new_list(Vec::new());
    t.temp_roots.push(holder);
    let mut pools: Vec<Vec<Value>> = Vec::with_capacity(pos.len());
    let mut r = Ok(());
    for p in pos {
        match ops::iter::collect_list(t, *p) {
            Ok(l) => {
                cast::<List>(holder).expect("list").push(l.as_value());
                pools.push(l.snapshot());
            }
            Err(e) => {
                r = Err(e);
                break;
            }
        }
    }
    t.temp_roots.pop();
    r?;
    let base = pools.clone();
    let mut all = Vec::with_capacity(base.len() * repeat as usize);
    for _ in 0..repeat {
        all.extend(base.iter().cloned());
    }
    let n = all.len();
    Ok(new_tool(
        t,
        args[0],
        ToolKind::Product {
            pools: all,
            indices: vec![0; n],
            first: true,
        },
    ))
}

fn new_zip_longest(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let (pos, kws) = with_kw(t, "zip_longest", &args[1..], kw, &["fillvalue"])?;
    let fill = kwarg(&kws, "fillvalue").unwrap_or(Value::NONE);
    let holder = t.new_list(Vec::new());
    t.temp_roots.push(holder);
    let mut r = Ok(());
    for p in pos {
        match ops::iter(t, *p) {
            Ok(it) => cast::<List>(holder).expect("list").push(it),
            Err(e) => {
                r = Err(e);
                break;
            }
        }
    }
    t.temp_roots.pop();
    r?;
    let iters = cast::<List>(holder).expect("list").snapshot();
    let active = iters.len();
    Ok(new_tool(
        t,
        args[0],
        ToolKind::ZipLongest {
            iters,
            fill,
            active,
        },
    ))
}

fn new_starmap(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = positional(t, "starmap", &args[1..], kw, 2, 2)?;
    let it = ops::iter(t, a[1])?;
    Ok(new_tool(t, args[0], ToolKind::Starmap { func: a[0], it }))
}

fn predicate(
    t: &mut Thread,
    args: &[Value],
    kw: Option<Gc<Tuple>>,
    name: &str,
    which: u8,
) -> PyResult<Value> {
    let a = positional(t, name, &args[1..], kw, 2, 2)?;
    let it = ops::iter(t, a[1])?;
    Ok(new_tool(
        t,
        args[0],
        ToolKind::Predicate {
            which,
            func: a[0],
            it,
            flag: false,
        },
    ))
}

fn new_takewhile(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    predicate(t, args, kw, "takewhile", 0)
}

fn new_dropwhile(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    predicate(t, args, kw, "dropwhile", 1)
}

fn new_filterfalse(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    predicate(t, args, kw, "filterfalse", 2)
}

fn new_compress(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = params(t, "compress", &args[1..], kw, &["data", "selectors"])?;
    let Some(d) = a[0] else {
        return Err(missing(t, "compress", "data", 1));
    };
    let Some(s) = a[1] else {
        return Err(missing(t, "compress", "selectors", 2));
    };
    let data = ops::iter(t, d)?;
    t.temp_roots.push(data);
    let selectors = ops::iter(t, s);
    t.temp_roots.pop();
    let selectors = selectors?;
    Ok(new_tool(t, args[0], ToolKind::Compress { data, selectors }))
}

fn new_pairwise(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = positional(t, "pairwise", &args[1..], kw, 1, 1)?;
    let it = ops::iter(t, a[0])?;
    Ok(new_tool(
        t,
        args[0],
        ToolKind::Pairwise {
            it,
            old: Value::UNBOUND,
        },
    ))
}

fn new_groupby(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = params(t, "groupby", &args[1..], kw, &["iterable", "key"])?;
    let Some(src) = a[0] else {
        return Err(missing(t, "groupby", "iterable", 1));
    };
    let it = ops::iter(t, src)?;
    let grouper_cls = tool_class(t, "_grouper");
    Ok(new_tool(
        t,
        args[0],
        ToolKind::GroupBy {
            it,
            keyfunc: a[1].unwrap_or(Value::NONE),
            tgtkey: Value::UNBOUND,
            currkey: Value::UNBOUND,
            currvalue: Value::UNBOUND,
            currgrouper: Value::UNBOUND,
            grouper_cls,
        },
    ))
}

fn tee(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let a = positional(t, "tee", args, kw, 1, 2)?;
    let n = match a.get(1) {
        Some(v) => super::args::int_arg(t, *v)?,
        None => 2,
    };
    if n < 0 {
        return Err(t.value_error("n must be >= 0"));
    }
    let cls = tool_class(t, "_tee");
    // A tee of a tee shares its buffer and position.
    let existing = cast::<IterObj>(a[0]).and_then(|o| match o.state.get() {
        IterState::Tool(tool) => match &tool.kind {
            ToolKind::Tee { it, buf, index } => Some((*it, *buf, *index)),
            _ => None,
        },
        _ => None,
    });
    let (it, buf, index) = match existing {
        Some(x) => x,
        None => {
            let it = ops::iter(t, a[0])?;
            t.temp_roots.push(it);
            let buf = t.new_list(Vec::new());
            t.temp_roots.pop();
            (it, buf, 0)
        }
    };
    t.temp_roots.push(it);
    t.temp_roots.push(buf);
    let mut items = Vec::with_capacity(n as usize);
    for i in 0..n {
        // CPython returns a tee argument itself first, then copies of it.
        if i == 0 && existing.is_some() {
            items.push(a[0]);
            continue;
        }
        let v = t.new_iter(IterState::Tool(Box::new(Tool {
            cls,
            kind: ToolKind::Tee { it, buf, index },
        })));
        items.push(v);
    }
    let r = t.new_tuple(items);
    t.temp_roots.pop();
    t.temp_roots.pop();
    Ok(r)
}
