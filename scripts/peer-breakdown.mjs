// Where a zoom step's time goes, for issue #15: the peer benchmark's page of a library
// (../shared/peers/pages/<PAGE>.html, default spco-roles) is zoomed 100 + 200 steps the way the
// benchmark's zoom step does it (its update, then a one-pixel readback that flushes the canvas);
// it prints the update's and the readback's median and p95, then a CPU profile of the 200 steps
// by self time (wasm, JS, native canvas calls; "(program)" is the browser's own rendering).
// Usage: node scripts/peer-breakdown.mjs [pkg dir] [rows]   (PAGE=uplot for the peer)
import { chromium } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import http from 'node:http'; import fs from 'node:fs'; import path from 'node:path';
const here = path.dirname(fileURLToPath(import.meta.url));
const peers = path.resolve(here, '../../shared/peers');
const roots = { '/pkg/': process.argv[2] || path.resolve(here, '../pkg'), '/data/': `${peers}/data/`, '/harness/': `${peers}/harness/`, '/pages/': `${peers}/pages/`, '/node_modules/': `${peers}/node_modules/` };
const srv = http.createServer((q, r) => { const u = decodeURIComponent(q.url.split('?')[0]); for (const [p, d] of Object.entries(roots)) if (u.startsWith(p)) { const f = path.join(d, u.slice(p.length)); if (fs.existsSync(f)) { r.writeHead(200, { 'content-type': f.endsWith('.wasm') ? 'application/wasm' : f.endsWith('.js') || f.endsWith('.mjs') ? 'text/javascript' : f.endsWith('.html') ? 'text/html' : 'text/plain' }); return r.end(fs.readFileSync(f)); } } r.writeHead(404); r.end(); }).listen(0);
const port = srv.address().port;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
const ctx = await b.newContext({ viewport: { width: 1000, height: 760 }, deviceScaleFactor: 2 });
const page = await ctx.newPage();
const PAGE = process.env.PAGE || 'spco-roles';
await page.goto(`http://127.0.0.1:${port}/pages/${PAGE}.html`);
await page.waitForFunction(() => window.BENCH && BENCH.target && BENCH.target() && BENCH.zoom, null, { timeout: 20000 });
await page.waitForTimeout(1500);
await page.waitForTimeout(500);
const steps = async (n) => page.evaluate(async (n) => {
  const c = BENCH.target(); const g = c.getContext('2d');
  const frame = () => new Promise(r => requestAnimationFrame(r)); const sync = [];
  for (let i = 0; i < n; i++) { const s = 1 + (i % 20) * 0.05; await frame();
    let tS = 0; const t0 = performance.now(); if (BENCH.deferred === 'raf') requestAnimationFrame(() => { tS = performance.now(); });
    BENCH.zoom(1 + s * 0.1, 9 - s * 0.1, 1 + s * 0.05, 5 - s * 0.05); const tz = performance.now();
    if (BENCH.deferred === 'raf') await new Promise(r => requestAnimationFrame(() => r()));
    const t1 = performance.now(); g.getImageData(0, 0, 1, 1); const t2 = performance.now(); sync.push([(tz - t0) + (BENCH.deferred === 'raf' ? t1 - tS : t1 - tz), t2 - t1]); }
  const med = (k) => { const a = sync.map(x => x[k]).sort((a, b) => a - b); return [a[a.length >> 1].toFixed(2), a[Math.floor(a.length * 0.95)].toFixed(2)]; };
  return { updateMedP95: med(0), readbackMedP95: med(1) };
}, n);
console.log('warm', await steps(100));
const cdp = await ctx.newCDPSession(page);
await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 50 }); await cdp.send('Profiler.start');
console.log('profiled', await steps(200));
const { profile } = await cdp.send('Profiler.stop');
const byId = new Map(profile.nodes.map(n => [n.id, n]));
const self = new Map(); const dt = profile.timeDeltas; let total = 0;
for (let i = 0; i < profile.samples.length; i++) { const n = byId.get(profile.samples[i]); const cf = n.callFrame; const key = `${cf.functionName || '(anon)'} ${cf.url.replace(/.*\//, '')}`; const d = dt[i] || 0; total += d; self.set(key, (self.get(key) || 0) + d); }
const rows = [...self].sort((a, b) => b[1] - a[1]).slice(0, +process.argv[3] || 30);
const cat = {}; for (const [k, v] of self) { const c = k.includes('.wasm') || k.includes('wasm-function') || /^\$/.test(k) ? 'wasm' : k.startsWith('(idle)') ? 'idle' : k.startsWith('(program)') ? 'program' : k.startsWith('(garbage') ? 'gc' : k.includes('.js') ? 'js' : 'native'; cat[c] = (cat[c] || 0) + v; }
console.log(Object.fromEntries(Object.entries(cat).map(([k, v]) => [k, (v / 1000).toFixed(0) + 'ms'])));
for (const [k, v] of rows) console.log((v / 1000).toFixed(1).padStart(7), k);
await b.close(); srv.close();
