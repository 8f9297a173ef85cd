//! `Thread`: the state of one running VM — heap, frames, builtin classes,
//! interned names, modules, the exception being raised — and the allocation
//! and exception helpers every other module uses.

use crate::frame::{Frame, RegStack};
use crate::gc::{Gc, Heap, HeapObj, Tracer};
use crate::names::Names;
use crate::object::class::Base;
use crate::object::*;
use crate::value::Value;
use crate::{PyResult, Raised};
use num_bigint::BigInt;
use std::cell::Cell;
use std::collections::HashMap;
use std::io::Write;

macro_rules! builtin_classes {
    ($($field:ident : $name:literal $(< $parent:ident)? => $base:ident,)*) => {
        /// The builtin classes, created at start-up (immortal).
        pub struct Classes { $(pub $field: Gc<Class>,)* }

        impl Classes {
            fn create(t: &mut Thread) -> Classes {
                $(let $field = t.make_builtin_class($name, [$($parent,)?].as_slice().first().copied(), Base::$base);)*
                Classes { $($field,)* }
            }
            /// Every builtin class with its Python name.
            pub fn all(&self) -> Vec<(&'static str, Gc<Class>)> {
                vec![$(($name, self.$field),)*]
            }
        }
    };
}

builtin_classes! {
    object: "object" => Object,
    type_: "type" < object => Builtin,
    int: "int" < object => Builtin,
    bool_: "bool" < int => Builtin,
    float: "float" < object => Builtin,
    str: "str" < object => Builtin,
    list: "list" < object => List,
    tuple: "tuple" < object => Builtin,
    dict: "dict" < object => Dict,
    set: "set" < object => Builtin,
    frozenset: "frozenset" < object => Builtin,
    range: "range" < object => Builtin,
    slice: "slice" < object => Builtin,
    none: "NoneType" < object => Builtin,
    function: "function" < object => Builtin,
    builtin_function: "builtin_function_or_method" < object => Builtin,
    method: "method" < object => Builtin,
    cell: "cell" < object => Builtin,
    classmethod: "classmethod" < object => Builtin,
    staticmethod: "staticmethod" < object => Builtin,
    property: "property" < object => Builtin,
    super_: "super" < object => Builtin,
    module: "module" < object => Builtin,
    code: "code" < object => Builtin,
    generator: "generator" < object => Builtin,
    iterator: "iterator" < object => Builtin,
    map: "map" < object => Builtin,
    filter: "filter" < object => Builtin,
    zip: "zip" < object => Builtin,
    enumerate: "enumerate" < object => Builtin,
    reversed: "reversed" < object => Builtin,
    list_iterator: "list_iterator" < object => Builtin,
    list_reverseiterator: "list_reverseiterator" < object => Builtin,
    tuple_iterator: "tuple_iterator" < object => Builtin,
    range_iterator: "range_iterator" < object => Builtin,
    str_iterator: "str_ascii_iterator" < object => Builtin,
    dict_keyiterator: "dict_keyiterator" < object => Builtin,
    dict_valueiterator: "dict_valueiterator" < object => Builtin,
    dict_itemiterator: "dict_itemiterator" < object => Builtin,
    set_iterator: "set_iterator" < object => Builtin,
    callable_iterator: "callable_iterator" < object => Builtin,
    dict_keys: "dict_keys" < object => Builtin,
    dict_values: "dict_values" < object => Builtin,
    dict_items: "dict_items" < object => Builtin,
    base_exception: "BaseException" < object => Exception,
    system_exit: "SystemExit" < base_exception => Exception,
    keyboard_interrupt: "KeyboardInterrupt" < base_exception => Exception,
    generator_exit: "GeneratorExit" < base_exception => Exception,
    exception: "Exception" < base_exception => Exception,
    stop_iteration: "StopIteration" < exception => Exception,
    arithmetic_error: "ArithmeticError" < exception => Exception,
    zero_division_error: "ZeroDivisionError" < arithmetic_error => Exception,
    overflow_error: "OverflowError" < arithmetic_error => Exception,
    assertion_error: "AssertionError" < exception => Exception,
    attribute_error: "AttributeError" < exception => Exception,
    lookup_error: "LookupError" < exception => Exception,
    index_error: "IndexError" < lookup_error => Exception,
    key_error: "KeyError" < lookup_error => Exception,
    name_error: "NameError" < exception => Exception,
    unbound_local_error: "UnboundLocalError" < name_error => Exception,
    runtime_error: "RuntimeError" < exception => Exception,
    recursion_error: "RecursionError" < runtime_error => Exception,
    not_implemented_error: "NotImplementedError" < runtime_error => Exception,
    type_error: "TypeError" < exception => Exception,
    value_error: "ValueError" < exception => Exception,
    unicode_error: "UnicodeError" < value_error => Exception,
    import_error: "ImportError" < exception => Exception,
    module_not_found_error: "ModuleNotFoundError" < import_error => Exception,
    memory_error: "MemoryError" < exception => Exception,
    eof_error: "EOFError" < exception => Exception,
    os_error: "OSError" < exception => Exception,
    syntax_error: "SyntaxError" < exception => Exception,
    ellipsis: "ellipsis" < object => Object,
    not_implemented_type: "NotImplementedType" < object => Object,
    unsupported: "<strata unsupported>" < base_exception => Exception,
}

