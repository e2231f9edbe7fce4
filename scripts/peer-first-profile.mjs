// The first chart's main thread, for issue #15: CPU profiles of REPS fresh loads of a peer page up
// to the harness's "painted", summed; prints the functions by inclusive and by self time (ms per
// load). Use a names build (SPCO_NAMES=1 SPCO_MINIFY=0 scripts/build.sh) to read wasm and JS names.
// Usage: node scripts/peer-first-profile.mjs [pkg dir] [reps] [rows]   (PAGE=uplot)
import { peerServer, launchChromium, benchPage } from './peer-serve.mjs';
const srv = await peerServer(process.argv[2] || undefined);
const b = await launchChromium();
const PAGE = process.env.PAGE || 'spco-roles';
const reps = +process.argv[3] || 5, ROWS = +process.argv[4] || 40;
const incl = new Map(), self = new Map();
const add = (m, k, v) => m.set(k, (m.get(k) || 0) + v);
for (let r = 0; r < reps; r++) {
  const { ctx, page } = await benchPage(b);
  await page.goto('about:blank');
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 50 }); await cdp.send('Profiler.start');
  await page.goto(`${srv.base}/pages/${PAGE}.html`, { waitUntil: 'load' });
  // As run.mjs waits: the page's `load`, then the harness's promise (a polling wait would run
  // script in the page every frame, on the main thread the first chart is timed on).
  await page.evaluate(() => Promise.race([BENCH.firstChart,
    new Promise((_, no) => setTimeout(() => no(new Error(`no first chart within 20 s: ${BENCH.errors.join('; ')}`)), 20000))]));
  const { profile } = await cdp.send('Profiler.stop');
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map(); for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const name = (n) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/.*\//, '')}`;
  for (let i = 0; i < profile.samples.length; i++) {
    const d = (profile.timeDeltas[i + 1] || 0) / 1000 / reps;
    let id = profile.samples[i]; const seen = new Set();
    add(self, name(byId.get(id)), d);
    while (id) { const k = name(byId.get(id)); if (!seen.has(k)) { seen.add(k); add(incl, k, d); } id = parent.get(id); }
  }
  await ctx.close();
}
const show = (title, m) => { console.log(`\n${title}`); for (const [k, v] of [...m].filter(([k]) => !/^\((idle|root)\)/.test(k)).sort((a, b) => b[1] - a[1]).slice(0, ROWS)) console.log(v.toFixed(1).padStart(7), k.slice(0, 110)); };
show('inclusive ms per load', incl); show('self ms per load', self);
await b.close(); srv.close();
