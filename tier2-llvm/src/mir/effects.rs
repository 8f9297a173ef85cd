//! Which registers an instruction reads and writes (for liveness), for the
//! instructions tier 2 compiles.

use runtime::bytecode::{Insn, Op};

/// Registers read and written by `i`, or `None` if tier 2 does not compile
/// the instruction.
pub fn effects(i: Insn) -> Option<(Vec<usize>, Vec<usize>)> {
    let (a, b, c) = (i.a(), i.b(), i.c());
    let range = |from: usize, n: usize| (from..from + n).collect::<Vec<_>>();
    Some(match i.op().generic() {
        Op::Nop | Op::Jump | Op::JumpBack => (vec![], vec![]),
        Op::LoadConst | Op::LoadGlobal => (vec![], vec![a]),
        Op::Move | Op::Neg | Op::Pos | Op::Invert | Op::Not | Op::GetIter => (vec![b], vec![a]),
        Op::StoreGlobal => (vec![b], vec![]),
        Op::CheckBound => (vec![a], vec![]),
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
        | Op::Inplace
        | Op::Lt
        | Op::Le
        | Op::Eq
        | Op::Ne
        | Op::Gt
        | Op::Ge
        | Op::Is
        | Op::IsNot
        | Op::In
        | Op::NotIn
        | Op::GetItem => (vec![b, c], vec![a]),
        Op::JumpIfTrue | Op::JumpIfFalse | Op::Return => (vec![a], vec![]),
        Op::ForIter => (vec![a + 1], vec![a]),
        Op::BuildList | Op::BuildTuple | Op::BuildSet | Op::BuildString => (range(b, c), vec![a]),
        Op::FormatValue => (vec![b, c], vec![a]),
        Op::SetAdd => (vec![a, b], vec![]),
        // Defaults, keyword defaults and closure, as the flags say.
        Op::MakeFunction => (range(c, (i.aux() & 7).count_ones() as usize), vec![a]),
        Op::ListAppend => (vec![a, b], vec![]),
        Op::Unpack => (vec![b], range(a, c)),
        Op::SetItem => (vec![a, b, c], vec![]),
        Op::GetAttr => (vec![b], vec![a]),
        Op::SetAttr => (vec![a, c], vec![]),
        Op::LoadMethod => (vec![b], vec![a, a + 1]),
        Op::Call => (range(b, c + 1), vec![a]),
        Op::CallKw => (range(b, c + 2), vec![a]),
        Op::CallMethod => (range(b, c + 2), vec![a]),
        Op::BuildSlice => (range(b, 3), vec![a]),
        Op::ListExtend | Op::DelItem => (vec![a, b], vec![]),
        Op::BuildDict => (range(b, 2 * c), vec![a]),
        Op::DictSet => (vec![a, b, c], vec![]),
        Op::ListToTuple => (vec![b], vec![a]),
        Op::MakeCell => (vec![a], vec![a]),
        Op::LoadClosure => (vec![], vec![a]),
        Op::LoadDeref => (vec![b], vec![a]),
        Op::StoreDeref => (vec![a, b], vec![]),
        Op::UnpackEx => (vec![b], range(a, c + 1 + i.aux() as usize)),
        _ => return None,
    })
}