/// Hooks the interpreter installs so runtime code can run Python code.
#[derive(Copy, Clone)]
pub struct Hooks {
    /// Calls any callable with positional args then keyword values named by kwnames.
    pub call: fn(&mut Thread, Value, &[Value], Option<Gc<Tuple>>) -> PyResult<Value>,
    /// Resumes a generator with a sent value: Ok(Some(v)) yielded, Ok(None) returned
    /// (its return value is in `Thread::gen_return`), Err raised.
    pub resume: fn(&mut Thread, Gc<Generator>, Value) -> PyResult<Option<Value>>,
    /// Raises an exception instance inside a generator at the point where it
    /// is suspended (`generator.throw`, `close`); results as for `resume`.
    pub throw: fn(&mut Thread, Gc<Generator>, Value) -> PyResult<Option<Value>>,
    /// Imports a module by name (the interpreter knows how to load source files).
    pub import: fn(&mut Thread, Gc<Str>) -> PyResult<Value>,
}

fn no_call(t: &mut Thread, _: Value, _: &[Value], _: Option<Gc<Tuple>>) -> PyResult<Value> {
    Err(t.runtime_error("no interpreter installed"))
}
fn no_resume(t: &mut Thread, _: Gc<Generator>, _: Value) -> PyResult<Option<Value>> {
    Err(t.runtime_error("no interpreter installed"))
}
fn no_import(t: &mut Thread, _: Gc<Str>) -> PyResult<Value> {
    Err(t.runtime_error("no interpreter installed"))
}

pub struct Thread {
    pub heap: Heap,
    pub stack: RegStack,
    /// First free slot of the register stack.
    pub sp: usize,
    pub frames: Vec<Frame>,
    /// The exception being raised (valid while a `Raised` propagates).
    pub exc: Value,
    /// The exception being handled by the innermost running `except`/`finally`
    /// of the running frame's context (a running generator has its own).
    pub handled: Value,
    /// The exception handled outside the running generators (the topmost one
    /// of the contexts that resumed them): what `raise` and `__context__` see
    /// when `handled` is None, as CPython's exc_info stack.
    pub outer_handled: Value,
    /// A generator's return value, handed from the interpreter to `resume`'s caller.
    pub gen_return: Value,
    /// The value the interpreter hands back when it leaves dispatch.
    pub exit_value: Value,
    pub classes: Classes,
    pub names: Names,
    interned: HashMap<Box<str>, Gc<Str>>,
    pub builtins: Gc<Module>,
    pub modules: HashMap<String, Value>,
    pub recursion_limit: usize,
    /// Python frames currently active (including native re-entries).
    pub depth: usize,
    /// Lowest native stack address considered safe before raising RecursionError.
    pub native_stack_limit: usize,
    pub hooks: Hooks,
    /// Extra roots for values held only in Rust heap memory (gc invariant 3).
    pub temp_roots: Vec<Value>,
    pub out: Vec<u8>,
    pub argv: Vec<String>,
    /// Directories searched by `import` (the script's directory, then PYTHONPATH).
    pub path: Vec<std::path::PathBuf>,
    /// Source text of loaded files, for tracebacks.
    pub sources: HashMap<String, String>,
    pub small_strs: Vec<Gc<Str>>,
    pub empty_tuple: Value,
    pub ellipsis: Value,
    pub not_implemented: Value,
    pub next_id: Cell<u64>,
    /// Containers whose repr is in progress (cycle detection).
    pub repr_guard: Vec<u64>,
    /// The compiling tier, if one is installed (`crate::jit::Tier`).
    pub jit: Option<Box<dyn crate::jit::Tier>>,
    /// Calls of a function, and back edges of a loop, after which the
    /// interpreter tells the tier (`u64::MAX` with no tier).
    pub jit_call_threshold: u64,
    pub jit_loop_threshold: u64,
    /// Exits of compiled code that resumed the interpreter; every 32nd is
    /// a safepoint for the tier (code that keeps exiting is retired there,
    /// and a spot whose code is installed counts nothing else).
    pub jit_resume_exits: u64,
    /// Set by the tier (from compiled code) when it needs a safepoint at
    /// the next exit: a unit spent its exit budget.
    pub jit_attention: bool,
    /// `runtime::jit::INVALIDATIONS` at the tier's last safepoint: when it
    /// moved, the interpreter calls a safepoint at the next call or back
    /// edge that counts, so the tier recompiles invalidated code soon.
    pub jit_invalidations_seen: u64,
}

