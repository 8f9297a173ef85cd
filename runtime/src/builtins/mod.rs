//! Builtin functions, the methods of builtin types, and builtin modules.
//!
//! Registration helpers put `Builtin` objects (immortal) into the builtins
//! module and into the dictionaries of builtin classes.

pub mod args;
pub mod cpython_names;
pub mod dunders;
pub mod format;
pub mod format_fields;
pub mod format_percent;
pub mod functions;
pub mod mod_collections;
pub mod mod_collections_counter;
pub mod mod_collections_deque;
pub mod mod_collections_dict;
pub mod mod_collections_odict;
pub mod mod_collections_tuple;
pub mod mod_itertools;
pub mod mod_itertools_next;
pub mod mod_math;
pub mod mod_math_float;
pub mod mod_math_int;
pub mod mod_os;
pub mod mod_random;
pub mod mod_random_mt;
pub mod mod_time;
pub mod modules;
pub mod sort;
pub mod str_args;
pub mod str_case;
pub mod str_layout;
pub mod str_methods;
pub mod str_search;
pub mod str_split;
pub mod str_tables;
pub mod str_translate;
pub mod types;

use crate::gc::Gc;
use crate::object::*;
use crate::ops::attr::module_cell;
use crate::thread::Thread;

pub use cpython_names::{cpython_has_attr, cpython_module_has_attr, is_stdlib_module};

/// Installs every builtin at start-up.
pub fn install(t: &mut Thread) {
    types::install(t);
    functions::install(t);
    dunders::install(t);
}

/// Binds `name` in the builtins module.
pub fn def_global(t: &mut Thread, name: &str, v: crate::Value) {
    let n = t.intern(name);
    let b = t.builtins;
    module_cell(t, b, n).set(v);
}

/// A builtin function object (immortal).
pub fn builtin_fn(
    t: &mut Thread,
    name: &'static str,
    qualname: &'static str,
    f: BuiltinFn,
    is_method: bool,
) -> crate::Value {
    t.heap
        .alloc_immortal(Builtin {
            name,
            qualname,
            f,
            receiver: crate::Value::UNBOUND,
            is_method,
        })
        .as_value()
}

/// Registers a builtin function in the builtins module.
pub fn def_fn(t: &mut Thread, name: &'static str, f: BuiltinFn) {
    let v = builtin_fn(t, name, name, f, false);
    def_global(t, name, v);
}

/// Registers a method on a builtin class.
pub fn def_method(
    t: &mut Thread,
    cls: Gc<Class>,
    name: &'static str,
    qualname: &'static str,
    f: BuiltinFn,
) {
    let v = builtin_fn(t, name, qualname, f, true);
    let n = t.intern(name);
    cls.dict.get_mut().set(n, v);
}

/// Registers a static function (not bound on access) on a builtin class.
pub fn def_static(
    t: &mut Thread,
    cls: Gc<Class>,
    name: &'static str,
    qualname: &'static str,
    f: BuiltinFn,
) {
    let v = builtin_fn(t, name, qualname, f, false);
    let n = t.intern(name);
    cls.dict.get_mut().set(n, v);
}

/// `method!(t, cls, "list", "append", f)`: registers with a static qualname.
#[macro_export]
macro_rules! method {
    ($t:expr, $cls:expr, $tn:literal, $name:literal, $f:expr) => {
        $crate::builtins::def_method($t, $cls, $name, concat!($tn, ".", $name), $f)
    };
}
