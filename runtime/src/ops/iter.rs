//! Iteration: `iter()`, `next()`, and collecting an iterable into a list.

use super::{cast, kind_of};
use crate::gc::Gc;
use crate::object::*;
use crate::thread::Thread;
use crate::value::Value;
use crate::PyResult;

/// `iter(v)`.
pub fn iter(t: &mut Thread, v: Value) -> PyResult<Value> {
    let state = match kind_of(v) {
        Some(Kind::List) => IterState::List { list: v, index: 0 },
        Some(Kind::Tuple) => IterState::Tuple { tuple: v, index: 0 },
        Some(Kind::Range) => {
            let r = cast::<Range>(v).expect("kind checked");
            range_iter_state(t, r.start, r.step, r.len())?
        }
        Some(Kind::Str) => IterState::Str { s: v, offset: 0 },
        Some(Kind::Dict) => {
            let d = cast::<Dict>(v).expect("kind checked");
            IterState::Dict {
                dict: v,
                index: 0,
                which: 0,
                size: d.len(),
            }
        }
        Some(Kind::Set) => {
            let s = cast::<Set>(v).expect("kind checked");
            IterState::Set {
                set: v,
                index: 0,
                size: s.len(),
            }
        }
        Some(Kind::DictView) => {
            let dv = cast::<DictView>(v).expect("kind checked");
            let size = super::as_dict(dv.dict).map(|d| d.len()).unwrap_or(0);
            IterState::Dict {
                dict: dv.dict,
                index: 0,
                which: dv.which,
                size,
            }
        }
        Some(Kind::Iter) | Some(Kind::Generator) => return Ok(v),
        Some(Kind::Instance) => {
            let cls = t.class_of(v);
            if let Some(m) = cls.lookup(t.names.iter) {
                let r = super::call::call_descriptor(t, m, v, &[])?;
                if !is_iterator(t, r) {
                    let msg = format!("iter() returned non-iterator of type '{}'", t.type_name(r));
                    return Err(t.type_error(&msg));
                }
                return Ok(r);
            }
            let inst = cast::<Instance>(v).expect("kind checked");
            let base = inst.base.get();
            if !base.is_unbound() {
                return iter(t, base);
            }
            if cls.lookup(t.names.getitem).is_some() {
                IterState::Seq {
                    obj: v,
                    index: 0,
                    step: 1,
                }
            } else {
                return Err(not_iterable(t, v));
            }
        }
        _ => return Err(not_iterable(t, v)),
    };
    Ok(t.new_iter(state))
}

#[cold]
fn not_iterable(t: &mut Thread, v: Value) -> crate::Raised {
    let msg = format!("'{}' object is not iterable", t.type_name(v));
    t.type_error(&msg)
}

fn is_iterator(t: &Thread, v: Value) -> bool {
    match kind_of(v) {
        Some(Kind::Iter) | Some(Kind::Generator) => true,
        _ => t.class_of(v).lookup(t.names.next).is_some(),
    }
}

/// The iterator state of a range, if its values fit 64 bits.
pub fn range_iter_state(t: &mut Thread, start: i128, step: i128, len: i128) -> PyResult<IterState> {
    let last = start + step * (len - 1).max(0);
    match (
        i64::try_from(start),
        i64::try_from(step),
        i64::try_from(len),
        i64::try_from(last),
    ) {
        (Ok(next), Ok(step), Ok(remaining), Ok(_)) => Ok(IterState::Range {
            next,
            step,
            remaining,
        }),
        _ => Err(t.unsupported("iterating a range beyond 64-bit bounds")),
    }
}

/// `next(it)`: `Ok(None)` when exhausted (StopIteration is not raised).
pub fn next(t: &mut Thread, it: Value) -> PyResult<Option<Value>> {
    if let Some(o) = cast::<IterObj>(it) {
        return next_builtin(t, o);
    }
    if let Some(g) = cast::<Generator>(it) {
        return (t.hooks.resume)(t, g, Value::NONE);
    }
    let cls = t.class_of(it);
    match cls.lookup(t.names.next) {
        Some(m) => match super::call::call_descriptor(t, m, it, &[]) {
            Ok(v) => Ok(Some(v)),
            Err(e) => {
                if t.exc_is(t.classes.stop_iteration) {
                    t.exc = Value::NONE;
                    Ok(None)
                } else {
                    Err(e)
                }
            }
        },
        None => {
            let msg = format!("'{}' object is not an iterator", t.type_name(it));
            Err(t.type_error(&msg))
        }
    }
}

