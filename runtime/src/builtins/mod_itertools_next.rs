//! Advancing `itertools` iterators (`IterState::Tool`), following CPython
//! 3.11's `itertoolsmodule.c` step for step: what is consumed when, and
//! what is cleared on exhaustion or error.
//!
//! No reference into the state is held across a call that may run Python
//! code (`next` of an inner iterator, predicates, key functions): the state
//! is re-read afterwards.

use crate::bytecode::BinOp;
use crate::gc::Gc;
use crate::object::iter::{Tool, ToolKind};
use crate::object::*;
use crate::ops::{self, cast};
use crate::thread::Thread;
use crate::value::Value;
use crate::PyResult;

#[inline]
fn kind(o: &Gc<IterObj>) -> &mut ToolKind {
    match o.state.get_mut() {
        IterState::Tool(tool) => &mut tool.kind,
        _ => unreachable!("itertools state replaced"),
    }
}

#[inline]
fn next(t: &mut Thread, it: Value) -> PyResult<Option<Value>> {
    ops::iter::next(t, it)
}

fn tuple_of(t: &mut Thread, items: Vec<Value>) -> Value {
    t.new_tuple(items)
}

/// Advances an itertools iterator: `Ok(None)` when exhausted.
pub fn next_tool(t: &mut Thread, o: Gc<IterObj>) -> PyResult<Option<Value>> {
    match kind(&o) {
        ToolKind::Count { cur, step } => {
            let (c, s) = (*cur, *step);
            if let (Some(a), Some(b)) = (c.as_small_int(), s.as_small_int()) {
                if let Some(n) = a.checked_add(b) {
                    *cur = t.new_int(n);
                    return Ok(Some(c));
                }
            }
            if let (Some(a), Some(b)) = (c.as_float(), s.as_float()) {
                *cur = Value::float(a + b);
                return Ok(Some(c));
            }
            let n = ops::arith::binary(t, c, s, BinOp::Add)?;
            if let ToolKind::Count { cur, .. } = kind(&o) {
                *cur = n;
            }
            Ok(Some(c))
        }
        ToolKind::Islice { .. } => islice(t, o),
        ToolKind::Cycle { it, .. } => {
            let itv = *it;
            if !itv.is_unbound() {
                if let Some(v) = next(t, itv)? {
                    if let ToolKind::Cycle { saved, .. } = kind(&o) {
                        saved.push(v);
                    }
                    return Ok(Some(v));
                }
                if let ToolKind::Cycle { it, .. } = kind(&o) {
                    *it = Value::UNBOUND;
                }
            }
            match kind(&o) {
                ToolKind::Cycle { saved, index, .. } if !saved.is_empty() => {
                    let v = saved[*index % saved.len()];
                    *index += 1;
                    if *index >= saved.len() {
                        *index = 0;
                    }
                    Ok(Some(v))
                }
                _ => Ok(None),
            }
        }
        ToolKind::Repeat { obj, remaining } => match remaining {
            None => Ok(Some(*obj)),
            Some(0) => Ok(None),
            Some(n) => {
                *n -= 1;
                Ok(Some(*obj))
            }
        },
        ToolKind::Chain { .. } => chain(t, o),
        ToolKind::Accumulate {
            it,
            func,
            total,
            initial,
        } => {
            if !initial.is_none() {
                let v = *initial;
                *initial = Value::NONE;
                *total = v;
                return Ok(Some(v));
            }
            let (itv, f, tot) = (*it, *func, *total);
            let Some(val) = next(t, itv)? else {
                return Ok(None);
            };
            let new = if tot.is_unbound() {
                val
            } else if f.is_none() {
                ops::arith::binary(t, tot, val, BinOp::Add)?
            } else {
                ops::call(t, f, &[tot, val], None)?
            };
            if let ToolKind::Accumulate { total, .. } = kind(&o) {
                *total = new;
            }
            Ok(Some(new))
        }
        ToolKind::Combinatoric { .. } => Ok(combinatoric(t, o)),
        ToolKind::Product { .. } => Ok(product(t, o)),
        ToolKind::ZipLongest { .. } => zip_longest(t, o),
        ToolKind::Starmap { func, it } => {
            let (f, itv) = (*func, *it);
            let Some(args) = next(t, itv)? else {
                return Ok(None);
            };
            let argv = match cast::<Tuple>(args) {
                Some(tu) => tu.items.to_vec(),
                None => ops::iter::collect_list(t, args)?.snapshot(),
            };
            ops::call(t, f, &argv, None).map(Some)
        }
        ToolKind::Predicate { .. } => predicate(t, o),
        ToolKind::Compress { data, selectors } => {
            let (d, s) = (*data, *selectors);
            loop {
                let Some(datum) = next(t, d)? else {
                    return Ok(None);
                };
                let Some(sel) = next(t, s)? else {
                    return Ok(None);
                };
                if ops::truthy(t, sel)? {
                    return Ok(Some(datum));
                }
            }
        }
        ToolKind::Pairwise { it, old } => {
            let itv = *it;
            if itv.is_unbound() {
                return Ok(None);
            }
            let mut prev = *old;
            if prev.is_unbound() {
                let r = next(t, itv);
                match r {
                    Ok(Some(v)) => {
                        prev = v;
                        if let ToolKind::Pairwise { old, .. } = kind(&o) {
                            *old = v;
                        }
                    }
                    _ => {
                        if let ToolKind::Pairwise { it, .. } = kind(&o) {
                            *it = Value::UNBOUND;
                        }
                        return r;
                    }
                }
            }
            let r = next(t, itv);
            match r {
                Ok(Some(new)) => {
                    let pair = t.new_tuple_from(&[prev, new]);
                    if let ToolKind::Pairwise { old, .. } = kind(&o) {
                        *old = new;
                    }
                    Ok(Some(pair))
                }
                _ => {
                    if let ToolKind::Pairwise { it, old } = kind(&o) {
                        *it = Value::UNBOUND;
                        *old = Value::UNBOUND;
                    }
                    r
                }
            }
        }
        ToolKind::GroupBy { .. } => groupby(t, o),
        ToolKind::Grouper { parent, tgtkey } => {
            let (p, key) = (*parent, *tgtkey);
            let po = cast::<IterObj>(p).expect("grouper parent");
            let (cg, cv) = match kind(&po) {
                ToolKind::GroupBy {
                    currgrouper,
                    currvalue,
                    ..
                } => (*currgrouper, *currvalue),
                _ => return Ok(None),
            };
            if !cg.is(o.as_value()) {
                return Ok(None);
            }
            if cv.is_unbound() && !groupby_step(t, po)? {
                return Ok(None);
            }
            let ck = match kind(&po) {
                ToolKind::GroupBy { currkey, .. } => *currkey,
                _ => return Ok(None),
            };
            if !ops::eq(t, key, ck)? {
                return Ok(None);
            }
            match kind(&po) {
                ToolKind::GroupBy {
                    currkey, currvalue, ..
                } => {
                    let r = *currvalue;
                    *currvalue = Value::UNBOUND;
                    *currkey = Value::UNBOUND;
                    Ok(Some(r))
                }
                _ => Ok(None),
            }
        }
        ToolKind::Tee { it, buf, index } => {
            let l = cast::<List>(*buf).expect("tee buffer");
            if let Some(v) = l.get(*index) {
                *index += 1;
                return Ok(Some(v));
            }
            let itv = *it;
            match next(t, itv)? {
                Some(v) => {
                    if let ToolKind::Tee { index, .. } = kind(&o) {
                        l.push(v);
                        *index = l.len();
                    }
                    Ok(Some(v))
                }
                None => Ok(None),
            }
        }
        ToolKind::Done => Ok(None),
    }
}