impl Thread {
    pub fn new() -> Box<Thread> {
        // Classes and names need a heap to exist first; build in two steps.
        let mut heap = Heap::new();
        let root_shape = heap.alloc_immortal(Shape::root());
        let placeholder = heap.alloc_immortal(Str::new(""));
        let dummy_class = heap.alloc_immortal(Class {
            name: placeholder,
            qualname: Cell::new(placeholder),
            module: Cell::new(Value::NONE),
            bases: GcCell::new(Vec::new()),
            mro: GcCell::new(Vec::new()),
            dict: GcCell::new(AttrMap::new()),
            version: Cell::new(0),
            base: Base::Builtin,
            root_shape,
            slots: GcCell::new(None),
            subclasses: GcCell::new(Vec::new()),
            flags: Cell::new(0),
            init_cache: Cell::new(None),
            slot_hint: Cell::new(0),
            watchers: crate::jit::Watchers::default(),
        });
        let dummy_module = heap.alloc_immortal(Module::new(placeholder, true));
        let mut t = Box::new(Thread {
            heap,
            stack: RegStack::new(),
            sp: 0,
            frames: Vec::with_capacity(1024),
            exc: Value::NONE,
            handled: Value::NONE,
            outer_handled: Value::NONE,
            gen_return: Value::NONE,
            exit_value: Value::NONE,
            classes: Classes::placeholder(dummy_class),
            names: Names::placeholder(placeholder),
            interned: HashMap::new(),
            builtins: dummy_module,
            modules: HashMap::new(),
            recursion_limit: 1000,
            depth: 0,
            native_stack_limit: 0,
            hooks: Hooks {
                call: no_call,
                resume: no_resume,
                throw: no_resume,
                import: no_import,
            },
            temp_roots: Vec::new(),
            out: Vec::with_capacity(1 << 16),
            argv: Vec::new(),
            path: Vec::new(),
            sources: HashMap::new(),
            small_strs: Vec::new(),
            empty_tuple: Value::NONE,
            ellipsis: Value::NONE,
            not_implemented: Value::NONE,
            next_id: Cell::new(1),
            repr_guard: Vec::new(),
            jit: None,
            jit_call_threshold: u64::MAX,
            jit_loop_threshold: u64::MAX,
            jit_resume_exits: 0,
            jit_attention: false,
            jit_invalidations_seen: 0,
        });
        t.names = Names::create(&mut t);
        t.classes = Classes::create(&mut t);
        let name = t.intern("builtins");
        t.builtins = t.heap.alloc_immortal(Module::new(name, true));
        t.empty_tuple = t
            .heap
            .alloc_immortal(Tuple {
                items: crate::object::tuple::TupleItems::new(),
            })
            .as_value();
        t.ellipsis = t.singleton(t.classes.ellipsis);
        t.not_implemented = t.singleton(t.classes.not_implemented_type);
        t.small_strs = (0u8..128)
            .map(|b| t.intern(&(b as char).to_string()))
            .collect();
        crate::builtins::install(&mut t);
        t.heap.start_malloc_count();
        t
    }

