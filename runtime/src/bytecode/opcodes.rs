//! The one opcode table: every bytecode instruction, its operands and a doc line.
//!
//! `for_each_opcode!` hands the whole table to a macro; this file uses it to
//! generate the `Op` enum, operand layouts and names, the interpreter uses it
//! to build its handler table (a missing handler is a compile error), and the
//! tiers match on `Op` exhaustively.
//!
//! Encoding: every instruction is one `u64` word (see `Insn`):
//! byte 0 = opcode, byte 1 = `aux` (8 bits), bytes 2..4 = `a`, 4..6 = `b`,
//! 6..8 = `c` (16 bits each). Jump instructions keep their 32-bit target
//! (an instruction index) in `b:c` (`j`). Registers are frame slots;
//! locals come first, then temporaries.
//!
//! Operand roles: `R` register, `K` constant index, `N` name index,
//! `G` global-slot index, `U` unsigned count/immediate, `J` jump target.

/// Invokes `$m! { $( $(#[doc])* $name ( $($field : $role),* ) ; )* }`.
#[macro_export]
macro_rules! for_each_opcode {
    ($m:ident) => {
        $m! {
            /// Does nothing.
            Nop();
            /// `a = consts[b]`.
            LoadConst(a: R, b: K);
            /// `a = b` (register copy).
            Move(a: R, b: R);
            /// `a = global slot b`; falls back to builtins, else NameError.
            LoadGlobal(a: R, b: G);
            /// `global slot a = b`.
            StoreGlobal(a: G, b: R);
            /// Deletes global slot `a` (NameError if unbound).
            DeleteGlobal(a: G);
            /// `a = name b` looked up in the frame's namespace dict, then globals, then builtins.
            LoadName(a: R, b: N);
            /// Stores `b` as name `a` in the frame's namespace dict.
            StoreName(a: N, b: R);
            /// Deletes name `a` from the frame's namespace dict.
            DeleteName(a: N);
            /// Raises UnboundLocalError for local name `b` if register `a` is unbound.
            CheckBound(a: R, b: N);
            /// Unbinds local register `a` (`del x`); UnboundLocalError naming `b` if unbound.
            DeleteLocal(a: R, b: N);
            /// Replaces register `a` with a new cell holding its current value (maybe unbound).
            MakeCell(a: R);
            /// `a = closure[b]` of the running function (a cell).
            LoadClosure(a: R, b: U);
            /// `a = contents of the cell in register b`; error naming `c` if empty.
            LoadDeref(a: R, b: R, c: N);
            /// Cell in register `a` gets `b`.
            StoreDeref(a: R, b: R);
            /// Empties the cell in register `a`; error naming `b` if already empty.
            DeleteDeref(a: R, b: N);
            /// `a = function(consts[b])`; regs from `c` hold, in order, those of
            /// defaults tuple (aux&1), kw-defaults dict (aux&2), closure tuple (aux&4).
            MakeFunction(a: R, b: K, c: R);
            /// `a = class` built by running body function `b` with bases tuple `c`.
            MakeClass(a: R, b: R, c: R);
            /// `a = b + c`.
            Add(a: R, b: R, c: R);
            /// `a = b - c`.
            Sub(a: R, b: R, c: R);
            /// `a = b * c`.
            Mul(a: R, b: R, c: R);
            /// `a = b / c`.
            TrueDiv(a: R, b: R, c: R);
            /// `a = b // c`.
            FloorDiv(a: R, b: R, c: R);
            /// `a = b % c`.
            Mod(a: R, b: R, c: R);
            /// `a = b ** c`.
            Pow(a: R, b: R, c: R);
            /// `a = b << c`.
            LShift(a: R, b: R, c: R);
            /// `a = b >> c`.
            RShift(a: R, b: R, c: R);
            /// `a = b & c`.
            BitAnd(a: R, b: R, c: R);
            /// `a = b | c`.
            BitOr(a: R, b: R, c: R);
            /// `a = b ^ c`.
            BitXor(a: R, b: R, c: R);
            /// Quickened Add: both operands ints (fast for inline ints).
            AddInt(a: R, b: R, c: R);
            /// Quickened Add: both operands floats.
            AddFloat(a: R, b: R, c: R);
            /// Quickened Sub: both operands ints (fast for inline ints).
            SubInt(a: R, b: R, c: R);
            /// Quickened Sub: both operands floats.
            SubFloat(a: R, b: R, c: R);
            /// Quickened Mul: both operands ints (fast for inline ints).
            MulInt(a: R, b: R, c: R);
            /// Quickened Mul: both operands floats.
            MulFloat(a: R, b: R, c: R);
            /// Quickened TrueDiv: both operands floats.
            TrueDivFloat(a: R, b: R, c: R);
            /// Quickened Lt: both operands inline ints.
            LtInt(a: R, b: R, c: R);
            /// Quickened Lt: both operands floats.
            LtFloat(a: R, b: R, c: R);
            /// Quickened Le: both operands inline ints.
            LeInt(a: R, b: R, c: R);
            /// Quickened Le: both operands floats.
            LeFloat(a: R, b: R, c: R);
            /// Quickened Eq: both operands inline ints.
            EqInt(a: R, b: R, c: R);
            /// Quickened Eq: both operands floats.
            EqFloat(a: R, b: R, c: R);
            /// Quickened Ne: both operands inline ints.
            NeInt(a: R, b: R, c: R);
            /// Quickened Ne: both operands floats.
            NeFloat(a: R, b: R, c: R);
            /// Quickened Gt: both operands inline ints.
            GtInt(a: R, b: R, c: R);
            /// Quickened Gt: both operands floats.
            GtFloat(a: R, b: R, c: R);
            /// Quickened Ge: both operands inline ints.
            GeInt(a: R, b: R, c: R);
            /// Quickened Ge: both operands floats.
            GeFloat(a: R, b: R, c: R);
            /// `a = b op= c` for the binary operator numbered `aux` (in-place protocol).
            Inplace(a: R, b: R, c: R);
            /// `a = -b`.
            Neg(a: R, b: R);
            /// `a = +b`.
            Pos(a: R, b: R);
            /// `a = ~b`.
            Invert(a: R, b: R);
            /// `a = not b`.
            Not(a: R, b: R);
            /// `a = b < c`.
            Lt(a: R, b: R, c: R);
            /// `a = b <= c`.
            Le(a: R, b: R, c: R);
            /// `a = b == c`.
            Eq(a: R, b: R, c: R);
            /// `a = b != c`.
            Ne(a: R, b: R, c: R);
            /// `a = b > c`.
            Gt(a: R, b: R, c: R);
            /// `a = b >= c`.
            Ge(a: R, b: R, c: R);
            /// `a = b is c`.
            Is(a: R, b: R, c: R);
            /// `a = b is not c`.
            IsNot(a: R, b: R, c: R);
            /// `a = b in c`.
            In(a: R, b: R, c: R);
            /// `a = b not in c`.
            NotIn(a: R, b: R, c: R);
            /// Jumps to `j`.
            Jump(j: J);
            /// Jumps back to loop header `j` (counted as a back edge).
            JumpBack(j: J);
            /// Jumps to `j` if `a` is true.
            JumpIfTrue(a: R, j: J);
            /// Jumps to `j` if `a` is false.
            JumpIfFalse(a: R, j: J);
            /// `a = iter(b)`.
            GetIter(a: R, b: R);
            /// `a = next(iterator in a+1)`, or jumps to `j` when it is exhausted.
            ForIter(a: R, j: J);
            /// Quickened ForIter over a range iterator.
            ForIterRange(a: R, j: J);
            /// Quickened ForIter over a list iterator.
            ForIterList(a: R, j: J);
            /// `a = [b, b+1, .. b+c-1]`.
            BuildList(a: R, b: R, c: U);
            /// `a = (b, .. b+c-1)`.
            BuildTuple(a: R, b: R, c: U);
            /// `a = {b, .. b+c-1}`.
            BuildSet(a: R, b: R, c: U);
            /// `a = {b: b+1, ..}` from `c` key/value pairs.
            BuildDict(a: R, b: R, c: U);
            /// `a = slice(b, b+1, b+2)`.
            BuildSlice(a: R, b: R);
            /// `a = ''.join(b .. b+c-1)` (all strs; f-strings).
            BuildString(a: R, b: R, c: U);
            /// `a = format(b, c)` after conversion `aux` (0 none, 1 str, 2 repr, 3 ascii); `c` unbound = no spec.
            FormatValue(a: R, b: R, c: R);
            /// List `a`.append(`b`).
            ListAppend(a: R, b: R);
            /// List `a`.extend(`b`).
            ListExtend(a: R, b: R);
            /// Set `a`.add(`b`).
            SetAdd(a: R, b: R);
            /// Set `a`.update(`b`).
            SetUpdate(a: R, b: R);
            /// Dict `a`[`b`] = `c`.
            DictSet(a: R, b: R, c: R);
            /// Dict `a`.update(`b`) (mapping unpacking `**b`).
            DictUpdate(a: R, b: R);
            /// Dict `a` gets the items of mapping `b` (call-site `**b`); a key
            /// already in `a` is a TypeError naming the callee in register `c`.
            DictMerge(a: R, b: R, c: R);
            /// `a = tuple(list b)`.
            ListToTuple(a: R, b: R);
            /// Unpacks iterable `b` into registers `a .. a+c-1` (exactly `c` items).
            Unpack(a: R, b: R, c: U);
            /// Unpacks `b` into `a..`: `c` items before the starred list, `aux` after.
            UnpackEx(a: R, b: R, c: U);
            /// `a = b[c]`.
            GetItem(a: R, b: R, c: R);
            /// Quickened GetItem: a list indexed by an inline int.
            GetItemList(a: R, b: R, c: R);
            /// `a[b] = c`.
            SetItem(a: R, b: R, c: R);
            /// `del a[b]`.
            DelItem(a: R, b: R);
            /// `a = b.names[c]`.
            GetAttr(a: R, b: R, c: N);
            /// Quickened GetAttr: an instance slot read, guarded by class,
            /// class version and shape (inline cache).
            GetAttrSlot(a: R, b: R, c: N);
            /// `a.names[b] = c`.
            SetAttr(a: R, b: N, c: R);
            /// Quickened SetAttr: an instance slot store or a cached shape
            /// transition, guarded by class, class version and shape.
            SetAttrSlot(a: R, b: N, c: R);
            /// `del a.names[b]`.
            DelAttr(a: R, b: N);
            /// Method lookup: `a = callable`, `a+1 = self` (or unbound if `a` is not a method of `b`).
            LoadMethod(a: R, b: R, c: N);
            /// Quickened LoadMethod: the method cached for the receiver's class
            /// (and, for instances, a shape that does not shadow it).
            LoadMethodCached(a: R, b: R, c: N);
            /// `a = b(b+1 .. b+c)` (positional arguments).
            Call(a: R, b: R, c: U);
            /// Like Call, but the last names-tuple(b+1+c) entries of the `c` arguments are keywords.
            CallKw(a: R, b: R, c: U);
            /// `a = b(b+2 ..)` with `b+1` as self when bound (after LoadMethod); `c` arguments.
            CallMethod(a: R, b: R, c: U);
            /// `a = b(*c, **c+1)`; aux&1 = a kwargs dict is in `c+1`.
            CallEx(a: R, b: R, c: R);
            /// Returns `a` to the caller.
            Return(a: R);
            /// Yields `b`; the value sent in on resumption lands in `a`.
            Yield(a: R, b: R);
            /// `a = yield from b`: delegates to iterator `b`; re-executes until it returns.
            YieldFrom(a: R, b: R);
            /// `a = iter(b)` for `yield from` (generators pass through unchanged).
            GetYieldFromIter(a: R, b: R);
            /// Raises `a`, with cause `b` when aux&1; bare `raise` when aux&2.
            Raise(a: R, b: R);
            /// Re-raises exception `a` unchanged (end of finally / unmatched except).
            Reraise(a: R);
            /// Handler entry: `a = the exception being handled`; `b = previous handled exception`.
            LoadExc(a: R, b: R);
            /// Restores the handled exception saved in `a` (handler exit).
            RestoreExc(a: R);
            /// `a = exception b matches class-or-tuple c` (TypeError if c is not an exception class).
            ExcMatch(a: R, b: R, c: R);
            /// Raises AssertionError, with message `a` when aux&1.
            RaiseAssert(a: R);
            /// `a = import module names[b]`.
            ImportName(a: R, b: N);
            /// `a = getattr(module b, names[c])`, ImportError if missing.
            ImportFrom(a: R, b: R, c: N);
            /// Copies every public name of module `a` into globals (`from m import *`).
            ImportStar(a: R);
        }
    };
}