/// Advances a builtin iterator.
pub fn next_builtin(t: &mut Thread, o: Gc<IterObj>) -> PyResult<Option<Value>> {
    let st = o.state.get_mut();
    match st {
        IterState::List { list, index } => {
            let l = super::as_list(*list).expect("list iterator over a list");
            match l.get(*index) {
                Some(v) => {
                    *index += 1;
                    Ok(Some(v))
                }
                None => {
                    *st = IterState::Exhausted;
                    Ok(None)
                }
            }
        }
        IterState::ListRev { list, index } => {
            let l = super::as_list(*list).expect("list iterator over a list");
            if *index == 0 || *index > l.len() {
                *st = IterState::Exhausted;
                return Ok(None);
            }
            *index -= 1;
            Ok(l.get(*index))
        }
        IterState::Tuple { tuple, index } => {
            let tu = cast::<Tuple>(*tuple).expect("tuple iterator over a tuple");
            match tu.items.get(*index) {
                Some(v) => {
                    *index += 1;
                    Ok(Some(*v))
                }
                None => {
                    *st = IterState::Exhausted;
                    Ok(None)
                }
            }
        }
        IterState::Range {
            next,
            step,
            remaining,
        } => {
            if *remaining <= 0 {
                return Ok(None);
            }
            let v = *next;
            *remaining -= 1;
            *next = next.wrapping_add(*step);
            Ok(Some(t.new_int(v)))
        }
        IterState::Str { s, offset } => {
            let sv = super::as_str(*s).expect("str iterator over a str");
            let text = sv.as_str();
            match text[*offset..].chars().next() {
                Some(c) => {
                    *offset += c.len_utf8();
                    let mut buf = [0u8; 4];
                    Ok(Some(t.new_str(c.encode_utf8(&mut buf))))
                }
                None => Ok(None),
            }
        }
        IterState::Dict {
            dict,
            index,
            which,
            size,
        } => {
            let d = super::as_dict(*dict).expect("dict iterator over a dict");
            let which = *which;
            if d.len() != *size {
                *size = usize::MAX;
                return Err(t.runtime_error("dictionary changed size during iteration"));
            }
            match d.table.next_entry(*index) {
                Some((next_pos, k, _, v)) => {
                    *index = next_pos;
                    Ok(Some(match which {
                        0 => k,
                        1 => v,
                        _ => t.new_tuple_from(&[k, v]),
                    }))
                }
                None => {
                    *st = IterState::Exhausted;
                    Ok(None)
                }
            }
        }
        IterState::Set { set, index, size } => {
            let s = cast::<Set>(*set).expect("set iterator over a set");
            if s.len() != *size {
                *size = usize::MAX;
                return Err(t.runtime_error("Set changed size during iteration"));
            }
            match s.table.next_entry(*index) {
                Some((next_pos, k, _)) => {
                    *index = next_pos;
                    Ok(Some(k))
                }
                None => {
                    *st = IterState::Exhausted;
                    Ok(None)
                }
            }
        }
        IterState::Enumerate { inner, count } => {
            let (inner, c) = (*inner, *count);
            match next(t, inner)? {
                Some(v) => {
                    let one = Value::small_int_unchecked(1);
                    let n = super::arith::binary(t, c, one, crate::bytecode::BinOp::Add)?;
                    if let IterState::Enumerate { count, .. } = o.state.get_mut() {
                        *count = n;
                    }
                    Ok(Some(t.new_tuple_from(&[c, v])))
                }
                None => Ok(None),
            }
        }
        IterState::Zip { iters } if iters.len() <= ZIP_ON_STACK => {
            let n = iters.len();
            if n == 0 {
                return Ok(None);
            }
            // The items wait in a native-stack array, which the conservative
            // scan covers while later iterators run Python code; the
            // iterators stay reachable through the zip object.
            let mut items = [Value::NONE; ZIP_ON_STACK];
            for (k, item) in items.iter_mut().enumerate().take(n) {
                let it = match o.state.get() {
                    IterState::Zip { iters } => iters[k],
                    _ => return Ok(None),
                };
                match next(t, it)? {
                    Some(v) => *item = v,
                    None => {
                        *o.state.get_mut() = IterState::Exhausted;
                        return Ok(None);
                    }
                }
            }
            Ok(Some(t.new_tuple_from(&items[..n])))
        }
        IterState::Zip { iters } => {
            let iters = iters.clone();
            let out = t.new_list(Vec::new());
            let l = cast::<List>(out).expect("new list");
            for it in iters {
                match next(t, it)? {
                    Some(v) => l.push(v),
                    None => {
                        *o.state.get_mut() = IterState::Exhausted;
                        return Ok(None);
                    }
                }
            }
            Ok(Some(t.new_tuple(l.snapshot())))
        }
        IterState::Map { func, iters } => {
            let (func, iters) = (*func, iters.clone());
            let out = t.new_list(Vec::new());
            let l = cast::<List>(out).expect("new list");
            for it in iters {
                match next(t, it)? {
                    Some(v) => l.push(v),
                    None => {
                        *o.state.get_mut() = IterState::Exhausted;
                        return Ok(None);
                    }
                }
            }
            let args = l.snapshot();
            super::call(t, func, &args, None).map(Some)
        }
        IterState::Filter { func, inner } => {
            let (func, inner) = (*func, *inner);
            loop {
                let Some(v) = next(t, inner)? else {
                    return Ok(None);
                };
                let keep = if func.is_none() {
                    super::truthy(t, v)?
                } else {
                    let r = super::call(t, func, &[v], None)?;
                    super::truthy(t, r)?
                };
                if keep {
                    return Ok(Some(v));
                }
            }
        }
        IterState::Seq { obj, index, step } => {
            let (obj, i, step) = (*obj, *index, *step);
            if i < 0 {
                return Ok(None);
            }
            let key = t.new_int(i);
            match super::item::getitem(t, obj, key) {
                Ok(v) => {
                    if let IterState::Seq { index, .. } = o.state.get_mut() {
                        *index = i + step;
                    }
                    Ok(Some(v))
                }
                Err(e) => {
                    if t.exc_is(t.classes.index_error) || t.exc_is(t.classes.stop_iteration) {
                        t.exc = Value::NONE;
                        *o.state.get_mut() = IterState::Exhausted;
                        Ok(None)
                    } else {
                        Err(e)
                    }
                }
            }
        }
        IterState::Callable { func, sentinel } => {
            let (func, sentinel) = (*func, *sentinel);
            let v = super::call(t, func, &[], None)?;
            if super::eq(t, v, sentinel)? {
                *o.state.get_mut() = IterState::Exhausted;
                Ok(None)
            } else {
                Ok(Some(v))
            }
        }
        IterState::Tool(_) => crate::builtins::mod_itertools::next_tool(t, o),
        IterState::Exhausted => Ok(None),
    }
}

