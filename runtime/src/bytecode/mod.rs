//! Bytecode: the one opcode table, the front end's plain-data code units and
//! their disassembler. Heap code objects live in `crate::code`.

pub mod disasm;
pub mod opcodes;
pub mod unit;
pub mod verify;

pub use opcodes::{BinOp, Field, Insn, Op, Role, OP_COUNT};
pub use unit::{CodeKind, CodeUnit, Const, ExcEntry};
