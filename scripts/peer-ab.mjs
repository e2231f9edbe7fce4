// Two builds' zoom step side by side, for issue #15: the peer benchmark's spco-roles page served
// with pkg folder A, then B, in alternating rounds of one browser; each round times 300 steps
// the way the benchmark does (the `zoom` attribute set, then the element's frame timed from a
// sentinel requestAnimationFrame queued before it, then a one-pixel readback) and prints the
// means of the update (JS + wasm + canvas calls) and of the readback (raster), and their median
// over the rounds. Differences under ~0.05 ms are this machine's noise.
// Usage: node scripts/peer-ab.mjs <pkg A> <pkg B> [rounds]   (absolute paths)
import { peerServer, launchChromium, benchPage, openBenchPage } from './peer-serve.mjs';
const pkgs = [process.argv[2], process.argv[3]];
const rounds = +process.argv[4] || 4;
const srvs = await Promise.all(pkgs.map((p) => peerServer(p)));
const b = await launchChromium();
const res = [[], []];
for (let r = 0; r < rounds; r++) for (const k of [0, 1]) {
  const { ctx, page } = await benchPage(b);
  await openBenchPage(page, srvs[k].base, 'spco-roles', 800);
  const out = await page.evaluate(async () => {
    const el = document.getElementById('chart'); const c = BENCH.target(); const g = c.getContext('2d');
    const run = async (n) => { let u = 0, rb = 0; for (let i = 0; i < n; i++) { const s = 1 + (i % 20) * 0.05;
      await new Promise(r => requestAnimationFrame(r));
      const r = await new Promise((res) => { let ts; requestAnimationFrame(() => { ts = performance.now(); });
        const t0 = performance.now(); BENCH.zoom(1 + s * 0.1, 9 - s * 0.1, 1 + s * 0.05, 5 - s * 0.05); const t1 = performance.now();
        requestAnimationFrame(() => { const te = performance.now(); g.getImageData(0, 0, 1, 1); const t2 = performance.now(); res([t1 - t0 + te - ts, t2 - te]); }); });
      u += r[0]; rb += r[1]; } return [u / n, rb / n]; };
    await run(100); return await run(300);
  });
  res[k].push(out); await ctx.close();
}
const med = (a) => a.slice().sort((x, y) => x - y)[a.length >> 1];
for (const k of [0, 1]) console.log(pkgs[k], 'update', med(res[k].map(x => x[0])).toFixed(3), 'readback', med(res[k].map(x => x[1])).toFixed(3), JSON.stringify(res[k].map(x => x.map(v => +v.toFixed(3)))));
await b.close(); srvs.forEach(s => s.close());
