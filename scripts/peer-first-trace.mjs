// The first chart's main thread, for issue #15: a Chromium trace (devtools.timeline) of one fresh
// load of a peer page; prints the renderer main thread's tasks and their larger children in time
// order (ms since navigation start), so the gaps between file arrival and the first drawing show;
// then the loading events ("net": a response reaches the page's main thread as its own task) and
// the first wasm compilation events (on the main thread or in the background).
// Usage: node scripts/peer-first-trace.mjs [pkg dir] [min ms]   (PAGE=uplot)
import { peerServer, launchChromium, benchPage } from './peer-serve.mjs';
const srv = await peerServer(process.argv[2] || undefined);
const b = await launchChromium();
const PAGE = process.env.PAGE || 'spco-roles';
const MIN = +process.argv[3] || 0.3;
const { ctx, page } = await benchPage(b);
await page.goto('about:blank');
await b.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.wasm', 'blink.user_timing', 'loading', 'navigation', 'toplevel', 'disabled-by-default-devtools.timeline.frame', 'blink.resource', 'scheduler'] });
await page.goto(`${srv.base}/pages/${PAGE}.html`, { waitUntil: 'load' });
// As run.mjs waits: the page's `load`, then the harness's promise (a polling wait would run
// script in the page every frame, on the main thread the first chart is timed on).
await page.evaluate(() => Promise.race([BENCH.firstChart,
  new Promise((_, no) => setTimeout(() => no(new Error(`no first chart within 20 s: ${BENCH.errors.join('; ')}`)), 20000))]));
const buf = await b.stopTracing();
const t = await page.evaluate(() => ({ ...BENCH.t }));
console.log(JSON.stringify(t));
const ev = JSON.parse(buf.toString()).traceEvents;
const nav = ev.find((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL?.includes(PAGE)) || ev.find((e) => e.name === 'navigationStart');
const main = ev.find((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain' && e.pid === nav.pid);
const rows = ev.filter((e) => e.pid === nav.pid && e.tid === main.tid && e.ph === 'X' && e.dur / 1000 >= MIN && e.ts >= nav.ts)
  .sort((a, b) => a.ts - b.ts);
const stack = [];
for (const e of rows) {
  while (stack.length && stack[stack.length - 1] <= e.ts) stack.pop();
  const depth = stack.length; stack.push(e.ts + e.dur);
  if (depth > 3) continue;
  const d = e.args?.data || {};
  const what = e.args?.src_func ? e.args.src_file?.replace(/.*\//, '') + ':' + e.args.src_func : d.url ? d.url.replace(/.*\//, '') : d.functionName || d.type || d.name || '';
  console.log(((e.ts - nav.ts) / 1000).toFixed(1).padStart(7), (e.dur / 1000).toFixed(1).padStart(6), '  '.repeat(depth) + e.name, what);
}
for (const e of ev.filter((e) => e.name.startsWith('Resource') && e.ts >= nav.ts)) console.log('net ', ((e.ts - nav.ts) / 1000).toFixed(1), e.name, (e.args?.data?.url || e.args?.data?.requestId || '').replace(/.*\//, ''));
for (const e of ev.filter((e) => e.pid === nav.pid && (e.name.startsWith('wasm') || e.name.includes('Wasm')) && e.ts >= nav.ts).slice(0, 30))
  console.log('wasm', ((e.ts - nav.ts) / 1000).toFixed(1), ((e.dur || 0) / 1000).toFixed(1), e.name, e.tid === main.tid ? 'main' : 'bg');
await b.close(); srv.close();
