// Shared by the big-file tests (bigfile.test.mjs, recovery.test.mjs): a loopback server that sends
// the strict CSP of issue #12 and serves a generated 100,000-respondent file, Debian's Chromium, a
// page opener with long-task, frame-gap and progress monitors, and the main-thread reference import.
import { before, after } from 'node:test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, synthetic } from './harness.mjs';
import { startServer } from '../../scripts/serve.mjs';

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' blob: data:";
export const N = 100_000;


let server, browser, base, dir;

/** The generated file's folder (served at /big/). */
export const bigDir = () => dir;

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spco-big-'));
  fs.writeFileSync(path.join(dir, 'big.csv'), synthetic(N));
  server = await startServer(0, '127.0.0.1', {
    mounts: { '/pkg/': 'pkg', '/data/': 'data', '/tests/fixtures/': 'tests/fixtures', '/big/': dir },
    headers: { 'content-security-policy': CSP },
  });
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
});
after(async () => {
  await browser?.close();
  await new Promise((ok) => server.close(ok));
  fs.rmSync(dir, { recursive: true, force: true });
});

export async function open(body) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  await page.addInitScript((generator) => {
    // The generator and the monitors, installed through the debugger (CSP does not apply).
    window.synthetic = new Function(`return (${generator})`)();
    window.monitor = () => {
      const m = { longTasks: [], maxGap: 0, values: [], shown: false, stop: null };
      const po = new PerformanceObserver((l) => { for (const e of l.getEntries()) m.longTasks.push(Math.round(e.duration)); });
      po.observe({ type: 'longtask' });
      let last = performance.now(), on = true;
      const tick = (t) => { if (!on) return; m.maxGap = Math.max(m.maxGap, t - last); last = t; requestAnimationFrame(tick); };
      requestAnimationFrame((t) => { last = t; requestAnimationFrame(tick); });
      // The bar's value as it changes (an attribute, so a MutationObserver sees every step).
      const mo = new MutationObserver(() => {
        for (const el of document.querySelectorAll('spco-roles')) {
          const bar = el.shadowRoot.querySelector('.progress progress');
          if (bar) { m.shown = true; const v = Number(bar.getAttribute('value')); if (m.values.at(-1) !== v) m.values.push(v); }
        }
      });
      for (const el of document.querySelectorAll('spco-roles')) mo.observe(el.shadowRoot, { subtree: true, childList: true, attributes: true });
      m.stop = () => { on = false; po.disconnect(); mo.disconnect(); return { longTasks: m.longTasks, maxGap: Math.round(m.maxGap), values: m.values, shown: m.shown }; };
      return m;
    };
  }, synthetic.toString());
  await page.goto(`${base}/tests/fixtures/blank.html`);
  await page.evaluate((html) => { document.body.innerHTML = html; }, body);
  return page;
}

export const drawn = (page, sel = 'spco-roles') => page.waitForFunction((s) => document.querySelector(s)?.layout?.points?.length > 0, sel, { timeout: 30_000 });

// The statistics of the same bytes imported on the main thread (the raw wasm load), as JSON.
export async function mainThreadStats(page, fromUrl) {
  return page.evaluate(async (url) => {
    const ref = document.createElement('spco-roles');
    document.body.append(ref);
    await ref.setData('respondent,group,role,importance,performance\nr1,sme,1,5,3\n');
    const bytes = url ? new Uint8Array(await (await fetch(url)).arrayBuffer()) : new TextEncoder().encode(window.bigText);
    ref._handle.load(bytes, 'auto', 'ref.csv');
    const s = JSON.stringify(ref._handle.stats());
    ref.remove();
    return s;
  }, fromUrl);
}
