// A zoom step's parts timed directly, for issue #15: the peer benchmark's spco-roles page is
// zoomed STEPS times the way the benchmark's zoom step does it (the `zoom` attribute set, the
// element's frame, a one-pixel readback), with every method of the element's wasm handle
// (chart-handle.js) wrapped in performance.now() calls, and its `draw` split into the layout
// (`prepare` first) and the painting (`draw` then finds the layout made). It prints each wasm
// call's mean time a step, and the medians of the attribute call, the element's animation-frame
// callback and the readback over the steps after the first 100.
// Unlike a sampling profile (peer-breakdown.mjs), nothing is attributed by guess; the cost is the
// timer reads (a few per step) and performance.now()'s 0.1 ms grain, which the means over the
// steps average out. JSF passes V8 flags, e.g. JSF=--no-liftoff (wasm compiled by TurboFan only)
// or JSF=--liftoff-only, to see how much of a part is V8's tiering.
// Usage: node scripts/peer-steps.mjs [pkg dir] [steps]
import { chromium } from 'playwright-core';
import { peerServer, launchChromium, benchPage, openBenchPage } from './peer-serve.mjs';
const srv = await peerServer(process.argv[2] || undefined);
const STEPS = +process.argv[3] || 300;
const b = process.env.JSF
  ? await chromium.launch({ executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', `--js-flags=${process.env.JSF}`] })
  : await launchChromium();
const { page } = await benchPage(b);
await openBenchPage(page, srv.base);
const r = await page.evaluate(async (STEPS) => {
  const g = BENCH.target().getContext('2d');
  const raf = window.requestAnimationFrame.bind(window);
  // The element's own frame callbacks are timed; the script's (marked `own`) are not.
  let frames = [];
  window.requestAnimationFrame = (cb) => raf((t) => {
    const s = performance.now(); cb(t);
    if (!cb.own) frames.push([s, performance.now()]);
  });
  const own = (f) => { f.own = true; return f; };
  const H = document.getElementById('chart')._handle;
  const spent = {};
  for (const k of Object.getOwnPropertyNames(Object.getPrototypeOf(H))) {
    const f = H[k];
    if (k === 'constructor' || k === 'draw' || k === 'prepare' || typeof f !== 'function') continue;
    spent[k] = 0;
    H[k] = function (...a) { const s = performance.now(); try { return f.apply(this, a); } finally { spent[k] += performance.now() - s; } };
  }
  const draw = H.draw, prepare = H.prepare;
  spent['draw: layout'] = 0; spent['draw: painting'] = 0;
  H.draw = function (now) {
    const a = performance.now(); prepare.call(this);
    const m = performance.now(); const more = draw.call(this, now);
    spent['draw: layout'] += m - a; spent['draw: painting'] += performance.now() - m;
    return more;
  };
  const rows = [];
  for (let i = 0; i < STEPS; i++) {
    const s = 1 + (i % 20) * 0.05;
    await new Promise((ok) => raf(own(() => ok())));
    frames = [];
    let tS = 0;
    const t0 = performance.now();
    raf(own(() => { tS = performance.now(); })); // the benchmark's sentinel
    BENCH.zoom(1 + s * 0.1, 9 - s * 0.1, 1 + s * 0.05, 5 - s * 0.05);
    const tz = performance.now();
    await new Promise((ok) => raf(own(() => ok())));
    const t1 = performance.now(); g.getImageData(0, 0, 1, 1); const t2 = performance.now();
    const f = frames[0] || [tS, tS];
    rows.push([tz - t0, f[1] - f[0], t2 - t1]);
  }
  const med = (k) => { const a = rows.slice(100).map((x) => x[k]).sort((x, y) => x - y); return a[a.length >> 1].toFixed(1); };
  return {
    calls: Object.entries(spent).filter(([, v]) => v > 0).map(([k, v]) => `${k} ${(v / STEPS * 1000).toFixed(0)} us`),
    medians: `attribute call ${med(0)} ms, the element's frame ${med(1)} ms, readback ${med(2)} ms`,
  };
}, STEPS);
console.log(`wasm calls, mean a step:\n  ${r.calls.join('\n  ')}\n${r.medians}`);
await b.close(); srv.close();
