//! A tiny reference interpreter for `CodeUnit`s, used only by the tests to
//! check that generated code computes what CPython computes (control flow,
//! exception tables, unwinding, closures, generators, classes).
//!
//! It models just enough of Python for the test programs: ints, strs,
//! bools, None, tuples, lists, dicts, functions, cells, simple classes and
//! exceptions, generators; builtins `print range len str repr isinstance
//! list super` and a few exception classes. Malformed code (a read of an
//! unbound register without `CheckBound`, an operand of the wrong kind)
//! panics, which fails the test.

use super::bc::{CodeUnit, Const, Op};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

type Ns = Rc<RefCell<HashMap<String, V>>>;

#[derive(Clone)]
pub(crate) enum V {
    None,
    Bool(bool),
    Int(i64),
    Str(Rc<str>),
    Tuple(Rc<Vec<V>>),
    List(Rc<RefCell<Vec<V>>>),
    Dict(Rc<RefCell<Vec<(V, V)>>>),
    Func(Rc<Func>),
    Builtin(&'static str),
    Cell(Rc<RefCell<Option<V>>>),
    Class(Rc<Class>),
    Inst(Rc<Inst>),
    Iter(Rc<RefCell<(Vec<V>, usize)>>),
    Gen(Rc<RefCell<Gen>>),
    Bound(Rc<(V, V)>),
    Slice(Rc<(V, V, V)>),
    Code(Rc<CodeUnit>),
}

pub(crate) struct Func {
    code: Rc<CodeUnit>,
    defaults: Vec<V>,
    kwdefaults: Vec<(String, V)>,
    closure: Vec<V>,
}

pub(crate) struct Class {
    name: String,
    base: Option<Rc<Class>>,
    dict: Ns,
}

pub(crate) struct Inst {
    class: Rc<Class>,
    dict: Ns,
}

pub(crate) struct Gen {
    frame: Option<Frame>,
    running: bool,
}

struct Frame {
    code: Rc<CodeUnit>,
    regs: Vec<Option<V>>,
    pc: usize,
    closure: Vec<V>,
    ns: Option<Ns>,
    /// Where the value sent into a suspended generator goes.
    resume_reg: Option<usize>,
    pending: Option<V>,
}

enum Exit {
    Return(V),
    Yield(V),
}

pub(crate) struct Vm {
    globals: Ns,
    handled: Option<V>,
    pub(crate) out: String,
    classes: HashMap<&'static str, Rc<Class>>,
}

fn truthy(v: &V) -> bool {
    match v {
        V::None => false,
        V::Bool(b) => *b,
        V::Int(i) => *i != 0,
        V::Str(s) => !s.is_empty(),
        V::Tuple(t) => !t.is_empty(),
        V::List(l) => !l.borrow().is_empty(),
        V::Dict(d) => !d.borrow().is_empty(),
        _ => true,
    }
}

fn same(a: &V, b: &V) -> bool {
    match (a, b) {
        (V::None, V::None) => true,
        (V::Bool(x), V::Bool(y)) => x == y,
        (V::Class(x), V::Class(y)) => Rc::ptr_eq(x, y),
        (V::Inst(x), V::Inst(y)) => Rc::ptr_eq(x, y),
        (V::List(x), V::List(y)) => Rc::ptr_eq(x, y),
        (V::Func(x), V::Func(y)) => Rc::ptr_eq(x, y),
        _ => false,
    }
}

fn eq(a: &V, b: &V) -> bool {
    match (a, b) {
        (V::Int(x), V::Int(y)) => x == y,
        (V::Bool(x), V::Int(y)) | (V::Int(y), V::Bool(x)) => i64::from(*x) == *y,
        (V::Str(x), V::Str(y)) => x == y,
        (V::Tuple(x), V::Tuple(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| eq(p, q))
        }
        (V::List(x), V::List(y)) => {
            let (x, y) = (x.borrow(), y.borrow());
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| eq(p, q))
        }
        _ => same(a, b),
    }
}

fn int(v: &V) -> i64 {
    match v {
        V::Int(i) => *i,
        V::Bool(b) => i64::from(*b),
        _ => panic!("not an int"),
    }
}

type Res<T> = Result<T, V>;

impl Vm {
    pub(crate) fn new() -> Vm {
        let mut classes = HashMap::new();
        let base = Rc::new(Class {
            name: "BaseException".into(),
            base: None,
            dict: Ns::default(),
        });
        classes.insert("BaseException", base.clone());
        let exc = Rc::new(Class {
            name: "Exception".into(),
            base: Some(base),
            dict: Ns::default(),
        });
        classes.insert("Exception", exc.clone());
        for name in [
            "ValueError",
            "TypeError",
            "KeyError",
            "IndexError",
            "ZeroDivisionError",
            "NameError",
            "StopIteration",
            "RuntimeError",
            "AttributeError",
            "AssertionError",
        ] {
            classes.insert(
                name,
                Rc::new(Class {
                    name: name.into(),
                    base: Some(exc.clone()),
                    dict: Ns::default(),
                }),
            );
        }
        let unbound = Rc::new(Class {
            name: "UnboundLocalError".into(),
            base: Some(classes["NameError"].clone()),
            dict: Ns::default(),
        });
        classes.insert("UnboundLocalError", unbound);
        Vm {
            globals: Ns::default(),
            handled: None,
            out: String::new(),
            classes,
        }
    }

    fn error(&self, class: &str, msg: &str) -> V {
        let dict = Ns::default();
        dict.borrow_mut()
            .insert("args".into(), V::Tuple(Rc::new(vec![V::Str(msg.into())])));
        V::Inst(Rc::new(Inst {
            class: self.classes[class].clone(),
            dict,
        }))
    }

    pub(crate) fn run_module(&mut self, code: &CodeUnit) -> Result<(), String> {
        let mut f = self.frame(Rc::new(code.clone()), Vec::new(), None);
        match self.run(&mut f) {
            Ok(_) => Ok(()),
            Err(e) => Err(self.describe(&e)),
        }
    }

