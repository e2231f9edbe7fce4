// What a call from wasm into a canvas method costs against the same call from JS, for issue #15:
// a hand-assembled wasm module (no toolchain) imports one JS function, (ctx, x, y, w, h) =>
// ctx.fillRect(x, y, w, h), and calls it N times in a loop; a JS loop makes the same N calls.
// Medians of 60 frames, 10 runs each, on a 1800x1280 canvas in headless Chromium. A frame of
// the quadrant makes ~312 canvas calls from wasm: this says whether crossing into JS is what
// they cost (stop 30: no, 30 us per 312 calls either way).
// Usage: node scripts/wasm-call-cost.mjs
import { launchChromium } from './peer-serve.mjs';
const b = await launchChromium();
const page = await (await b.newContext({ deviceScaleFactor: 2 })).newPage();
await page.setContent('<canvas id=c width=1800 height=1280></canvas>');
const r = await page.evaluate(async () => {
  const f64 = (x) => [...new Uint8Array(new Float64Array([x]).buffer)];
  const body = [0x00, 0x02, 0x40, 0x03, 0x40, 0x20, 0x01, 0x45, 0x0d, 0x01, 0x20, 0x00,
    0x44, ...f64(10), 0x44, ...f64(20), 0x44, ...f64(3), 0x44, ...f64(4), 0x10, 0x00,
    0x20, 0x01, 0x41, 0x01, 0x6b, 0x21, 0x01, 0x0c, 0x00, 0x0b, 0x0b, 0x0b];
  const bytes = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    0x01, 0x0e, 0x02, 0x60, 0x05, 0x6f, 0x7c, 0x7c, 0x7c, 0x7c, 0x00, 0x60, 0x02, 0x6f, 0x7f, 0x00,
    0x02, 0x07, 0x01, 0x01, 0x6d, 0x01, 0x66, 0x00, 0x00,
    0x03, 0x02, 0x01, 0x01,
    0x07, 0x07, 0x01, 0x03, 0x72, 0x75, 0x6e, 0x00, 0x01,
    0x0a, body.length + 2, 0x01, body.length, ...body]);
  const ctx = document.getElementById('c').getContext('2d');
  ctx.fillStyle = 'rgba(10,20,30,1)';
  const { instance } = await WebAssembly.instantiate(bytes, { m: { f: function (a0, a1, a2, a3, a4) { a0.fillRect(a1, a2, a3, a4); } } });
  const run = instance.exports.run;
  const N = 312, out = {};
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  for (const [name, fn] of [['js', () => { for (let i = 0; i < N; i++) ctx.fillRect(10, 20, 3, 4); }], ['wasm', () => run(ctx, N)]]) {
    const ts = [];
    for (let s = 0; s < 60; s++) { await frame(); const t0 = performance.now(); for (let k = 0; k < 10; k++) fn(); ts.push((performance.now() - t0) / 10); ctx.getImageData(0, 0, 1, 1); }
    ts.sort((a, b) => a - b); out[name] = (ts[30] * 1000).toFixed(0) + ' us per 312 calls';
  }
  return out;
});
console.log(r);
await b.close();
