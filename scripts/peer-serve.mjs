// The peer benchmark's pages (../shared/peers) served with a pkg folder at /pkg/, and the
// browser they run in: shared by scripts/peer-breakdown.mjs, peer-calls.mjs and peer-ab.mjs.
import { chromium } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import http from 'node:http'; import fs from 'node:fs'; import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const peers = path.resolve(here, '../../shared/peers');
export const DEFAULT_PKG = path.resolve(here, '../pkg');

const TYPES = { '.wasm': 'application/wasm', '.js': 'text/javascript', '.mjs': 'text/javascript', '.html': 'text/html' };

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
        return r.end(fs.readFileSync(f));
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