    fn describe(&mut self, e: &V) -> String {
        match e {
            V::Inst(i) => format!("{}: {}", i.class.name, self.str_of(e).unwrap_or_default()),
            _ => "?".into(),
        }
    }

    fn frame(&self, code: Rc<CodeUnit>, closure: Vec<V>, ns: Option<Ns>) -> Frame {
        let n = code.nregs as usize;
        Frame {
            code,
            regs: vec![None; n],
            pc: 0,
            closure,
            ns,
            resume_reg: None,
            pending: None,
        }
    }

    fn lookup_class(&self, cls: &Rc<Class>, name: &str) -> Option<V> {
        let mut c = Some(cls.clone());
        while let Some(k) = c {
            if let Some(v) = k.dict.borrow().get(name) {
                return Some(v.clone());
            }
            c = k.base.clone();
        }
        None
    }

    fn subclass(a: &Rc<Class>, b: &Rc<Class>) -> bool {
        let mut c = Some(a.clone());
        while let Some(k) = c {
            if Rc::ptr_eq(&k, b) {
                return true;
            }
            c = k.base.clone();
        }
        false
    }

    fn getattr(&mut self, obj: &V, name: &str) -> Res<V> {
        match obj {
            V::Inst(i) => {
                if let Some(v) = i.dict.borrow().get(name) {
                    return Ok(v.clone());
                }
                match self.lookup_class(&i.class, name) {
                    Some(f @ V::Func(_)) => Ok(V::Bound(Rc::new((f, obj.clone())))),
                    Some(v) => Ok(v),
                    None => Err(self.error("AttributeError", name)),
                }
            }
            V::Class(c) => self
                .lookup_class(c, name)
                .ok_or_else(|| self.error("AttributeError", name)),
            V::Tuple(t) if name == "__self_class__" => Ok(t[0].clone()),
            V::List(_) | V::Dict(_) | V::Str(_) | V::Gen(_) => {
                Ok(V::Bound(Rc::new((V::Builtin(leak(name)), obj.clone()))))
            }
            _ => Err(self.error("AttributeError", name)),
        }
    }

    /// Attribute lookup, including `super()` proxies and exception `args`.
    fn attr(&mut self, obj: &V, n: &str) -> Res<V> {
        if let V::Inst(i) = obj {
            if i.class.name == "super" {
                let this = i.dict.borrow()["__super_self__"].clone();
                return match self.lookup_class(&i.class, n) {
                    Some(m @ V::Func(_)) => Ok(V::Bound(Rc::new((m, this)))),
                    Some(v) => Ok(v),
                    None => Err(self.error("AttributeError", n)),
                };
            }
        }
        self.getattr(obj, n)
    }

    fn iter(&mut self, v: &V) -> Res<V> {
        Ok(match v {
            V::List(l) => V::Iter(Rc::new(RefCell::new((l.borrow().clone(), 0)))),
            V::Tuple(t) => V::Iter(Rc::new(RefCell::new(((**t).clone(), 0)))),
            V::Str(s) => V::Iter(Rc::new(RefCell::new((
                s.chars().map(|c| V::Str(c.to_string().into())).collect(),
                0,
            )))),
            V::Dict(d) => V::Iter(Rc::new(RefCell::new((
                d.borrow().iter().map(|p| p.0.clone()).collect(),
                0,
            )))),
            V::Iter(_) | V::Gen(_) => v.clone(),
            _ => return Err(self.error("TypeError", "not iterable")),
        })
    }

    /// `next(it)`: `Ok(None)` when exhausted.
    fn next(&mut self, it: &V, send: V) -> Res<Option<V>> {
        match it {
            V::Iter(s) => {
                let mut s = s.borrow_mut();
                let i = s.1;
                s.1 += 1;
                Ok(s.0.get(i).cloned())
            }
            V::Gen(g) => match self.resume(g, send)? {
                Some(Exit::Yield(v)) => Ok(Some(v)),
                _ => Ok(None),
            },
            _ => Err(self.error("TypeError", "not an iterator")),
        }
    }

    /// Resumes a generator; `None` if it had already finished.
    fn resume(&mut self, g: &Rc<RefCell<Gen>>, send: V) -> Res<Option<Exit>> {
        let frame = {
            let mut g = g.borrow_mut();
            assert!(!g.running, "generator already running");
            g.running = true;
            g.frame.take()
        };
        let Some(mut frame) = frame else {
            g.borrow_mut().running = false;
            return Ok(None);
        };
        if let Some(r) = frame.resume_reg.take() {
            frame.regs[r] = Some(send);
        }
        let result = self.run(&mut frame);
        let mut gb = g.borrow_mut();
        gb.running = false;
        match result {
            Ok(Exit::Yield(v)) => {
                gb.frame = Some(frame);
                Ok(Some(Exit::Yield(v)))
            }
            Ok(Exit::Return(v)) => Ok(Some(Exit::Return(v))),
            Err(e) => Err(e),
        }
    }

