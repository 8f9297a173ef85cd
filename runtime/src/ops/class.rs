//! Creating classes from a class statement: bases, C3 MRO, layout, `__slots__`,
//! the namespace, and the implicit rules (`__eq__` without `__hash__`).

use super::{as_str, cast, kind_of};
use crate::gc::Gc;
use crate::object::class::Base;
use crate::object::*;
use crate::thread::Thread;
use crate::value::Value;
use crate::PyResult;

/// C3 linearisation of `cls` with `bases`; `None` if inconsistent.
fn c3(cls: Gc<Class>, bases: &[Gc<Class>]) -> Option<Vec<Gc<Class>>> {
    let mut seqs: Vec<Vec<Gc<Class>>> = bases.iter().map(|b| b.mro.get().clone()).collect();
    seqs.push(bases.to_vec());
    let mut out = vec![cls];
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Some(out);
        }
        let mut pick = None;
        for s in &seqs {
            let cand = s[0];
            if !seqs.iter().any(|o| o[1..].iter().any(|c| c.ptr_eq(cand))) {
                pick = Some(cand);
                break;
            }
        }
        let c = pick?;
        out.push(c);
        for s in seqs.iter_mut() {
            if s[0].ptr_eq(c) {
                s.remove(0);
            }
        }
    }
}

/// Builds a class from the namespace its body filled.
pub fn build_class(
    t: &mut Thread,
    name: Gc<Str>,
    qualname: Value,
    bases_v: Value,
    ns: Gc<Dict>,
    module: Value,
) -> PyResult<Value> {
    let mut bases = Vec::new();
    if let Some(tu) = cast::<Tuple>(bases_v) {
        for b in tu.items.iter() {
            match cast::<Class>(*b) {
                Some(c) => bases.push(c),
                None => {
                    let msg = format!("bases must be types, not '{}'", t.type_name(*b));
                    return Err(t.type_error(&msg));
                }
            }
        }
    }
    if bases.is_empty() {
        bases.push(t.classes.object);
    }
    let mut base = Base::Object;
    for b in &bases {
        let bb = match b.base {
            Base::Builtin => {
                if b.ptr_eq(t.classes.object) {
                    Base::Object
                } else {
                    let what = format!("subclassing '{}'", b.name.as_str());
                    return Err(t.unsupported(&what));
                }
            }
            other => other,
        };
        if bb != Base::Object {
            if base != Base::Object && base != bb {
                return Err(t.type_error("multiple bases have instance lay-out conflict"));
            }
            base = bb;
        }
    }
    let root_shape = t.heap.alloc_immortal(Shape::root());
    let qual = as_str(qualname).unwrap_or(name);
    let cls = t.alloc(Class::new(
        name,
        qual,
        module,
        bases.clone(),
        base,
        root_shape,
    ));
    let Some(mro) = c3(cls, &bases) else {
        let names: Vec<&str> = bases.iter().map(|b| b.name.as_str()).collect();
        let msg = format!(
            "Cannot create a consistent method resolution order (MRO) for bases {}",
            names.join(", ")
        );
        return Err(t.type_error(&msg));
    };
    *cls.mro.get_mut() = mro;
    let mut classcell = None;
    let entries: Vec<(Value, Value)> = ns.table.items();
    for (k, v) in entries {
        let Some(ks) = as_str(k) else { continue };
        let key = t.intern(ks.as_str());
        if key.ptr_eq(t.names.classcell) {
            classcell = cast::<CellObj>(v);
            continue;
        }
        let v = if key.ptr_eq(t.names.new) && kind_of(v) == Some(Kind::Function) {
            t.alloc(StaticMethod { func: v }).as_value()
        } else {
            v
        };
        cls.dict.get_mut().set(key, v);
    }
    if cls.dict.get().get(t.names.module).is_none() {
        cls.dict.get_mut().set(t.names.module, module);
    }
    if cls.dict.get().get(t.names.eq).is_some() && cls.dict.get().get(t.names.hash).is_none() {
        cls.dict.get_mut().set(t.names.hash, Value::NONE);
    }
    // __slots__: the declared names, plus those of the bases.
    if let Some(sv) = cls.dict.get().get(t.names.slots) {
        let mut names: Vec<Gc<Str>> = Vec::new();
        for b in &bases {
            if let Some(bs) = b.slots.get() {
                names.extend(bs.iter().copied());
            }
        }
        let items = if as_str(sv).is_some() {
            vec![sv]
        } else {
            super::iter::collect_list(t, sv)?.snapshot()
        };
        for it in items {
            match as_str(it) {
                Some(s) => {
                    let n = t.intern(s.as_str());
                    names.push(n);
                }
                None => {
                    let msg = format!("__slots__ items must be strings, not '{}'", t.type_name(it));
                    return Err(t.type_error(&msg));
                }
            }
        }
        let all_bases_slotted = bases.iter().all(|b| {
            b.ptr_eq(t.classes.object) || b.slots.get().is_some() || b.base == Base::Exception
        });
        if all_bases_slotted {
            *cls.slots.get_mut() = Some(names);
        }
    }
    // Immortal (builtin) bases never change, so they need no back-links;
    // an immortal object must not point at a mortal one (gc invariant 4).
    for b in &bases {
        if !b.header().is_immortal() {
            b.subclasses.get_mut().push(cls);
        }
    }
    if let Some(cell) = classcell {
        cell.value.set(cls.as_value());
    }
    Ok(cls.as_value())
}
