//! The interface through which compiling tiers plug into the interpreter.
//!
//! The interpreter calls a tier only when a profile counter crosses its
//! threshold; with no tier installed (or `--max-tier 0`) nothing is called.

/// Makes the compiling tier for a run (the root crate supplies it, so the
/// interpreter never depends on a tier crate).
#[derive(Clone)]
pub struct TierFactory(pub std::sync::Arc<dyn Fn() -> Box<dyn runtime::jit::Tier> + Send + Sync>);

impl std::fmt::Debug for TierFactory {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TierFactory")
    }
}

/// Settings that every tier configuration shares (set from the command line).
#[derive(Clone, Debug, Default)]
pub struct TierConfig {
    /// Highest tier that may run (0 = interpreter only).
    pub max_tier: u8,
    /// Calls or back edges before tier 1 compiles a function or loop.
    pub tier1_threshold: u32,
    /// Calls or back edges before tier 2 compiles a function or loop.
    pub tier2_threshold: u32,
    /// Wait for tier-2 compiles instead of running them in the background.
    pub jit_sync: bool,
    /// The tier to install (none: the interpreter runs alone).
    pub factory: Option<TierFactory>,
}
