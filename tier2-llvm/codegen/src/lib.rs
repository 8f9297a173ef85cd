//! Tier 2's code generator (see ARCHITECTURE.md and
//! `tier2_llvm::plugin`): MIR → LLVM IR (`lower`) → machine code through
//! ORC (`orc`), and AArch64 objects of the same MIR (`aarch64`). Built as
//! the plugin `libtier2_codegen.so` that `strata` opens at its first
//! compile (`api` is its entry point), and as a library for its tests.

pub mod aarch64;
pub mod api;
pub mod clean;
pub mod lower;
pub mod orc;