fn islice(t: &mut Thread, o: Gc<IterObj>) -> PyResult<Option<Value>> {
    fn clear(o: &Gc<IterObj>) {
        if let ToolKind::Islice { it, .. } = kind(o) {
            *it = Value::UNBOUND;
        }
    }
    loop {
        let ToolKind::Islice {
            it, next: nx, cnt, ..
        } = kind(&o)
        else {
            return Ok(None);
        };
        if it.is_unbound() {
            return Ok(None);
        }
        if *cnt >= *nx {
            break;
        }
        let itv = *it;
        match next(t, itv) {
            Ok(Some(_)) => {
                if let ToolKind::Islice { cnt, .. } = kind(&o) {
                    *cnt += 1;
                }
            }
            r => {
                clear(&o);
                return r;
            }
        }
    }
    let ToolKind::Islice { it, stop, cnt, .. } = kind(&o) else {
        return Ok(None);
    };
    if let Some(s) = *stop {
        if *cnt >= s {
            *it = Value::UNBOUND;
            return Ok(None);
        }
    }
    let itv = *it;
    match next(t, itv) {
        Ok(Some(v)) => {
            if let ToolKind::Islice {
                next: nx,
                stop,
                step,
                cnt,
                ..
            } = kind(&o)
            {
                *cnt += 1;
                let new = nx.checked_add(*step);
                *nx = match (new, *stop) {
                    (Some(n), Some(s)) if n > s => s,
                    (Some(n), _) => n,
                    (None, Some(s)) => s,
                    (None, None) => usize::MAX,
                };
            }
            Ok(Some(v))
        }
        r => {
            clear(&o);
            r
        }
    }
}