/// The role of an operand, for the encoder's checks and the disassembler.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Role {
    /// A frame register.
    R,
    /// An index into the code's constants.
    K,
    /// An index into the code's names.
    N,
    /// An index into the code's global slots.
    G,
    /// An unsigned immediate or count.
    U,
    /// A 32-bit jump target (instruction index) stored in `b:c`.
    J,
}

/// Which field of the instruction word holds an operand.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Field {
    A,
    B,
    C,
    J,
}

macro_rules! field_of {
    (a) => {
        Field::A
    };
    (b) => {
        Field::B
    };
    (c) => {
        Field::C
    };
    (j) => {
        Field::J
    };
}

macro_rules! define_ops {
    ($( $(#[doc = $doc:literal])* $name:ident ( $($field:ident : $role:ident),* ) ; )*) => {
        /// Every opcode. The discriminant is the byte stored in the instruction word.
        #[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum Op {
            $( $(#[doc = $doc])* $name, )*
        }

        impl Op {
            /// All opcodes in table order.
            pub const ALL: &'static [Op] = &[ $(Op::$name),* ];

            /// The opcode's name as written in the table.
            pub fn name(self) -> &'static str {
                match self { $(Op::$name => stringify!($name)),* }
            }

            /// The table's doc line.
            pub fn doc(self) -> &'static str {
                match self { $(Op::$name => concat!($($doc),*)),* }
            }

            /// Operand names, roles and fields, in table order.
            pub fn operands(self) -> &'static [(&'static str, Role, Field)] {
                match self {
                    $(Op::$name => &[ $((stringify!($field), Role::$role, field_of!($field))),* ]),*
                }
            }
        }
    };
}

