//! What compiled code is told about the process it runs in: byte offsets
//! of the frame and thread fields it touches, the object layout probed from
//! this binary, and addresses of host counters; plus the stress modes that
//! change what the lowering emits. Plain data, computed by the host and
//! handed to the code generator (which runs in the LLVM plugin and must not
//! compute any of it itself: its own copies of the runtime's statics are
//! not the ones the program uses).

/// Byte offsets and addresses the code uses.
#[derive(Clone, Debug)]
pub struct Layout {
    /// `Frame::regs`.
    pub frame_regs: u64,
    /// `Thread::exit_value`.
    pub thread_exit_value: u64,
    /// Object fields compiled code reads directly (instance slots); `None`:
    /// use the helpers.
    pub object: Option<runtime::jit::ObjectLayout>,
    /// Address of the process-wide `--deopt-every` counter (0 where no
    /// stress mode is compiled in, e.g. for AArch64 objects).
    pub deopt_counter: u64,
}

impl Layout {
    /// The layout of this process (the VM that will run the code),
    /// measured at the first compile (never for runs that compile
    /// nothing).
    pub fn host() -> &'static Layout {
        static HOST: std::sync::OnceLock<Layout> = std::sync::OnceLock::new();
        HOST.get_or_init(Layout::measure)
    }

    fn measure() -> Layout {
        Layout {
            frame_regs: std::mem::offset_of!(runtime::frame::Frame, regs) as u64,
            thread_exit_value: std::mem::offset_of!(runtime::Thread, exit_value) as u64,
            object: runtime::jit::ObjectLayout::probe(),
            deopt_counter: crate::helpers::deopt_counter_addr() as u64,
        }
    }
}

/// Stress modes that make the rare paths common (DESIGN.md §11).
#[derive(Copy, Clone, Debug, Default)]
pub struct Stress {
    /// Every Nth guard check that could resume the interpreter fails
    /// (`--deopt-every N`; 0: off).
    pub deopt_every: u32,
    /// Loop regions leave at every back edge to their header, so the
    /// interpreter re-enters them by OSR each iteration
    /// (`--osr-every-backedge`; applied by `mir::build`).
    pub osr_every_backedge: bool,
    /// Every hot region is compiled, profitable or not
    /// (`--tier2-compile-all`), so the tests reach compiled paths the cost
    /// model would avoid.
    pub compile_all: bool,
}

/// LLVM's optimisation level for tier-2 code (`--opt-level`).
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub enum OptLevel {
    O1,
    #[default]
    O2,
    O3,
}

impl OptLevel {
    /// The new pass manager's pipeline text for this level.
    ///
    /// O2 is a function pipeline for what the lowering emits (one stack
    /// slot per register and representation, guards, no internal calls or
    /// vectorisable loops): SSA, redundancy elimination, loop-invariant
    /// hoisting of loads, dead stores. On scimark's `sor` loop (96 MIR
    /// instructions) it takes 9.5 ms where `default<O2>` took 27.5 ms
    /// (`opt-19 -time-passes`) for machine code of the same size (6.9 KB
    /// against 6.5 KB). O1 drops hoisting and GVN; O3 is LLVM's own.
    pub fn pipeline(self) -> &'static str {
        match self {
            OptLevel::O1 => {
                "function(sroa,early-cse<memssa>,instcombine<no-verify-fixpoint>,simplifycfg)"
            }
            OptLevel::O2 => {
                "function(sroa,early-cse<memssa>,instcombine<no-verify-fixpoint>,simplifycfg,\
                 loop-mssa(licm),gvn,instcombine<no-verify-fixpoint>,dse,simplifycfg)"
            }
            OptLevel::O3 => "default<O3>",
        }
    }
}
