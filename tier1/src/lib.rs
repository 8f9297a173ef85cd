//! Tier 1: the baseline JIT (x86_64 and AArch64). Not built yet: see issue 5.
