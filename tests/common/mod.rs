//! Running the `strata` under test from the integration tests that look at
//! its logs and statistics (tier2_events.rs, tier2_memory.rs).

// Each test binary uses what it needs of this module.
#![allow(dead_code)]

use std::process::Command;

/// A command running the `strata` under test (`$STRATA_BIN`, or the one
/// cargo built).
pub fn strata_command() -> Command {
    Command::new(
        std::env::var("STRATA_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_strata").to_string()),
    )
}

/// Runs `cmd`: (stdout, stderr, success).
pub fn finish(cmd: &mut Command) -> (String, String, bool) {
    let out = cmd.output().expect("run strata");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.success(),
    )
}

/// Runs `strata` with `args`: (stdout, stderr, success).
pub fn strata(args: &[&str]) -> (String, String, bool) {
    finish(strata_command().args(args))
}
