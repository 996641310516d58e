#!/usr/bin/env bash
# README command 2: install what is missing, then run every test layer:
#   1. native `cargo test`: domain, file format, storage, app state, components
#   2. wasm-bindgen-test in headless Chromium: real localStorage
#   3. the size gate, then Playwright against the release build in dist/,
#      in Debian's Chromium
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
export PATH="$HOME/.cargo/bin:$PATH"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
step() { printf '\n\033[1m== %s ==\033[0m\n' "$*"; }

step "1/3 native tests (cargo test)"
cargo test --locked 2>&1 | tee -a "$log"

step "2/3 browser storage tests (wasm-bindgen-test, headless Chromium)"
CHROMEDRIVER="$(command -v chromedriver)" cargo test --locked --target wasm32-unknown-unknown --test browser 2>&1 | tee -a "$log"

step "3/3 size gate and end-to-end tests (Playwright, release build)"
trunk build --release
# Deterministic: the main module's gzip size against scripts/size-budget-kb.
(cd tests/e2e && node size-gate.mjs ../../dist)
(cd tests/e2e && npx playwright test) 2>&1 | tee -a "$log"

# One closing line for all three layers (each layer above already stopped
# the script with its own exit code if anything failed).
passed=$(grep -oE '[0-9]+ passed' "$log" | awk '{ n += $1 } END { print n + 0 }')
printf '\nall layers: %s passed, 0 failed\n' "$passed"