    fn call(&mut self, f: &V, mut args: Vec<V>, kwargs: Vec<(String, V)>) -> Res<V> {
        match f {
            V::Func(func) => {
                let code = func.code.clone();
                let mut frame = self.frame(code.clone(), func.closure.clone(), None);
                let argc = code.argcount as usize;
                let nkw = code.kwonlycount as usize;
                let extra: Vec<V> = if args.len() > argc {
                    args.split_off(argc)
                } else {
                    Vec::new()
                };
                if !extra.is_empty() && !code.varargs {
                    return Err(self.error("TypeError", "too many positional arguments"));
                }
                for (i, a) in args.iter().enumerate() {
                    frame.regs[i] = Some(a.clone());
                }
                let mut varkw = Vec::new();
                for (k, v) in kwargs {
                    match code.local_names[..argc + nkw].iter().position(|n| *n == k) {
                        Some(i) if i >= code.posonlycount as usize => frame.regs[i] = Some(v),
                        _ => varkw.push((V::Str(k.into()), v)),
                    }
                }
                let ndef = func.defaults.len();
                for i in 0..argc {
                    if frame.regs[i].is_none() && i + ndef >= argc {
                        frame.regs[i] = Some(func.defaults[i + ndef - argc].clone());
                    }
                }
                for i in argc..argc + nkw {
                    if frame.regs[i].is_none() {
                        let name = &code.local_names[i];
                        frame.regs[i] = func
                            .kwdefaults
                            .iter()
                            .find(|(n, _)| n == name)
                            .map(|(_, v)| v.clone());
                    }
                }
                if frame.regs[..argc + nkw].iter().any(|r| r.is_none()) {
                    return Err(self.error("TypeError", "missing argument"));
                }
                let mut next = argc + nkw;
                if code.varargs {
                    frame.regs[next] = Some(V::Tuple(Rc::new(extra)));
                    next += 1;
                }
                if code.varkw {
                    frame.regs[next] = Some(V::Dict(Rc::new(RefCell::new(varkw))));
                } else if !varkw.is_empty() {
                    return Err(self.error("TypeError", "unexpected keyword argument"));
                }
                if code.is_generator {
                    return Ok(V::Gen(Rc::new(RefCell::new(Gen {
                        frame: Some(frame),
                        running: false,
                    }))));
                }
                match self.run(&mut frame)? {
                    Exit::Return(v) => Ok(v),
                    Exit::Yield(_) => panic!("yield from a non-generator"),
                }
            }
            V::Bound(b) => {
                let (func, obj) = (&b.0, &b.1);
                if let V::Builtin(name) = func {
                    return self.method(obj, name, args);
                }
                args.insert(0, obj.clone());
                self.call(func, args, kwargs)
            }
            V::Class(c) => {
                if Vm::subclass(c, &self.classes["BaseException"]) {
                    let dict = Ns::default();
                    dict.borrow_mut()
                        .insert("args".into(), V::Tuple(Rc::new(args)));
                    return Ok(V::Inst(Rc::new(Inst {
                        class: c.clone(),
                        dict,
                    })));
                }
                let inst = V::Inst(Rc::new(Inst {
                    class: c.clone(),
                    dict: Ns::default(),
                }));
                if let Some(init) = self.lookup_class(c, "__init__") {
                    args.insert(0, inst.clone());
                    self.call(&init, args, kwargs)?;
                }
                Ok(inst)
            }
            V::Builtin(name) => self.builtin(name, args, kwargs),
            _ => Err(self.error("TypeError", "not callable")),
        }
    }

    fn method(&mut self, obj: &V, name: &str, args: Vec<V>) -> Res<V> {
        match (obj, name) {
            (V::List(l), "append") => {
                l.borrow_mut().push(args[0].clone());
                Ok(V::None)
            }
            (V::List(l), "pop") => Ok(l.borrow_mut().pop().unwrap_or(V::None)),
            (V::Str(s), "join") => {
                let items = self.collect(&args[0])?;
                let parts: Vec<String> =
                    items.iter().map(|v| self.str_of(v)).collect::<Res<_>>()?;
                Ok(V::Str(parts.join(s).into()))
            }
            (V::Gen(g), "send") => match self.resume(g, args[0].clone())? {
                Some(Exit::Yield(v)) => Ok(v),
                Some(Exit::Return(v)) => Err(self.stop_iteration(v)),
                None => Err(self.stop_iteration(V::None)),
            },
            _ => Err(self.error("AttributeError", name)),
        }
    }

    fn stop_iteration(&self, v: V) -> V {
        let dict = Ns::default();
        dict.borrow_mut()
            .insert("args".into(), V::Tuple(Rc::new(vec![v])));
        V::Inst(Rc::new(Inst {
            class: self.classes["StopIteration"].clone(),
            dict,
        }))
    }

    fn collect(&mut self, v: &V) -> Res<Vec<V>> {
        let it = self.iter(v)?;
        let mut out = Vec::new();
        while let Some(x) = self.next(&it, V::None)? {
            out.push(x);
        }
        Ok(out)
    }

    fn builtin(&mut self, name: &str, args: Vec<V>, kwargs: Vec<(String, V)>) -> Res<V> {
        match name {
            "print" => {
                let parts: Vec<String> = args.iter().map(|v| self.str_of(v)).collect::<Res<_>>()?;
                let mut end = "\n".to_string();
                for (k, v) in &kwargs {
                    if k == "end" {
                        end = self.str_of(v)?;
                    }
                }
                self.out.push_str(&parts.join(" "));
                self.out.push_str(&end);
                Ok(V::None)
            }
            "range" => {
                let (a, b) = if args.len() == 1 {
                    (0, int(&args[0]))
                } else {
                    (int(&args[0]), int(&args[1]))
                };
                Ok(V::List(Rc::new(RefCell::new((a..b).map(V::Int).collect()))))
            }
            "len" => Ok(V::Int(match &args[0] {
                V::List(l) => l.borrow().len(),
                V::Tuple(t) => t.len(),
                V::Str(s) => s.chars().count(),
                V::Dict(d) => d.borrow().len(),
                _ => return Err(self.error("TypeError", "no len")),
            } as i64)),
            "str" => Ok(V::Str(self.str_of(&args[0])?.into())),
            "repr" => Ok(V::Str(self.repr(&args[0])?.into())),
            "list" => Ok(V::List(Rc::new(RefCell::new(self.collect(&args[0])?)))),
            "next" => match &args[0] {
                V::Gen(g) => match self.resume(g, V::None)? {
                    Some(Exit::Yield(v)) => Ok(v),
                    Some(Exit::Return(v)) => Err(self.stop_iteration(v)),
                    None => Err(self.stop_iteration(V::None)),
                },
                it => match self.next(it, V::None)? {
                    Some(v) => Ok(v),
                    None => Err(self.stop_iteration(V::None)),
                },
            },
            "isinstance" => match (&args[0], &args[1]) {
                (V::Inst(i), V::Class(c)) => Ok(V::Bool(Vm::subclass(&i.class, c))),
                _ => Ok(V::Bool(false)),
            },
            "super" => {
                let (V::Class(c), obj) = (&args[0], &args[1]) else {
                    return Err(self.error("TypeError", "super"));
                };
                let base = c
                    .base
                    .clone()
                    .ok_or_else(|| self.error("TypeError", "no base"))?;
                let proxy = Rc::new(Class {
                    name: "super".into(),
                    base: Some(base),
                    dict: Ns::default(),
                });
                Ok(V::Inst(Rc::new(Inst {
                    class: proxy,
                    dict: Rc::new(RefCell::new(HashMap::from([(
                        "__super_self__".to_string(),
                        obj.clone(),
                    )]))),
                })))
            }
            _ => Err(self.error("NameError", name)),
        }
    }

