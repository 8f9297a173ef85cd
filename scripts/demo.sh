#!/usr/bin/env bash
# Runs the demo program through each tier configuration and shows that the
# output matches CPython's.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cargo build --release --quiet
bin=target/release/strata
demo=examples/demo.py
py=$(command -v python3.11 || command -v python3)
expected=$("$py" "$demo")
for cfg in "--max-tier 0" "--max-tier 1 --tier1-threshold 0" "--max-tier 2 --jit-sync --tier2-threshold 0" ""; do
  echo "== strata ${cfg:-(default)} $demo"
  start=$(date +%s.%N)
  # shellcheck disable=SC2086
  out=$("$bin" $cfg "$demo")
  end=$(date +%s.%N)
  echo "$out"
  if [ "$out" == "$expected" ]; then
    printf -- "-- identical to CPython (%.3f s)\n" "$(echo "$end - $start" | bc)"
  else
    echo "-- DIFFERS from CPython" >&2
    diff <(echo "$expected") <(echo "$out") >&2 || true
    exit 1
  fi
done
echo "== what tier 2 did (strata --jit-sync --tier2-threshold 0 --log=compile --stats)"
"$bin" --max-tier 2 --jit-sync --tier2-threshold 0 --log=compile --stats "$demo" 2>&1 >/dev/null | sed 's/^/   /'