/// Collects any iterable into a new list (rooted while it is built).
/// `zip` of up to this many iterables builds its tuples without a heap buffer.
const ZIP_ON_STACK: usize = 4;

pub fn collect_list(t: &mut Thread, v: Value) -> PyResult<Gc<List>> {
    let out = t.alloc(List::new(Vec::new()));
    match kind_of(v) {
        Some(Kind::List) | Some(Kind::Tuple) => {
            let items = match cast::<List>(v) {
                Some(l) => l.snapshot(),
                None => cast::<Tuple>(v).expect("kind checked").items.to_vec(),
            };
            *out.items.get_mut() = items;
            return Ok(out);
        }
        _ => {}
    }
    let it = iter(t, v)?;
    t.temp_roots.push(it);
    let r = loop {
        match next(t, it) {
            Ok(Some(x)) => out.push(x),
            Ok(None) => break Ok(out),
            Err(e) => break Err(e),
        }
    };
    t.temp_roots.pop();
    r
}

/// `generator.close()`: raises GeneratorExit where the generator is
/// suspended, so its `finally` blocks and handlers run.
pub fn close_generator(t: &mut Thread, g: Gc<Generator>) -> PyResult<()> {
    use crate::object::generator::GenStatus;
    match g.state.get().status {
        GenStatus::Running => return Err(t.value_error("generator already executing")),
        GenStatus::Done => return Ok(()),
        GenStatus::Created => {
            let st = g.state.get_mut();
            st.status = GenStatus::Done;
            st.regs = Box::new([]);
            return Ok(());
        }
        GenStatus::Suspended => {}
    }
    let exc = t.new_exception(t.classes.generator_exit, vec![]);
    match (t.hooks.throw)(t, g, exc) {
        Ok(Some(_)) => Err(t.runtime_error("generator ignored GeneratorExit")),
        Ok(None) => {
            t.gen_return = Value::NONE;
            Ok(())
        }
        Err(e) => {
            if t.exc_is(t.classes.generator_exit) || t.exc_is(t.classes.stop_iteration) {
                t.exc = Value::NONE;
                Ok(())
            } else {
                Err(e)
            }
        }
    }
}
