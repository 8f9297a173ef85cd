//! Attribute access: instance slots by shape, class lookup along the MRO,
//! descriptor binding (functions, builtin methods, classmethod,
//! staticmethod, property), modules, and CPython's AttributeError messages.

use super::{as_str, cast, kind_of};
use crate::gc::Gc;
use crate::object::class::Base;
use crate::object::*;
use crate::thread::Thread;
use crate::value::Value;
use crate::PyResult;

/// Binds a class attribute `descr` found on `cls` to `obj` (a descriptor `__get__`).
pub fn bind(t: &mut Thread, descr: Value, obj: Value, cls: Gc<Class>) -> PyResult<Value> {
    match kind_of(descr) {
        Some(Kind::Function) => Ok(t
            .alloc(BoundMethod {
                func: descr,
                receiver: obj,
            })
            .as_value()),
        Some(Kind::Builtin) => {
            let b = cast::<Builtin>(descr).expect("kind checked");
            if b.is_method && b.receiver.is_unbound() {
                Ok(t.alloc(Builtin {
                    name: b.name,
                    qualname: b.qualname,
                    f: b.f,
                    receiver: obj,
                    is_method: true,
                })
                .as_value())
            } else {
                Ok(descr)
            }
        }
        Some(Kind::ClassMethod) => {
            let f = cast::<ClassMethod>(descr).expect("kind checked").func;
            Ok(t.alloc(BoundMethod {
                func: f,
                receiver: cls.as_value(),
            })
            .as_value())
        }
        Some(Kind::StaticMethod) => Ok(cast::<StaticMethod>(descr).expect("kind checked").func),
        Some(Kind::Property) => {
            let p = cast::<Property>(descr).expect("kind checked");
            if p.fget.is_none() {
                return Err(t.attribute_error("unreadable attribute"));
            }
            super::call(t, p.fget, &[obj], None)
        }
        _ => Ok(descr),
    }
}

/// `getattr(obj, name)`, raising AttributeError.
pub fn getattr(t: &mut Thread, obj: Value, name: Gc<Str>) -> PyResult<Value> {
    match getattr_opt(t, obj, name)? {
        Some(v) => Ok(v),
        None => Err(no_attribute(t, obj, name)),
    }
}

/// Raises CPython's AttributeError for `obj.name`.
#[cold]
pub fn no_attribute(t: &mut Thread, obj: Value, name: Gc<Str>) -> crate::Raised {
    if let Some(m) = cast::<Module>(obj) {
        if m.native && crate::builtins::cpython_module_has_attr(m.name.as_str(), name.as_str()) {
            let what = format!("{}.{}", m.name.as_str(), name.as_str());
            return t.unsupported(&what);
        }
        let msg = format!(
            "module '{}' has no attribute '{}'",
            m.name.as_str(),
            name.as_str()
        );
        return t.attribute_error(&msg);
    }
    if let Some(c) = cast::<Class>(obj) {
        let msg = format!(
            "type object '{}' has no attribute '{}'",
            c.name.as_str(),
            name.as_str()
        );
        return t.attribute_error(&msg);
    }
    let cls = t.class_of(obj);
    if cls.base == Base::Builtin
        && crate::builtins::cpython_has_attr(cls.name.as_str(), name.as_str())
    {
        let what = format!("{}.{}", cls.name.as_str(), name.as_str());
        return t.unsupported(&what);
    }
    let msg = format!(
        "'{}' object has no attribute '{}'",
        cls.name.as_str(),
        name.as_str()
    );
    t.attribute_error(&msg)
}