    // ----- allocation -----

    /// An immortal instance of `cls` (Ellipsis, NotImplemented).
    fn singleton(&mut self, cls: Gc<Class>) -> Value {
        self.heap
            .alloc_immortal(Instance {
                class: Cell::new(cls),
                shape: Cell::new(cls.root_shape),
                slots: GcCell::new(crate::object::class::InstanceSlots::new()),
                base: Cell::new(Value::UNBOUND),
                dict: Cell::new(Value::UNBOUND),
                exc: GcCell::new(None),
            })
            .as_value()
    }

    /// Allocates a heap object. Never collects: see `safepoint`.
    #[inline]
    pub fn alloc<T: HeapObj>(&mut self, value: T) -> Gc<T> {
        self.heap.alloc(value)
    }

    /// Collects if the policy asks for it. Called only where every live
    /// value is rooted (gc invariant 5): the interpreter's function entries
    /// and loop back edges.
    #[inline(always)]
    pub fn safepoint(&mut self) {
        if self.heap.wants_collect() {
            self.collect();
        }
    }

    /// Runs a full collection with this thread's roots.
    #[inline(never)]
    pub fn collect(&mut self) {
        let sp = self.sp;
        let mut heap = std::mem::replace(&mut self.heap, Heap::new());
        {
            let this: &Thread = self;
            heap.collect(&mut |tr: &mut Tracer| this.trace_roots(tr, sp));
        }
        let fresh = std::mem::replace(&mut self.heap, heap);
        drop(fresh);
    }

    fn trace_roots(&self, tr: &mut Tracer, sp: usize) {
        tr.values(self.stack.slice(sp));
        if let Some(j) = &self.jit {
            j.trace(tr);
        }
        for f in &self.frames {
            tr.gc(f.code);
            tr.value(f.func);
            tr.gc(f.globals);
            tr.value(f.ns);
            tr.value(f.gen);
            if f.flags & crate::frame::flags::GENERATOR == 0 {
                // Registers of stack frames are covered by the slice above.
            }
        }
        tr.values(&[
            self.exc,
            self.handled,
            self.outer_handled,
            self.gen_return,
            self.exit_value,
        ]);
        tr.values(&self.temp_roots);
        for m in self.modules.values() {
            tr.value(*m);
        }
        tr.gc(self.builtins);
        // The builtins module is immortal, so trace its cells explicitly:
        // user code may store mortal values into builtins' cells.
        for c in self.builtins.order.get() {
            tr.gc(*c);
        }
    }

    pub fn intern(&mut self, s: &str) -> Gc<Str> {
        if let Some(g) = self.interned.get(s) {
            return *g;
        }
        let g = self.heap.alloc_immortal(Str::new(s));
        self.interned.insert(s.into(), g);
        g
    }

