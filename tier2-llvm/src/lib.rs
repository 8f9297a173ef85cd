//! Tier 2: the LLVM optimizing tier. Not built yet: see issue 4.
