#!/usr/bin/env bash
# Runs every test: formatting, unit tests, and the program suite under every
# tier configuration against CPython's checked-in expected output. Ends with
# one summary line over all test binaries.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cargo fmt --all -- --check
log=$(mktemp)
status=0
cargo test --workspace --release 2>&1 | tee "$log" || status=$?
awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i } }
     END { printf "tests: %d passed, %d failed\n", p, f }' "$log"
rm -f "$log"
exit "$status"
