#!/usr/bin/env bash
# Benchmark (not a test): builds the release and prints sizes and load time.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test >/dev/null
export PATH="$HOME/.cargo/bin:$PATH"
trunk build --release > /tmp/marketplan-bench-build.log 2>&1 || { cat /tmp/marketplan-bench-build.log; echo "bench: the release build failed" >&2; exit 1; }
# The price calendar's computation, natively in release (a printed figure, not a check).
cargo test --release --lib bench_price_calendar_of_a_year -- --ignored --nocapture 2>/dev/null | grep "price calendar" || true
cd tests/e2e && node bench.mjs ../../dist