for_each_opcode!(define_ops);

/// Number of opcodes.
pub const OP_COUNT: usize = Op::ALL.len();

impl Op {
    /// Decodes an opcode byte; `None` if out of range.
    pub fn from_u8(b: u8) -> Option<Op> {
        Op::ALL.get(b as usize).copied()
    }

    /// The generic opcode a quickened form specialises (itself for generic
    /// opcodes). Quickened forms have their generic form's operands and
    /// meaning; they only add guards and fast paths.
    #[inline(always)]
    pub fn generic(self) -> Op {
        match self {
            Op::AddInt | Op::AddFloat => Op::Add,
            Op::SubInt | Op::SubFloat => Op::Sub,
            Op::MulInt | Op::MulFloat => Op::Mul,
            Op::TrueDivFloat => Op::TrueDiv,
            Op::LtInt | Op::LtFloat => Op::Lt,
            Op::LeInt | Op::LeFloat => Op::Le,
            Op::EqInt | Op::EqFloat => Op::Eq,
            Op::NeInt | Op::NeFloat => Op::Ne,
            Op::GtInt | Op::GtFloat => Op::Gt,
            Op::GeInt | Op::GeFloat => Op::Ge,
            Op::GetAttrSlot => Op::GetAttr,
            Op::SetAttrSlot => Op::SetAttr,
            Op::LoadMethodCached => Op::LoadMethod,
            Op::ForIterRange | Op::ForIterList => Op::ForIter,
            Op::GetItemList => Op::GetItem,
            op => op,
        }
    }