/// `getattr(obj, name, <absent>)`: `Ok(None)` when there is no such attribute.
pub fn getattr_opt(t: &mut Thread, obj: Value, name: Gc<Str>) -> PyResult<Option<Value>> {
    match kind_of(obj) {
        Some(Kind::Instance) => {
            let inst = cast::<Instance>(obj).expect("kind checked");
            let cls = inst.class.get();
            let descr = cls.lookup(name);
            if let Some(d) = descr {
                if kind_of(d) == Some(Kind::Property) {
                    return bind(t, d, obj, cls).map(Some);
                }
            }
            if let Some(v) = inst.get_attr(name) {
                return Ok(Some(v));
            }
            if let Some(d) = descr {
                return bind(t, d, obj, cls).map(Some);
            }
            if let Some(v) = special_instance_attr(t, inst, name)? {
                return Ok(Some(v));
            }
            if let Some(ga) = cls.lookup(t.names.getattr_) {
                let name_v = name.as_value();
                return match super::call::call_descriptor(t, ga, obj, &[name_v]) {
                    Ok(v) => Ok(Some(v)),
                    Err(e) => {
                        if t.exc_is(t.classes.attribute_error) {
                            Ok(None)
                        } else {
                            Err(e)
                        }
                    }
                };
            }
            Ok(None)
        }
        Some(Kind::Class) => {
            let c = cast::<Class>(obj).expect("kind checked");
            if let Some(d) = c.lookup(name) {
                return match kind_of(d) {
                    Some(Kind::ClassMethod) => bind(t, d, obj, c).map(Some),
                    Some(Kind::StaticMethod) => {
                        Ok(Some(cast::<StaticMethod>(d).expect("kind").func))
                    }
                    _ => Ok(Some(d)),
                };
            }
            class_special_attr(t, c, name)
        }
        Some(Kind::Module) => {
            let m = cast::<Module>(obj).expect("kind checked");
            if let Some(v) = m.get(name) {
                return Ok(Some(v));
            }
            if name.ptr_eq(t.names.name) {
                return Ok(Some(m.name.as_value()));
            }
            Ok(None)
        }
        Some(Kind::Function) => {
            let f = cast::<Function>(obj).expect("kind checked");
            if name.ptr_eq(t.names.name) {
                return Ok(Some(f.name.get()));
            }
            if name.ptr_eq(t.names.qualname) {
                return Ok(Some(f.qualname.get()));
            }
            if name.ptr_eq(t.names.module) {
                return Ok(Some(f.globals.name.as_value()));
            }
            if name.ptr_eq(t.names.doc) {
                return Ok(Some(Value::NONE));
            }
            if let Some(d) = super::as_dict(f.dict.get()) {
                let key = name.as_value();
                if let Some(v) = super::dict::get(t, d, key)? {
                    return Ok(Some(v));
                }
            }
            generic_class_attr(t, obj, name)
        }
        Some(Kind::Builtin) => {
            let b = cast::<Builtin>(obj).expect("kind checked");
            if name.ptr_eq(t.names.name) {
                return Ok(Some(t.new_str(b.name)));
            }
            if name.ptr_eq(t.names.qualname) {
                return Ok(Some(t.new_str(b.qualname)));
            }
            generic_class_attr(t, obj, name)
        }
        Some(Kind::BoundMethod) => {
            let m = cast::<BoundMethod>(obj).expect("kind checked");
            if name.as_str() == "__self__" {
                return Ok(Some(m.receiver));
            }
            if name.as_str() == "__func__" {
                return Ok(Some(m.func));
            }
            if let Some(v) = generic_class_attr(t, obj, name)? {
                return Ok(Some(v));
            }
            getattr_opt(t, m.func, name)
        }
        Some(Kind::Super) => {
            let s = cast::<Super>(obj).expect("kind checked");
            super_getattr(t, s.cls, s.obj, name)
        }
        _ => {
            if let Some(v) = builtin_value_attr(t, obj, name)? {
                return Ok(Some(v));
            }
            generic_class_attr(t, obj, name)
        }
    }
}

/// Attribute of a builtin value found on its class (methods are bound).
fn generic_class_attr(t: &mut Thread, obj: Value, name: Gc<Str>) -> PyResult<Option<Value>> {
    let cls = t.class_of(obj);
    if let Some(d) = cls.lookup(name) {
        return bind(t, d, obj, cls).map(Some);
    }
    if name.ptr_eq(t.names.class) {
        return Ok(Some(cls.as_value()));
    }
    Ok(None)
}