    pub fn new_str(&mut self, s: &str) -> Value {
        if s.len() == 1 && s.as_bytes()[0] < 128 && !self.small_strs.is_empty() {
            return self.small_strs[s.as_bytes()[0] as usize].as_value();
        }
        self.alloc(Str::new(s)).as_value()
    }
    pub fn new_string(&mut self, s: String) -> Value {
        if s.len() > 256 {
            self.heap.note_bytes(s.len());
        }
        if s.len() == 1 && s.as_bytes()[0] < 128 && !self.small_strs.is_empty() {
            return self.small_strs[s.as_bytes()[0] as usize].as_value();
        }
        self.alloc(Str::from_string(s)).as_value()
    }
    /// An int value from an `i64` (inline when it fits 48 bits).
    #[inline]
    pub fn new_int(&mut self, i: i64) -> Value {
        match Value::small_int(i) {
            Some(v) => v,
            None => self.alloc(BoxedInt(i)).as_value(),
        }
    }
    /// An int value from a big int, normalised to the smallest form.
    pub fn new_bigint(&mut self, b: BigInt) -> Value {
        use num_traits::ToPrimitive;
        match b.to_i64() {
            Some(i) => self.new_int(i),
            None => {
                self.heap.note_bytes(b.bits() as usize / 8);
                self.alloc(BigIntObj(crate::num::Int::Big(b))).as_value()
            }
        }
    }
    pub fn new_list(&mut self, items: Vec<Value>) -> Value {
        self.alloc(List::new(items)).as_value()
    }
    pub fn new_tuple(&mut self, items: Vec<Value>) -> Value {
        if items.len() <= crate::object::tuple::TUPLE_INLINE {
            return self.new_tuple_from(&items);
        }
        self.alloc(Tuple {
            items: crate::object::tuple::TupleItems::from_vec(items),
        })
        .as_value()
    }
    /// A tuple of copies of `items` (no intermediate vector).
    pub fn new_tuple_from(&mut self, items: &[Value]) -> Value {
        if items.is_empty() {
            return self.empty_tuple;
        }
        self.alloc(Tuple {
            items: crate::object::tuple::TupleItems::from_slice(items),
        })
        .as_value()
    }
    pub fn new_dict(&mut self) -> Gc<Dict> {
        self.alloc(Dict::new())
    }
    pub fn new_set(&mut self, frozen: bool) -> Gc<Set> {
        self.alloc(Set::new(frozen))
    }
    pub fn new_iter(&mut self, state: IterState) -> Value {
        self.alloc(IterObj::new(state)).as_value()
    }

    /// A builtin class (immortal), used at start-up and by builtin modules.
    pub fn make_builtin_class(
        &mut self,
        name: &str,
        parent: Option<Gc<Class>>,
        base: Base,
    ) -> Gc<Class> {
        let name = self.intern(name);
        let root_shape = self.heap.alloc_immortal(Shape::root());
        let bases: Vec<Gc<Class>> = parent.into_iter().collect();
        let module = self.intern("builtins").as_value();
        let c = self.heap.alloc_immortal(Class::new(
            name,
            name,
            module,
            bases.clone(),
            base,
            root_shape,
        ));
        let mut mro = vec![c];
        if let Some(p) = parent {
            mro.extend(p.mro.get().iter().copied());
            p.subclasses.get_mut().push(c);
        }
        *c.mro.get_mut() = mro;
        c
    }

    /// The class of any value (`type(v)`).
    #[inline]
    pub fn class_of(&self, v: Value) -> Gc<Class> {
        if v.is_float() {
            return self.classes.float;
        }
        if v.is_small_int() {
            return self.classes.int;
        }
        if let Some(h) = v.header() {
            // SAFETY: object values point at live headers.
            let kind = unsafe { (*h).kind };
            let c = &self.classes;
            return match kind {
                Kind::Instance => {
                    // SAFETY: the kind is Instance.
                    let i: Gc<Instance> = unsafe { Gc::from_header(h) };
                    i.class.get()
                }
                Kind::BoxedInt | Kind::BigInt => c.int,
                Kind::Str => c.str,
                Kind::Tuple => c.tuple,
                Kind::List => c.list,
                Kind::Dict => c.dict,
                Kind::Set => {
                    // SAFETY: the kind is Set.
                    let s: Gc<Set> = unsafe { Gc::from_header(h) };
                    if s.frozen {
                        c.frozenset
                    } else {
                        c.set
                    }
                }
                Kind::Range => c.range,
                Kind::Slice => c.slice,
                Kind::Function => c.function,
                Kind::Builtin => c.builtin_function,
                Kind::BoundMethod => c.method,
                Kind::Cell => c.cell,
                Kind::ClassMethod => c.classmethod,
                Kind::StaticMethod => c.staticmethod,
                Kind::Property => c.property,
                Kind::Super => c.super_,
                Kind::Class => c.type_,
                Kind::Module => c.module,
                Kind::Code | Kind::Shape | Kind::GlobalCell => c.code,
                Kind::Generator => c.generator,
                Kind::Iter => {
                    // SAFETY: the kind is Iter.
                    let it: Gc<IterObj> = unsafe { Gc::from_header(h) };
                    match it.state.get() {
                        IterState::List { .. } => c.list_iterator,
                        IterState::ListRev { .. } => c.list_reverseiterator,
                        IterState::Tuple { .. } => c.tuple_iterator,
                        IterState::Range { .. } => c.range_iterator,
                        IterState::Str { .. } => c.str_iterator,
                        IterState::Dict { which: 0, .. } => c.dict_keyiterator,
                        IterState::Dict { which: 1, .. } => c.dict_valueiterator,
                        IterState::Dict { .. } => c.dict_itemiterator,
                        IterState::Set { .. } => c.set_iterator,
                        IterState::Enumerate { .. } => c.enumerate,
                        IterState::Zip { .. } => c.zip,
                        IterState::Map { .. } => c.map,
                        IterState::Filter { .. } => c.filter,
                        IterState::Seq { step: -1, .. } => c.reversed,
                        IterState::Callable { .. } => c.callable_iterator,
                        IterState::Tool(tool) => tool.cls,
                        IterState::Seq { .. } | IterState::Exhausted => c.iterator,
                    }
                }
                Kind::Native => c.object,
                Kind::DictView => {
                    // SAFETY: the kind is DictView.
                    let dv: Gc<DictView> = unsafe { Gc::from_header(h) };
                    match dv.which {
                        0 => c.dict_keys,
                        1 => c.dict_values,
                        _ => c.dict_items,
                    }
                }
            };
        }
        if v.is_bool() {
            return self.classes.bool_;
        }
        self.classes.none
    }

