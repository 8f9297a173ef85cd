//! MIR as text (`--dump=mir` and the filetests).

use super::*;
use std::fmt::Write;

fn regs_of(types: &[Ty]) -> String {
    types
        .iter()
        .enumerate()
        .filter(|(_, t)| **t != Ty::Dead)
        .map(|(r, t)| format!("r{r}:{}", t.name()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The region as text: blocks with entry representations, instructions,
/// terminators, then the exits.
pub fn print(r: &Region) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "region {} entry pc {} block b{} regs {}",
        r.name, r.entry_pc, r.entry, r.nregs
    );
    for (k, b) in r.blocks.iter().enumerate() {
        let _ = writeln!(
            s,
            "b{k} (pc {}){}: {}",
            b.pc,
            if b.back_edge { " backedge" } else { "" },
            regs_of(&b.entry)
        );
        for i in &b.insts {
            let line = match i {
                Inst::ConstInt(d, v) => format!("r{d} = int {v}"),
                Inst::ConstFloat(d, v) => format!("r{d} = float {v:?}"),
                Inst::ConstBool(d, v) => format!("r{d} = bool {v}"),
                Inst::ConstValue(d, v) => {
                    // Objects by kind only: their addresses differ per run.
                    if v >> 48 == runtime::value::TAG_OBJ {
                        format!("r{d} = value object")
                    } else {
                        format!("r{d} = value {v:#x}")
                    }
                }
                Inst::Move { dst, src } => format!("r{dst} = r{src}"),
                Inst::Box(r) => format!("box r{r}"),
                Inst::Unbox { reg, to, exit } => {
                    format!("unbox r{reg} to {} else e{exit}", to.name())
                }
                Inst::Int {
                    op,
                    dst,
                    a,
                    b,
                    exit,
                } => {
                    format!("r{dst} = int.{op:?} r{a}, r{b} else e{exit}")
                }
                Inst::Float {
                    op,
                    dst,
                    a,
                    b,
                    exit,
                } => match exit {
                    Some(e) => format!("r{dst} = float.{op:?} r{a}, r{b} else e{e}"),
                    None => format!("r{dst} = float.{op:?} r{a}, r{b}"),
                },
                Inst::IntCmp { op, dst, a, b } => format!("r{dst} = int.cmp.{op:?} r{a}, r{b}"),
                Inst::FloatCmp { op, dst, a, b } => format!("r{dst} = float.cmp.{op:?} r{a}, r{b}"),
                Inst::Not { dst, src } => format!("r{dst} = not r{src}"),
                Inst::Same { dst, a, b, negate } => {
                    let op = if *negate { "is not" } else { "is" };
                    format!("r{dst} = r{a} {op} r{b}")
                }
                Inst::GuardBits { reg, exit, .. } => {
                    format!("guard r{reg} is the known function else e{exit}")
                }
                Inst::Unpack { src, dst, n, exit } => {
                    format!("r{dst}..+{n} = unpack r{src} else e{exit}")
                }
                Inst::FloatPow { dst, a, b, exit } => {
                    format!("r{dst} = float.pow r{a}, r{b} else e{exit}")
                }
                Inst::Pure {
                    op,
                    dst,
                    args,
                    index,
                    exit,
                } => {
                    let a: Vec<String> = args.iter().map(|r| format!("r{r}")).collect();
                    let d = dst.map(|d| format!("r{d} = ")).unwrap_or_default();
                    let i = index.map(|i| format!(" [r{i}]")).unwrap_or_default();
                    let op = match op {
                        PureOp::GetSlot {
                            slot, proven: true, ..
                        } => format!("get_slot {slot} proven"),
                        PureOp::SetSlot {
                            slot, proven: true, ..
                        } => format!("set_slot {slot} proven"),
                        PureOp::GetSlot { slot, .. } => format!("get_slot {slot}"),
                        PureOp::SetSlot { slot, .. } => format!("set_slot {slot}"),
                        PureOp::AddSlot { .. } => "add_slot".into(),
                        PureOp::ListGet => "list_get".into(),
                        PureOp::ListSet => "list_set".into(),
                        PureOp::ListAppend => "list_append".into(),
                        PureOp::BuildSlice => "build_slice".into(),
                        PureOp::Truthy => "truthy".into(),
                        PureOp::GetIter => "get_iter".into(),
                        PureOp::BuildList => "build_list".into(),
                        PureOp::BuildTuple => "build_tuple".into(),
                        PureOp::GetSlotPoly(p) => format!("get_slot_poly {}", p.n),
                        PureOp::SetSlotPoly(p) => format!("set_slot_poly {}", p.n),
                        PureOp::MethodPoly(p) => format!("method_poly {}", p.n),
                        PureOp::LoadClosure { index } => format!("load_closure {index}"),
                        PureOp::LoadDeref => "load_deref".into(),
                        PureOp::StoreDeref => "store_deref".into(),
                        PureOp::GetSlice => "get_slice".into(),
                        PureOp::SetSlice => "set_slice".into(),
                        PureOp::LoadGlobal { .. } => "load_global".into(),
                        PureOp::StoreGlobal { .. } => "store_global".into(),
                        PureOp::MethodGuard { .. } => "method_guard".into(),
                    };
                    format!("{d}pure.{op}({}){i} else e{exit}", a.join(", "))
                }
                Inst::Step { pc, writes, exit } => {
                    let w: Vec<String> = writes.iter().map(|r| format!("r{r}")).collect();
                    format!("step pc {pc} -> [{}] else e{exit}", w.join(", "))
                }
                Inst::CheckValid { exit } => format!("check_valid else e{exit}"),
                Inst::Unary { op, dst, src, exit } => match exit {
                    Some(x) => format!("r{dst} = {op:?} r{src} else e{x}"),
                    None => format!("r{dst} = {op:?} r{src}"),
                },
                Inst::Call {
                    pc,
                    callee,
                    known,
                    first,
                    nargs,
                    dst,
                    exit,
                } => {
                    let args: Vec<String> =
                        (0..*nargs).map(|k| format!("r{}", first + k)).collect();
                    let how = if known.is_some() { "known" } else { "dynamic" };
                    format!(
                        "r{dst} = call pc {pc} {how} r{callee}({}) else e{exit}",
                        args.join(", ")
                    )
                }
                Inst::Poll => "poll".to_string(),
            };
            let _ = writeln!(s, "  {line}");
        }
        let t = match &b.term {
            Term::Jump(x) => format!("jump b{x}"),
            Term::Branch { cond, then, other } => format!("branch r{cond} b{then} b{other}"),
            Term::BranchValue {
                cond,
                then,
                other,
                exit,
            } => format!("branch.value r{cond} b{then} b{other} else e{exit}"),
            Term::ForIter {
                pc,
                dst,
                body,
                done,
                exit,
            } => format!("foriter pc {pc} -> r{dst} b{body} done b{done} else e{exit}"),
            Term::ForNext {
                pc,
                dst,
                it,
                body,
                done,
                exit,
            } => format!("fornext pc {pc} r{it} -> r{dst} b{body} done b{done} else e{exit}"),
            Term::Return { pc, reg } => format!("return r{reg} (pc {pc})"),
            Term::Exit(e) => format!("exit e{e}"),
            Term::Inline { pc, cont, .. } => format!("inline call pc {pc} then b{cont}"),
        };
        let _ = writeln!(s, "  {t}");
    }
    for (k, e) in r.exits.iter().enumerate() {
        let frames: String = e
            .frames
            .iter()
            .map(|f| format!(" [in callee at r{}.. called at pc {}]", f.base, f.call_pc))
            .collect();
        let _ = writeln!(
            s,
            "e{k}: {:?} pc {} ({}){} {}",
            e.kind,
            e.pc,
            e.reason,
            frames,
            regs_of(&e.types)
        );
    }
    s
}
