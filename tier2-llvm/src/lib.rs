//! Tier 2: the LLVM optimizing tier (see ARCHITECTURE.md).
//!
//! Bytecode + profile → plain-data snapshot (`snapshot`) → typed MIR
//! (`mir`) → LLVM IR → machine code through ORC. The last two steps are in
//! the code generator plugin (`tier2-codegen`, opened by `plugin` at the
//! first compile, so a process that never compiles never maps LLVM). The
//! `Tier` implementation (`tier`) decides what to compile, runs compiles
//! synchronously or on the worker pool, and installs results at
//! safepoints; compiled code calls back into `helpers`.

pub mod aarch64;
pub mod helpers;
pub mod layout;
pub mod mir;
pub mod plugin;
pub mod snapshot;
pub mod tier;