    /// The Python name of a value's type, for error messages.
    pub fn type_name(&self, v: Value) -> String {
        self.class_of(v).name.as_str().to_string()
    }

    // ----- exceptions -----

    /// Creates an exception instance of `cls` with `args`.
    pub fn new_exception(&mut self, cls: Gc<Class>, args: Vec<Value>) -> Value {
        let args = self.new_tuple(args);
        let shape = cls.root_shape;
        let inst = self.alloc(Instance {
            class: Cell::new(cls),
            shape: Cell::new(shape),
            slots: GcCell::new(crate::object::class::InstanceSlots::new()),
            base: Cell::new(Value::UNBOUND),
            dict: Cell::new(Value::UNBOUND),
            exc: GcCell::new(Some(Box::new(ExcData::new(args)))),
        });
        inst.as_value()
    }

    /// Starts raising `exc` (an exception instance).
    #[cold]
    pub fn raise(&mut self, exc: Value) -> Raised {
        self.exc = exc;
        self.set_context();
        Raised
    }

    /// Sets the implicit `__context__` of the exception being raised
    /// (`Thread::exc`) to the exception being handled, if any.
    pub fn set_context(&mut self) {
        let (exc, handled) = (self.exc, self.topmost_handled());
        if handled.is_none() || handled.is(exc) {
            return;
        }
        if let Some(inst) = crate::ops::cast::<Instance>(exc) {
            if let Some(e) = inst.exc.get_mut() {
                if e.context.is_none() {
                    e.context = handled;
                }
            }
        }
    }

