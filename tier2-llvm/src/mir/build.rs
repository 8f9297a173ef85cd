//! Bytecode + profile → MIR: blocks reachable from the region's entry,
//! liveness (with exception edges, so an exception handler the interpreter
//! runs after an exit sees every register it reads), representation
//! inference to a fixpoint, typed instructions, and edge blocks for the
//! conversions between blocks.

use super::effects::effects;
use super::*;
use crate::snapshot::{ConstInfo, RegionInput, SiteInfo};
use runtime::bytecode::{BinOp, Insn, Op};
use std::collections::BTreeMap;

/// Builds the MIR of a region, or says why tier 2 does not compile it.
pub fn build(input: &RegionInput) -> Result<Region, String> {
    let insns = &input.insns;
    let n = insns.len();
    let entry = input.entry_pc as usize;
    if entry >= n {
        return Err(format!("entry pc {entry} is outside the code"));
    }
    let live = liveness(input);
    let splits: Vec<bool> = input.inlines.iter().map(Option::is_some).collect();
    let blocks = find_blocks(insns, entry, &splits)?;
    let mut b = Builder {
        input,
        live: &live,
        exits: Vec::new(),
        block_of: blocks
            .iter()
            .enumerate()
            .map(|(k, (s, _))| (*s, k))
            .collect(),
        known: vec![None; input.nregs],
        slices: vec![false; input.nregs],
        after_for_iter: insns
            .iter()
            .enumerate()
            .filter(|(_, i)| i.op() == Op::ForIter)
            .flat_map(|(pc, i)| [pc as u32 + 1, i.j() as u32])
            .collect(),
    };
    // Representation inference: block entry states to a fixpoint.
    let nregs = input.nregs;
    let mut states: Vec<Option<Vec<Ty>>> = vec![None; blocks.len()];
    states[0] = Some(
        (0..nregs)
            .map(|r| if live[entry][r] { Ty::Frame } else { Ty::Dead })
            .collect(),
    );
    let mut work = vec![0usize];
    let mut rounds = 0;
    while let Some(k) = work.pop() {
        rounds += 1;
        if rounds > 100_000 {
            return Err("type inference did not converge".into());
        }
        let st = states[k].clone().expect("queued blocks have a state");
        let (_, out_edges) = b.lower_block(&blocks[k], st, true)?;
        for (succ_pc, out) in out_edges {
            let s = b.block_of[&succ_pc];
            let live_in = &live[succ_pc as usize];
            let joined: Vec<Ty> = (0..nregs)
                .map(|r| {
                    if !live_in[r] {
                        return Ty::Dead;
                    }
                    match &states[s] {
                        Some(old) => Ty::join(old[r], out[r]),
                        None => out[r],
                    }
                })
                .collect();
            if states[s].as_ref() != Some(&joined) {
                states[s] = Some(joined);
                if !work.contains(&s) {
                    work.push(s);
                }
            }
        }
    }
    // Final lowering with the fixed entry states; edges whose states differ
    // get a conversion block.
    b.exits.clear();
    let mut out_blocks: Vec<Block> = Vec::new();
    let mut edges: Vec<(usize, Vec<(u32, Vec<Ty>)>)> = Vec::new();
    for (k, blk) in blocks.iter().enumerate() {
        let st = states[k].clone().unwrap_or_else(|| vec![Ty::Dead; nregs]);
        let (block, out_edges) = b.lower_block(blk, st, false)?;
        out_blocks.push(block);
        edges.push((k, out_edges));
    }
    let reachable = states.iter().map(Option::is_some).collect::<Vec<_>>();
    for (k, out_edges) in edges {
        if !reachable[k] {
            continue;
        }
        for (succ_pc, out) in out_edges {
            let s = b.block_of[&succ_pc];
            let want = out_blocks[s].entry.clone();
            let conv = b.conversions(&out, &want, succ_pc);
            if conv.is_empty() {
                continue;
            }
            let id = out_blocks.len();
            out_blocks.push(Block {
                pc: succ_pc,
                entry: out.clone(),
                insts: conv,
                term: Term::Jump(s),
                back_edge: false,
                weights: None,
            });
            retarget(&mut out_blocks[k].term, s, id);
        }
    }
    // The region's entry: a block of its own (the first bytecode block may
    // be a loop header with other predecessors), converting the frame's
    // values to what the first block expects.
    let frame_state: Vec<Ty> = (0..nregs)
        .map(|r| if live[entry][r] { Ty::Frame } else { Ty::Dead })
        .collect();
    let first_entry = out_blocks[0].entry.clone();
    let conv = b.conversions(&frame_state, &first_entry, input.entry_pc);
    let entry_block = out_blocks.len();
    out_blocks.push(Block {
        pc: input.entry_pc,
        entry: frame_state,
        insts: conv,
        term: Term::Jump(0),
        back_edge: false,
        weights: None,
    });
    // Inlined calls: the callee's blocks join the region.
    let mut nregs_total = nregs;
    for k in 0..out_blocks.len() {
        if !reachable.get(k).copied().unwrap_or(true) {
            continue;
        }
        let Term::Inline {
            pc,
            dst,
            fn_reg,
            args,
            cont,
            guard,
            state,
        } = out_blocks[k].term.clone()
        else {
            continue;
        };
        let callee = input.inlines[pc as usize].as_ref().expect("inline site");
        let r = build(&callee.input)?;
        let base = nregs_total;
        nregs_total += r.nregs;
        let (boff, eoff) = (out_blocks.len(), b.exits.len());
        let shift = |t: &[Ty]| -> Vec<Ty> {
            let mut v = state.clone();
            v.resize(base, Ty::Dead);
            v.extend_from_slice(t);
            v
        };
        let frame = InlineFrame {
            func: callee.func,
            call_pc: pc,
            ret_reg: dst,
            base: base as Reg,
            nregs: r.nregs,
            caller_nregs: nregs,
        };
        for x in &r.exits {
            let mut frames = vec![frame.clone()];
            frames.extend(x.frames.iter().cloned());
            b.exits.push(Exit {
                pc: x.pc,
                kind: x.kind,
                types: shift(&x.types),
                reason: x.reason,
                frames,
            });
        }
        let rb = |x: Reg| x + base as Reg;
        for cb in &r.blocks {
            let mut insts: Vec<Inst> = cb
                .insts
                .iter()
                .map(|i| shift_inst(i, base as Reg, eoff))
                .collect();
            let term = match &cb.term {
                Term::Return { reg, .. } => {
                    insts.push(Inst::Box(rb(*reg)));
                    insts.push(Inst::Move { dst, src: rb(*reg) });
                    Term::Jump(cont)
                }
                t => shift_term(t, base as Reg, boff, eoff),
            };
            out_blocks.push(Block {
                pc: cb.pc,
                entry: shift(&cb.entry),
                insts,
                term,
                back_edge: false,
                weights: cb.weights,
            });
        }
        // The call: guard the function, pass the arguments, enter.
        let callee_entry = &r.blocks[r.entry];
        let mut insts = std::mem::take(&mut out_blocks[k].insts);
        insts.push(Inst::GuardBits {
            reg: fn_reg,
            bits: callee.func,
            exit: guard,
        });
        for (j, &a) in args.iter().enumerate() {
            insts.push(Inst::Move {
                dst: rb(j as Reg),
                src: a,
            });
        }
        for (j, t) in callee_entry.entry.iter().enumerate().skip(args.len()) {
            if *t != Ty::Dead {
                insts.push(Inst::ConstValue(
                    rb(j as Reg),
                    runtime::Value::UNBOUND.bits(),
                ));
            }
        }
        out_blocks[k].insts = insts;
        out_blocks[k].term = Term::Jump(boff + r.entry);
    }
    for blk in out_blocks.iter_mut() {
        blk.entry.resize(nregs_total, Ty::Dead);
    }
    for x in b.exits.iter_mut() {
        x.types.resize(nregs_total, Ty::Dead);
    }
    // Unreachable blocks (never given a state) leave at once.
    for (k, blk) in out_blocks.iter_mut().enumerate() {
        if !reachable.get(k).copied().unwrap_or(true) {
            blk.insts.clear();
            let e = b.exit(
                blk.pc,
                ExitKind::Resume,
                vec![Ty::Dead; nregs],
                "unreachable",
            );
            blk.term = Term::Exit(e);
        }
    }
    let valid_flag = if b.checks_validity() {
        input.invalid_flag as u64
    } else {
        0
    };
    Ok(Region {
        name: input.name.clone(),
        entry_pc: input.entry_pc,
        entry: entry_block,
        nregs: nregs_total,
        blocks: out_blocks,
        exits: b.exits,
        frame_regs: nregs,
        valid_flag,
    })
}

