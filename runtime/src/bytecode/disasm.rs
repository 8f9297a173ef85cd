//! Disassembler for code units (`strata --dump=bytecode`).

use super::opcodes::{Field, Role};
use super::unit::{CodeUnit, Const};
use std::fmt::Write;

/// Renders a unit and, after it, every nested unit in its constants.
pub fn disassemble(unit: &CodeUnit) -> String {
    let mut out = String::new();
    disassemble_into(unit, &mut out);
    out
}

fn disassemble_into(unit: &CodeUnit, out: &mut String) {
    let _ = writeln!(
        out,
        "code {} ({:?}) line {}: args={} posonly={} kwonly={} varargs={} varkw={} regs={}{}",
        unit.qualname,
        unit.kind,
        unit.first_line,
        unit.argcount,
        unit.posonlycount,
        unit.kwonlycount,
        unit.varargs,
        unit.varkw,
        unit.nregs,
        if unit.is_generator { " generator" } else { "" }
    );
    if !unit.local_names.is_empty() {
        let _ = writeln!(out, "  locals: {}", unit.local_names.join(", "));
    }
    if !unit.cellvars.is_empty() {
        let _ = writeln!(out, "  cells: {}", unit.cellvars.join(", "));
    }
    if !unit.freevars.is_empty() {
        let _ = writeln!(out, "  free: {}", unit.freevars.join(", "));
    }
    let mut last_line = 0;
    for (pc, insn) in unit.insns.iter().enumerate() {
        let line = unit.lines.get(pc).copied().unwrap_or(0);
        let line_col = if line != last_line {
            format!("{line:>5}")
        } else {
            "     ".to_string()
        };
        last_line = line;
        let op = insn.op();
        let mut text = format!("{line_col} {pc:>5}  {:<16}", op.name());
        let mut notes = Vec::new();
        for (name, role, field) in op.operands() {
            let v = insn.field(*field);
            let _ = match role {
                Role::R => write!(text, " r{v}"),
                Role::K => write!(text, " k{v}"),
                Role::N => write!(text, " n{v}"),
                Role::G => write!(text, " g{v}"),
                Role::U => write!(text, " {v}"),
                Role::J => write!(text, " ->{v}"),
            };
            match role {
                Role::R if v < unit.local_names.len() => {
                    notes.push(format!("{}={}", name, unit.local_names[v]))
                }
                Role::K => notes.push(short_const(unit.consts.get(v)).to_string()),
                Role::N => notes.push(unit.names.get(v).cloned().unwrap_or_default()),
                Role::G => notes.push(unit.globals.get(v).cloned().unwrap_or_default()),
                _ => {}
            }
            let _ = field == &Field::A;
        }
        if insn.aux() != 0 {
            let _ = write!(text, " aux={}", insn.aux());
        }
        if notes.is_empty() {
            let _ = writeln!(out, "{text}");
        } else {
            let _ = writeln!(out, "{text:<40} ; {}", notes.join(" "));
        }
    }
    for e in &unit.exc_table {
        let _ = writeln!(out, "  except [{}, {}) -> {}", e.start, e.end, e.handler);
    }
    for c in &unit.consts {
        if let Const::Code(inner) = c {
            out.push('\n');
            disassemble_into(inner, out);
        }
    }
}

fn short_const(c: Option<&Const>) -> String {
    match c {
        None => "?".into(),
        Some(Const::Code(u)) => format!("<code {}>", u.qualname),
        Some(Const::Str(s)) => format!("{s:?}"),
        Some(other) => {
            let s = format!("{other:?}");
            if s.chars().count() > 40 {
                format!("{}…", s.chars().take(40).collect::<String>())
            } else {
                s
            }
        }
    }
}
