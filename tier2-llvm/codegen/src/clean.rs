//! Which registers an exit or a step need not write back: those whose
//! frame slot still holds the value compiled code has for them.
//!
//! A register of the region's own frame is *clean* on entry (its slot was
//! read from the frame), stays clean while only its representation
//! changes (`Box`, `Unbox`), and turns dirty when an instruction writes
//! it. Every `Step` (and `ForIter`) flushes the dirty registers before the
//! interpreter runs the instruction, so after one every register is clean
//! again (what the step wrote is reloaded from the frame). Registers of
//! inlined callees (at or beyond `Region::frame_regs`) are never clean:
//! their frames exist only once an exit builds them.
//!
//! Invariant: a register reported clean at a program point holds, on
//! every path reaching that point, the value its frame slot holds.

use tier2_llvm::mir::{BlockId, ExitId, Inst, Region, Term};

/// The analysis' result.
pub struct Clean {
    /// Per block: the registers clean at its entry.
    pub at_block: Vec<Vec<bool>>,
    /// Per exit: the registers clean wherever it is taken (`None`: not
    /// taken from any instruction the analysis saw; treat all as dirty).
    pub at_exit: Vec<Option<Vec<bool>>>,
}

/// `c` after `inst`, recording the state at the exit it may take.
pub fn step_inst(
    inst: &Inst,
    c: &mut [bool],
    frame_regs: usize,
    exits: &mut dyn FnMut(ExitId, &[bool]),
) {
    let dirty = |c: &mut [bool], r: u16| {
        if let Some(x) = c.get_mut(r as usize) {
            *x = false;
        }
    };
    match inst {
        Inst::ConstInt(r, _)
        | Inst::ConstFloat(r, _)
        | Inst::ConstBool(r, _)
        | Inst::ConstValue(r, _) => dirty(c, *r),
        Inst::Move { dst, .. }
        | Inst::IntCmp { dst, .. }
        | Inst::FloatCmp { dst, .. }
        | Inst::Not { dst, .. }
        | Inst::Same { dst, .. } => dirty(c, *dst),
        // A poll flushes only when it collects: on the other path nothing
        // changes, so the meet of the two is the state before.
        Inst::Box(_) | Inst::Poll => {}
        Inst::Unbox { exit, .. } | Inst::GuardBits { exit, .. } | Inst::CheckValid { exit } => {
            exits(*exit, c)
        }
        Inst::Int { dst, exit, .. } | Inst::FloatPow { dst, exit, .. } => {
            exits(*exit, c);
            dirty(c, *dst);
        }
        Inst::Float { dst, exit, .. } | Inst::Unary { dst, exit, .. } => {
            if let Some(x) = exit {
                exits(*x, c);
            }
            dirty(c, *dst);
        }
        Inst::Pure { dst, exit, .. } => {
            exits(*exit, c);
            if let Some(d) = dst {
                dirty(c, *d);
            }
        }
        Inst::Unpack { dst, n, exit, .. } => {
            exits(*exit, c);
            for k in 0..*n {
                dirty(c, dst + k);
            }
        }
        Inst::Step { exit, .. } | Inst::Call { exit, .. } => {
            all_clean(c, frame_regs);
            exits(*exit, c);
        }
    }
}

/// Every register of the frame clean (after a flush).
pub fn all_clean(c: &mut [bool], frame_regs: usize) {
    for (r, x) in c.iter_mut().enumerate() {
        *x = r < frame_regs;
    }
}

/// `c` after `term`, recording exit states; returns the successors.
fn step_term(
    term: &Term,
    c: &mut [bool],
    frame_regs: usize,
    exits: &mut dyn FnMut(ExitId, &[bool]),
) -> Vec<BlockId> {
    match term {
        Term::Jump(k) => vec![*k],
        Term::Branch { then, other, .. } => vec![*then, *other],
        Term::BranchValue {
            then, other, exit, ..
        } => {
            exits(*exit, c);
            vec![*then, *other]
        }
        // Through `exec_one` after a flush; its item is reloaded from the
        // frame, so clean too.
        Term::ForIter {
            body, done, exit, ..
        } => {
            all_clean(c, frame_regs);
            exits(*exit, c);
            vec![*body, *done]
        }
        Term::ForNext {
            dst,
            body,
            done,
            exit,
            ..
        } => {
            exits(*exit, c);
            if let Some(x) = c.get_mut(*dst as usize) {
                *x = false;
            }
            vec![*body, *done]
        }
        Term::Inline { cont, guard, .. } => {
            exits(*guard, c);
            vec![*cont]
        }
        Term::Return { .. } => vec![],
        Term::Exit(x) => {
            exits(*x, c);
            vec![]
        }
    }
}

/// Runs the analysis to its fixpoint.
pub fn analyse(region: &Region) -> Clean {
    let n = region.nregs;
    let fr = region.frame_regs.min(n);
    let nb = region.blocks.len();
    let mut entry = vec![false; n];
    all_clean(&mut entry, fr);
    // A must-analysis: start every block at "all clean" and intersect.
    let mut at_block: Vec<Option<Vec<bool>>> = vec![None; nb];
    at_block[region.entry] = Some(entry);
    let mut work = vec![region.entry];
    let mut rounds = 0usize;
    while let Some(k) = work.pop() {
        rounds += 1;
        if rounds > 100_000 {
            break;
        }
        let Some(mut c) = at_block[k].clone() else {
            continue;
        };
        let blk = &region.blocks[k];
        for inst in &blk.insts {
            step_inst(inst, &mut c, fr, &mut |_, _| {});
        }
        for s in step_term(&blk.term, &mut c, fr, &mut |_, _| {}) {
            let next = match &at_block[s] {
                None => c.clone(),
                Some(old) => old.iter().zip(&c).map(|(a, b)| *a && *b).collect(),
            };
            if at_block[s].as_ref() != Some(&next) {
                at_block[s] = Some(next);
                work.push(s);
            }
        }
    }
    // The exits, from the fixpoint's block states.
    let mut at_exit: Vec<Option<Vec<bool>>> = vec![None; region.exits.len()];
    let mut record = |x: ExitId, c: &[bool]| {
        let merged = match &at_exit[x] {
            None => c.to_vec(),
            Some(old) => old.iter().zip(c).map(|(a, b)| *a && *b).collect(),
        };
        at_exit[x] = Some(merged);
    };
    let at_block: Vec<Vec<bool>> = at_block
        .into_iter()
        .map(|c| c.unwrap_or_else(|| vec![false; n]))
        .collect();
    for (k, blk) in region.blocks.iter().enumerate() {
        let mut c = at_block[k].clone();
        for inst in &blk.insts {
            step_inst(inst, &mut c, fr, &mut record);
        }
        step_term(&blk.term, &mut c, fr, &mut record);
    }
    Clean { at_block, at_exit }
}
