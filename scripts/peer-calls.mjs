// The 2D-context calls of one zoom step on the peer benchmark's page (issue #15): every method
// call and property set of CanvasRenderingContext2D counted over one `zoom` change and the
// frames after it. Usage: node scripts/peer-calls.mjs [pkg dir]   (PAGE=uplot for the peer;
// LOG=1 also lists the calls in order)
import { peerServer, launchChromium, benchPage, recordCanvasCalls, openBenchPage } from './peer-serve.mjs';
const srv = await peerServer(process.argv[2] || undefined);
const b = await launchChromium();
const { page } = await benchPage(b);
await page.addInitScript(recordCanvasCalls);
const PAGE = process.env.PAGE || 'spco-roles';
await openBenchPage(page, srv.base, PAGE);
const r = await page.evaluate(async () => {
  const frame = () => new Promise(r => requestAnimationFrame(r));
  await frame(); __on = true; BENCH.zoom(1.5, 8.5, 1.2, 4.8); await frame(); await frame(); __on = false;
  const cc = {};
  for (const { set, name } of __calls) cc[name + (set ? '=' : '')] = (cc[name + (set ? '=' : '')] || 0) + 1;
  const log = __calls.map(({ set, name, args }) => (set ? `${name}=${args[0]}`
    : name + (name === 'fillRect' ? ` ${args.map(Math.round).join(',')}` : '') + (name === 'fillText' ? ` ${args[0]}` : '')));
  return { cc, log };
});
const tot = Object.values(r.cc).reduce((a, b) => a + b, 0);
console.log(tot, Object.entries(r.cc).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k}:${v}`).join(' '));
if (process.env.LOG) console.log(r.log.join('\n'));
await b.close(); srv.close();