    fn str_of(&mut self, v: &V) -> Res<String> {
        match v {
            V::Str(s) => Ok(s.to_string()),
            V::Inst(i) if Vm::subclass(&i.class, &self.classes["BaseException"]) => {
                let args = i.dict.borrow().get("args").cloned();
                match args {
                    Some(V::Tuple(t)) if t.len() == 1 => self.str_of(&t[0]),
                    Some(V::Tuple(t)) if t.is_empty() => Ok(String::new()),
                    Some(a) => self.repr(&a),
                    None => Ok(String::new()),
                }
            }
            _ => self.repr(v),
        }
    }

    fn repr(&mut self, v: &V) -> Res<String> {
        Ok(match v {
            V::None => "None".into(),
            V::Bool(b) => if *b { "True" } else { "False" }.into(),
            V::Int(i) => i.to_string(),
            V::Str(s) => format!("'{s}'"),
            V::Tuple(t) => {
                let parts: Vec<String> = t.iter().map(|x| self.repr(x)).collect::<Res<_>>()?;
                if parts.len() == 1 {
                    format!("({},)", parts[0])
                } else {
                    format!("({})", parts.join(", "))
                }
            }
            V::List(l) => {
                let items = l.borrow().clone();
                let parts: Vec<String> = items.iter().map(|x| self.repr(x)).collect::<Res<_>>()?;
                format!("[{}]", parts.join(", "))
            }
            V::Dict(d) => {
                let items = d.borrow().clone();
                let mut parts = Vec::new();
                for (k, x) in &items {
                    parts.push(format!("{}: {}", self.repr(k)?, self.repr(x)?));
                }
                format!("{{{}}}", parts.join(", "))
            }
            V::Class(c) => format!("<class '{}'>", c.name),
            V::Inst(i) => {
                if let Some(r) = self.lookup_class(&i.class, "__repr__") {
                    let s = self.call(&r, vec![v.clone()], Vec::new())?;
                    return self.str_of(&s);
                }
                if Vm::subclass(&i.class, &self.classes["BaseException"]) {
                    let a = i.dict.borrow().get("args").cloned().unwrap_or(V::None);
                    let args = match &a {
                        V::Tuple(t) if t.len() == 1 => format!("({})", self.repr(&t[0])?),
                        _ => self.repr(&a)?,
                    };
                    return Ok(format!("{}{}", i.class.name, args));
                }
                format!("<{} object>", i.class.name)
            }
            V::Func(f) => format!("<function {}>", f.code.qualname),
            _ => "<object>".into(),
        })
    }

    fn binop(&mut self, op: Op, a: &V, b: &V) -> Res<V> {
        Ok(match (op, a, b) {
            (Op::Add, V::Str(x), V::Str(y)) => V::Str(format!("{x}{y}").into()),
            (Op::Add, V::List(x), V::List(y)) => {
                let mut v = x.borrow().clone();
                v.extend(y.borrow().iter().cloned());
                V::List(Rc::new(RefCell::new(v)))
            }
            (Op::Add, V::Tuple(x), V::Tuple(y)) => {
                let mut v = (**x).clone();
                v.extend(y.iter().cloned());
                V::Tuple(Rc::new(v))
            }
            (Op::Mul, V::Str(x), n) => V::Str(x.repeat(int(n).max(0) as usize).into()),
            (_, V::Int(_) | V::Bool(_), V::Int(_) | V::Bool(_)) => {
                let (x, y) = (int(a), int(b));
                let zero = || self.error("ZeroDivisionError", "integer division or modulo by zero");
                V::Int(match op {
                    Op::Add => x + y,
                    Op::Sub => x - y,
                    Op::Mul => x * y,
                    Op::FloorDiv => x.checked_div_euclid(y).ok_or_else(zero)?,
                    Op::Mod => x.checked_rem_euclid(y).ok_or_else(zero)?,
                    Op::TrueDiv if y == 0 => {
                        return Err(self.error("ZeroDivisionError", "division by zero"))
                    }
                    Op::TrueDiv => x / y,
                    Op::Pow => x.pow(y as u32),
                    Op::LShift => x << y,
                    Op::RShift => x >> y,
                    Op::BitAnd => x & y,
                    Op::BitOr => x | y,
                    Op::BitXor => x ^ y,
                    Op::Lt => return Ok(V::Bool(x < y)),
                    Op::Le => return Ok(V::Bool(x <= y)),
                    Op::Gt => return Ok(V::Bool(x > y)),
                    Op::Ge => return Ok(V::Bool(x >= y)),
                    _ => panic!("int op {op:?}"),
                })
            }
            (Op::Lt, V::Str(x), V::Str(y)) => V::Bool(x < y),
            _ => {
                return Err(self.error(
                    "TypeError",
                    &format!("unsupported operand types for {op:?}"),
                ))
            }
        })
    }

