#!/usr/bin/env bash
# Benchmarks: native (import, statistics, reconstruction, quadrant layout) and in headless Chromium (bytes, first
# chart, redraw, refilter, hierarchy, tools in wasm). Figures land in bench-results/ and on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
mkdir -p bench-results
printf '\n== native benchmarks (release)\n' >&2
cargo bench --quiet --bench stats --bench reconstruct --bench layout | tee bench-results/native.txt
printf '\n== browser benchmarks (headless Chromium)\n' >&2
# The summary-table tools are not in the shipped component; build them aside to time them in wasm.
SPCO_FEATURES=tools SPCO_OUT=pkg/tools bash scripts/build.sh
bash scripts/build.sh
trap 'rm -rf pkg/tools' EXIT
node tests/browser/bench.mjs | tee bench-results/browser.txt