/// Data attributes of builtin values (`e.args`, `r.start`, `f.real`, ...).
fn builtin_value_attr(t: &mut Thread, obj: Value, name: Gc<Str>) -> PyResult<Option<Value>> {
    let n = name.as_str();
    if let Some(r) = cast::<Range>(obj) {
        let v = match n {
            "start" => r.start,
            "stop" => r.stop,
            "step" => r.step,
            _ => return Ok(None),
        };
        return Ok(Some(super::int::from_i128(t, v)));
    }
    if let Some(s) = cast::<Slice>(obj) {
        return Ok(match n {
            "start" => Some(s.start),
            "stop" => Some(s.stop),
            "step" => Some(s.step),
            _ => None,
        });
    }
    if let Some(x) = obj.as_float() {
        return Ok(match n {
            "real" => Some(obj),
            "imag" => Some(Value::float(0.0 * x)),
            _ => None,
        });
    }
    if super::int::is_int(obj) {
        return Ok(match n {
            "real" | "numerator" => Some(super::int::to_plain_int(t, obj)),
            "imag" => Some(Value::small_int_unchecked(0)),
            "denominator" => Some(Value::small_int_unchecked(1)),
            _ => None,
        });
    }
    if let Some(g) = cast::<Generator>(obj) {
        return Ok(match n {
            "__name__" => Some(g.code.name.as_value()),
            "__qualname__" => Some(g.code.qualname.as_value()),
            _ => None,
        });
    }
    Ok(None)
}

fn special_instance_attr(
    t: &mut Thread,
    inst: Gc<Instance>,
    name: Gc<Str>,
) -> PyResult<Option<Value>> {
    if name.ptr_eq(t.names.class) {
        return Ok(Some(inst.class.get().as_value()));
    }
    if let Some(e) = inst.exc.get() {
        let n = name.as_str();
        let v = match n {
            "args" => e.args,
            "__cause__" => e.cause,
            "__context__" => e.context,
            "__suppress_context__" => Value::bool(e.suppress_context),
            "__traceback__" => Value::NONE,
            "value" if inst.class.get().is_subclass(t.classes.stop_iteration) => {
                cast::<Tuple>(e.args)
                    .and_then(|a| a.items.first().copied())
                    .unwrap_or(Value::NONE)
            }
            "code" if inst.class.get().is_subclass(t.classes.system_exit) => {
                match cast::<Tuple>(e.args) {
                    Some(a) if a.len() == 1 => a.items[0],
                    Some(a) if a.is_empty() => Value::NONE,
                    _ => e.args,
                }
            }
            "msg" if inst.class.get().is_subclass(t.classes.import_error) => {
                match cast::<Tuple>(e.args) {
                    Some(a) if a.len() == 1 => a.items[0],
                    _ => Value::NONE,
                }
            }
            "name" | "path" if inst.class.get().is_subclass(t.classes.import_error) => Value::NONE,
            _ => return Ok(None),
        };
        return Ok(Some(v));
    }
    if name.ptr_eq(t.names.dict) {
        let cls = inst.class.get();
        if cls.slots.get().is_some() && inst.exc.get().is_none() {
            // Instances of a class with `__slots__` (all the way up) have none.
            return Ok(None);
        }
        if !inst.dict.get().is_unbound() {
            return Ok(Some(inst.dict.get()));
        }
        // Switch the instance to dict mode: the attributes move into a real
        // dict, so changes through `__dict__` are seen by attribute access.
        let d = t.new_dict();
        let shape = inst.shape.get();
        for (i, n) in shape.names.clone().into_iter().enumerate() {
            let v = inst.slots.get()[i];
            super::dict::set(t, d, n.as_value(), v)?;
        }
        inst.dict.set(d.as_value());
        inst.slots.get_mut().clear();
        inst.shape.set(inst.class.get().root_shape);
        return Ok(Some(d.as_value()));
    }
    Ok(None)
}

