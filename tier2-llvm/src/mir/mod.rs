//! MIR: tier 2's typed mid-level IR (DESIGN.md §9).
//!
//! A region is a piece of one code object entered at one pc (0 for a
//! function, a loop header for OSR). Its blocks mirror the bytecode's basic
//! blocks reachable from the entry; each frame register has, at every
//! point, a static representation (`Ty`): a boxed `Value`, an unboxed int
//! (always within the inline-int range, so boxing never allocates), an
//! unboxed float, a bool, or dead (not read before it is written again).
//!
//! Invariants:
//! 1. Every instruction's operands have the representation the instruction
//!    needs (float operations also take ints, converted exactly);
//!    representation changes are explicit (`Box`, guarded `Unbox`, and the
//!    conversions on edges between blocks).
//! 2. Every exit records the pc the interpreter resumes at and the
//!    representation of every register there, so the lowering can write the
//!    frame back exactly (runtime::jit invariant 1).
//! 3. `Step` (an instruction done by `interp::exec::step::exec_one`) reads
//!    and writes the frame: the lowering flushes every non-dead register
//!    before it and reloads what it writes as `Value` after it.

mod build;
mod effects;
mod print;

pub use build::build;
pub use print::print;

/// Registers an instruction writes (empty for instructions tier 2 does
/// not compile).
pub fn writes(i: runtime::bytecode::Insn) -> Vec<usize> {
    effects::effects(i).map(|(_, w)| w).unwrap_or_default()
}

/// Whether a callee's MIR can be inlined: no interpreter steps or calls
/// (they need the callee's own frame) and no exit that raises.
pub fn inlinable(r: &Region) -> bool {
    r.blocks.iter().all(|b| {
        b.insts
            .iter()
            .all(|i| !matches!(i, Inst::Step { .. } | Inst::Call { .. }))
            && !matches!(b.term, Term::ForIter { .. })
    }) && r
        .exits
        .iter()
        .all(|e| e.kind == ExitKind::Resume && e.frames.is_empty())
}

pub type Reg = u16;
pub type BlockId = usize;
pub type ExitId = usize;

/// A register's representation at a program point.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Ty {
    /// Not live: its value is never read before it is written.
    Dead,
    /// A `Value` as the frame held it when the region was entered (nothing
    /// known about it: at a join with an unboxed type it is speculated to
    /// have that type, with a guard on its edge).
    Frame,
    /// A NaN-boxed `Value` (its bits) computed in the region.
    Value,
    /// An unboxed int in the inline-int range.
    Int,
    /// An unboxed float.
    Float,
    /// An unboxed bool.
    Bool,
}

impl Ty {
    /// The representation at a join (a lattice: Dead < Frame < the unboxed
    /// types < Value). `Frame` joining an unboxed type takes that type: the
    /// edge from the frame value unboxes it with a guard.
    pub fn join(a: Ty, b: Ty) -> Ty {
        match (a, b) {
            (x, y) if x == y => x,
            (Ty::Dead, x) | (x, Ty::Dead) => x,
            (Ty::Frame, x) | (x, Ty::Frame) => x,
            _ => Ty::Value,
        }
    }
    /// Whether the representation is a boxed `Value`.
    pub fn boxed(self) -> bool {
        matches!(self, Ty::Frame | Ty::Value)
    }
    pub fn name(self) -> &'static str {
        match self {
            Ty::Dead => "dead",
            Ty::Frame => "frame",
            Ty::Value => "val",
            Ty::Int => "int",
            Ty::Float => "float",
            Ty::Bool => "bool",
        }
    }
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum IntOp {
    Add,
    Sub,
    Mul,
    FloorDiv,
    Mod,
    And,
    Or,
    Xor,
    /// `a << b`; `b` outside 0..48 leaves (the interpreter raises or
    /// makes a big int).
    Shl,
    /// `a >> b`; a negative `b` leaves.
    Shr,
}

