// Shared set-up of the browser tests and benchmarks: the static server and Debian's Chromium,
// driven by playwright-core (no browser download exists on these machines).
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'];

export async function launch() {
  const server = await startServer(0);
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  return {
    base, browser,
    async page({ width = 1200, height = 900, dpr = 1 } = {}) {
      const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: dpr });
      const page = await context.newPage();
      page.errors = [];
      page.on('pageerror', (e) => page.errors.push(String(e)));
      page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
      return page;
    },
    async close() { await browser.close(); await new Promise((ok) => server.close(ok)); },
  };
}

// A blank page that loads the component, with `body` as its markup.
export async function mount(page, base, body, { wait = true } = {}) {
  await page.goto(`${base}/tests/fixtures/blank.html`);
  await page.evaluate((html) => { document.body.innerHTML = html; }, body);
  if (wait) {
    await page.waitForFunction(() => [...document.querySelectorAll('spco-roles')].every((el) => el.layout && el.layout.points));
    await settled(page);
  }
}

// Waits until every chart's plot rectangle holds still for two frames: the number key below a
// quadrant appears a frame after the first layout and takes height from the plot, so a test that
// turns data units into pointer positions must read the layout after it.
export async function settled(page) {
  await page.evaluate(async () => {
    const frame = () => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
    const plots = () => JSON.stringify([...document.querySelectorAll('spco-roles')].map((el) => el.layout?.plot));
    for (let i = 0, last = plots(); i < 30; i++) {
      await frame();
      const now = plots();
      if (now === last) return;
      last = now;
    }
  });
}

// Deterministic synthetic respondents in the long format (xorshift32), five groups: the
// benchmarks' and the big-file tests' data.
export function synthetic(n, seed = 12345) {
  let s = seed >>> 0;
  const rnd = () => { s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0; return s / 4294967296; };
  const groups = ['large', 'sme', 'knowledge', 'intermediary', 'director'];
  const rows = ['respondent,group,role,importance,performance'];
  for (let r = 1; r <= n; r++) {
    const g = groups[Math.floor(rnd() * 5)];
    for (let role = 1; role <= 14; role++) rows.push(`r${r},${g},${role},${1 + Math.floor(rnd() * 9)},${1 + Math.floor(rnd() * 5)}`);
  }
  // One join, trailing newline included: `join() + '\n'` would make a two-part string that V8
  // flattens (copies whole) on the first read, a 60-70 ms task inside the element's first slice
  // that measured the generator, not the element. Text from fetch() or a File is flat.
  rows.push('');
  return rows.join('\n');
}