/// `i` with registers moved up by `base` and exits by `eoff` (an inlined
/// callee's instruction in the caller's region).
fn shift_inst(i: &Inst, base: Reg, eoff: ExitId) -> Inst {
    let r = |x: Reg| x + base;
    match i.clone() {
        Inst::ConstInt(d, v) => Inst::ConstInt(r(d), v),
        Inst::ConstFloat(d, v) => Inst::ConstFloat(r(d), v),
        Inst::ConstBool(d, v) => Inst::ConstBool(r(d), v),
        Inst::ConstValue(d, v) => Inst::ConstValue(r(d), v),
        Inst::Move { dst, src } => Inst::Move {
            dst: r(dst),
            src: r(src),
        },
        Inst::Box(x) => Inst::Box(r(x)),
        Inst::Unbox { reg, to, exit } => Inst::Unbox {
            reg: r(reg),
            to,
            exit: exit + eoff,
        },
        Inst::Int {
            op,
            dst,
            a,
            b,
            exit,
        } => Inst::Int {
            op,
            dst: r(dst),
            a: r(a),
            b: r(b),
            exit: exit + eoff,
        },
        Inst::Float {
            op,
            dst,
            a,
            b,
            exit,
        } => Inst::Float {
            op,
            dst: r(dst),
            a: r(a),
            b: r(b),
            exit: exit.map(|e| e + eoff),
        },
        Inst::IntCmp { op, dst, a, b } => Inst::IntCmp {
            op,
            dst: r(dst),
            a: r(a),
            b: r(b),
        },
        Inst::FloatCmp { op, dst, a, b } => Inst::FloatCmp {
            op,
            dst: r(dst),
            a: r(a),
            b: r(b),
        },
        Inst::GuardBits { reg, bits, exit } => Inst::GuardBits {
            reg: r(reg),
            bits,
            exit: exit + eoff,
        },
        Inst::Not { dst, src } => Inst::Not {
            dst: r(dst),
            src: r(src),
        },
        Inst::Pure {
            op,
            dst,
            args,
            index,
            exit,
        } => Inst::Pure {
            op,
            dst: dst.map(r),
            args: args.into_iter().map(r).collect(),
            index: index.map(r),
            exit: exit + eoff,
        },
        Inst::Unpack { src, dst, n, exit } => Inst::Unpack {
            src: r(src),
            dst: r(dst),
            n,
            exit: exit + eoff,
        },
        Inst::FloatPow { dst, a, b, exit } => Inst::FloatPow {
            dst: r(dst),
            a: r(a),
            b: r(b),
            exit: exit + eoff,
        },
        Inst::Step { pc, writes, exit } => Inst::Step {
            pc,
            writes: writes.into_iter().map(r).collect(),
            exit: exit + eoff,
        },
        Inst::CheckValid { exit } => Inst::CheckValid { exit: exit + eoff },
        Inst::Unary { op, dst, src, exit } => Inst::Unary {
            op,
            dst: r(dst),
            src: r(src),
            exit: exit.map(|x| x + eoff),
        },
        Inst::Call {
            pc,
            callee,
            known,
            first,
            nargs,
            dst,
            exit,
        } => Inst::Call {
            pc,
            callee: r(callee),
            known,
            first: r(first),
            nargs,
            dst: r(dst),
            exit: exit + eoff,
        },
        Inst::Same { dst, a, b, negate } => Inst::Same {
            dst: r(dst),
            a: r(a),
            b: r(b),
            negate,
        },
        Inst::Poll => Inst::Poll,
    }
}

/// `t` with registers, blocks and exits moved (see `shift_inst`).
fn shift_term(t: &Term, base: Reg, boff: BlockId, eoff: ExitId) -> Term {
    let r = |x: Reg| x + base;
    match t.clone() {
        Term::Jump(k) => Term::Jump(k + boff),
        Term::Branch { cond, then, other } => Term::Branch {
            cond: r(cond),
            then: then + boff,
            other: other + boff,
        },
        Term::BranchValue {
            cond,
            then,
            other,
            exit,
        } => Term::BranchValue {
            cond: r(cond),
            then: then + boff,
            other: other + boff,
            exit: exit + eoff,
        },
        Term::ForIter {
            pc,
            dst,
            body,
            done,
            exit,
        } => Term::ForIter {
            pc,
            dst: r(dst),
            body: body + boff,
            done: done + boff,
            exit: exit + eoff,
        },
        Term::ForNext {
            pc,
            dst,
            it,
            body,
            done,
            exit,
        } => Term::ForNext {
            pc,
            dst: r(dst),
            it: r(it),
            body: body + boff,
            done: done + boff,
            exit: exit + eoff,
        },
        Term::Return { pc, reg } => Term::Return { pc, reg: r(reg) },
        Term::Exit(e) => Term::Exit(e + eoff),
        Term::Inline { .. } => unreachable!("inlined callees do not inline further"),
    }
}

