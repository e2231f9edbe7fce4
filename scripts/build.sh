#!/usr/bin/env bash
# Builds the wasm module, its wasm-bindgen glue and the wrapper into pkg/ (what a page embeds).
# SPCO_PROFILE=dev builds unoptimised; SPCO_FEATURES=tools SPCO_OUT=dir builds the wasm with the
# summary-table tools exported, glue only, into dir (used by the benchmarks).
# For profiling: SPCO_MINIFY=0 leaves the JS readable, and SPCO_NAMES=1 keeps the wasm's function
# names (a whole rebuild: give it its own CARGO_TARGET_DIR). Neither is for shipping.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
[ "${SPCO_NAMES:-0}" = 1 ] && export CARGO_PROFILE_RELEASE_STRIP=none
target_dir="${CARGO_TARGET_DIR:-target}"
profile="${SPCO_PROFILE:-release}"
out="${SPCO_OUT:-pkg}"
features=()
[ -n "${SPCO_FEATURES:-}" ] && features=(--features "$SPCO_FEATURES")

# The on-demand module (www/element/more.js): the same crate with its default features (the JSON
# and Qualtrics importers, the words of import errors) and `svg` (the SVG export), loaded when a
# page meets such a file or error, exports SVG, or imports a big file (the worker uses it). Built
# first, so that the start module is cargo's last build (scripts/check-wasm-names.mjs reads that
# one); the start module leaves the default features out.
if [ "$out" = pkg ]; then
  rm -rf pkg/.more
  SPCO_PROFILE="$profile" SPCO_FEATURES=svg SPCO_OUT=pkg/.more bash scripts/build.sh
  features+=(--no-default-features)
fi

# A 256 KiB stack instead of rustc's 1 MiB: wasm memory is counted against the page, and the
# deepest stack measured over imports of every format, both charts, tooltips and zooms was 6 KB.
cargo rustc --lib --crate-type cdylib --target wasm32-unknown-unknown --profile "$profile" --quiet "${features[@]}" \
  -- -C link-arg=-zstack-size=262144
mkdir -p "$out"
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name spco_roles \
  "$target_dir/wasm32-unknown-unknown/$profile/spco_roles.wasm"
if [ "$profile" = release ]; then
  # npm's binaryen, never Debian's (see README). Features are read from the module itself.
  # -Oz again while the module still shrinks (at most three passes): the second and third took
  # another 320 B raw and 200-330 B brotli off the start module at stop 24 (a pass's inlining and
  # merging leave work for the next).
  # --low-memory-unused lets wasm-opt fold a constant added to an address into the access's offset
  # (0.5 KB brotli off the start module at stop 32). It is sound when nothing lives in the first
  # 1 KiB of memory: rustc's wasm32 target links with --stack-first, so that is the bottom of the
  # 256 KiB stack, reached only at 255 KiB deep (the deepest measured is 6 KB); the data follow
  # the stack, and the heap the data.
  prev=0
  for pass in 1 2 3; do
    node_modules/.bin/wasm-opt -Oz --low-memory-unused $([ "${SPCO_NAMES:-0}" = 1 ] && echo -g || echo --strip-debug) --strip-producers \
      "$out/spco_roles_bg.wasm" -o "$out/spco_roles_bg.wasm"
    size=$(wc -c < "$out/spco_roles_bg.wasm")
    [ "$size" = "$prev" ] && break
    prev=$size
  done