/// Unary arithmetic on unboxed numbers.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum UnOp {
    /// `-x` for an int (leaves the inline range only for its most
    /// negative value: `exit`).
    IntNeg,
    /// `~x` for an int (always in range).
    IntInvert,
    /// `-x` for a float (the sign bit flipped, so `-0.0` for `0.0`).
    FloatNeg,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum FloatOp {
    Add,
    Sub,
    Mul,
    Div,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Cmp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Inst {
    ConstInt(Reg, i64),
    ConstFloat(Reg, f64),
    ConstBool(Reg, bool),
    /// A boxed constant (its bits; the object is kept alive by the code's
    /// constant table).
    ConstValue(Reg, u64),
    /// `dst = src` in `src`'s representation.
    Move {
        dst: Reg,
        src: Reg,
    },
    /// Boxes `reg` (an unboxed representation) into a `Value`.
    Box(Reg),
    /// Unboxes `reg` (a `Value`) to `to`, leaving through `exit` if it is
    /// something else.
    Unbox {
        reg: Reg,
        to: Ty,
        exit: ExitId,
    },
    /// Int arithmetic; `exit` when the result leaves the inline-int range
    /// (or for division and modulo by zero).
    Int {
        op: IntOp,
        dst: Reg,
        a: Reg,
        b: Reg,
        exit: ExitId,
    },
    /// Float arithmetic; an int operand is converted (exactly); division
    /// by zero leaves through `exit`.
    Float {
        op: FloatOp,
        dst: Reg,
        a: Reg,
        b: Reg,
        exit: Option<ExitId>,
    },
    /// `dst = op src` (an int for the int operations, a float for
    /// `FloatNeg`); `exit` when the int result leaves the inline range.
    Unary {
        op: UnOp,
        dst: Reg,
        src: Reg,
        exit: Option<ExitId>,
    },
    /// Int comparison into a bool.
    IntCmp {
        op: Cmp,
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    /// Float comparison into a bool (int operands converted exactly).
    FloatCmp {
        op: Cmp,
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    /// Leaves through `exit` unless the boxed `reg` is exactly `bits` (the
    /// function an inlined call expects).
    GuardBits {
        reg: Reg,
        bits: u64,
        exit: ExitId,
    },
    /// Bool negation.
    Not {
        dst: Reg,
        src: Reg,
    },
    /// `dst = a is b` (`negate`: `is not`): bit identity of the boxed
    /// values, as the interpreter's `Value::is`.
    Same {
        dst: Reg,
        a: Reg,
        b: Reg,
        negate: bool,
    },
    /// A pure helper (never runs Python code or collects, so no flush):
    /// boxed `args`, an optional int `index`, result (if any) into `dst` as
    /// a `Value`; `exit` (resume at the instruction) when its guards fail.
    Pure {
        op: PureOp,
        dst: Option<Reg>,
        args: Vec<Reg>,
        index: Option<Reg>,
        exit: ExitId,
    },
    /// Unpacks an exact tuple or list of length `n` in `src` into registers
    /// `dst..dst + n` (as `Value`s); `exit` for anything else.
    Unpack {
        src: Reg,
        dst: Reg,
        n: u16,
        exit: ExitId,
    },
    /// `dst = a ** b` for floats (ints converted), CPython's algorithm;
    /// `exit` on an error the interpreter must raise.
    FloatPow {
        dst: Reg,
        a: Reg,
        b: Reg,
        exit: ExitId,
    },
    /// The instruction at `pc` done by the interpreter's `exec_one` on the
    /// frame (invariant 3); `writes` are reloaded as `Value`; `exit` if it
    /// raised.
    Step {
        pc: u32,
        writes: Vec<Reg>,
        exit: ExitId,
    },
    /// The call at `pc` of the callable in register `callee` — known to be
    /// `known` when that is set (the caller guarded the register) — with
    /// the boxed arguments in the frame's registers `first..first + nargs`,
    /// run natively nested (`strata_t2_call`): like a `Step`, the frame is
    /// flushed before it, `dst` is reloaded as `Value` after it, and
    /// `exit` if it raised.
    Call {
        pc: u32,
        callee: Reg,
        known: Option<u64>,
        first: Reg,
        nargs: u16,
        dst: Reg,
        exit: ExitId,
    },
    /// Leaves through `exit` if the unit was invalidated (after a step, in
    /// regions with folded globals: runtime::jit invariant 4).
    CheckValid {
        exit: ExitId,
    },
    /// At a loop back edge: now and then asks whether the heap wants a
    /// collection, and if so writes the registers back to the frame (the
    /// collector's roots, as before a step) and collects.
    Poll,
}

/// The pure helpers (`crate::helpers`).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum PureOp {
    /// `dst = args[0].<slot>` guarded by class, version and shape, unless
    /// `proven` (an earlier access in the block checked the same, and
    /// nothing since could change it: the inline lowering skips the
    /// checks; the helper still makes them).
    GetSlot {
        class: usize,
        version: u32,
        shape: usize,
        slot: u32,
        proven: bool,
    },
    /// `args[0].<slot> = args[1]` (guards and `proven` as `GetSlot`).
    SetSlot {
        class: usize,
        version: u32,
        shape: usize,
        slot: u32,
        proven: bool,
    },
    /// `dst = args[0].<slot>` by the first entry of a polymorphic cache
    /// whose class, version and shape the object has.
    GetSlotPoly(crate::snapshot::Poly),
    /// `args[0].<slot> = args[1]` (as `GetSlotPoly`).
    SetSlotPoly(crate::snapshot::Poly),
    /// `dst =` the method of the first entry of a polymorphic cache that
    /// `args[0]` matches (the receiver stays the first argument).
    MethodPoly(crate::snapshot::Poly),
    /// `args[0].<new attribute> = args[1]`: an instance of `class` at
    /// `version` with shape `from` gains a slot and takes shape `to`.
    AddSlot {
        class: usize,
        version: u32,
        from: usize,
        to: usize,
    },
    /// `dst = args[0][index]` for an exact list (inline) or tuple.
    ListGet,
    /// `args[0][index] = args[1]` for an exact list.
    ListSet,
    /// `dst = [*args]`.
    BuildList,
    /// `dst = (*args)`.
    BuildTuple,
    /// `args[0].append(args[1])` for an exact list (a comprehension's).
    ListAppend,
    /// `dst = bool(args[0])` for values whose truth runs no Python code
    /// (not instances of classes with `__bool__` or `__len__`), as a bool
    /// `Value`.
    Truthy,
    /// `dst =` the cell of the running function's closure at `index`.
    LoadClosure { index: u32 },
    /// `dst =` the contents of the cell `args[0]`; a miss when it is empty
    /// (the interpreter raises).
    LoadDeref,
    /// The cell `args[0]` `= args[1]`.
    StoreDeref,
    /// `dst = iter(args[0])` for builtin iterables (not instances, whose
    /// `__iter__` is Python code).
    GetIter,
    /// `dst = slice(args[0], args[1], args[2])`.
    BuildSlice,
    /// `dst = args[0][args[1]]`: an exact list, tuple or str sliced by a
    /// slice of ints or None.
    GetSlice,
    /// `args[0][args[1]] = args[2]`: an exact list, a step-1 slice, an
    /// exact list value.
    SetSlice,
    /// `dst =` the global in `cell`, else in `builtin`.
    LoadGlobal { cell: usize, builtin: usize },
    /// The global in `cell` `= args[0]`.
    StoreGlobal { cell: usize },
    /// Checks that `args[0]` finds the cached method: a receiver of
    /// `class` at `version`, an instance with `shape` (0: not an instance).
    MethodGuard {
        class: usize,
        version: u32,
        shape: usize,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub enum Term {
    Jump(BlockId),
    /// On a bool, int or float register (an int or float is true when
    /// non-zero, as `bool()` says).
    Branch {
        cond: Reg,
        then: BlockId,
        other: BlockId,
    },
    /// On a `Value` register that is expected to be a bool; anything else
    /// leaves through `exit` (the interpreter decides its truth).
    BranchValue {
        cond: Reg,
        then: BlockId,
        other: BlockId,
        exit: ExitId,
    },
    /// `ForIter` at `pc` through `exec_one`: the next item into `dst` and
    /// on to `body`, or `done` when the iterator is exhausted, or `exit`.
    ForIter {
        pc: u32,
        dst: Reg,
        body: BlockId,
        done: BlockId,
        exit: ExitId,
    },
    /// `ForIter` over a range or list iterator by a pure helper: the next
    /// item into `dst` and on to `body`, `done` when exhausted, `exit`
    /// (resume at `pc`) for any other iterator.
    ForNext {
        pc: u32,
        dst: Reg,
        it: Reg,
        body: BlockId,
        done: BlockId,
        exit: ExitId,
    },
    /// A call at `pc` to the known callee `input.inlines[pc]` (only during
    /// building: replaced by the callee's blocks).
    Inline {
        pc: u32,
        dst: Reg,
        fn_reg: Reg,
        args: Vec<Reg>,
        cont: BlockId,
        guard: ExitId,
        state: Vec<Ty>,
    },
    /// Returns the register (boxed) from the `Return` at `pc`.
    Return {
        pc: u32,
        reg: Reg,
    },
    /// Leaves the region.
    Exit(ExitId),
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum ExitKind {
    /// The interpreter resumes at the pc.
    Resume,
    /// The instruction at the pc raised (after a `Step`: the frame is
    /// already up to date).
    Raise,
}

/// A frame an exit must rebuild: the exit is inside code inlined at the
/// call `call_pc` of the region's own function.
#[derive(Clone, Debug, PartialEq)]
pub struct InlineFrame {
    /// The callee function object's bits.
    pub func: u64,
    pub call_pc: u32,
    /// The caller's register receiving the call's result.
    pub ret_reg: Reg,
    /// The callee's registers are region registers `base..base + nregs`.
    pub base: Reg,
    pub nregs: usize,
    /// The caller's own registers are `0..caller_nregs`.
    pub caller_nregs: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Exit {
    /// The pc to resume at (in the innermost inlined callee's code when
    /// `frames` is not empty).
    pub pc: u32,
    pub kind: ExitKind,
    /// Representation of every register at the exit.
    pub types: Vec<Ty>,
    /// Why (for logs and dumps).
    pub reason: &'static str,
    /// Frames of inlined callees to rebuild, outermost first.
    pub frames: Vec<InlineFrame>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    /// The bytecode pc the block starts at.
    pub pc: u32,
    /// Representation of every register on entry.
    pub entry: Vec<Ty>,
    pub insts: Vec<Inst>,
    pub term: Term,
    /// Whether a back edge (a `JumpBack`) ends here.
    pub back_edge: bool,
    /// For a conditional branch: how often the interpreter went to `then`
    /// and to `other` (from the branch profile), for LLVM's branch weights.
    pub weights: Option<(u32, u32)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Region {
    pub name: String,
    pub entry_pc: u32,
    /// The block compiled code starts in (its entry state is the frame's).
    pub entry: BlockId,
    pub nregs: usize,
    pub blocks: Vec<Block>,
    pub exits: Vec<Exit>,
    /// Registers `0..frame_regs` are the region's own frame's (the rest
    /// belong to inlined callees).
    pub frame_regs: usize,
    /// Address of the unit's invalidation flag, tested by `CheckValid`
    /// (0: the region assumes nothing it does not re-check).
    pub valid_flag: u64,
}