/// Points the edges of `term` that go to `from` at `to`.
fn retarget(term: &mut Term, from: BlockId, to: BlockId) {
    let fix = |x: &mut BlockId| {
        if *x == from {
            *x = to;
        }
    };
    match term {
        Term::Jump(x) => fix(x),
        Term::Branch { then, other, .. } | Term::BranchValue { then, other, .. } => {
            fix(then);
            fix(other);
        }
        Term::ForIter { body, done, .. } | Term::ForNext { body, done, .. } => {
            fix(body);
            fix(done);
        }
        Term::Inline { cont, .. } => fix(cont),
        Term::Return { .. } | Term::Exit(_) => {}
    }
}

/// The effects of `i` if tier 2 compiles it (natively or as a step).
fn compiled(i: Insn) -> Option<(Vec<usize>, Vec<usize>)> {
    effects(i).filter(|_| {
        is_terminator(i.op()) || interp::exec::step::supports(i.op()) || natively(i.op())
    })
}

/// Instructions compiled natively that `exec_one` does not perform.
fn natively(op: Op) -> bool {
    matches!(op.generic(), Op::Nop | Op::Unpack)
}

fn is_terminator(op: Op) -> bool {
    matches!(
        op.generic(),
        Op::Jump | Op::JumpBack | Op::JumpIfTrue | Op::JumpIfFalse | Op::ForIter | Op::Return
    )
}

/// Basic blocks reachable from `entry`: `(start pc, end pc exclusive)`,
/// the entry's block first.
fn find_blocks(insns: &[Insn], entry: usize, splits: &[bool]) -> Result<Vec<(u32, u32)>, String> {
    let n = insns.len();
    let mut leaders = std::collections::BTreeSet::new();
    let mut seen = vec![false; n];
    let mut stack = vec![entry];
    leaders.insert(entry);
    // First pass: follow control flow to find reachable leaders.
    while let Some(start) = stack.pop() {
        let mut pc = start;
        loop {
            if pc >= n {
                return Err(format!("control falls off the code at pc {pc}"));
            }
            if seen[pc] {
                break;
            }
            seen[pc] = true;
            let i = insns[pc];
            let op = i.op().generic();
            if compiled(i).is_none() && !is_terminator(op) {
                // Not compiled: the region leaves here for the interpreter.
                break;
            }
            let mut succs = Vec::new();
            if splits.get(pc).copied().unwrap_or(false) {
                // An inlined call ends its block; the code after it is the
                // continuation.
                leaders.insert(pc + 1);
                stack.push(pc + 1);
                break;
            }
            match op {
                Op::Jump | Op::JumpBack => succs.push(i.j()),
                Op::JumpIfTrue | Op::JumpIfFalse | Op::ForIter => {
                    succs.push(i.j());
                    succs.push(pc + 1);
                }
                Op::Return => {}
                _ => {
                    pc += 1;
                    continue;
                }
            }
            for s in succs {
                leaders.insert(s);
                stack.push(s);
            }
            if pc + 1 < n {
                leaders.insert(pc + 1);
            }
            break;
        }
    }
    let leaders: Vec<usize> = leaders.into_iter().filter(|&l| l < n && seen[l]).collect();
    let mut blocks = Vec::new();
    for (k, &s) in leaders.iter().enumerate() {
        let mut e = s;
        let limit = leaders.get(k + 1).copied().unwrap_or(n);
        while e < limit {
            let op = insns[e].op();
            let split = splits.get(e).copied().unwrap_or(false);
            let leaves = compiled(insns[e]).is_none() && !is_terminator(op);
            e += 1;
            if is_terminator(op) || split || leaves {
                break;
            }
        }
        blocks.push((s as u32, e as u32));
    }
    // The entry's block first.
    let at = blocks
        .iter()
        .position(|&(s, _)| s as usize == entry)
        .expect("the entry is a leader");
    blocks.swap(0, at);
    Ok(blocks)
}

/// What the instructions that raise read (their operands: the frame is
/// not read again unless a handler catches, which its exception edge
/// accounts for), so code on the way to a `raise` keeps only those alive.
fn raise_reads(i: Insn) -> Option<(Vec<usize>, Vec<usize>)> {
    match i.op().generic() {
        Op::Raise => Some((vec![i.a(), i.b()], vec![])),
        Op::Reraise | Op::RaiseAssert => Some((vec![i.a()], vec![])),
        _ => None,
    }
}

/// Registers live before each instruction of the whole code, with edges to
/// exception handlers; an instruction tier 2 does not know reads every
/// register (conservative).
fn liveness(input: &RegionInput) -> Vec<Vec<bool>> {
    let insns = &input.insns;
    let (n, nregs) = (insns.len(), input.nregs);
    let mut live = vec![vec![false; nregs]; n + 1];
    let handler = |pc: usize| {
        input
            .exc_table
            .iter()
            .find(|&&(s, e, _)| s as usize <= pc && pc < e as usize)
            .map(|&(_, _, h)| h as usize)
    };
    let succs = |pc: usize| -> Vec<usize> {
        let i = insns[pc];
        let mut v = match i.op().generic() {
            Op::Jump | Op::JumpBack => vec![i.j()],
            Op::JumpIfTrue | Op::JumpIfFalse | Op::ForIter => vec![i.j(), pc + 1],
            Op::Return | Op::Raise | Op::Reraise | Op::RaiseAssert => vec![],
            _ => vec![pc + 1],
        };
        v.extend(handler(pc));
        v.retain(|&s| s < n);
        v
    };
    let mut changed = true;
    while changed {
        changed = false;
        for pc in (0..n).rev() {
            let mut out = vec![false; nregs];
            for s in succs(pc) {
                for r in 0..nregs {
                    out[r] |= live[s][r];
                }
            }
            let new = match effects(insns[pc]).or_else(|| raise_reads(insns[pc])) {
                Some((reads, writes)) => {
                    for w in writes {
                        if w < nregs {
                            out[w] = false;
                        }
                    }
                    for r in reads {
                        if r < nregs {
                            out[r] = true;
                        }
                    }
                    out
                }
                None => vec![true; nregs],
            };
            if new != live[pc] {
                live[pc] = new;
                changed = true;
            }
        }
    }
    live
}

struct Builder<'a> {
    input: &'a RegionInput,
    live: &'a [Vec<bool>],
    exits: Vec<Exit>,
    block_of: BTreeMap<u32, usize>,
    /// Within the block being built: registers holding an instance whose
    /// `(class, version, shape)` a slot access already checked. Nothing
    /// but Python code (a step) or an attribute addition changes them, so
    /// later accesses with the same inline cache skip the checks.
    known: Vec<Option<(usize, u32, usize)>>,
    /// Within the block: registers holding a slice this block built.
    slices: Vec<bool>,
    /// The successors of generic `ForIter`s (done by the interpreter, which
    /// may resume a generator or call `__next__`: Python code), where the
    /// region tests its invalidation flag first.
    after_for_iter: std::collections::BTreeSet<u32>,
}

/// What one block produced: the block, and its out-edges `(successor pc,
/// register states on the edge)`.
type Lowered = (Block, Vec<(u32, Vec<Ty>)>);

