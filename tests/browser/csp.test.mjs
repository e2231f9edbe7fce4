// Issue #12: the element under the strict Content-Security-Policy careful sites send, and under
// host CSS that used to start a ResizeObserver feedback loop (inline display, height: auto, flex
// and grid parents), and under hosts that size it by its content (a flex row beside text, an
// inline-block, a table cell), where it had no width at all. The page (tests/fixtures/csp.html) has no inline script or style; the only
// permission it grants beyond 'self' is 'wasm-unsafe-eval'.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from './harness.mjs';
import { startServer } from '../../scripts/serve.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' blob: data:";
// Hosts the element must fill and draw in (the others only have to stay bounded and quiet).
const DRAWN = ['c-plain', 'c-auto', 'c-inline-block', 'c-flex-row', 'c-flex-col', 'c-grid', 'c-flex-side', 'c-shrink', 'c-cell'];

let server, browser, base;
before(async () => {
  server = await startServer(0, '127.0.0.1', { headers: { 'content-security-policy': CSP } });
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
});
after(async () => {
  await browser?.close();
  await new Promise((ok) => server.close(ok));
});

async function open(path) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  // Test instrumentation (added through the browser's debugger, not the page, so CSP does not apply).
  await page.addInitScript(() => {
    window.__violations = [];
    window.__windowErrors = [];
    window.__elementErrors = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective}: ${e.blockedURI}`));
    window.addEventListener('error', (e) => window.__windowErrors.push(String(e.message)));
    document.addEventListener('error', (e) => { if (e.detail?.message) window.__elementErrors.push(e.detail.message); });
  });
  await page.goto(`${base}${path}`);
  return { page, context, errors };
}

// Canvas backing-store sizes of every case, by case id.
const canvasSizes = (page) => page.evaluate(() => Object.fromEntries([...document.querySelectorAll('.case')].map((c) => {
  const cv = c.querySelector('spco-roles').shadowRoot.querySelector('canvas');
  return [c.id, [cv.width, cv.height]];
})));

test('strict CSP: every host draws or stays bounded, styled, with no violation, no error and no resize loop', async () => {
  const { page, context, errors } = await open('/tests/fixtures/csp.html');
  try {
    await page.waitForFunction((ids) => ids.every((id) => document.querySelector(`#${id} spco-roles`)?.layout?.points
      || document.querySelector(`#${id} spco-roles`)?.layout?.nodes?.length), DRAWN, { timeout: 20000 });
    const first = await canvasSizes(page);
    // Long enough for a feedback loop to show: it grew the canvas every frame.
    await page.waitForTimeout(1500);
    const second = await canvasSizes(page);
    assert.deepEqual(second, first, 'canvas sizes are stable');
    for (const [id, [w, h]] of Object.entries(second)) {
      assert.ok(w <= 1000 && h <= 800, `${id}: canvas ${w}x${h} within the viewport`);
    }
    const r = await page.evaluate((ids) => {
      const els = [...document.querySelectorAll('spco-roles')];
      const out = { violations: window.__violations, windowErrors: window.__windowErrors, elementErrors: window.__elementErrors };
      out.styleElements = els.reduce((n, el) => n + el.shadowRoot.querySelectorAll('style, [style]').length, 0);
      out.sheets = els.map((el) => el.shadowRoot.adoptedStyleSheets.length);
      out.oneSheet = els.every((el) => el.shadowRoot.adoptedStyleSheets[0] === els[0].shadowRoot.adoptedStyleSheets[0]);
      out.cases = Object.fromEntries(ids.map((id) => {
        const el = document.querySelector(`#${id} spco-roles`);
        const root = el.shadowRoot;
        const cv = root.querySelector('canvas');
        const px = cv.getContext('2d').getImageData(0, 0, cv.width, cv.height).data;
        let ink = 0;
        for (let i = 0; i < px.length; i += 4) if (px[i + 3] && (px[i] < 200 || px[i + 1] < 200 || px[i + 2] < 200)) ink++;
        const rect = el.getBoundingClientRect();
        const bar = root.querySelector('.bar');
        const button = root.querySelector('.zoom button');
        return [id, {
          ink, w: Math.round(rect.width), h: Math.round(rect.height),
          barShown: !bar.hidden, barDisplay: getComputedStyle(bar).display,
          buttonRadius: getComputedStyle(button).borderTopLeftRadius, canvasPosition: getComputedStyle(cv).position,
        }];
      }));
      return out;
    }, DRAWN);
    assert.deepEqual(r.violations, []);
    assert.deepEqual(r.windowErrors, [], 'no ResizeObserver loop or other window error');
    assert.deepEqual(r.elementErrors, []);
    assert.deepEqual(errors, []);
    assert.equal(r.styleElements, 0, 'no <style> element and no style attribute in the shadow roots');
    // shadow.js's sheet and adaptive.js's (small screens, themes, print), both shared.
    assert.ok(r.sheets.every((n) => n === 2), 'each shadow root adopts the stylesheets');
    assert.ok(r.oneSheet, 'one stylesheet shared by the page');
    for (const [id, c] of Object.entries(r.cases)) {
      assert.ok(c.ink > 2000, `${id}: the chart is drawn (${c.ink} dark pixels)`);
      assert.ok(c.h >= 240 && c.h <= 600, `${id}: host height ${c.h} is the fallback or the page's`);
      assert.ok(c.w > 200 && c.w <= 700, `${id}: host width ${c.w} is its container's (or 640 px where the container asks the content)`);
      assert.equal(c.canvasPosition, 'absolute', `${id}: styled (the canvas never sizes the host)`);
      if (c.barShown) {
        assert.equal(c.barDisplay, 'flex', `${id}: the controls bar is styled`);
        assert.equal(c.buttonRadius, '6px', `${id}: the zoom buttons are styled`);
      }
    }
    assert.ok(r.cases['c-plain'].barShown, 'the case with controls shows them');
  } finally {
    await context.close();
  }
});

test('a host resized by the page follows without a loop, and the canvas follows the host', async () => {
  const { page, context, errors } = await open('/tests/fixtures/csp.html');
  try {
    await page.waitForFunction(() => document.querySelector('#c-flex-col spco-roles')?.layout?.points);
    // The test resizes through CSSOM (allowed under CSP: only style text from strings is not).
    const sizes = [];
    for (const h of [300, 520, 260]) {
      await page.evaluate((h) => { document.querySelector('#c-flex-col spco-roles').style.height = `${h}px`; }, h);
      await page.waitForTimeout(250);
      // Below the plot only the number key and the synthetic-data badge (issue 11) take height.
      sizes.push(await page.evaluate(() => {
        const sr = document.querySelector('#c-flex-col spco-roles').shadowRoot;
        const below = [...sr.querySelectorAll('.key, .badge')].reduce((a, n) => {
          if (!n.getClientRects().length) return a;
          const cs = getComputedStyle(n);
          return a + n.getBoundingClientRect().height + parseFloat(cs.marginTop) + parseFloat(cs.marginBottom);
        }, 0);
        return sr.querySelector('canvas').height + Math.round(below);
      }));
    }
    assert.deepEqual(sizes, [300, 520, 260], 'the canvas and the key and badge below it are as high as the host (dpr 1, no controls bar on top)');
    const r = await page.evaluate(() => ({ v: window.__violations, w: window.__windowErrors }));
    assert.deepEqual(r.v, []);
    assert.deepEqual(r.w, []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
