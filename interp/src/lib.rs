//! The interpreter crate: the front end (parse → scopes → bytecode), the
//! loader, module import, and the tier-0 tail-call interpreter.
//!
//! Architecture invariant: this crate knows no tier crate. Tiers plug in
//! through `tier::TierHooks`, which the root crate installs, so the
//! interpreter alone is a complete VM.

pub mod exec;
pub mod frontend;
pub mod import;
pub mod load;
pub mod profile;
pub mod run;
pub mod tier;

pub use run::{run_main, RunOptions};
