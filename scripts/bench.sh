#!/usr/bin/env bash
# Benchmarks: native (import, statistics, reconstruction) and in headless Chromium (bytes, first
# chart, redraw, refilter). Figures land in bench-results/ and on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench-results
printf '\n== native benchmarks (release)\n' >&2
cargo bench --quiet 2>/dev/null | tee bench-results/native.txt
printf '\n== browser benchmarks (headless Chromium)\n' >&2
bash scripts/build.sh
node tests/browser/bench.mjs
