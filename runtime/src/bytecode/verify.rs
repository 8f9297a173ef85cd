//! Structural checks of compiled code units: every opcode valid, every
//! operand in range, every register window inside the frame, jumps and
//! handlers inside the code. The loader runs it on every unit, and the
//! interpreter relies on it to index without bounds checks; the front end's
//! tests and fuzzer run it too.

use super::{CodeKind, CodeUnit, Const, Op, Role};

/// Checks `unit` and every unit nested in its constants.
pub fn verify(unit: &CodeUnit) -> Result<(), String> {
    verify_one(unit).map_err(|e| format!("{}: {e}", unit.qualname))?;
    for c in &unit.consts {
        if let Const::Code(inner) = c {
            verify(inner)?;
        }
    }
    Ok(())
}

fn verify_one(u: &CodeUnit) -> Result<(), String> {
    let n = u.insns.len();
    let nregs = u.nregs as usize;
    if u.lines.len() != n {
        return Err("lines and insns differ in length".into());
    }
    if n == 0 || u.insns[n - 1].op() != Op::Return {
        return Err("code does not end with Return".into());
    }
    if u.lines.contains(&0) {
        return Err("instruction without a line".into());
    }
    if u.local_names.len() > nregs || u.param_count() > u.local_names.len() {
        return Err("locals exceed registers or parameters exceed locals".into());
    }
    if u.kind == CodeKind::Module && !u.local_names.is_empty() {
        return Err("module code with named locals".into());
    }
    for name in u.freevars.iter().chain(u.cellvars.iter()) {
        if !u.local_names.contains(name) {
            return Err(format!("cell/free variable {name} has no register"));
        }
    }
    for (pc, insn) in u.insns.iter().enumerate() {
        if Op::from_u8(insn.op_byte()).is_none() {
            return Err(format!(
                "pc {pc}: opcode byte {} out of range",
                insn.op_byte()
            ));
        }
        let op = insn.op();
        let err = |what: &str| Err(format!("pc {pc} {op:?}: {what}"));
        for (_, role, field) in op.operands() {
            let v = insn.field(*field);
            let ok = match role {
                Role::R => v < nregs,
                Role::K => v < u.consts.len(),
                Role::N => v < u.names.len(),
                Role::G => v < u.globals.len(),
                Role::U => true,
                Role::J => v < n,
            };
            if !ok {
                return err(&format!("operand {v} out of range"));
            }
        }
        let (a, b, c, aux) = (insn.a(), insn.b(), insn.c(), insn.aux() as usize);
        let window_ok = match op.generic() {
            Op::Call => b + c < nregs,
            Op::CallKw => b + c + 1 < nregs,
            Op::CallMethod => b + c + 1 < nregs,
            Op::LoadMethod | Op::ForIter => a + 1 < nregs,
            Op::CallEx => aux & 1 == 0 || c + 1 < nregs,
            Op::BuildList | Op::BuildTuple | Op::BuildSet | Op::BuildString => {
                c == 0 || b + c <= nregs
            }
            Op::BuildDict => c == 0 || b + 2 * c <= nregs,
            Op::BuildSlice => b + 2 < nregs,
            Op::Unpack => a + c <= nregs,
            Op::UnpackEx => a + c + 1 + aux <= nregs,
            Op::MakeFunction => c + (aux & 7).count_ones() as usize <= nregs,
            Op::Inplace => aux < 12,
            Op::FormatValue => aux < 4,
            _ => true,
        };
        if !window_ok {
            return err("register window or aux out of range");
        }
        if op == Op::MakeFunction && !matches!(u.consts[b], Const::Code(_)) {
            return err("MakeFunction of a non-code constant");
        }
    }
    for e in &u.exc_table {
        let (s, end, h) = (e.start as usize, e.end as usize, e.handler as usize);
        if s >= end || end > n || h >= n {
            return Err(format!("bad exception entry {e:?}"));
        }
        if u.insns[h].op() != Op::LoadExc {
            return Err(format!("handler {h} does not start with LoadExc"));
        }
    }
    Ok(())
}
