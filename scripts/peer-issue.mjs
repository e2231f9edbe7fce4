// What one zoom frame's canvas calls cost when JS makes them, for issue #15: the 2D-context calls
// of one zoom frame on the peer benchmark's spco-roles page are recorded (with their arguments),
// then made again from JS on the element's canvas, once an animation frame, 40 frames, timing
// the calls alone (no readback: that is the raster, which peer-replay.mjs prices). FRESH=1 gives
// each number-only text (the tick labels) a new string every time, as a zoom step does, since the
// browser keeps the shaping of texts it has drawn. Compare with the painting in peer-steps.mjs.
// Usage: node scripts/peer-issue.mjs [pkg dir]
import { peerServer, launchChromium, benchPage, recordCanvasCalls, openBenchPage } from './peer-serve.mjs';
const srv = await peerServer(process.argv[2] || undefined);
const b = await launchChromium();
const { page } = await benchPage(b);
await page.addInitScript(recordCanvasCalls);
await openBenchPage(page, srv.base);
const res = await page.evaluate(async (fresh) => {
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  await frame(); BENCH.zoom(1.2, 8.8, 1.1, 4.9); await frame(); await frame();
  __on = true; BENCH.zoom(1.5, 8.5, 1.2, 4.8); await frame(); await frame(); __on = false;
  const ops = __calls.map(({ raw, args }) => [raw, args]), c = BENCH.target().getContext('2d');
  const fillText = __calls.find((x) => x.name === 'fillText')?.raw;
  let n = 0;
  const args = (f, a) => (fresh && f === fillText && /^[0-9.]+$/.test(a[0]) ? [(+a[0] + (++n) * 1e-4).toFixed(4), a[1], a[2]] : a);
  const ts = [];
  for (let s = 0; s < 40; s++) {
    await frame();
    const calls = ops.map(([f, a]) => [f, args(f, a)]);
    const t0 = performance.now();
    for (const [f, a] of calls) f.apply(c, a);
    ts.push(performance.now() - t0);
    c.getImageData(0, 0, 1, 1);
  }
  ts.sort((x, y) => x - y);
  return `${ops.length} calls made from JS: ${(ts[20] * 1000).toFixed(0)} us (median of 40 frames${fresh ? ', new tick texts' : ''})`;
}, !!process.env.FRESH);
console.log(res);
await b.close(); srv.close();
