//! The handler table (generated from the one opcode table) and the macros
//! handlers use to read operands and continue.

use super::Handler;

macro_rules! handler_table {
    ($( $(#[doc = $doc:literal])* $name:ident ( $($field:ident : $role:ident),* ) ; )*) => {
        /// Handlers indexed by opcode byte; a missing handler is a compile error.
        pub(super) static HANDLERS: [Handler; runtime::bytecode::OP_COUNT] = [ $(super::handlers::$name,)* ];
    };
}

runtime::for_each_opcode!(handler_table);

/// Continues with the instruction at `$pc` (a tail call).
macro_rules! next {
    ($t:expr, $regs:expr, $pc:expr) => {{
        let pc: *const runtime::bytecode::Insn = $pc;
        // SAFETY: pc points into the running code's instruction vector: the
        // loader verified jump targets and that code ends in a terminator.
        let op = unsafe { (*pc).op_byte() } as usize;
        // SAFETY: the loader verified opcode bytes are < OP_COUNT.
        let h = unsafe { *$crate::exec::dispatch::HANDLERS.get_unchecked(op) };
        return h($t, $regs, pc);
    }};
}
pub(crate) use next;

/// Reads register `$i`.
macro_rules! reg {
    ($regs:expr, $i:expr) => {{
        // SAFETY: register operands were verified to be < nregs (invariant 1)
        // and the frame's registers are initialised at push.
        unsafe { *$regs.add($i) }
    }};
}
pub(crate) use reg;

/// Writes register `$i`.
macro_rules! set_reg {
    ($regs:expr, $i:expr, $v:expr) => {{
        let v: runtime::Value = $v;
        // SAFETY: as for `reg!`.
        unsafe { *$regs.add($i) = v }
    }};
}
pub(crate) use set_reg;

/// On error, unwinds (tail call); on success, yields the value.
macro_rules! tryv {
    ($t:expr, $regs:expr, $pc:expr, $e:expr) => {
        match $e {
            Ok(v) => v,
            Err(_) => return $crate::exec::unwind::unwind($t, $regs, $pc),
        }
    };
}
pub(crate) use tryv;