fn chain(t: &mut Thread, o: Gc<IterObj>) -> PyResult<Option<Value>> {
    loop {
        let ToolKind::Chain { source, active } = kind(&o) else {
            return Ok(None);
        };
        let (src, act) = (*source, *active);
        if src.is_unbound() {
            return Ok(None);
        }
        if act.is_unbound() {
            let r = next(t, src).and_then(|x| match x {
                Some(iterable) => ops::iter(t, iterable).map(Some),
                None => Ok(None),
            });
            match r {
                Ok(Some(a)) => {
                    if let ToolKind::Chain { active, .. } = kind(&o) {
                        *active = a;
                    }
                    continue;
                }
                r => {
                    if let ToolKind::Chain { source, .. } = kind(&o) {
                        *source = Value::UNBOUND;
                    }
                    return r;
                }
            }
        }
        if let Some(v) = next(t, act)? {
            return Ok(Some(v));
        }
        if let ToolKind::Chain { active, .. } = kind(&o) {
            *active = Value::UNBOUND;
        }
    }
}

fn combinatoric(t: &mut Thread, o: Gc<IterObj>) -> Option<Value> {
    let k = kind(&o);
    let ToolKind::Combinatoric {
        which,
        pool,
        r,
        indices,
        cycles,
        first,
    } = k
    else {
        return None;
    };
    let (n, r) = (pool.len(), *r);
    let ok = if *first {
        *first = false;
        match which {
            0 | 1 => r <= n,
            _ => !(n == 0 && r > 0),
        }
    } else {
        match which {
            0 => {
                let mut found = false;
                if n > 0 {
                    let mut i = r;
                    while i > 0 {
                        i -= 1;
                        cycles[i] -= 1;
                        if cycles[i] == 0 {
                            indices[i..].rotate_left(1);
                            cycles[i] = n - i;
                        } else {
                            let j = cycles[i];
                            indices.swap(i, n - j);
                            found = true;
                            break;
                        }
                    }
                }
                found
            }
            1 => {
                let mut i = r;
                let mut found = false;
                while i > 0 {
                    i -= 1;
                    if indices[i] != i + n - r {
                        found = true;
                        break;
                    }
                }
                if found {
                    indices[i] += 1;
                    for j in i + 1..r {
                        indices[j] = indices[j - 1] + 1;
                    }
                }
                found
            }
            _ => {
                let mut i = r;
                let mut found = false;
                while i > 0 {
                    i -= 1;
                    if indices[i] != n - 1 {
                        found = true;
                        break;
                    }
                }
                if found {
                    let v = indices[i] + 1;
                    for x in &mut indices[i..r] {
                        *x = v;
                    }
                }
                found
            }
        }
    };
    if !ok {
        *k = ToolKind::Done;
        return None;
    }
    let items: Vec<Value> = indices[..r].iter().map(|&i| pool[i]).collect();
    Some(tuple_of(t, items))
}

fn product(t: &mut Thread, o: Gc<IterObj>) -> Option<Value> {
    let k = kind(&o);
    let ToolKind::Product {
        pools,
        indices,
        first,
    } = k
    else {
        return None;
    };
    let ok = if *first {
        *first = false;
        pools.iter().all(|p| !p.is_empty())
    } else {
        let mut i = pools.len();
        let mut found = false;
        while i > 0 {
            i -= 1;
            indices[i] += 1;
            if indices[i] == pools[i].len() {
                indices[i] = 0;
            } else {
                found = true;
                break;
            }
        }
        found
    };
    if !ok {
        *k = ToolKind::Done;
        return None;
    }
    let items: Vec<Value> = pools
        .iter()
        .zip(indices.iter())
        .map(|(p, &i)| p[i])
        .collect();
    Some(tuple_of(t, items))
}

