//! The loader: turns the front end's `CodeUnit`s into heap `Code` objects for
//! one module, after verifying every operand, so the interpreter may index
//! registers, constants and names without bounds checks.

use runtime::bytecode::{CodeUnit, Const};
use runtime::gc::Gc;
use runtime::object::*;
use runtime::ops::attr::module_cell;
use runtime::{Thread, Value};

/// A code unit that fails verification (a front-end bug, reported as such).
#[derive(Debug)]
pub struct VerifyError(pub String);

/// Checks the unit and every unit nested in it (the interpreter relies on
/// this to index registers, constants and names without bounds checks).
pub fn verify(u: &CodeUnit) -> Result<(), VerifyError> {
    runtime::bytecode::verify::verify(u).map_err(VerifyError)
}

/// Loads a unit (and, recursively, its nested units) for `module`.
pub fn load(t: &mut Thread, u: &CodeUnit, module: Gc<Module>) -> Result<Gc<Code>, VerifyError> {
    verify(u)?;
    let consts_list = t.new_list(Vec::new());
    t.temp_roots.push(consts_list);
    let result = load_inner(t, u, module, consts_list);
    t.temp_roots.pop();
    result
}

fn load_inner(
    t: &mut Thread,
    u: &CodeUnit,
    module: Gc<Module>,
    keep: Value,
) -> Result<Gc<Code>, VerifyError> {
    let keep_list = runtime::ops::cast::<List>(keep).expect("list");
    let mut consts = Vec::with_capacity(u.consts.len());
    for c in &u.consts {
        let v = const_value(t, c, module, keep)?;
        keep_list.push(v);
        consts.push(v);
    }
    let intern_all =
        |t: &mut Thread, v: &[String]| -> Vec<Gc<Str>> { v.iter().map(|s| t.intern(s)).collect() };
    let local_names = intern_all(t, &u.local_names);
    let freevars = intern_all(t, &u.freevars);
    let cellvars = intern_all(t, &u.cellvars);
    let names = intern_all(t, &u.names);
    let mut globals = Vec::with_capacity(u.globals.len());
    let mut builtins = Vec::with_capacity(u.globals.len());
    let bmod = t.builtins;
    for g in &u.globals {
        let name = t.intern(g);
        globals.push(module_cell(t, module, name));
        builtins.push(module_cell(t, bmod, name));
    }
    let name = t.intern(&u.name);
    let qualname = t.intern(&u.qualname);
    let filename = t.intern(&u.filename);
    let code = t.alloc(Code {
        name,
        qualname,
        filename,
        kind: u.kind,
        is_generator: u.is_generator,
        argcount: u.argcount,
        posonlycount: u.posonlycount,
        kwonlycount: u.kwonlycount,
        varargs: u.varargs,
        varkw: u.varkw,
        nregs: u.nregs,
        local_names,
        freevars,
        cellvars,
        insns: GcCell::new(u.insns.clone()),
        lines: u.lines.clone(),
        consts,
        names,
        globals,
        builtins,
        exc_table: u.exc_table.clone(),
        first_line: u.first_line,
        calls: std::cell::Cell::new(0),
        caches: GcCell::new(vec![Cache::Empty; u.insns.len()]),
        misses: GcCell::new(vec![0; u.insns.len()]),
        types: GcCell::new(vec![0; u.insns.len()]),
        jit: runtime::jit::EntryTable::new(
            u.insns
                .iter()
                .filter(|i| i.op() == runtime::bytecode::Op::JumpBack)
                .map(|i| i.j() as u32)
                .collect(),
        ),
    });
    Ok(code)
}

fn const_value(
    t: &mut Thread,
    c: &Const,
    module: Gc<Module>,
    keep: Value,
) -> Result<Value, VerifyError> {
    Ok(match c {
        Const::None => Value::NONE,
        Const::Bool(b) => Value::bool(*b),
        Const::Int(i) => t.new_int(*i),
        Const::BigInt(b) => t.new_bigint(b.clone()),
        Const::Float(f) => Value::float(*f),
        Const::Str(s) => t.intern(s).as_value(),
        Const::Ellipsis => t.ellipsis,
        Const::Tuple(items) => const_tuple(t, items, module, keep)?,
        Const::FrozenSet(items) => {
            // CPython builds the constant twice: frozenset(tuple) when folding,
            // then again from that set's iteration order when it merges
            // constants; the second build fixes the table layout.
            let keep_list = runtime::ops::cast::<List>(keep).expect("list");
            let first = const_tuple(t, items, module, keep)?;
            keep_list.push(first);
            let folded = runtime::ops::set::from_iterable(t, first, true)
                .map_err(|_| VerifyError("unhashable frozenset constant".into()))?;
            keep_list.push(folded);
            let order = runtime::ops::cast::<Set>(folded)
                .map(|s| s.table.keys())
                .unwrap_or_default();
            let second = t.new_tuple(order);
            keep_list.push(second);
            runtime::ops::set::from_iterable(t, second, true)
                .map_err(|_| VerifyError("unhashable frozenset constant".into()))?
        }
        Const::Code(u) => load_inner(t, u, module, keep)?.as_value(),
    })
}

/// A tuple of constants; every element is kept reachable through `keep`
/// while the rest are built.
fn const_tuple(
    t: &mut Thread,
    items: &[Const],
    module: Gc<Module>,
    keep: Value,
) -> Result<Value, VerifyError> {
    let keep_list = runtime::ops::cast::<List>(keep).expect("list");
    let mut vs = Vec::with_capacity(items.len());
    for i in items {
        let v = const_value(t, i, module, keep)?;
        keep_list.push(v);
        vs.push(v);
    }
    Ok(t.new_tuple(vs))
}