fn class_special_attr(t: &mut Thread, c: Gc<Class>, name: Gc<Str>) -> PyResult<Option<Value>> {
    let v = match name.as_str() {
        // Library classes are named by CPython's `tp_name` (`collections.deque`);
        // their `__name__` is the last component.
        "__name__" if c.header().is_immortal() && c.name.as_str().contains('.') => {
            let n = c.name.as_str();
            let short = n[n.rfind('.').map_or(0, |i| i + 1)..].to_string();
            t.new_string(short)
        }
        "__name__" => c.name.as_value(),
        "__qualname__" => c.qualname.get().as_value(),
        "__module__" => c.module.get(),
        "__doc__" => Value::NONE,
        "__class__" => t.classes.type_.as_value(),
        "__bases__" => {
            let b: Vec<Value> = c.bases.get().iter().map(|b| b.as_value()).collect();
            t.new_tuple(b)
        }
        "__base__" => c
            .bases
            .get()
            .first()
            .map(|b| b.as_value())
            .unwrap_or(Value::NONE),
        "__mro__" => {
            let m: Vec<Value> = c.mro.get().iter().map(|b| b.as_value()).collect();
            t.new_tuple(m)
        }
        _ => {
            // Methods of `type` itself (e.g. `mro`) are not supported.
            return Ok(None);
        }
    };
    Ok(Some(v))
}

/// Attribute lookup for `super(cls, obj).name`.
fn super_getattr(t: &mut Thread, cls: Value, obj: Value, name: Gc<Str>) -> PyResult<Option<Value>> {
    let start = cast::<Class>(cls);
    let obj_cls = cast::<Class>(obj)
        .filter(|c| start.map(|s| c.is_subclass(s)).unwrap_or(false))
        .unwrap_or_else(|| t.class_of(obj));
    let mro = obj_cls.mro.get().clone();
    let mut found_start = false;
    for c in mro {
        if !found_start {
            found_start = start.map(|s| s.ptr_eq(c)).unwrap_or(false);
            continue;
        }
        if let Some(d) = c.dict.get().get(name) {
            // For super(cls, cls2) (a class), bind classmethods to the class.
            if cast::<Class>(obj).is_some() {
                return match kind_of(d) {
                    Some(Kind::ClassMethod) => bind(t, d, obj, obj_cls).map(Some),
                    Some(Kind::StaticMethod) => {
                        Ok(Some(cast::<StaticMethod>(d).expect("kind").func))
                    }
                    _ => Ok(Some(d)),
                };
            }
            return bind(t, d, obj, obj_cls).map(Some);
        }
    }
    if name.ptr_eq(t.names.class) {
        return Ok(Some(t.classes.super_.as_value()));
    }
    Ok(None)
}

/// Method lookup for `obj.name(...)`: `(callable, Some(self))` when the
/// attribute is a plain function or builtin method on the class (no bound
/// method is allocated), else `(attribute, None)`.
pub fn load_method(t: &mut Thread, obj: Value, name: Gc<Str>) -> PyResult<(Value, Option<Value>)> {
    let cls = t.class_of(obj);
    if kind_of(obj) != Some(Kind::Class)
        && kind_of(obj) != Some(Kind::Module)
        && kind_of(obj) != Some(Kind::Super)
    {
        if let Some(d) = cls.lookup(name) {
            let plain = match kind_of(d) {
                Some(Kind::Function) => true,
                Some(Kind::Builtin) => cast::<Builtin>(d)
                    .map(|b| b.is_method && b.receiver.is_unbound())
                    .unwrap_or(false),
                _ => false,
            };
            if plain {
                let shadowed = cast::<Instance>(obj)
                    .map(|i| i.get_attr(name).is_some())
                    .unwrap_or(false);
                if !shadowed {
                    return Ok((d, Some(obj)));
                }
            }
        }
    }
    Ok((getattr(t, obj, name)?, None))
}