    /// Whether this opcode transfers control to its `j` operand.
    pub fn is_jump(self) -> bool {
        self.operands().iter().any(|o| o.1 == Role::J)
    }
}

/// Binary operators in the order the `Inplace` opcode's `aux` numbers them.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    BitAnd,
    BitOr,
    BitXor,
}

impl BinOp {
    pub const ALL: [BinOp; 12] = [
        BinOp::Add,
        BinOp::Sub,
        BinOp::Mul,
        BinOp::TrueDiv,
        BinOp::FloorDiv,
        BinOp::Mod,
        BinOp::Pow,
        BinOp::LShift,
        BinOp::RShift,
        BinOp::BitAnd,
        BinOp::BitOr,
        BinOp::BitXor,
    ];

    /// The operator as written in Python (used in TypeError messages).
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::TrueDiv => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "** or pow()",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::BitAnd => "&",
            BinOp::BitOr => "|",
            BinOp::BitXor => "^",
        }
    }

    /// `(method, reflected method, in-place method)` dunder names.
    pub fn dunders(self) -> (&'static str, &'static str, &'static str) {
        match self {
            BinOp::Add => ("__add__", "__radd__", "__iadd__"),
            BinOp::Sub => ("__sub__", "__rsub__", "__isub__"),
            BinOp::Mul => ("__mul__", "__rmul__", "__imul__"),
            BinOp::TrueDiv => ("__truediv__", "__rtruediv__", "__itruediv__"),
            BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
            BinOp::Mod => ("__mod__", "__rmod__", "__imod__"),
            BinOp::Pow => ("__pow__", "__rpow__", "__ipow__"),
            BinOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
            BinOp::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
            BinOp::BitAnd => ("__and__", "__rand__", "__iand__"),
            BinOp::BitOr => ("__or__", "__ror__", "__ior__"),
            BinOp::BitXor => ("__xor__", "__rxor__", "__ixor__"),
        }
    }

    pub fn from_u8(b: u8) -> Option<BinOp> {
        BinOp::ALL.get(b as usize).copied()
    }
}

