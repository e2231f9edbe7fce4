// Where a zoom step's time goes, for issue #15: the peer benchmark's page of a library
// (../shared/peers/pages/<PAGE>.html, default spco-roles) is zoomed 100 + 200 steps the way the
// benchmark's zoom step does it (its update, then a one-pixel readback that flushes the canvas);
// it prints the update's and the readback's median and p95, then a CPU profile of the 200 steps
// by self time (wasm, JS, native canvas calls; "(program)" is the browser's own rendering).
// Usage: node scripts/peer-breakdown.mjs [pkg dir] [rows]   (PAGE=uplot for the peer;
// CALLERS=regex prints where the matching functions are called from; INCL=1 inclusive times)
import { peerServer, launchChromium, benchPage, openBenchPage } from './peer-serve.mjs';
const srv = await peerServer(process.argv[2] || undefined);
const b = await launchChromium();
const { ctx, page } = await benchPage(b);
const PAGE = process.env.PAGE || 'spco-roles';
await openBenchPage(page, srv.base, PAGE, 2000);
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
const parent = new Map(); for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
// INCL=1: functions by inclusive time too.
if (process.env.INCL) {
  const incl = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    let id = profile.samples[i]; const seen = new Set();
    while (id) { const cf = byId.get(id).callFrame; const k = `${cf.functionName || '(anon)'} ${cf.url.replace(/.*\//, '')}`; if (!seen.has(k)) { seen.add(k); incl.set(k, (incl.get(k) || 0) + (dt[i] || 0)); } id = parent.get(id); }
  }
  console.log('inclusive, us per step:');
  for (const [k, v] of [...incl].filter(([k]) => !/^\((idle|root|program)\)/.test(k)).sort((a, b) => b[1] - a[1]).slice(0, 45)) console.log((v / 200).toFixed(0).padStart(6), k.replace(/::h[0-9a-f]{16}/, '').slice(0, 110));
}
// CALLERS=pattern: the call paths (3 frames up) of the samples whose function matches.
if (process.env.CALLERS) {
  const paths = new Map(); const re = new RegExp(process.env.CALLERS);
  for (let i = 0; i < profile.samples.length; i++) {
    let id = profile.samples[i]; if (!re.test(byId.get(id).callFrame.functionName)) continue;
    const chain = []; for (let k = 0; k < 4 && id; k++) { chain.push(byId.get(id).callFrame.functionName.replace(/::h[0-9a-f]{16}$/, '').slice(-60)); id = parent.get(id); }
    const key = chain.join(' < '); paths.set(key, (paths.get(key) || 0) + (dt[i] || 0));
  }
  for (const [k, v] of [...paths].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log((v / 1000).toFixed(1).padStart(6), k);
}
await b.close(); srv.close();
