// The byte budget of issues #4/#5: everything a page downloads for the component (the wasm and the
// one JS module, which bundles the wasm-bindgen glue) stays within 120 KB brotli (counted as
// 120,000 bytes, quality 11 as a CDN would serve it). Runs on the pkg/ that `npm test` just built.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { shippedFiles } from '../../scripts/pkg-files.mjs';

const BUDGET_BROTLI = 120_000;

test('shipped wasm + JS stay within 120 KB brotli', () => {
  const files = shippedFiles('pkg');
  const sizes = files.map((f) => zlib.brotliCompressSync(fs.readFileSync(f), {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 },
  }).length);
  const total = sizes.reduce((a, b) => a + b, 0);
  assert.ok(total <= BUDGET_BROTLI,
    `component is ${total} B brotli (${files.map((f, i) => `${f} ${sizes[i]}`).join(', ')}), budget ${BUDGET_BROTLI}`);
});