/// `obj.name = v`.
pub fn setattr(t: &mut Thread, obj: Value, name: Gc<Str>, v: Value) -> PyResult<()> {
    match kind_of(obj) {
        Some(Kind::Instance) => {
            let inst = cast::<Instance>(obj).expect("kind checked");
            let cls = inst.class.get();
            if super::class_flags::get(cls) & super::class_flags::NO_DATA_DESCRIPTORS != 0 {
                return set_instance_attr(t, inst, name, v);
            }
            if let Some(d) = cls.lookup(name) {
                if let Some(p) = cast::<Property>(d) {
                    let setter = p.fset.get();
                    if setter.is_none() {
                        let msg = format!(
                            "property '{}' of '{}' object has no setter",
                            name.as_str(),
                            cls.name.as_str()
                        );
                        return Err(t.attribute_error(&msg));
                    }
                    super::call(t, setter, &[obj, v], None)?;
                    return Ok(());
                }
            }
            if let Some(m) = cls.lookup(t.names.setattr_) {
                if kind_of(m) == Some(Kind::Function) {
                    super::call(t, m, &[obj, name.as_value(), v], None)?;
                    return Ok(());
                }
            }
            set_instance_attr(t, inst, name, v)
        }
        Some(Kind::Class) => {
            let c = cast::<Class>(obj).expect("kind checked");
            if c.base == Base::Builtin || c.header().is_immortal() {
                let msg = format!(
                    "cannot set '{}' attribute of immutable type '{}'",
                    name.as_str(),
                    c.name.as_str()
                );
                return Err(t.type_error(&msg));
            }
            c.dict.get_mut().set(name, v);
            c.bump_version();
            Ok(())
        }
        Some(Kind::Function) => {
            let f = cast::<Function>(obj).expect("kind checked");
            if name.ptr_eq(t.names.name) || name.ptr_eq(t.names.qualname) {
                if as_str(v).is_none() {
                    let msg = format!("{} must be set to a string object", name.as_str());
                    return Err(t.type_error(&msg));
                }
                if name.ptr_eq(t.names.name) {
                    f.name.set(v);
                } else {
                    f.qualname.set(v);
                }
                return Ok(());
            }
            if f.dict.get().is_none() {
                let d = t.new_dict();
                f.dict.set(d.as_value());
            }
            let d = super::as_dict(f.dict.get()).expect("function dict");
            super::dict::set(t, d, name.as_value(), v)
        }
        Some(Kind::Module) => {
            let m = cast::<Module>(obj).expect("kind checked");
            let c = module_cell(t, m, name);
            c.set(v);
            Ok(())
        }
        _ => {
            let cls = t.class_of(obj);
            let msg = if cls.lookup(name).is_some() {
                format!(
                    "'{}' object attribute '{}' is read-only",
                    cls.name.as_str(),
                    name.as_str()
                )
            } else {
                format!(
                    "'{}' object has no attribute '{}'",
                    cls.name.as_str(),
                    name.as_str()
                )
            };
            Err(t.attribute_error(&msg))
        }
    }
}

/// Stores an attribute in an instance's slots, extending its shape if needed.
pub fn set_instance_attr(
    t: &mut Thread,
    inst: Gc<Instance>,
    name: Gc<Str>,
    v: Value,
) -> PyResult<()> {
    if let Some(d) = super::as_dict(inst.dict.get()) {
        return super::dict::set(t, d, name.as_value(), v);
    }
    let shape = inst.shape.get();
    if let Some(i) = shape.slot(name) {
        inst.slots.get_mut()[i] = v;
        return Ok(());
    }
    let cls = inst.class.get();
    if cls.ptr_eq(t.classes.object) {
        let msg = format!("'object' object has no attribute '{}'", name.as_str());
        return Err(t.attribute_error(&msg));
    }
    if let Some(allowed) = cls.slots.get() {
        if !allowed.iter().any(|n| n.ptr_eq(name)) {
            let msg = format!(
                "'{}' object has no attribute '{}'",
                cls.name.as_str(),
                name.as_str()
            );
            return Err(t.attribute_error(&msg));
        }
    }
    if inst.exc.get().is_some() {
        match name.as_str() {
            "args" => {
                let items = super::iter::collect_list(t, v)?;
                let tup = t.new_tuple(items.snapshot());
                if let Some(e) = inst.exc.get_mut() {
                    e.args = tup;
                }
                return Ok(());
            }
            "__cause__" => {
                if let Some(e) = inst.exc.get_mut() {
                    e.cause = v;
                    e.suppress_context = true;
                }
                return Ok(());
            }
            "__context__" => {
                if let Some(e) = inst.exc.get_mut() {
                    e.context = v;
                }
                return Ok(());
            }
            _ => {}
        }
    }
    let next = shape_with(t, shape, name);
    inst.slots.get_mut().push(v);
    inst.class.get().note_slots(inst.slots.get().len());
    inst.shape.set(next);
    Ok(())
}