    fn getitem(&mut self, obj: &V, key: &V) -> Res<V> {
        match (obj, key) {
            (V::List(_) | V::Tuple(_), V::Slice(s)) => {
                let items = self.collect(obj)?;
                let n = items.len() as i64;
                let norm = |v: &V, d: i64| match v {
                    V::None => d,
                    v => {
                        let i = int(v);
                        (if i < 0 { i + n } else { i }).clamp(0, n)
                    }
                };
                let (lo, hi) = (norm(&s.0, 0), norm(&s.1, n));
                let out: Vec<V> = items[lo as usize..hi.max(lo) as usize].to_vec();
                Ok(if matches!(obj, V::List(_)) {
                    V::List(Rc::new(RefCell::new(out)))
                } else {
                    V::Tuple(Rc::new(out))
                })
            }
            (V::List(_) | V::Tuple(_) | V::Str(_), V::Int(i)) => {
                let items = self.collect(obj)?;
                let idx = if *i < 0 { *i + items.len() as i64 } else { *i };
                items
                    .get(idx as usize)
                    .cloned()
                    .ok_or_else(|| self.error("IndexError", "index out of range"))
            }
            (V::Dict(d), k) => {
                let found = d
                    .borrow()
                    .iter()
                    .find(|(x, _)| eq(x, k))
                    .map(|p| p.1.clone());
                match found {
                    Some(v) => Ok(v),
                    None => {
                        let r = self.repr(k)?;
                        Err(self.error("KeyError", &r))
                    }
                }
            }
            _ => Err(self.error("TypeError", "not subscriptable")),
        }
    }

    fn setitem(&mut self, obj: &V, key: &V, v: V) -> Res<()> {
        match obj {
            V::List(l) => {
                let i = int(key);
                let n = l.borrow().len() as i64;
                let i = if i < 0 { i + n } else { i };
                if i < 0 || i >= n {
                    return Err(self.error("IndexError", "list assignment index out of range"));
                }
                l.borrow_mut()[i as usize] = v;
            }
            V::Dict(d) => {
                let mut d = d.borrow_mut();
                match d.iter_mut().find(|(x, _)| eq(x, key)) {
                    Some(p) => p.1 = v,
                    None => d.push((key.clone(), v)),
                }
            }
            _ => return Err(self.error("TypeError", "no item assignment")),
        }
        Ok(())
    }

    fn global(&mut self, name: &str) -> Res<V> {
        if let Some(v) = self.globals.borrow().get(name) {
            return Ok(v.clone());
        }
        if let Some(c) = self.classes.get(name) {
            return Ok(V::Class(c.clone()));
        }
        match name {
            "print" | "range" | "len" | "str" | "repr" | "isinstance" | "list" | "super"
            | "next" => Ok(V::Builtin(leak(name))),
            _ => Err(self.error("NameError", &format!("name '{name}' is not defined"))),
        }
    }

    fn konst(&self, c: &Const) -> V {
        match c {
            Const::None => V::None,
            Const::Bool(b) => V::Bool(*b),
            Const::Int(i) => V::Int(*i),
            Const::Str(s) => V::Str(s.as_str().into()),
            Const::Tuple(t) => V::Tuple(Rc::new(t.iter().map(|x| self.konst(x)).collect())),
            Const::Code(u) => V::Code(Rc::new((**u).clone())),
            other => panic!("constant {other:?} not modelled"),
        }
    }

    fn run(&mut self, f: &mut Frame) -> Res<Exit> {
        loop {
            match self.step(f) {
                Ok(Some(exit)) => return Ok(exit),
                Ok(None) => {}
                Err(e) => {
                    let pc = f.pc as u32;
                    let entry = f
                        .code
                        .exc_table
                        .iter()
                        .find(|x| x.start <= pc && pc < x.end)
                        .copied();
                    match entry {
                        Some(x) => {
                            f.pc = x.handler as usize;
                            f.pending = Some(e);
                        }
                        None => return Err(e),
                    }
                }
            }
        }
    }

