// Where the first chart's time goes, for issue #15: the peer benchmark's page of a library is
// loaded REPS times, each in a fresh context (empty cache, as the benchmark), and the page's
// resource timeline (each file's request start and response end) is printed beside the harness's
// libReady / drawn / painted and marks at the calls it waits on (INSTR below), as medians and
// means (ms from navigation start).
// With several pkg dirs (comma-separated, absolute), each is a row `spco-roles@N`, loaded in turn.
// Usage: node scripts/peer-first.mjs [pkg dir[,pkg dir]] [reps]   (PAGES=uplot,spco-roles)
import { peerServer, launchChromium, benchPage } from './peer-serve.mjs';
const pkgs = (process.argv[2] || '').split(',');
const servers = await Promise.all(pkgs.map((p) => peerServer(p || undefined)));
const b = await launchChromium();
const reps = +process.argv[3] || 7;
const pages = (process.env.PAGES || 'uplot,spco-roles').split(',').flatMap((p) => p === 'spco-roles' && pkgs.length > 1 ? pkgs.map((_, i) => `${p}@${i}`) : [p]);
// Marks (performance.mark) at the calls the first chart waits on: the wasm's fetch and streaming
// compile, the first 2D context and drawing call, custom element definition.
const INSTR = () => {
  const m = (n) => { if (!performance.getEntriesByName(n).length) performance.mark(n); };
  const f = window.fetch;
  window.fetch = function (u, ...r) { const n = String(u.url || u).replace(/.*\//, ''); m(`fetch ${n}`); return f.call(this, u, ...r).then((x) => { m(`fetched ${n}`); return x; }); };
  const s = WebAssembly.instantiateStreaming;
  WebAssembly.instantiateStreaming = function (...a) { m('instantiateStreaming'); return s.apply(this, a).then((x) => { m('instantiated'); return x; }); };
  const C = CanvasRenderingContext2D.prototype;
  for (const k of ['fillRect', 'fillText', 'measureText']) { const o = C[k]; C[k] = function (...a) { m(`first ${k}`); return o.apply(this, a); }; }
  const de = EventTarget.prototype.dispatchEvent;
  EventTarget.prototype.dispatchEvent = function (e) { if (e.type === 'load' && this.localName === 'spco-roles') m('element load event'); return de.call(this, e); };
  const d = customElements.define;
  customElements.define = function (...a) { m(`define ${a[0]}`); return d.apply(this, a); };
};
const runs = Object.fromEntries(pages.map((p) => [p, []]));
for (let i = 0; i < reps; i++) for (const id of pages) {
  const { ctx, page } = await benchPage(b);
  await page.addInitScript(INSTR);
  const [pg, n] = id.split('@');
  // As run.mjs waits: the page's `load`, then the harness's promise (a polling wait would run
  // script in the page every frame, on the main thread the first chart is timed on).
  await page.goto(`${servers[+n || 0].base}/pages/${pg}.html`, { waitUntil: 'load' });
  await page.evaluate(() => Promise.race([BENCH.firstChart,
    new Promise((_, no) => setTimeout(() => no(new Error(`no first chart within 20 s: ${BENCH.errors.join('; ')}`)), 20000))]));
  runs[id].push(await page.evaluate(() => {
    const o = { ...BENCH.t };
    for (const e of performance.getEntriesByType('resource')) {
      const n = e.name.replace(/.*\//, '').replace(/\?.*/, '');
      o[`${n} req`] = e.requestStart || e.startTime; o[`${n} end`] = e.responseEnd;
    }
    for (const e of performance.getEntriesByType('mark')) o[`mark ${e.name}`] = e.startTime;
    const nav = performance.getEntriesByType('navigation')[0];
    o['html end'] = nav.responseEnd; o['domInteractive'] = nav.domInteractive; o['window load'] = nav.loadEventStart;
    return o;
  }));
  await ctx.close();
}
for (const id of pages) {
  console.log(`\n${id}`);
  const keys = [...new Set(runs[id].flatMap(Object.keys))];
  const med = (k) => { const a = runs[id].map((r) => r[k]).filter((v) => typeof v === 'number').sort((x, y) => x - y); return a[a.length >> 1]; };
  const mean = (k) => { const a = runs[id].map((r) => r[k]).filter((v) => typeof v === 'number'); return a.reduce((x, y) => x + y, 0) / a.length; };
  for (const k of keys.filter((k) => typeof runs[id][0][k] === 'number').sort((x, y) => med(x) - med(y))) console.log(med(k).toFixed(1).padStart(8), mean(k).toFixed(1).padStart(8), k);
}
await b.close(); for (const s of servers) s.close();
