#!/usr/bin/env bash
# Installs everything the build, the tests and the demo need, and nothing twice: each step checks
# first, so a second run on a ready machine takes about a second.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '[setup] %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# 1. The wasm target of the machine's one Rust toolchain.
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# 2. wasm-bindgen-cli at exactly the version of the wasm-bindgen crate in Cargo.lock: the CLI and the
#    crate must agree byte for byte on the glue they generate.
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  say "installing wasm-bindgen-cli $want (found: ${have:-none}); this takes a few minutes once"
  # No --locked: the registry mirror lacks one locked dependency version of the CLI.
  cargo install wasm-bindgen-cli --version "$want"
fi

# 3. Debian's Chromium and ChromeDriver for the browser tests and benchmarks, brotli for size figures,
#    zip and unzip for the release's zip (npm run release) and its test.
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
# pdftotext and pdfimages read printed PDFs back (tests/browser/colours-print.test.mjs).
command -v pdftotext >/dev/null && command -v pdfimages >/dev/null || missing+=(poppler-utils)
command -v brotli >/dev/null || missing+=(brotli)
command -v zip >/dev/null || missing+=(zip)
command -v unzip >/dev/null || missing+=(unzip)
if ((${#missing[@]})); then
  say "installing ${missing[*]} from Debian"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq
  as_root apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# 4. npm packages (binaryen's wasm-opt: Debian's binaryen 108 corrupts wasm-bindgen output;
#    playwright-core drives Debian's Chromium). Re-run `npm ci` only when the lock file changed.
stamp=node_modules/.spco-lock.sha256
sum=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ "$(cat "$stamp" 2>/dev/null)" != "$sum" ]; then
  say "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$sum" > "$stamp"
fi
