// The 2D-context calls of one zoom step on the peer benchmark's page (issue #15): every method
// call and property set of CanvasRenderingContext2D counted over one `zoom` change and the
// frames after it. Usage: node scripts/peer-calls.mjs [pkg dir]   (PAGE=uplot for the peer;
// LOG=1 also lists the calls in order)
import { peerServer, launchChromium, benchPage } from './peer-serve.mjs';
const srv = await peerServer(process.argv[2] || undefined);
const b = await launchChromium();
const { page } = await benchPage(b);
await page.addInitScript(() => {
  const P = CanvasRenderingContext2D.prototype; window.__cc = {}; window.__on = false; window.__log = [];
  for (const k of Object.getOwnPropertyNames(P)) { const d = Object.getOwnPropertyDescriptor(P, k);
    if (typeof d.value === 'function') { const f = d.value; P[k] = function (...a) { if (window.__on) { __cc[k] = (__cc[k] || 0) + 1; __log.push(k + (k==='fillRect'? ' '+a.map(Math.round).join(','):'') + (k==='fillText'? ' '+a[0]:'')); } return f.apply(this, a); }; }
    else if (d.set) { const s = d.set; Object.defineProperty(P, k, { ...d, set(v) { if (window.__on) { __cc[k + '='] = (__cc[k + '='] || 0) + 1; __log.push(k+'='+v);} s.call(this, v); } }); } }
});
const PAGE = process.env.PAGE || 'spco-roles';
await page.goto(`${srv.base}/pages/${PAGE}.html`);
await page.waitForFunction(() => window.BENCH && BENCH.target && BENCH.target() && BENCH.zoom, null, { timeout: 20000 });
await page.waitForTimeout(1500);
const r = await page.evaluate(async () => {
  const frame = () => new Promise(r => requestAnimationFrame(r));
  await frame(); __on = true; BENCH.zoom(1.5, 8.5, 1.2, 4.8); await frame(); await frame(); __on = false;
  return { cc: __cc, log: __log };
});
const tot = Object.values(r.cc).reduce((a, b) => a + b, 0);
console.log(tot, Object.entries(r.cc).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k}:${v}`).join(' '));
if (process.env.LOG) console.log(r.log.join('\n'));
await b.close(); srv.close();