fn zip_longest(t: &mut Thread, o: Gc<IterObj>) -> PyResult<Option<Value>> {
    let ToolKind::ZipLongest {
        iters,
        fill,
        active,
    } = kind(&o)
    else {
        return Ok(None);
    };
    if iters.is_empty() || *active == 0 {
        return Ok(None);
    }
    let (n, fillv) = (iters.len(), *fill);
    let out = t.alloc(List::new(Vec::with_capacity(n)));
    t.temp_roots.push(out.as_value());
    let r = (|| {
        for i in 0..n {
            let itv = match kind(&o) {
                ToolKind::ZipLongest { iters, .. } => iters[i],
                _ => return Ok(None),
            };
            let item = if itv.is_unbound() {
                fillv
            } else {
                let r = next(t, itv);
                let ToolKind::ZipLongest { iters, active, .. } = kind(&o) else {
                    return Ok(None);
                };
                match r {
                    Ok(Some(v)) => v,
                    Ok(None) => {
                        *active -= 1;
                        if *active == 0 {
                            return Ok(None);
                        }
                        iters[i] = Value::UNBOUND;
                        fillv
                    }
                    Err(e) => {
                        *active = 0;
                        return Err(e);
                    }
                }
            };
            out.push(item);
        }
        Ok(Some(t.new_tuple(out.snapshot())))
    })();
    t.temp_roots.pop();
    r
}

fn predicate(t: &mut Thread, o: Gc<IterObj>) -> PyResult<Option<Value>> {
    let ToolKind::Predicate {
        which,
        func,
        it,
        flag,
    } = kind(&o)
    else {
        return Ok(None);
    };
    let (which, f, itv) = (*which, *func, *it);
    match which {
        0 => {
            if *flag {
                return Ok(None);
            }
            let Some(item) = next(t, itv)? else {
                return Ok(None);
            };
            let r = ops::call(t, f, &[item], None)?;
            if ops::truthy(t, r)? {
                return Ok(Some(item));
            }
            if let ToolKind::Predicate { flag, .. } = kind(&o) {
                *flag = true;
            }
            Ok(None)
        }
        1 => loop {
            let Some(item) = next(t, itv)? else {
                return Ok(None);
            };
            if let ToolKind::Predicate { flag: true, .. } = kind(&o) {
                return Ok(Some(item));
            }
            let r = ops::call(t, f, &[item], None)?;
            if !ops::truthy(t, r)? {
                if let ToolKind::Predicate { flag, .. } = kind(&o) {
                    *flag = true;
                }
                return Ok(Some(item));
            }
        },
        _ => loop {
            let Some(item) = next(t, itv)? else {
                return Ok(None);
            };
            let ok = if f.is_none() || f.is(t.classes.bool_.as_value()) {
                ops::truthy(t, item)?
            } else {
                let r = ops::call(t, f, &[item], None)?;
                ops::truthy(t, r)?
            };
            if !ok {
                return Ok(Some(item));
            }
        },
    }
}

/// Reads the next value and key into the groupby state; `false` when the
/// underlying iterator is exhausted.
fn groupby_step(t: &mut Thread, g: Gc<IterObj>) -> PyResult<bool> {
    let (itv, kf) = match kind(&g) {
        ToolKind::GroupBy { it, keyfunc, .. } => (*it, *keyfunc),
        _ => return Ok(false),
    };
    let Some(v) = next(t, itv)? else {
        return Ok(false);
    };
    let key = if kf.is_none() {
        v
    } else {
        ops::call(t, kf, &[v], None)?
    };
    if let ToolKind::GroupBy {
        currkey, currvalue, ..
    } = kind(&g)
    {
        *currvalue = v;
        *currkey = key;
    }
    Ok(true)
}

fn groupby(t: &mut Thread, o: Gc<IterObj>) -> PyResult<Option<Value>> {
    if let ToolKind::GroupBy { currgrouper, .. } = kind(&o) {
        *currgrouper = Value::UNBOUND;
    }
    loop {
        let (ck, tk) = match kind(&o) {
            ToolKind::GroupBy {
                currkey, tgtkey, ..
            } => (*currkey, *tgtkey),
            _ => return Ok(None),
        };
        if !ck.is_unbound() && (tk.is_unbound() || !ops::eq(t, tk, ck)?) {
            break;
        }
        if !groupby_step(t, o)? {
            return Ok(None);
        }
    }
    let (ck, cls) = match kind(&o) {
        ToolKind::GroupBy {
            currkey,
            tgtkey,
            grouper_cls,
            ..
        } => {
            *tgtkey = *currkey;
            (*currkey, *grouper_cls)
        }
        _ => return Ok(None),
    };
    let grouper = t.new_iter(IterState::Tool(Box::new(Tool {
        cls,
        kind: ToolKind::Grouper {
            parent: o.as_value(),
            tgtkey: ck,
        },
    })));
    if let ToolKind::GroupBy { currgrouper, .. } = kind(&o) {
        *currgrouper = grouper;
    }
    Ok(Some(t.new_tuple_from(&[ck, grouper])))
}