impl Builder<'_> {
    fn exit(&mut self, pc: u32, kind: ExitKind, types: Vec<Ty>, reason: &'static str) -> ExitId {
        self.exits.push(Exit {
            pc,
            kind,
            types,
            reason,
            frames: Vec::new(),
        });
        self.exits.len() - 1
    }

    /// An exit resuming the interpreter at `pc` with the state `st`.
    fn resume_exit(&mut self, st: &[Ty], pc: u32, reason: &'static str) -> ExitId {
        let types = self.trim(st, pc);
        self.exit(pc, ExitKind::Resume, types, reason)
    }

    /// Registers dead before `pc` become `Dead` (nothing to write back).
    fn trim(&self, st: &[Ty], pc: u32) -> Vec<Ty> {
        st.iter()
            .enumerate()
            .map(|(r, &t)| {
                if self.live[pc as usize][r] {
                    t
                } else {
                    Ty::Dead
                }
            })
            .collect()
    }

    /// Conversions from the states `from` to `to` (entering the block at
    /// `pc`): boxes, and guarded unboxes that leave at `pc`.
    fn conversions(&mut self, from: &[Ty], to: &[Ty], pc: u32) -> Vec<Inst> {
        let mut out = Vec::new();
        let mut boxes = Vec::new();
        let mut unboxes = Vec::new();
        for r in 0..from.len() {
            let (f, t) = (from[r], to[r]);
            if t == Ty::Dead || f == t || (f.boxed() && t.boxed()) {
                continue;
            }
            if t.boxed() {
                boxes.push(r as Reg);
            } else if f.boxed() {
                unboxes.push((r as Reg, t));
            } else {
                // Two different unboxed types cannot meet (their join is Value).
                boxes.push(r as Reg);
            }
        }
        out.extend(boxes.into_iter().map(Inst::Box));
        if !unboxes.is_empty() {
            let e = self.exit(pc, ExitKind::Resume, from.to_vec(), "type guard on entry");
            for (r, t) in unboxes {
                out.push(Inst::Unbox {
                    reg: r,
                    to: t,
                    exit: e,
                });
            }
        }
        out
    }

    /// Makes register `r` have representation `want` (an unboxed type) in
    /// `st`, guarding at `pc`; false if it cannot (another unboxed type).
    fn need(&mut self, insts: &mut Vec<Inst>, st: &mut [Ty], r: usize, want: Ty, pc: u32) -> bool {
        let have = st[r];
        if have == want {
            return true;
        }
        if have.boxed() {
            let e = self.resume_exit(st, pc, "type guard");
            insts.push(Inst::Unbox {
                reg: r as Reg,
                to: want,
                exit: e,
            });
            st[r] = want;
            return true;
        }
        false
    }

    /// Makes register `r` a float operand: an int stays (float operations
    /// convert it exactly), anything boxed is guarded to be a float.
    fn need_num(&mut self, insts: &mut Vec<Inst>, st: &mut [Ty], r: usize, pc: u32) -> bool {
        st[r] == Ty::Int || self.need(insts, st, r, Ty::Float, pc)
    }

    /// Boxes every unboxed register in `rs`.
    fn boxed(&self, insts: &mut Vec<Inst>, st: &mut [Ty], rs: &[usize]) {
        for &r in rs {
            if !st[r].boxed() && st[r] != Ty::Dead {
                insts.push(Inst::Box(r as Reg));
                st[r] = Ty::Value;
            }
        }
    }

    /// The constant global slot `slot` was folded to, if the region may
    /// fold (it tests its invalidation flag).
    fn folded(&self, slot: usize) -> Option<ConstInfo> {
        if self.input.invalid_flag == 0 {
            return None;
        }
        self.input.global_consts.get(slot).copied().flatten()
    }

    /// Whether the region relies on folded globals, and so tests its
    /// invalidation flag after each step and global store (runtime::jit
    /// invariant 4). The tier gives a flag only to regions that fold
    /// something (and to their inlined callees).
    fn checks_validity(&self) -> bool {
        self.input.invalid_flag != 0
    }

    /// `Step` for the instruction at `pc`: the frame is flushed by the
    /// lowering; its writes become `Value`.
    fn step(&mut self, insts: &mut Vec<Inst>, st: &mut [Ty], i: Insn, pc: u32) {
        let (_, writes) = effects(i).expect("checked supported");
        // Its operands reach it through the frame, which the lowering
        // flushes (boxing each register) before the step.
        let e = self.exit(pc, ExitKind::Raise, self.trim(st, pc), "raised");
        for &w in &writes {
            st[w] = Ty::Value;
        }
        insts.push(Inst::Step {
            pc,
            writes: writes.iter().map(|&w| w as Reg).collect(),
            exit: e,
        });
        self.after_python_code(insts, st, pc);
    }

    /// After a step or call that may have run Python code: nothing is
    /// known about objects any more, and a region that folded globals
    /// checks it is still valid.
    fn after_python_code(&mut self, insts: &mut Vec<Inst>, st: &mut [Ty], pc: u32) {
        // Python code may have changed any object's shape or class.
        self.known.iter_mut().for_each(|k| *k = None);
        if self.checks_validity() {
            // The step ran Python code, which may have stored to a global
            // the region folded in: then leave after it.
            let e = self.resume_exit(st, pc + 1, "invalidated");
            insts.push(Inst::CheckValid { exit: e });
        }
    }

    /// A call: to the known callee `input.calls[pc]` behind a guard on the
    /// function register, or to whatever the register holds; flushed and
    /// reloaded like a step.
    fn call(&mut self, insts: &mut Vec<Inst>, st: &mut [Ty], i: Insn, pc: u32) {
        let known = self.input.calls[pc as usize];
        let (a, b, c) = (i.a(), i.b(), i.c());
        // A method load leaves the receiver (or nothing: an unbound
        // register, which the call skips) in b + 1: the first argument.
        let (first, nargs) = if i.op().generic() == Op::Call {
            (b + 1, c)
        } else {
            (b + 1, c + 1)
        };
        self.boxed(insts, st, &[b]);
        if let Some(func) = known {
            let guard = self.resume_exit(st, pc, "callee changed");
            insts.push(Inst::GuardBits {
                reg: b as Reg,
                bits: func,
                exit: guard,
            });
        }
        let e = self.exit(pc, ExitKind::Raise, self.trim(st, pc), "raised");
        st[a] = Ty::Value;
        insts.push(Inst::Call {
            pc,
            callee: b as Reg,
            known,
            first: first as Reg,
            nargs: nargs as u16,
            dst: a as Reg,
            exit: e,
        });
        self.after_python_code(insts, st, pc);
    }

    /// Lowers one bytecode block from entry state `st`. In the inference
    /// pass (`probe`) exits are recorded too but discarded afterwards.
    fn lower_block(
        &mut self,
        blk: &(u32, u32),
        st: Vec<Ty>,
        probe: bool,
    ) -> Result<Lowered, String> {
        let _ = probe;
        let (start, end) = *blk;
        let entry = st.clone();
        let mut st = st;
        let mut insts = Vec::new();
        let mut edges = Vec::new();
        let mut term = None;
        let mut back_edge = false;
        let mut weights = None;
        self.known.iter_mut().for_each(|k| *k = None);
        self.slices.iter_mut().for_each(|k| *k = false);
        if self.checks_validity() && self.after_for_iter.contains(&start) {
            let e = self.resume_exit(&st, start, "invalidated");
            insts.push(Inst::CheckValid { exit: e });
        }
        for pc in start..end {
            let i = self.input.insns[pc as usize];
            let (a, b, c) = (i.a(), i.b(), i.c());
            let op = i.op();
            // What the instruction writes is no longer a checked instance
            // (a slot access records its object after this).
            for w in crate::mir::writes(i) {
                if let Some(k) = self.known.get_mut(w) {
                    *k = None;
                }
                if let Some(k) = self.slices.get_mut(w) {
                    *k = false;
                }
            }
            match op.generic() {
                Op::Nop => {}
                // Widened: its specialised form kept leaving; the step
                // handles every case.
                _ if self.input.widen.contains(&pc)
                    && !is_terminator(op)
                    && interp::exec::step::supports(op) =>
                {
                    self.step(&mut insts, &mut st, i, pc)
                }
                Op::LoadConst => konst(&mut insts, &mut st, a, self.input.consts[b]),
                // A global folded in (snapshot::fold_globals): a constant.
                Op::LoadGlobal if self.folded(b).is_some() => {
                    konst(&mut insts, &mut st, a, self.folded(b).expect("checked"))
                }
                Op::Move => {
                    insts.push(Inst::Move {
                        dst: a as Reg,
                        src: b as Reg,
                    });
                    st[a] = if st[b] == Ty::Frame { Ty::Value } else { st[b] };
                }
                Op::Add
                | Op::Sub
                | Op::Mul
                | Op::TrueDiv
                | Op::FloorDiv
                | Op::Mod
                | Op::BitAnd
                | Op::BitOr
                | Op::BitXor
                | Op::LShift
                | Op::RShift
                | Op::Inplace
                    if self.arith(&mut insts, &mut st, i, pc) => {}
                Op::Lt | Op::Le | Op::Eq | Op::Ne | Op::Gt | Op::Ge
                    if self.compare(&mut insts, &mut st, i, pc) => {}
                Op::GetAttr
                | Op::SetAttr
                | Op::GetItem
                | Op::SetItem
                | Op::LoadGlobal
                | Op::StoreGlobal
                | Op::ListAppend
                | Op::BuildSlice
                | Op::BuildList
                | Op::BuildTuple
                | Op::GetIter
                | Op::LoadClosure
                | Op::LoadDeref
                | Op::StoreDeref
                    if self.pure(&mut insts, &mut st, i, pc) => {}
                Op::LoadMethod if self.method(&mut insts, &mut st, i, pc) => {}
                Op::Call | Op::CallMethod if self.input.inlines[pc as usize].is_some() => {
                    let args: Vec<usize> = if op.generic() == Op::Call {
                        (b + 1..b + 1 + c).collect()
                    } else {
                        (b + 1..b + 2 + c).collect()
                    };
                    let mut boxed_regs = args.clone();
                    boxed_regs.push(b);
                    self.boxed(&mut insts, &mut st, &boxed_regs);
                    let guard = self.resume_exit(&st, pc, "inlined callee changed");
                    let state = st.clone();
                    let mut after = st.clone();
                    after[a] = Ty::Value;
                    let next = pc + 1;
                    edges.push((next, after));
                    term = Some(Term::Inline {
                        pc,
                        dst: a as Reg,
                        fn_reg: b as Reg,
                        args: args.iter().map(|&r| r as Reg).collect(),
                        cont: self.block_of[&next],
                        guard,
                        state,
                    });
                }
                Op::Call | Op::CallMethod => self.call(&mut insts, &mut st, i, pc),
                Op::Neg | Op::Invert | Op::Pos if self.unary(&mut insts, &mut st, i, pc) => {}
                Op::Unpack => {
                    self.boxed(&mut insts, &mut st, &[b]);
                    let e = self.resume_exit(&st, pc, "not an exact tuple or list of that length");
                    insts.push(Inst::Unpack {
                        src: b as Reg,
                        dst: a as Reg,
                        n: c as u16,
                        exit: e,
                    });
                    for k in 0..c {
                        st[a + k] = Ty::Value;
                    }
                }
                Op::Pow if self.expect(&st, b, c, pc) == Some(Ty::Float) => {
                    if self.need_num(&mut insts, &mut st, b, pc)
                        && self.need_num(&mut insts, &mut st, c, pc)
                    {
                        let e = self.resume_exit(&st, pc, "float power error");
                        insts.push(Inst::FloatPow {
                            dst: a as Reg,
                            a: b as Reg,
                            b: c as Reg,
                            exit: e,
                        });
                        st[a] = Ty::Value;
                    } else {
                        self.step(&mut insts, &mut st, i, pc);
                    }
                }
                Op::Not if st[b] == Ty::Bool => {
                    insts.push(Inst::Not {
                        dst: a as Reg,
                        src: b as Reg,
                    });
                    st[a] = Ty::Bool;
                }
                // `not v` of any other value: its truth by a pure helper
                // (instances, whose truth is Python code, leave), unboxed.
                Op::Not => {
                    self.boxed(&mut insts, &mut st, &[b]);
                    let e = self.resume_exit(&st, pc, "truth by __bool__ or __len__");
                    insts.push(Inst::Pure {
                        op: PureOp::Truthy,
                        dst: Some(a as Reg),
                        args: vec![b as Reg],
                        index: None,
                        exit: e,
                    });
                    st[a] = Ty::Value;
                    // Never fails but under --deopt-every; then the `not`
                    // runs again (not bool(x) == not x, even when a == b).
                    let e = self.resume_exit(&st, pc, "type guard");
                    insts.push(Inst::Unbox {
                        reg: a as Reg,
                        to: Ty::Bool,
                        exit: e,
                    });
                    insts.push(Inst::Not {
                        dst: a as Reg,
                        src: a as Reg,
                    });
                    st[a] = Ty::Bool;
                }
                Op::Is | Op::IsNot => {
                    self.boxed(&mut insts, &mut st, &[b, c]);
                    insts.push(Inst::Same {
                        dst: a as Reg,
                        a: b as Reg,
                        b: c as Reg,
                        negate: op.generic() == Op::IsNot,
                    });
                    st[a] = Ty::Bool;
                }
                Op::JumpBack
                    if self.input.osr_every_backedge
                        && self.input.entry_pc != 0
                        && i.j() as u32 == self.input.entry_pc =>
                {
                    // Stress: leave, so the interpreter re-enters by OSR.
                    let tgt = i.j() as u32;
                    let e = self.exit(tgt, ExitKind::Resume, self.trim(&st, tgt), "osr stress");
                    term = Some(Term::Exit(e));
                }
                Op::Jump | Op::JumpBack => {
                    back_edge = op.generic() == Op::JumpBack;
                    if back_edge {
                        // Compiled loops allocate (steps, some helpers):
                        // they poll for a collection at each back edge.
                        insts.push(Inst::Poll);
                    }
                    let tgt = i.j() as u32;
                    edges.push((tgt, st.clone()));
                    term = Some(Term::Jump(self.block_of[&tgt]));
                }
                Op::JumpIfTrue | Op::JumpIfFalse => {
                    let tgt = i.j() as u32;
                    let fall = pc + 1;
                    let (jt, jf) = (self.block_of[&tgt], self.block_of[&fall]);
                    let (then, other) = if op.generic() == Op::JumpIfTrue {
                        (jt, jf)
                    } else {
                        (jf, jt)
                    };
                    // `taken` counts jumps to the target.
                    weights = self.input.branches.get(pc as usize).copied().flatten().map(
                        |(taken, not_taken)| {
                            if op.generic() == Op::JumpIfTrue {
                                (taken, not_taken)
                            } else {
                                (not_taken, taken)
                            }
                        },
                    );
                    edges.push((tgt, st.clone()));
                    edges.push((fall, st.clone()));
                    // Bools, ints and floats branch natively (non-zero is
                    // true); boxed values by their truth.
                    term = Some(if matches!(st[a], Ty::Bool | Ty::Int | Ty::Float) {
                        Term::Branch {
                            cond: a as Reg,
                            then,
                            other,
                        }
                    } else {
                        let mut s2 = st.clone();
                        self.boxed(&mut insts, &mut s2, &[a]);
                        st = s2;
                        let e = self.resume_exit(&st, pc, "condition not a bool");
                        // The edges carry the boxed condition register.
                        for edge in edges.iter_mut() {
                            edge.1 = st.clone();
                        }
                        Term::BranchValue {
                            cond: a as Reg,
                            then,
                            other,
                            exit: e,
                        }
                    });
                }
                Op::ForIter if matches!(op, Op::ForIterRange | Op::ForIterList) => {
                    let tgt = i.j() as u32;
                    let body = pc + 1;
                    self.boxed(&mut insts, &mut st, &[a + 1]);
                    let e = self.resume_exit(&st, pc, "not a range or list iterator");
                    edges.push((tgt, st.clone()));
                    let mut sb = st.clone();
                    sb[a] = Ty::Value;
                    edges.push((body, sb));
                    term = Some(Term::ForNext {
                        pc,
                        dst: a as Reg,
                        it: (a + 1) as Reg,
                        body: self.block_of[&body],
                        done: self.block_of[&tgt],
                        exit: e,
                    });
                }
                Op::ForIter => {
                    let tgt = i.j() as u32;
                    let body = pc + 1;
                    self.boxed(&mut insts, &mut st, &[a + 1]);
                    let e = self.exit(pc, ExitKind::Raise, self.trim(&st, pc), "raised");
                    edges.push((tgt, st.clone()));
                    let mut sb = st.clone();
                    sb[a] = Ty::Value;
                    edges.push((body, sb));
                    term = Some(Term::ForIter {
                        pc,
                        dst: a as Reg,
                        body: self.block_of[&body],
                        done: self.block_of[&tgt],
                        exit: e,
                    });
                }
                Op::Return => {
                    self.boxed(&mut insts, &mut st, &[a]);
                    term = Some(Term::Return { pc, reg: a as Reg });
                }
                _ if compiled(i).is_none() => {
                    // Tier 2 does not compile it: leave for the interpreter,
                    // which runs it and re-enters at the next loop header.
                    let e = self.resume_exit(&st, pc, "not compiled");
                    term = Some(Term::Exit(e));
                }
                _ => self.step(&mut insts, &mut st, i, pc),
            }
            let _ = c;
            if term.is_some() {
                break;
            }
        }
        let term = match term {
            Some(t) => t,
            None => {
                // Falls through into the next block.
                let next = end;
                edges.push((next, st.clone()));
                Term::Jump(self.block_of[&next])
            }
        };
        Ok((
            Block {
                pc: start,
                entry,
                insts,
                term,
                back_edge,
                weights,
            },
            edges,
        ))
    }

    /// A pure helper for `i` when its inline cache or operand types allow
    /// one; false to fall back to `Step`.
    fn pure(&mut self, insts: &mut Vec<Inst>, st: &mut [Ty], i: Insn, pc: u32) -> bool {
        let (a, b, c) = (i.a(), i.b(), i.c());
        let site = self
            .input
            .sites
            .get(pc as usize)
            .copied()
            .unwrap_or(SiteInfo::None);
        let (op, dst, args, index) = match (i.op().generic(), site) {
            (
                Op::GetAttr,
                SiteInfo::Slot {
                    class,
                    version,
                    shape,
                    slot,
                },
            ) => (
                PureOp::GetSlot {
                    class,
                    version,
                    shape,
                    slot,
                    proven: self.known.get(b).copied().flatten() == Some((class, version, shape)),
                },
                Some(a),
                vec![b],
                None,
            ),
            (
                Op::SetAttr,
                SiteInfo::Slot {
                    class,
                    version,
                    shape,
                    slot,
                },
            ) => (
                PureOp::SetSlot {
                    class,
                    version,
                    shape,
                    slot,
                    proven: self.known.get(a).copied().flatten() == Some((class, version, shape)),
                },
                None,
                vec![a, c],
                None,
            ),
            (
                Op::SetAttr,
                SiteInfo::Add {
                    class,
                    version,
                    from,
                    to,
                },
            ) => (
                PureOp::AddSlot {
                    class,
                    version,
                    from,
                    to,
                },
                None,
                vec![a, c],
                None,
            ),
            (Op::GetItem, _) if self.slices.get(c).copied().unwrap_or(false) => {
                (PureOp::GetSlice, Some(a), vec![b, c], None)
            }
            (Op::SetItem, _) if self.slices.get(b).copied().unwrap_or(false) => {
                (PureOp::SetSlice, None, vec![a, b, c], None)
            }
            (Op::BuildSlice, _) => (PureOp::BuildSlice, Some(a), vec![b, b + 1, b + 2], None),
            (Op::GetIter, _) => (PureOp::GetIter, Some(a), vec![b], None),
            (Op::BuildList, _) => (PureOp::BuildList, Some(a), (b..b + c).collect(), None),
            (Op::BuildTuple, _) => (PureOp::BuildTuple, Some(a), (b..b + c).collect(), None),
            (Op::GetAttr, SiteInfo::SlotPoly(p)) => {
                (PureOp::GetSlotPoly(p), Some(a), vec![b], None)
            }
            (Op::SetAttr, SiteInfo::SlotPoly(p)) => {
                (PureOp::SetSlotPoly(p), None, vec![a, c], None)
            }
            (Op::LoadClosure, _) => (
                PureOp::LoadClosure { index: b as u32 },
                Some(a),
                vec![],
                None,
            ),
            (Op::LoadDeref, _) => (PureOp::LoadDeref, Some(a), vec![b], None),
            (Op::StoreDeref, _) => (PureOp::StoreDeref, None, vec![a, b], None),
            (Op::GetItem, _) if st[c] == Ty::Int || i.op() == Op::GetItemList => {
                (PureOp::ListGet, Some(a), vec![b], Some(c))
            }
            (Op::SetItem, _) if st[b] == Ty::Int => (PureOp::ListSet, None, vec![a, c], Some(b)),
            (Op::ListAppend, _) => (PureOp::ListAppend, None, vec![a, b], None),
            (Op::LoadGlobal, _) => {
                let (cell, builtin) = self.input.global_cells[b];
                (PureOp::LoadGlobal { cell, builtin }, Some(a), vec![], None)
            }
            (Op::StoreGlobal, _) => {
                let (cell, _) = self.input.global_cells[a];
                (PureOp::StoreGlobal { cell }, None, vec![b], None)
            }
            _ => return false,
        };
        if let Some(x) = index {
            if !self.need(insts, st, x, Ty::Int, pc) {
                return false;
            }
        }
        self.boxed(insts, st, &args);
        let e = self.resume_exit(st, pc, "inline cache miss");
        insts.push(Inst::Pure {
            op,
            dst: dst.map(|d| d as Reg),
            args: args.iter().map(|&r| r as Reg).collect(),
            index: index.map(|x| x as Reg),
            exit: e,
        });
        if let Some(d) = dst {
            st[d] = Ty::Value;
        }
        if op == PureOp::BuildSlice {
            self.slices[a] = true;
        }
        // What a slot access proves about its object for the rest of the
        // block (see `known`).
        match op {
            PureOp::GetSlot {
                class,
                version,
                shape,
                ..
            } if dst != Some(args[0]) => self.known[args[0]] = Some((class, version, shape)),
            PureOp::SetSlot {
                class,
                version,
                shape,
                ..
            } => self.known[args[0]] = Some((class, version, shape)),
            PureOp::AddSlot {
                class, version, to, ..
            } => {
                // The object (and whatever else holds it) changed shape.
                self.known.iter_mut().for_each(|k| *k = None);
                self.known[args[0]] = Some((class, version, to));
            }
            _ => {}
        }
        if matches!(op, PureOp::StoreGlobal { .. }) && self.checks_validity() {
            // The store may break an assumption of this very unit.
            let e = self.resume_exit(st, pc + 1, "invalidated");
            insts.push(Inst::CheckValid { exit: e });
        }
        true
    }

    /// A method load its inline cache describes: guard the receiver, then
    /// the cached function and the receiver into the method registers.
    fn method(&mut self, insts: &mut Vec<Inst>, st: &mut [Ty], i: Insn, pc: u32) -> bool {
        let (a, b) = (i.a(), i.b());
        if let Some(SiteInfo::MethodPoly(p)) = self.input.sites.get(pc as usize).copied() {
            // The receiver first (`a` may be `b`), then the method the
            // helper finds for it.
            self.boxed(insts, st, &[b]);
            let e = self.resume_exit(st, pc, "inline cache miss");
            insts.push(Inst::Move {
                dst: (a + 1) as Reg,
                src: b as Reg,
            });
            st[a + 1] = Ty::Value;
            insts.push(Inst::Pure {
                op: PureOp::MethodPoly(p),
                dst: Some(a as Reg),
                args: vec![(a + 1) as Reg],
                index: None,
                exit: e,
            });
            st[a] = Ty::Value;
            return true;
        }
        let Some(SiteInfo::Method {
            class,
            version,
            shape,
            func,
        }) = self.input.sites.get(pc as usize).copied()
        else {
            return false;
        };
        self.boxed(insts, st, &[b]);
        let e = self.resume_exit(st, pc, "inline cache miss");
        insts.push(Inst::Pure {
            op: PureOp::MethodGuard {
                class,
                version,
                shape,
            },
            dst: None,
            args: vec![b as Reg],
            index: None,
            exit: e,
        });
        // The receiver first: `a` may be `b`.
        insts.push(Inst::Move {
            dst: (a + 1) as Reg,
            src: b as Reg,
        });
        st[a + 1] = Ty::Value;
        insts.push(Inst::ConstValue(a as Reg, func));
        st[a] = Ty::Value;
        true
    }

    /// `-x`, `~x` and `+x` on an int or float register (`~` also on a boxed
    /// value, speculated to be an int: the only number it takes).
    fn unary(&mut self, insts: &mut Vec<Inst>, st: &mut [Ty], i: Insn, pc: u32) -> bool {
        let (a, b) = (i.a(), i.b());
        let op = i.op().generic();
        let ty = match (op, st[b]) {
            (_, t @ (Ty::Int | Ty::Float)) => t,
            (Op::Invert, t) if t.boxed() => Ty::Int,
            _ => return false,
        };
        if !self.need(insts, st, b, ty, pc) {
            return false;
        }
        match (op, ty) {
            (Op::Pos, _) => {
                insts.push(Inst::Move {
                    dst: a as Reg,
                    src: b as Reg,
                });
            }
            (Op::Neg, Ty::Int) => {
                let e = self.resume_exit(st, pc, "int overflow");
                insts.push(Inst::Unary {
                    op: UnOp::IntNeg,
                    dst: a as Reg,
                    src: b as Reg,
                    exit: Some(e),
                });
            }
            (Op::Invert, Ty::Int) => insts.push(Inst::Unary {
                op: UnOp::IntInvert,
                dst: a as Reg,
                src: b as Reg,
                exit: None,
            }),
            (Op::Neg, Ty::Float) => insts.push(Inst::Unary {
                op: UnOp::FloatNeg,
                dst: a as Reg,
                src: b as Reg,
                exit: None,
            }),
            _ => return false,
        }
        st[a] = ty;
        true
    }

    /// Typed arithmetic for `i` when its operands are (or are speculated to
    /// be) both ints or both floats; false to fall back to `Step`.
    fn arith(&mut self, insts: &mut Vec<Inst>, st: &mut [Ty], i: Insn, pc: u32) -> bool {
        let op = i.op();
        let (a, b, c) = (i.a(), i.b(), i.c());
        let bin = match op.generic() {
            Op::Add => BinOp::Add,
            Op::Sub => BinOp::Sub,
            Op::Mul => BinOp::Mul,
            Op::TrueDiv => BinOp::TrueDiv,
            Op::FloorDiv => BinOp::FloorDiv,
            Op::Mod => BinOp::Mod,
            Op::BitAnd => BinOp::BitAnd,
            Op::BitOr => BinOp::BitOr,
            Op::BitXor => BinOp::BitXor,
            Op::LShift => BinOp::LShift,
            Op::RShift => BinOp::RShift,
            Op::Inplace => match BinOp::from_u8(i.aux()) {
                Some(x) => x,
                None => return false,
            },
            _ => return false,
        };
        // What to expect: the quickened form, else the static types, else
        // the types the generic form saw.
        let want = match op {
            Op::AddInt | Op::SubInt | Op::MulInt => Ty::Int,
            Op::AddFloat | Op::SubFloat | Op::MulFloat | Op::TrueDivFloat => Ty::Float,
            // Bitwise operations and shifts: ints are the only numbers they
            // take, and the interpreter notes the operand types only when
            // they were not both inline ints.
            _ if matches!(
                bin,
                BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor | BinOp::LShift | BinOp::RShift
            ) =>
            {
                use runtime::object::cache::TYPE_INT;
                let seen = self.input.types.get(pc as usize).copied().unwrap_or(0);
                let fits = |t: Ty| t == Ty::Int || t.boxed();
                if seen & !TYPE_INT != 0 || !fits(st[b]) || !fits(st[c]) {
                    return false;
                }
                Ty::Int
            }
            _ => match self.expect(st, b, c, pc) {
                // int / int is a float, correctly rounded from the exact
                // operands, as the division of their exact conversions.
                Some(Ty::Int) if bin == BinOp::TrueDiv => Ty::Float,
                Some(t) => t,
                None => return false,
            },
        };
        let iop = match bin {
            BinOp::Add => Some(IntOp::Add),
            BinOp::Sub => Some(IntOp::Sub),
            BinOp::Mul => Some(IntOp::Mul),
            BinOp::FloorDiv => Some(IntOp::FloorDiv),
            BinOp::Mod => Some(IntOp::Mod),
            BinOp::BitAnd => Some(IntOp::And),
            BinOp::BitOr => Some(IntOp::Or),
            BinOp::BitXor => Some(IntOp::Xor),
            BinOp::LShift => Some(IntOp::Shl),
            BinOp::RShift => Some(IntOp::Shr),
            _ => None,
        };
        let fop = match bin {
            BinOp::Add => Some(FloatOp::Add),
            BinOp::Sub => Some(FloatOp::Sub),
            BinOp::Mul => Some(FloatOp::Mul),
            BinOp::TrueDiv => Some(FloatOp::Div),
            _ => None,
        };
        match want {
            Ty::Int => {
                let Some(iop) = iop else { return false };
                if !(self.need(insts, st, b, Ty::Int, pc) && self.need(insts, st, c, Ty::Int, pc)) {
                    return false;
                }
                let e = self.resume_exit(st, pc, "int overflow");
                insts.push(Inst::Int {
                    op: iop,
                    dst: a as Reg,
                    a: b as Reg,
                    b: c as Reg,
                    exit: e,
                });
                st[a] = Ty::Int;
                true
            }
            Ty::Float => {
                let Some(fop) = fop else { return false };
                if !(self.need_num(insts, st, b, pc) && self.need_num(insts, st, c, pc)) {
                    return false;
                }
                let exit = (fop == FloatOp::Div)
                    .then(|| self.resume_exit(st, pc, "float division by zero"));
                insts.push(Inst::Float {
                    op: fop,
                    dst: a as Reg,
                    a: b as Reg,
                    b: c as Reg,
                    exit,
                });
                st[a] = Ty::Float;
                true
            }
            _ => false,
        }
    }

    /// The operand type to specialise a generic binary instruction on:
    /// both operands statically ints or floats, or one of them and the
    /// profile agreeing, or the profile alone.
    fn expect(&self, st: &[Ty], b: usize, c: usize, pc: u32) -> Option<Ty> {
        use runtime::object::cache::{TYPE_FLOAT, TYPE_INT};
        let (x, y) = (st[b], st[c]);
        let seen = self.input.types.get(pc as usize).copied().unwrap_or(0);
        let known = |t: Ty| t == Ty::Int || t == Ty::Float;
        if known(x) && x == y {
            return Some(x);
        }
        // An int with a float is float arithmetic (the int converts exactly).
        if known(x) && known(y) {
            return Some(Ty::Float);
        }
        let prof = match seen {
            TYPE_INT => Some(Ty::Int),
            TYPE_FLOAT => Some(Ty::Float),
            // No profile (the interpreter's inline fast path does not record
            // types): an unboxed operand suggests the other is alike.
            0 if known(x) && y.boxed() => Some(x),
            0 if known(y) && x.boxed() => Some(y),
            _ => None,
        }?;
        // Each operand must be that type already, or boxed (to be guarded).
        let fits = |t: Ty| t == prof || t.boxed();
        (fits(x) && fits(y)).then_some(prof)
    }

    /// Typed comparison for `i` (see `arith`).
    fn compare(&mut self, insts: &mut Vec<Inst>, st: &mut [Ty], i: Insn, pc: u32) -> bool {
        let op = i.op();
        let (a, b, c) = (i.a(), i.b(), i.c());
        let cmp = match op.generic() {
            Op::Lt => Cmp::Lt,
            Op::Le => Cmp::Le,
            Op::Eq => Cmp::Eq,
            Op::Ne => Cmp::Ne,
            Op::Gt => Cmp::Gt,
            Op::Ge => Cmp::Ge,
            _ => return false,
        };
        let want = match op {
            Op::LtInt | Op::LeInt | Op::EqInt | Op::NeInt | Op::GtInt | Op::GeInt => Ty::Int,
            Op::LtFloat | Op::LeFloat | Op::EqFloat | Op::NeFloat | Op::GtFloat | Op::GeFloat => {
                Ty::Float
            }
            _ => match self.expect(st, b, c, pc) {
                Some(t) => t,
                None => return false,
            },
        };
        let ok = if want == Ty::Float {
            self.need_num(insts, st, b, pc) && self.need_num(insts, st, c, pc)
        } else {
            self.need(insts, st, b, want, pc) && self.need(insts, st, c, want, pc)
        };
        if !ok {
            return false;
        }
        let (dst, x, y) = (a as Reg, b as Reg, c as Reg);
        insts.push(match want {
            Ty::Int => Inst::IntCmp {
                op: cmp,
                dst,
                a: x,
                b: y,
            },
            _ => Inst::FloatCmp {
                op: cmp,
                dst,
                a: x,
                b: y,
            },
        });
        st[a] = Ty::Bool;
        true
    }
}

/// `dst = c`, in `c`'s natural representation.
fn konst(insts: &mut Vec<Inst>, st: &mut [Ty], dst: usize, c: ConstInfo) {
    let r = dst as Reg;
    let (inst, ty) = match c {
        ConstInfo::Int(v) => (Inst::ConstInt(r, v), Ty::Int),
        ConstInfo::Float(v) => (Inst::ConstFloat(r, v), Ty::Float),
        ConstInfo::Bool(v) => (Inst::ConstBool(r, v), Ty::Bool),
        ConstInfo::Bits(v) => (Inst::ConstValue(r, v), Ty::Value),
    };
    insts.push(inst);
    st[dst] = ty;
}
