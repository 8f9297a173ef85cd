//! `import name`: builtin modules, then `name.py` next to the main script and
//! on `PYTHONPATH`; modules of CPython's standard library that Strata lacks
//! are refused as unsupported.

use crate::frontend::{self, FrontendError};
use runtime::gc::Gc;
use runtime::object::*;
use runtime::ops::attr::module_cell;
use runtime::{PyResult, Thread, Value};

/// The import hook installed into the runtime.
pub fn import(t: &mut Thread, name: Gc<Str>) -> PyResult<Value> {
    let n = name.as_str().to_string();
    if let Some(m) = t.modules.get(&n) {
        return Ok(*m);
    }
    if let Some(m) = runtime::builtins::modules::builtin_module(t, &n)? {
        return Ok(m);
    }
    let found = t
        .path
        .iter()
        .map(|d| d.join(format!("{n}.py")))
        .find(|p| p.is_file());
    let Some(path) = found else {
        if runtime::builtins::is_stdlib_module(&n) {
            return Err(t.unsupported(&format!("import of standard library module '{n}'")));
        }
        let msg = format!("No module named '{n}'");
        let m = t.new_str(&msg);
        let e = t.new_exception(t.classes.module_not_found_error, vec![m]);
        let name_attr = t.intern("name");
        let module_name = t.new_str(&n);
        runtime::ops::setattr(t, e, name_attr, module_name)?;
        return Err(t.raise(e));
    };
    let file = path.to_string_lossy().to_string();
    let source = match std::fs::read_to_string(&path) {
        Ok(s) => s,
        Err(e) => {
            let msg = format!("cannot read {file}: {e}");
            return Err(t.raise_msg(t.classes.import_error, &msg));
        }
    };
    let module = load_module(t, &n, &file, &source)?;
    Ok(module.as_value())
}

/// Compiles and runs `source` as module `name`, registered before it runs
/// (so circular imports see the partly initialised module).
pub fn load_module(t: &mut Thread, name: &str, file: &str, source: &str) -> PyResult<Gc<Module>> {
    t.sources.insert(file.to_string(), source.to_string());
    let unit = match frontend::compile(source, file) {
        Ok(u) => u,
        Err(FrontendError::Syntax { line, msg, .. }) => {
            let text = format!("{msg} ({file}, line {line})");
            return Err(t.raise_msg(t.classes.syntax_error, &text));
        }
        Err(FrontendError::Unsupported { what, line, col }) => {
            let m = t.new_string(format!("{what} at {file}:{line}:{col}"));
            let e = t.new_exception(t.classes.unsupported, vec![m, Value::TRUE]);
            return Err(t.raise(e));
        }
    };
    let module = new_module(t, name, file);
    t.modules.insert(name.to_string(), module.as_value());
    let code = match crate::load::load(t, &unit, module) {
        Ok(c) => c,
        Err(e) => {
            t.modules.remove(name);
            return Err(t.runtime_error(&format!("internal error: bad bytecode: {}", e.0)));
        }
    };
    let r = crate::exec::run_code(t, code, module, Value::UNBOUND);
    if r.is_err() {
        t.modules.remove(name);
    }
    r.map(|_| module)
}

/// A fresh module with `__name__` and `__file__` set.
pub fn new_module(t: &mut Thread, name: &str, file: &str) -> Gc<Module> {
    let n = t.intern(name);
    let m = t.alloc(Module::new(n, false));
    let name_key = t.names.name;
    module_cell(t, m, name_key).set(n.as_value());
    let file_key = t.intern("__file__");
    let f = t.new_str(file);
    module_cell(t, m, file_key).set(f);
    m
}
