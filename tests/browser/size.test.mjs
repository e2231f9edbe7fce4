// The byte budget (issues #4/#5, raised to 125 KB by #12 for this round): everything a page downloads for the component (the wasm and the
// one JS module, which bundles the wasm-bindgen glue) stays within 125 KB brotli (counted as
// 125,000 bytes, quality 11 as a CDN would serve it). Runs on the pkg/ that `npm test` just built.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { shippedFiles } from '../../scripts/pkg-files.mjs';

const BUDGET_BROTLI = 125_000;

test('shipped wasm + JS stay within 125 KB brotli', () => {
  const files = shippedFiles('pkg');
  const sizes = files.map((f) => zlib.brotliCompressSync(fs.readFileSync(f), {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 },
  }).length);
  const total = sizes.reduce((a, b) => a + b, 0);
  assert.ok(total <= BUDGET_BROTLI,
    `component is ${total} B brotli (${files.map((f, i) => `${f} ${sizes[i]}`).join(', ')}), budget ${BUDGET_BROTLI}`);
});
