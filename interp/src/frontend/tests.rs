//! End-to-end tests of `compile`.