    fn step(&mut self, f: &mut Frame) -> Res<Option<Exit>> {
        let insn = f.code.insns[f.pc];
        let (a, b, c, aux) = (insn.a(), insn.b(), insn.c(), insn.aux());
        let code = f.code.clone();
        let reg = |f: &Frame, r: usize| -> V {
            match &f.regs[r] {
                Some(v) => v.clone(),
                None => panic!(
                    "{}: pc {} {:?} reads unbound r{r}",
                    code.qualname,
                    f.pc,
                    insn.op()
                ),
            }
        };
        let name = |i: usize| code.names[i].clone();
        let mut next_pc = f.pc + 1;
        match insn.op().generic() {
            Op::Nop => {}
            Op::LoadConst => f.regs[a] = Some(self.konst(&code.consts[b])),
            Op::Move => f.regs[a] = f.regs[b].clone(),
            Op::LoadGlobal => f.regs[a] = Some(self.global(&code.globals[b])?),
            Op::StoreGlobal => {
                let v = reg(f, b);
                self.globals.borrow_mut().insert(code.globals[a].clone(), v);
            }
            Op::DeleteGlobal => {
                if self.globals.borrow_mut().remove(&code.globals[a]).is_none() {
                    return Err(self.error("NameError", &code.globals[a]));
                }
            }
            Op::LoadName => {
                let n = name(b);
                let local = f.ns.as_ref().and_then(|ns| ns.borrow().get(&n).cloned());
                f.regs[a] = Some(match local {
                    Some(v) => v,
                    None if n == "__name__" => V::Str("__main__".into()),
                    None => self.global(&n)?,
                });
            }
            Op::StoreName => {
                let v = f.regs[b].clone().unwrap_or(V::None);
                f.ns.as_ref()
                    .expect("namespace")
                    .borrow_mut()
                    .insert(name(a), v);
            }
            Op::DeleteName => {
                f.ns.as_ref()
                    .expect("namespace")
                    .borrow_mut()
                    .remove(&name(a));
            }
            Op::CheckBound => {
                if f.regs[a].is_none() {
                    let msg = format!(
                        "cannot access local variable '{}' where it is not associated with a value",
                        name(b)
                    );
                    return Err(self.error("UnboundLocalError", &msg));
                }
            }
            Op::DeleteLocal => {
                if f.regs[a].take().is_none() {
                    return Err(self.error("UnboundLocalError", &name(b)));
                }
            }
            Op::MakeCell => f.regs[a] = Some(V::Cell(Rc::new(RefCell::new(f.regs[a].take())))),
            Op::LoadClosure => f.regs[a] = Some(f.closure[b].clone()),
            Op::LoadDeref => {
                let V::Cell(cell) = reg(f, b) else {
                    panic!("LoadDeref of a non-cell")
                };
                let v = cell.borrow().clone();
                match v {
                    Some(v) => f.regs[a] = Some(v),
                    None => {
                        return Err(self.error("NameError", &format!("free variable '{}'", name(c))))
                    }
                }
            }
            Op::StoreDeref => {
                let V::Cell(cell) = reg(f, a) else {
                    panic!("StoreDeref of a non-cell")
                };
                *cell.borrow_mut() = Some(reg(f, b));
            }
            Op::DeleteDeref => {
                let V::Cell(cell) = reg(f, a) else {
                    panic!("DeleteDeref of a non-cell")
                };
                if cell.borrow_mut().take().is_none() {
                    return Err(self.error("NameError", &name(b)));
                }
            }
            Op::MakeFunction => {
                let V::Code(unit) = self.konst(&code.consts[b]) else {
                    panic!("not code")
                };
                let mut slot = c;
                let mut defaults = Vec::new();
                let mut kwdefaults = Vec::new();
                let mut closure = Vec::new();
                if aux & 1 != 0 {
                    let V::Tuple(t) = reg(f, slot) else {
                        panic!("defaults")
                    };
                    defaults = (*t).clone();
                    slot += 1;
                }
                if aux & 2 != 0 {
                    let V::Dict(d) = reg(f, slot) else {
                        panic!("kwdefaults")
                    };
                    for (k, v) in d.borrow().iter() {
                        let V::Str(k) = k else { panic!("kw key") };
                        kwdefaults.push((k.to_string(), v.clone()));
                    }
                    slot += 1;
                }
                if aux & 4 != 0 {
                    let V::Tuple(t) = reg(f, slot) else {
                        panic!("closure")
                    };
                    closure = (*t).clone();
                    assert!(
                        closure.iter().all(|x| matches!(x, V::Cell(_))),
                        "closure of non-cells"
                    );
                    assert_eq!(closure.len(), unit.freevars.len());
                }
                f.regs[a] = Some(V::Func(Rc::new(Func {
                    code: unit,
                    defaults,
                    kwdefaults,
                    closure,
                })));
            }
            Op::MakeClass => {
                let V::Func(body) = reg(f, b) else {
                    panic!("class body")
                };
                let V::Tuple(bases) = reg(f, c) else {
                    panic!("bases")
                };
                let base = match bases.first() {
                    Some(V::Class(k)) => Some(k.clone()),
                    _ => None,
                };
                let ns = Ns::default();
                let mut frame =
                    self.frame(body.code.clone(), body.closure.clone(), Some(ns.clone()));
                self.run(&mut frame)?;
                let cell = ns.borrow_mut().remove("__classcell__");
                let class = Rc::new(Class {
                    name: body.code.name.clone(),
                    base,
                    dict: ns,
                });
                if let Some(V::Cell(cell)) = cell {
                    *cell.borrow_mut() = Some(V::Class(class.clone()));
                }
                f.regs[a] = Some(V::Class(class));
            }
            Op::Add
            | Op::Sub
            | Op::Mul
            | Op::TrueDiv
            | Op::FloorDiv
            | Op::Mod
            | Op::Pow
            | Op::LShift
            | Op::RShift
            | Op::BitAnd
            | Op::BitOr
            | Op::BitXor
            | Op::Lt
            | Op::Le
            | Op::Gt
            | Op::Ge => {
                let v = self.binop(insn.op(), &reg(f, b), &reg(f, c))?;
                f.regs[a] = Some(v);
            }
            Op::Inplace => {
                let op = [
                    Op::Add,
                    Op::Sub,
                    Op::Mul,
                    Op::TrueDiv,
                    Op::FloorDiv,
                    Op::Mod,
                    Op::Pow,
                    Op::LShift,
                    Op::RShift,
                    Op::BitAnd,
                    Op::BitOr,
                    Op::BitXor,
                ][aux as usize];
                let (x, y) = (reg(f, b), reg(f, c));
                if let (Op::Add, V::List(l), V::List(r)) = (op, &x, &y) {
                    let extra = r.borrow().clone();
                    l.borrow_mut().extend(extra);
                    f.regs[a] = Some(x.clone());
                } else {
                    f.regs[a] = Some(self.binop(op, &x, &y)?);
                }
            }
            Op::Neg => f.regs[a] = Some(V::Int(-int(&reg(f, b)))),
            Op::Pos => f.regs[a] = Some(reg(f, b)),
            Op::Invert => f.regs[a] = Some(V::Int(!int(&reg(f, b)))),
            Op::Not => f.regs[a] = Some(V::Bool(!truthy(&reg(f, b)))),
            Op::Eq => f.regs[a] = Some(V::Bool(eq(&reg(f, b), &reg(f, c)))),
            Op::Ne => f.regs[a] = Some(V::Bool(!eq(&reg(f, b), &reg(f, c)))),
            Op::Is => f.regs[a] = Some(V::Bool(same(&reg(f, b), &reg(f, c)))),
            Op::IsNot => f.regs[a] = Some(V::Bool(!same(&reg(f, b), &reg(f, c)))),
            Op::In | Op::NotIn => {
                let items = self.collect(&reg(f, c))?;
                let x = reg(f, b);
                let found = items.iter().any(|y| eq(&x, y));
                f.regs[a] = Some(V::Bool(found == (insn.op() == Op::In)));
            }
            Op::Jump | Op::JumpBack => next_pc = insn.j(),
            Op::JumpIfTrue => {
                if truthy(&reg(f, a)) {
                    next_pc = insn.j();
                }
            }
            Op::JumpIfFalse => {
                if !truthy(&reg(f, a)) {
                    next_pc = insn.j();
                }
            }
            Op::GetIter => f.regs[a] = Some(self.iter(&reg(f, b))?),
            Op::ForIter => {
                let it = reg(f, a + 1);
                match self.next(&it, V::None)? {
                    Some(v) => f.regs[a] = Some(v),
                    None => next_pc = insn.j(),
                }
            }
            Op::BuildList => {
                f.regs[a] = Some(V::List(Rc::new(RefCell::new(
                    (b..b + c).map(|r| reg(f, r)).collect(),
                ))))
            }
            Op::BuildTuple | Op::BuildSet => {
                f.regs[a] = Some(V::Tuple(Rc::new((b..b + c).map(|r| reg(f, r)).collect())))
            }
            Op::BuildDict => {
                let d: Vec<(V, V)> = (0..c)
                    .map(|i| (reg(f, b + 2 * i), reg(f, b + 2 * i + 1)))
                    .collect();
                f.regs[a] = Some(V::Dict(Rc::new(RefCell::new(d))));
            }
            Op::BuildSlice => {
                f.regs[a] = Some(V::Slice(Rc::new((reg(f, b), reg(f, b + 1), reg(f, b + 2)))))
            }
            Op::BuildString => {
                let s: String = (b..b + c)
                    .map(|r| match reg(f, r) {
                        V::Str(s) => s.to_string(),
                        _ => panic!("BuildString of a non-str"),
                    })
                    .collect();
                f.regs[a] = Some(V::Str(s.into()));
            }
            Op::FormatValue => {
                let v = reg(f, b);
                let s = match aux {
                    2 => self.repr(&v)?,
                    _ => self.str_of(&v)?,
                };
                let V::Str(spec) = reg(f, c) else {
                    panic!("spec")
                };
                let s = match spec.as_ref() {
                    "" => s,
                    spec => match spec.strip_prefix('>').and_then(|w| w.parse::<usize>().ok()) {
                        Some(w) => format!("{s:>w$}"),
                        None => panic!("spec {spec} not modelled"),
                    },
                };
                f.regs[a] = Some(V::Str(s.into()));
            }
            Op::ListAppend => {
                let V::List(l) = reg(f, a) else {
                    panic!("ListAppend")
                };
                l.borrow_mut().push(reg(f, b));
            }
            Op::ListExtend => {
                let V::List(l) = reg(f, a) else {
                    panic!("ListExtend")
                };
                let items = self.collect(&reg(f, b))?;
                l.borrow_mut().extend(items);
            }
            Op::SetAdd | Op::SetUpdate => panic!("sets not modelled"),
            Op::DictSet => {
                let d = reg(f, a);
                self.setitem(&d, &reg(f, b), reg(f, c))?;
            }
            Op::DictUpdate | Op::DictMerge => {
                let (V::Dict(d), V::Dict(s)) = (reg(f, a), reg(f, b)) else {
                    panic!("DictUpdate")
                };
                let items = s.borrow().clone();
                for (k, v) in items {
                    self.setitem(&V::Dict(d.clone()), &k, v)?;
                }
            }
            Op::ListToTuple => {
                let V::List(l) = reg(f, b) else {
                    panic!("ListToTuple")
                };
                let t = l.borrow().clone();
                f.regs[a] = Some(V::Tuple(Rc::new(t)));
            }
            Op::Unpack | Op::UnpackEx => {
                let items = self.collect(&reg(f, b))?;
                let (before, after) = if insn.op() == Op::Unpack {
                    (c, usize::MAX)
                } else {
                    (c, aux as usize)
                };
                if after == usize::MAX {
                    if items.len() != c {
                        return Err(self.error("ValueError", "wrong number of values to unpack"));
                    }
                    for (i, v) in items.into_iter().enumerate() {
                        f.regs[a + i] = Some(v);
                    }
                } else {
                    if items.len() < before + after {
                        return Err(self.error("ValueError", "not enough values to unpack"));
                    }
                    let mid = items.len() - after;
                    for (i, v) in items[..before].iter().enumerate() {
                        f.regs[a + i] = Some(v.clone());
                    }
                    f.regs[a + before] =
                        Some(V::List(Rc::new(RefCell::new(items[before..mid].to_vec()))));
                    for i in 0..after {
                        f.regs[a + before + 1 + i] = Some(items[mid + i].clone());
                    }
                }
            }
            Op::GetItem => {
                let v = self.getitem(&reg(f, b), &reg(f, c))?;
                f.regs[a] = Some(v);
            }
            Op::SetItem => {
                let obj = reg(f, a);
                self.setitem(&obj, &reg(f, b), reg(f, c))?;
            }
            Op::DelItem => {
                let (V::List(l), k) = (reg(f, a), reg(f, b)) else {
                    panic!("DelItem")
                };
                let i = int(&k) as usize;
                if i >= l.borrow().len() {
                    return Err(self.error("IndexError", "list assignment index out of range"));
                }
                l.borrow_mut().remove(i);
            }
            Op::GetAttr => {
                let v = self.attr(&reg(f, b), &name(c))?;
                f.regs[a] = Some(v);
            }
            Op::SetAttr => match reg(f, a) {
                V::Inst(i) => {
                    i.dict.borrow_mut().insert(name(b), reg(f, c));
                }
                V::Class(k) => {
                    k.dict.borrow_mut().insert(name(b), reg(f, c));
                }
                _ => return Err(self.error("AttributeError", "readonly")),
            },
            Op::DelAttr => {
                let V::Inst(i) = reg(f, a) else {
                    panic!("DelAttr")
                };
                if i.dict.borrow_mut().remove(&name(b)).is_none() {
                    return Err(self.error("AttributeError", &name(b)));
                }
            }
            Op::LoadMethod => {
                let obj = reg(f, b);
                let n = name(c);
                let method = match &obj {
                    V::Inst(i) if i.class.name != "super" && !i.dict.borrow().contains_key(&n) => {
                        self.lookup_class(&i.class, &n)
                            .filter(|m| matches!(m, V::Func(_)))
                    }
                    _ => None,
                };
                match method {
                    Some(m) => {
                        f.regs[a] = Some(m);
                        f.regs[a + 1] = Some(obj);
                    }
                    None => {
                        f.regs[a] = Some(self.attr(&obj, &n)?);
                        f.regs[a + 1] = None;
                    }
                }
            }
            Op::Call => {
                let func = reg(f, b);
                let args: Vec<V> = (b + 1..b + 1 + c).map(|r| reg(f, r)).collect();
                f.regs[a] = Some(self.call(&func, args, Vec::new())?);
            }
            Op::CallKw => {
                let func = reg(f, b);
                let V::Tuple(names) = reg(f, b + 1 + c) else {
                    panic!("kwnames")
                };
                let all: Vec<V> = (b + 1..b + 1 + c).map(|r| reg(f, r)).collect();
                let npos = c - names.len();
                let kwargs = names
                    .iter()
                    .zip(all[npos..].iter())
                    .map(|(n, v)| match n {
                        V::Str(s) => (s.to_string(), v.clone()),
                        _ => panic!("kwname"),
                    })
                    .collect();
                f.regs[a] = Some(self.call(&func, all[..npos].to_vec(), kwargs)?);
            }
            Op::CallMethod => {
                let func = reg(f, b);
                let mut args: Vec<V> = Vec::new();
                if let Some(s) = f.regs[b + 1].clone() {
                    args.push(s);
                }
                args.extend((b + 2..b + 2 + c).map(|r| reg(f, r)));
                f.regs[a] = Some(self.call(&func, args, Vec::new())?);
            }
            Op::CallEx => {
                let func = reg(f, b);
                let V::Tuple(args) = reg(f, c) else {
                    panic!("CallEx tuple")
                };
                let mut kwargs = Vec::new();
                if aux & 1 != 0 {
                    let V::Dict(d) = reg(f, c + 1) else {
                        panic!("CallEx dict")
                    };
                    for (k, v) in d.borrow().iter() {
                        let V::Str(k) = k else { panic!("kw key") };
                        kwargs.push((k.to_string(), v.clone()));
                    }
                }
                f.regs[a] = Some(self.call(&func, (*args).clone(), kwargs)?);
            }
            Op::Return => return Ok(Some(Exit::Return(reg(f, a)))),
            Op::Yield => {
                let v = reg(f, b);
                f.resume_reg = Some(a);
                f.pc = next_pc;
                return Ok(Some(Exit::Yield(v)));
            }
            Op::GetYieldFromIter => f.regs[a] = Some(self.iter(&reg(f, b))?),
            Op::YieldFrom => {
                let it = reg(f, b);
                let send = reg(f, a);
                let step = match &it {
                    V::Gen(g) => self.resume(g, send)?,
                    _ => self.next(&it, V::None)?.map(Exit::Yield),
                };
                match step {
                    Some(Exit::Yield(v)) => {
                        f.resume_reg = Some(a);
                        return Ok(Some(Exit::Yield(v)));
                    }
                    Some(Exit::Return(v)) => f.regs[a] = Some(v),
                    None => f.regs[a] = Some(V::None),
                }
            }
            Op::Raise => {
                if aux & 2 != 0 {
                    return Err(self.handled.clone().unwrap_or_else(|| {
                        self.error("RuntimeError", "No active exception to reraise")
                    }));
                }
                let e = reg(f, a);
                let e = match e {
                    V::Class(_) => self.call(&e, Vec::new(), Vec::new())?,
                    e => e,
                };
                return Err(e);
            }
            Op::Reraise => return Err(reg(f, a)),
            Op::LoadExc => {
                let e = f
                    .pending
                    .take()
                    .expect("LoadExc without a pending exception");
                f.regs[b] = Some(self.handled.clone().unwrap_or(V::None));
                f.regs[a] = Some(e.clone());
                self.handled = Some(e);
            }
            Op::RestoreExc => {
                let saved = reg(f, a);
                self.handled = if matches!(saved, V::None) {
                    None
                } else {
                    Some(saved)
                };
            }
            Op::ExcMatch => {
                let e = reg(f, b);
                let classes = match reg(f, c) {
                    V::Tuple(t) => (*t).clone(),
                    other => vec![other],
                };
                let V::Inst(i) = e else {
                    panic!("ExcMatch of a non-exception")
                };
                let m = classes
                    .iter()
                    .any(|k| matches!(k, V::Class(k) if Vm::subclass(&i.class, k)));
                f.regs[a] = Some(V::Bool(m));
            }
            Op::RaiseAssert => {
                let msg = if aux & 1 != 0 {
                    self.str_of(&reg(f, a))?
                } else {
                    String::new()
                };
                return Err(self.error("AssertionError", &msg));
            }
            Op::ImportName | Op::ImportFrom | Op::ImportStar => panic!("imports not modelled"),
            q => unreachable!("quickened opcode {q:?} survived generic()"),
        }
        f.pc = next_pc;
        Ok(None)
    }
}

fn leak(s: &str) -> &'static str {
    Box::leak(s.to_string().into_boxed_str())
}
