//! Tier 2: the LLVM optimizing tier (see ARCHITECTURE.md).
//!
//! Bytecode + profile → plain-data snapshot (`snapshot`) → typed MIR
//! (`mir`) → LLVM IR (`lower`) → machine code through ORC (`orc`); the
//! `Tier` implementation (`tier`) decides what to compile, runs compiles
//! synchronously or on the worker pool, and installs results at safepoints.

pub mod aarch64;
pub mod helpers;
pub mod lower;
pub mod mir;
pub mod orc;
pub mod snapshot;
pub mod tier;