/// The shape that extends `shape` by `name` (shared through transitions).
pub fn shape_with(t: &mut Thread, shape: Gc<Shape>, name: Gc<Str>) -> Gc<Shape> {
    if let Some(s) = shape.transition(name) {
        return s;
    }
    let s = t.heap.alloc_immortal(shape.extended(name));
    shape.transitions.get_mut().push((name, s));
    s
}

/// `object.__delattr__`: a property's deleter, else removes `name` from
/// the instance's own attributes.
pub fn generic_delattr(
    t: &mut Thread,
    obj: Value,
    inst: Gc<Instance>,
    name: Gc<Str>,
) -> PyResult<()> {
    let cls = inst.class.get();
    if let Some(d) = cls.lookup(name) {
        if let Some(p) = cast::<Property>(d) {
            let deleter = p.fdel.get();
            if deleter.is_none() {
                let msg = format!(
                    "property '{}' of '{}' object has no deleter",
                    name.as_str(),
                    cls.name.as_str()
                );
                return Err(t.attribute_error(&msg));
            }
            super::call(t, deleter, &[obj], None)?;
            return Ok(());
        }
    }
    if let Some(d) = super::as_dict(inst.dict.get()) {
        if super::dict::remove(t, d, name.as_value())?.is_none() {
            return Err(no_attribute(t, obj, name));
        }
        return Ok(());
    }
    let shape = inst.shape.get();
    let Some(i) = shape.slot(name) else {
        return Err(no_attribute(t, obj, name));
    };
    // Rebuild the shape without `name` from the class's root shape.
    let cls = inst.class.get();
    let mut s = cls.root_shape;
    let mut slots = Vec::with_capacity(shape.len() - 1);
    let old = inst.slots.get().clone();
    for (j, n) in shape.names.clone().into_iter().enumerate() {
        if j != i {
            s = shape_with(t, s, n);
            slots.push(old[j]);
        }
    }
    *inst.slots.get_mut() = slots.into();
    inst.shape.set(s);
    Ok(())
}

/// `del obj.name`.
pub fn delattr(t: &mut Thread, obj: Value, name: Gc<Str>) -> PyResult<()> {
    match kind_of(obj) {
        Some(Kind::Instance) => {
            let inst = cast::<Instance>(obj).expect("kind checked");
            if let Some(m) = inst.class.get().lookup(t.names.delattr_) {
                if kind_of(m) == Some(Kind::Function) {
                    super::call(t, m, &[obj, name.as_value()], None)?;
                    return Ok(());
                }
            }
            generic_delattr(t, obj, inst, name)
        }
        Some(Kind::Class) => {
            let c = cast::<Class>(obj).expect("kind checked");
            if c.header().is_immortal() {
                let msg = format!(
                    "cannot delete '{}' attribute of immutable type '{}'",
                    name.as_str(),
                    c.name.as_str()
                );
                return Err(t.type_error(&msg));
            }
            if c.dict.get_mut().remove(name).is_none() {
                return Err(no_attribute(t, obj, name));
            }
            c.bump_version();
            Ok(())
        }
        _ => Err(no_attribute(t, obj, name)),
    }
}

/// The cell of `name` in module `m`, created unbound if missing.
pub fn module_cell(t: &mut Thread, m: Gc<Module>, name: Gc<Str>) -> Gc<GlobalCell> {
    if let Some(c) = m.cell(name) {
        return c;
    }
    let c = if m.header().is_immortal() {
        t.heap.alloc_immortal(GlobalCell::new(name))
    } else {
        t.alloc(GlobalCell::new(name))
    };
    m.cells.get_mut().insert(name.addr(), c);
    m.order.get_mut().push(c);
    c
}
