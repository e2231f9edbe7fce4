#!/usr/bin/env bash
# Every test: formatting and lints (host and wasm32, with the size rules of clippy.toml), the
# native tests, the wasm build and its function names (scripts/check-wasm-names.mjs), and the
# browser tests in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
step() { printf '\n== %s\n' "$*" >&2; }

step "cargo fmt --check"
cargo fmt --all -- --check
step "cargo clippy (host and wasm32)"
cargo clippy --all-targets --quiet -- -D warnings
cargo clippy --lib --test wasm_binding --target wasm32-unknown-unknown --quiet -- -D warnings
step "native tests"
cargo test --quiet
# The vendored plotters-canvas carries one patch, with its own test (vendor/plotters-canvas/PATCHED.md).
cargo test --quiet -p plotters-canvas
step "wasm binding tests (wasm-bindgen-test, headless Chromium)"
# (Not `cargo test --quiet`: cargo passes --quiet on to the runner, which refuses it.)
CHROMEDRIVER=/usr/bin/chromedriver CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --target wasm32-unknown-unknown --test wasm_binding
step "wasm build"
bash scripts/build.sh
step "wasm function names (size rules clippy cannot see)"
node scripts/check-wasm-names.mjs
step "browser tests (headless Chromium)"
# A hung browser must fail the run, not stall CI.
node --test --test-concurrency=1 --test-timeout=300000 tests/browser/