/// One encoded instruction.
#[derive(Copy, Clone, PartialEq, Eq)]
#[repr(transparent)]
pub struct Insn(pub u64);

impl Insn {
    #[inline(always)]
    pub fn new(op: Op, aux: u8, a: u16, b: u16, c: u16) -> Insn {
        Insn(op as u64 | (aux as u64) << 8 | (a as u64) << 16 | (b as u64) << 32 | (c as u64) << 48)
    }
    #[inline(always)]
    pub fn jump(op: Op, a: u16, target: u32) -> Insn {
        Insn(op as u64 | (a as u64) << 16 | (target as u64) << 32)
    }
    #[inline(always)]
    pub fn op_byte(self) -> u8 {
        self.0 as u8
    }
    #[inline(always)]
    pub fn op(self) -> Op {
        // The encoder only writes valid opcodes; decoding is checked anyway.
        Op::from_u8(self.op_byte()).unwrap_or(Op::Nop)
    }
    #[inline(always)]
    pub fn aux(self) -> u8 {
        (self.0 >> 8) as u8
    }
    #[inline(always)]
    pub fn a(self) -> usize {
        (self.0 >> 16) as u16 as usize
    }
    #[inline(always)]
    pub fn b(self) -> usize {
        (self.0 >> 32) as u16 as usize
    }
    #[inline(always)]
    pub fn c(self) -> usize {
        (self.0 >> 48) as u16 as usize
    }
    #[inline(always)]
    pub fn j(self) -> usize {
        (self.0 >> 32) as u32 as usize
    }
    /// Returns the instruction with its jump target replaced.
    pub fn with_target(self, target: u32) -> Insn {
        Insn((self.0 & 0xFFFF_FFFF) | (target as u64) << 32)
    }
    /// Returns the instruction with its opcode replaced (quickening).
    pub fn with_op(self, op: Op) -> Insn {
        Insn((self.0 & !0xFF) | op as u64)
    }
    pub fn field(self, f: Field) -> usize {
        match f {
            Field::A => self.a(),
            Field::B => self.b(),
            Field::C => self.c(),
            Field::J => self.j(),
        }
    }
}

impl std::fmt::Debug for Insn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let op = self.op();
        write!(f, "{}", op.name())?;
        for (name, _, field) in op.operands() {
            write!(f, " {}={}", name, self.field(*field))?;
        }
        if self.aux() != 0 {
            write!(f, " aux={}", self.aux())?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoding_round_trips() {
        let i = Insn::new(Op::Add, 3, 1, 2, 65535);
        assert_eq!(i.op(), Op::Add);
        assert_eq!((i.aux(), i.a(), i.b(), i.c()), (3, 1, 2, 65535));
        let j = Insn::jump(Op::JumpIfFalse, 7, 123_456);
        assert_eq!((j.op(), j.a(), j.j()), (Op::JumpIfFalse, 7, 123_456));
        assert_eq!(j.with_target(9).j(), 9);
    }

    #[test]
    fn quickened_forms_keep_their_generic_operands() {
        for op in Op::ALL {
            let g = op.generic();
            assert_eq!(g.generic(), g, "{op:?}");
            assert_eq!(op.operands(), g.operands(), "{op:?} vs {g:?}");
        }
    }

    #[test]
    fn opcodes_fit_a_byte_and_jumps_use_j_only() {
        assert!(OP_COUNT <= 256);
        for op in Op::ALL {
            let ops = op.operands();
            if op.is_jump() {
                assert!(
                    ops.iter().all(|o| o.2 != Field::B && o.2 != Field::C),
                    "{op:?}"
                );
            }
        }
    }
}