    /// Raises a new exception of `cls` with a message.
    #[cold]
    pub fn raise_msg(&mut self, cls: Gc<Class>, msg: &str) -> Raised {
        let m = self.new_str(msg);
        let e = self.new_exception(cls, vec![m]);
        self.raise(e)
    }
    #[cold]
    pub fn type_error(&mut self, msg: &str) -> Raised {
        self.raise_msg(self.classes.type_error, msg)
    }
    #[cold]
    pub fn value_error(&mut self, msg: &str) -> Raised {
        self.raise_msg(self.classes.value_error, msg)
    }
    #[cold]
    pub fn index_error(&mut self, msg: &str) -> Raised {
        self.raise_msg(self.classes.index_error, msg)
    }
    #[cold]
    pub fn runtime_error(&mut self, msg: &str) -> Raised {
        self.raise_msg(self.classes.runtime_error, msg)
    }
    #[cold]
    pub fn overflow_error(&mut self, msg: &str) -> Raised {
        self.raise_msg(self.classes.overflow_error, msg)
    }
    #[cold]
    pub fn zero_division(&mut self, msg: &str) -> Raised {
        self.raise_msg(self.classes.zero_division_error, msg)
    }
    #[cold]
    pub fn attribute_error(&mut self, msg: &str) -> Raised {
        self.raise_msg(self.classes.attribute_error, msg)
    }
    #[cold]
    pub fn name_error(&mut self, name: &str) -> Raised {
        self.raise_msg(
            self.classes.name_error,
            &format!("name '{name}' is not defined"),
        )
    }
    #[cold]
    pub fn key_error(&mut self, key: Value) -> Raised {
        let e = self.new_exception(self.classes.key_error, vec![key]);
        self.raise(e)
    }
    #[cold]
    pub fn stop_iteration(&mut self, value: Value) -> Raised {
        let e = self.new_exception(self.classes.stop_iteration, vec![value]);
        self.raise(e)
    }
    /// Refuses a construct the subset lacks: uncatchable, ends the program
    /// with `strata: unsupported: <what>` and exit status 2.
    #[cold]
    pub fn unsupported(&mut self, what: &str) -> Raised {
        self.raise_msg(self.classes.unsupported, what)
    }
    /// Raises RecursionError (CPython's message).
    #[cold]
    pub fn recursion_error(&mut self) -> Raised {
        self.raise_msg(
            self.classes.recursion_error,
            "maximum recursion depth exceeded",
        )
    }

    /// The exception currently being handled, as `sys.exc_info()` sees it.
    pub fn topmost_handled(&self) -> Value {
        if self.handled.is_none() {
            self.outer_handled
        } else {
            self.handled
        }
    }

    /// Whether the exception being raised is an instance of `cls`.
    pub fn exc_is(&self, cls: Gc<Class>) -> bool {
        self.class_of(self.exc).is_subclass(cls)
    }

    // ----- output -----

    pub fn write_out(&mut self, s: &str) {
        self.out.extend_from_slice(s.as_bytes());
        if self.out.len() >= 1 << 16 {
            self.flush_out();
        }
    }
    pub fn flush_out(&mut self) {
        if !self.out.is_empty() {
            let mut o = std::io::stdout().lock();
            let _ = o.write_all(&self.out);
            let _ = o.flush();
            self.out.clear();
        }
    }

    /// Checks the native stack has room for another re-entry into Python code.
    #[inline]
    pub fn check_native_stack(&mut self) -> PyResult<()> {
        let here = 0u8;
        let addr = &here as *const u8 as usize;
        if addr < self.native_stack_limit {
            return Err(self.recursion_error());
        }
        Ok(())
    }

    /// A fresh id for objects that need one (e.g. NaN hashing).
    pub fn fresh_id(&self) -> u64 {
        let n = self.next_id.get();
        self.next_id.set(n + 1);
        n
    }
}

impl Classes {
    fn placeholder(c: Gc<Class>) -> Classes {
        macro_rules! all_placeholder {
            ($($f:ident),*) => { Classes { $($f: c,)* } };
        }
        all_placeholder!(
            object,
            type_,
            int,
            bool_,
            float,
            str,
            list,
            tuple,
            dict,
            set,
            frozenset,
            range,
            slice,
            none,
            function,
            builtin_function,
            method,
            cell,
            classmethod,
            staticmethod,
            property,
            super_,
            module,
            code,
            generator,
            iterator,
            map,
            filter,
            zip,
            enumerate,
            reversed,
            list_iterator,
            list_reverseiterator,
            tuple_iterator,
            range_iterator,
            str_iterator,
            dict_keyiterator,
            dict_valueiterator,
            dict_itemiterator,
            set_iterator,
            callable_iterator,
            dict_keys,
            dict_values,
            dict_items,
            base_exception,
            system_exit,
            keyboard_interrupt,
            generator_exit,
            exception,
            stop_iteration,
            arithmetic_error,
            zero_division_error,
            overflow_error,
            assertion_error,
            attribute_error,
            lookup_error,
            index_error,
            key_error,
            name_error,
            unbound_local_error,
            runtime_error,
            recursion_error,
            not_implemented_error,
            type_error,
            value_error,
            unicode_error,
            import_error,
            module_not_found_error,
            memory_error,
            eof_error,
            os_error,
            syntax_error,
            ellipsis,
            not_implemented_type,
            unsupported
        )
    }
}
