// The bytes a page downloads at start for the component: the wasm and the one JS module (which
// bundles the wasm-bindgen glue), brotli quality 11 as a CDN would serve them.
//
// Issue #12 set 125,000 B for the whole component after this round. This round's features took
// it to ~142.5 KB (README "Figures" lists what each cost); the target is NOT met, and #12 stays
// open for it. So that it does not grow further unnoticed, this test holds the line at the size
// this round shipped with (a ceiling, not the target), and reports the code loaded on demand
// (the SVG export module, the big-file worker) separately.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { shippedFiles } from '../../scripts/pkg-files.mjs';

const TARGET_BROTLI = 125_000; // issue #12; not met (above)
const CEILING_BROTLI = 143_500; // this round's size, rounded up

const brotli = (f) => zlib.brotliCompressSync(fs.readFileSync(f), {
  params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 },
}).length;

test('shipped wasm + JS at start stay under this round\'s ceiling; on-demand code is reported', () => {
  const files = shippedFiles('pkg');
  const sizes = files.map(brotli);
  const total = sizes.reduce((a, b) => a + b, 0);
  const list = files.map((f, i) => `${f} ${sizes[i]}`).join(', ');
  const onDemand = fs.readdirSync('pkg', { withFileTypes: true }).flatMap((d) => {
    if (d.isDirectory() && d.name.startsWith('svg-')) return fs.readdirSync(path.join('pkg', d.name)).map((f) => path.join('pkg', d.name, f));
    return d.name === 'spco-roles-worker.js' ? [path.join('pkg', d.name)] : [];
  });
  console.log(`at start: ${total} B brotli (${list}); target ${TARGET_BROTLI}, ceiling ${CEILING_BROTLI}`);
  console.log(`on demand: ${onDemand.map((f) => `${f} ${brotli(f)}`).join(', ')}`);
  assert.ok(total <= CEILING_BROTLI, `component is ${total} B brotli (${list}), ceiling ${CEILING_BROTLI}`);
});
