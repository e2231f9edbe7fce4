// Where a zoom step's raster time goes, for issue #15: one zoom frame's 2D-context calls (with
// their arguments) are recorded on the peer benchmark's spco-roles page, then replayed on a bare
// 1800x1280 canvas (reset, replay, one-pixel readback; 10 replays a sample, median of 15) with
// and without each kind of call, alternating, so each line says what that kind costs to record
// and rasterise. "reset + readback only" is the floor every replay pays.
// Usage: node scripts/peer-replay.mjs [pkg dir]
import { peerServer, launchChromium, benchPage, recordCanvasCalls, openBenchPage } from './peer-serve.mjs';
const srv = await peerServer(process.argv[2] || undefined);
const b = await launchChromium();
const { page } = await benchPage(b);
await page.addInitScript(recordCanvasCalls);
await openBenchPage(page, srv.base);
const log = await page.evaluate(async () => {
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  await frame(); BENCH.zoom(1.2, 8.8, 1.1, 4.9); await frame(); await frame();
  __on = true; BENCH.zoom(1.5, 8.5, 1.2, 4.8); await frame(); await frame(); __on = false;
  return __calls.map(({ set, name, args }) => [set ? 's' : 'c', name, args]);
});
await page.setContent('<canvas id=c width=1800 height=1280 style="width:900px;height:640px"></canvas>');
const res = await page.evaluate((log) => {
  const c = document.getElementById('c').getContext('2d');
  const run = (calls, skip) => {
    let dashed = false;
    for (const [t, k, a] of calls) {
      if (k === 'setLineDash') dashed = a[0].length > 0;
      if (skip && skip(k, a, dashed)) continue;
      if (t === 's') c[k] = a; else c[k](...a);
    }
  };
  const time = (calls, skip) => {
    const ts = [];
    for (let s = 0; s < 15; s++) {
      const t0 = performance.now();
      for (let i = 0; i < 10; i++) { c.reset(); run(calls, skip); c.getImageData(0, 0, 1, 1); }
      ts.push((performance.now() - t0) / 10);
    }
    return ts.sort((x, y) => x - y)[7];
  };
  const out = [[`all ${log.length} calls`, time(log).toFixed(3)]];
  const kinds = {
    'text (fillText)': (k) => k === 'fillText',
    'large fillRect (> 20,000 px: background, quadrants)': (k, a) => k === 'fillRect' && a[2] * a[3] > 20000,
    'small fillRect (grid, ticks, axes)': (k, a) => k === 'fillRect' && a[2] * a[3] <= 20000,
    'fill (markers)': (k) => k === 'fill',
    'dashed stroke (crosshair)': (k, a, d) => k === 'stroke' && d,
    'solid stroke (leaders)': (k, a, d) => k === 'stroke' && !d,
  };
  for (const [n, f] of Object.entries(kinds)) {
    const d = [];
    for (let r = 0; r < 5; r++) d.push(time(log) - time(log, f));
    out.push([n, `${d.sort((x, y) => x - y)[2].toFixed(3)} saved without`]);
  }
  out.push(['reset + readback only', time([]).toFixed(3)]);
  return out;
}, log);
for (const [k, v] of res) console.log(k.padEnd(52), v);
await b.close(); srv.close();
