// The peer benchmark's pages (../shared/peers) served with a pkg folder at /pkg/, and the
// browser they run in, and a recorder of canvas calls: shared by the scripts/peer-*.mjs.
import { chromium } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import http from 'node:http'; import fs from 'node:fs'; import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const peers = path.resolve(here, '../../shared/peers');
export const DEFAULT_PKG = path.resolve(here, '../pkg');

const TYPES = { '.wasm': 'application/wasm', '.js': 'text/javascript', '.mjs': 'text/javascript', '.html': 'text/html' };

// PEER_SLOT=load: the slot page as its README invites once the element has a render event: it
// also calls BENCH.drawn() from the element's `load` (whichever of that and its ink poll comes
// first). For planning only; the benchmark's own figures are run.mjs's, with the page as it is.
const SLOT_LOAD = process.env.PEER_SLOT === 'load';
function slotOnLoad(file) {
  const page = fs.readFileSync(file, 'utf8'), at = page.indexOf('(function poll()');
  if (at < 0) throw new Error('PEER_SLOT=load: the slot page has no ink poll to put the listener before');
  return page.slice(0, at) + "el.addEventListener('load', () => BENCH.drawn(), { once: true });\n" + page.slice(at);
}

/** A server of the peer pages with `pkg` at /pkg/, listening; its base URL is `server.base`. */
export async function peerServer(pkg = DEFAULT_PKG) {
  const roots = { '/pkg/': pkg, '/data/': `${peers}/data/`, '/harness/': `${peers}/harness/`, '/pages/': `${peers}/pages/`, '/node_modules/': `${peers}/node_modules/` };
  const srv = http.createServer((q, r) => {
    const u = decodeURIComponent(q.url.split('?')[0]);
    for (const [p, d] of Object.entries(roots)) {
      if (!u.startsWith(p)) continue;
      const f = path.join(d, u.slice(p.length));
      if (fs.existsSync(f)) {
        r.writeHead(200, { 'content-type': TYPES[path.extname(f)] || 'text/plain' });
        return r.end(u === '/pages/spco-roles.html' && SLOT_LOAD ? slotOnLoad(f) : fs.readFileSync(f));
      }
    }
    r.writeHead(404); r.end();
  });
  await new Promise((res) => srv.listen(0, res));
  srv.base = `http://127.0.0.1:${srv.address().port}`;
  return srv;
}

/** Headless Chromium as the benchmark runs it. */
export function launchChromium() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
}

/** A page of the benchmark's size (1000x760 at a pixel ratio of 2) in its own context. */
export async function benchPage(browser) {
  const ctx = await browser.newContext({ viewport: { width: 1000, height: 760 }, deviceScaleFactor: 2 });
  return { ctx, page: await ctx.newPage() };
}

/**
 * Opens the benchmark's page `name` (pages/<name>.html) and waits until its chart is ready to
 * zoom (the harness's BENCH hooks), then `settleMs` more for the first frames to pass.
 */
export async function openBenchPage(page, base, name = 'spco-roles', settleMs = 1500) {
  await page.goto(`${base}/pages/${name}.html`);
  await page.waitForFunction(() => window.BENCH && BENCH.target && BENCH.target() && BENCH.zoom, null, { timeout: 20000 });
  await page.waitForTimeout(settleMs);
}

/**
 * For `page.addInitScript`: records the 2D-context calls made on canvases wider than 1000 px (a
 * chart's backing store at the benchmark's size, not the element's text-measuring copy) while
 * `window.__on` is true, into `window.__calls` as { set, name, args, raw }: a property set or a
 * method call, its arguments (arrays copied) and the method or setter itself, unwrapped, to make
 * the call again without recording it.
 */
export function recordCanvasCalls() {
  const P = CanvasRenderingContext2D.prototype;
  window.__on = false;
  window.__calls = [];
  for (const name of Object.getOwnPropertyNames(P)) {
    const d = Object.getOwnPropertyDescriptor(P, name);
    const keep = (canvas, set, args, raw) => {
      if (window.__on && canvas.width > 1000) window.__calls.push({ set, name, args: args.map((x) => (Array.isArray(x) ? [...x] : x)), raw });
    };
    if (typeof d.value === 'function') {
      const raw = d.value;
      P[name] = function (...args) { keep(this.canvas, false, args, raw); return raw.apply(this, args); };
    } else if (d.set) {
      const raw = d.set;
      Object.defineProperty(P, name, { ...d, set(v) { keep(this.canvas, true, [v], raw); raw.call(this, v); } });
    }
  }
}
