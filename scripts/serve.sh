#!/usr/bin/env bash
# README command 1: install what is missing, then serve the app on
# http://127.0.0.1:8080 (rebuilding on every change).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh app
export PATH="$HOME/.cargo/bin:$PATH"
exec trunk serve
