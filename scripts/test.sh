#!/usr/bin/env bash
# Runs every test: formatting, unit tests, and the program suite under every
# tier configuration against CPython's checked-in expected output.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cargo fmt --all -- --check
cargo test --workspace --release