fi
if [ "$out" = pkg ]; then
  # One module for the page: the element (www/spco-roles.js and www/element/) with the wasm-bindgen
  # glue bundled in (minified in release). The entry imports the glue as './spco_roles.js', so it is
  # bundled from a copy of www/ staged beside the glue.
  stage=pkg/.wrapper
  rm -rf "$stage" && mkdir -p "$stage"
  cp -r www/spco-roles.js www/element "$stage/"
  # The stylesheets and markup minified in the copy (esbuild leaves template literals as written).
  [ "$profile" = release ] && [ "${SPCO_MINIFY:-1}" = 1 ] && node scripts/minify-literals.mjs "$stage/element"
  mv pkg/spco_roles.js "$stage/"
  # After a trap the page needs a fresh instance of the same module, which the glue cannot give
  # (its init returns the first instance forever); www/glue-reinit.js adds that one export to it.
  cat www/glue-reinit.js >> "$stage/spco_roles.js"
  cp www/spco-roles-worker.js "$stage/"
  # The worker imports every format, so it runs the on-demand module (its glue, bundled in).
  cp pkg/.more/spco_roles.js "$stage/spco_roles_more.js"
  # Release also shortens the element's private properties (`_name`; the glue's are `__name`), which
  # keeps the split element as small as the single file was; the benchmarks reach in through
  # `_handle` and `_raf`, so those keep their names.
  minify=(); [ "$profile" = release ] && [ "${SPCO_MINIFY:-1}" = 1 ] && minify=(--minify '--mangle-props=^_[a-z]' '--reserve-props=^_(handle|raf)$')
  # Two entries split by esbuild (one build, so both mangle alike): the element, and the lazy
  # chunk it imports on first use (www/element/later.js; lazy.js says what is in it). Code both
  # used would go into a third, shared chunk the page loads at start, costing ~1.5 KB brotli more
  # than one file: so the lazy modules import nothing of the element, and a shared chunk stops
  # the build.
  # No `//# allFunctionsCalledOnLoad` banner (V8's explicit compile hint): tried, it moved ~6 ms
  # of main-thread compiling to the first chart's background (CDP ScriptDuration 45 -> 39 ms) but
  # kept the bytecode of every function, +0.26 MB of JS heap in the peer benchmark (1.77 -> 2.03
  # MB, over #15's 2 MB). Tried again with memory to spare (1.58 MB): the first chart painted no
  # sooner (139.6 against 140.9 ms, 15 alternating loads), so it still costs more than it gives.
  find pkg -maxdepth 1 \( -name 'spco-roles.later.*' -o -name 'spco-roles.chunk.*' \) -delete
  node_modules/.bin/esbuild "$stage/spco-roles.js" "$stage/element/later.js" --bundle --splitting --format=esm \
    --target=es2020 "${minify[@]}" --legal-comments=none --log-level=warning --outdir=pkg \
    --entry-names='[name]' --chunk-names='spco-roles.chunk.[hash]'
  if ls pkg/spco-roles.chunk.* >/dev/null 2>&1; then
    echo "[build] the lazy chunk (www/element/later.js) shares modules with the element: pkg/$(cd pkg && ls spco-roles.chunk.*)" >&2
    exit 1
  fi
  later="spco-roles.later.$(sha256sum pkg/later.js | cut -c1-8).js"
  mv pkg/later.js "pkg/$later"
  node scripts/place-name.mjs pkg/spco-roles.js "./later.js=./$later"
  # The worker that parses big files off the main thread (www/spco-roles-worker.js): loaded on
  # demand, with the same glue and wasm (its own instance).
  node_modules/.bin/esbuild "$stage/spco-roles-worker.js" --bundle --format=esm --target=es2020 "${minify[@]}" \
    --legal-comments=none --log-level=warning --outfile=pkg/spco-roles-worker.js
  rm -rf "$stage"
  # The .wasm is named after its content (spco_roles_bg.<first 8 hex of sha256>.wasm), so a cached
  # old module can never meet a new script: the name changes whenever the bytes do, and servers
  # may cache it forever. The bundle is rewritten to ask for that name (scripts/wasm-name.mjs);
  # older hashed modules are removed so pkg/ holds one.
  hash=$(sha256sum pkg/spco_roles_bg.wasm | cut -c1-8)
  wasm_name="spco_roles_bg.$hash.wasm"
  find pkg -maxdepth 1 -name 'spco_roles_bg.*.wasm' ! -name "$wasm_name" -delete
  mv pkg/spco_roles_bg.wasm "pkg/$wasm_name"
  node scripts/wasm-name.mjs pkg/spco-roles.js "$wasm_name"
  # The types (the element's, and React, Vue and JSX declarations) and the custom-elements manifest.
  cp www/*.d.ts www/custom-elements.json pkg/

  # The on-demand module's glue (minified) and wasm, named after their content like the start
  # module; the element and the worker are rewritten to ask for those names.
  # A trap there needs a fresh instance too (more.js restartMore), as for the start module.
  cat www/glue-reinit.js >> pkg/.more/spco_roles.js
  node_modules/.bin/esbuild pkg/.more/spco_roles.js --format=esm --target=es2020 "${minify[@]}" \
    --legal-comments=none --log-level=warning --outfile=pkg/.more/more.js
  more="spco-roles-more.$(cat pkg/.more/spco_roles_bg.wasm pkg/.more/more.js | sha256sum | cut -c1-8)"
  find pkg -maxdepth 1 \( -name 'spco-roles-more.*' -o -name 'svg-*' \) -exec rm -rf {} +
  mv pkg/.more/spco_roles_bg.wasm "pkg/$more.wasm"
  mv pkg/.more/more.js "pkg/$more.js"
  rm -rf pkg/.more
  node scripts/place-name.mjs "pkg/$more.js" "spco_roles_bg.wasm?=$more.wasm"
  node scripts/place-name.mjs pkg/spco-roles.js "./__SPCO_MORE_JS__=./$more.js" "./__SPCO_MORE_WASM__=./$more.wasm"
  node scripts/place-name.mjs pkg/spco-roles-worker.js "./__SPCO_MORE_WASM__=./$more.wasm" "spco_roles_bg.wasm?=$more.wasm"
fi
printf '[build] %s/: %s\n' "$out" "$(cd "$out" && ls | tr '\n' ' ')" >&2
