// Chartability's "small text" and "user style change" (issue 10): the canvas text is at least
// 12 CSS px, the page's or reader's font size reaches the canvas (the element's or the root's
// computed font-size / 16, times `text-scale`), and the text-spacing override of WCAG 1.4.12 on
// the page leaves the element working.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, mount } from './harness.mjs';

const RECON = '/data/reconstructed-table3.csv';
let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

// The line-box height of the role labels (CSS px) and how many there are.
const labelHeights = (page) => page.evaluate(() => {
  const l = document.querySelector('spco-roles').layout;
  return l.labels.map((b) => b.h);
});

// Waits until the first label's line box is above (op '>') or below ('<') `v` CSS px.
async function waitForHeights(page, op, v) {
  await page.waitForFunction(([op, v]) => {
    const h = document.querySelector('spco-roles').layout?.labels?.[0]?.h;
    return h != null && (op === '>' ? h > v : h < v);
  }, [op, v], { timeout: 10000 });
}

test('role labels are 12 px type (15 px line boxes) at the default text scale', async () => {
  const page = await env.page({ width: 1000, height: 700 });
  await mount(page, env.base, `<spco-roles src="${RECON}" style="width:900px;height:560px"></spco-roles>`);
  const hs = await labelHeights(page);
  assert.ok(hs.length >= 10, `${hs.length} labels`);
  for (const h of hs) assert.ok(Math.abs(h - 15) < 0.01, `label line box ${h}`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("the element's font-size scales the canvas text, and a change redraws it", async () => {
  const page = await env.page({ width: 1000, height: 700 });
  await mount(page, env.base, `<spco-roles src="${RECON}" style="width:900px;height:560px"></spco-roles>`);
  const before = await labelHeights(page);
  // A page's 24 px on the element: text 24 / 16 = 1.5x, without a resize of the element.
  await page.evaluate(() => { document.querySelector('spco-roles').style.fontSize = '24px'; });
  await waitForHeights(page, '>', 20);
  const after = await labelHeights(page);
  assert.ok(Math.abs(after[0] - 1.5 * before[0]) < 0.05, `${before[0]} -> ${after[0]}`);
  // text-scale multiplies it.
  await page.evaluate(() => { document.querySelector('spco-roles').setAttribute('text-scale', '1.2'); });
  await waitForHeights(page, '>', 25);
  const scaled = await labelHeights(page);
  assert.ok(Math.abs(scaled[0] - 1.8 * before[0]) < 0.05, `${scaled[0]}`);
  // Back to a small size: never below the theme (a 13 px page does not shrink the chart).
  await page.evaluate(() => {
    const el = document.querySelector('spco-roles');
    el.removeAttribute('text-scale');
    el.style.fontSize = '13px';
  });
  await waitForHeights(page, '<', 16);
  assert.ok(Math.abs((await labelHeights(page))[0] - before[0]) < 0.01);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("the reader's default font size (the root's font-size) reaches the canvas", async () => {
  const page = await env.page({ width: 1000, height: 700 });
  await mount(page, env.base, `<spco-roles src="${RECON}" style="width:900px;height:560px"></spco-roles>`);
  const before = await labelHeights(page);
  // A 20 px root: what a reader who sets a 20 px default font gets on a page in rem.
  await page.evaluate(() => { document.documentElement.style.fontSize = '20px'; });
  await waitForHeights(page, '>', 16);
  const after = await labelHeights(page);
  assert.ok(Math.abs(after[0] - 1.25 * before[0]) < 0.05, `${before[0]} -> ${after[0]}`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the text-spacing override (WCAG 1.4.12) leaves the element working', async () => {
  const page = await env.page({ width: 1000, height: 800 });
  await mount(page, env.base, `<spco-roles src="${RECON}" controls style="width:900px;height:600px"></spco-roles>`);
  // The text-spacing bookmarklet's rules on the page: they reach the host and, inherited, the
  // shadow root's text (buttons keep their UA letter-spacing, as on any page).
  await page.addStyleTag({ content: `* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
    word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }` });
  await page.waitForTimeout(300);
  const r = await page.evaluate(() => {
    const el = document.querySelector('spco-roles');
    const sr = el.shadowRoot;
    const host = el.getBoundingClientRect();
    const plot = sr.querySelector('.plot').getBoundingClientRect();
    const buttons = [...sr.querySelectorAll('.bar button:not([hidden])')].filter((b) => b.offsetParent);
    const out = buttons.filter((b) => {
      const q = b.getBoundingClientRect();
      return q.right > host.right + 0.5 || q.left < host.left - 0.5 || q.bottom > plot.top + 0.5;
    }).map((b) => b.textContent);
    return { plotH: plot.height, buttons: buttons.length, out, labels: el.layout.labels.length,
      spacing: getComputedStyle(sr.querySelector('.note')).letterSpacing };
  });
  assert.notEqual(r.spacing, 'normal', 'the override reaches the text of the controls bar');
  assert.ok(r.buttons > 5, `${r.buttons} buttons`);
  assert.deepEqual(r.out, [], 'every control stays inside the element, above the plot');
  assert.ok(r.plotH > 300, `plot ${r.plotH} px high`);
  assert.ok(r.labels >= 10);
  // Still interactive: a zoom button changes the view.
  const v0 = await page.evaluate(() => JSON.stringify(document.querySelector('spco-roles').layout.view));
  await page.evaluate(() => document.querySelector('spco-roles').shadowRoot.querySelector('[data-zoom="in"]').click());
  await page.waitForTimeout(200);
  const v1 = await page.evaluate(() => JSON.stringify(document.querySelector('spco-roles').layout.view));
  assert.notEqual(v1, v0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

// The demo at 1920x1080 once showed an empty hierarchy: its plot (597 px) just reached the share
// of the viewport that `text-scale="auto"` reads as a slide, the larger text grew the badge below
// the plot, the plot shrank under the share, the text went back, and so on every frame, each
// resize clearing the canvas. The choice is the element's now (its size never depends on its
// content): every chart draws and its canvas holds still, there and at other common screens, on
// either side of where the demo's element turns to slide text (1,046 px tall).
for (const [w, h] of [[1920, 1080], [1366, 768], [1440, 900], [1600, 1046], [1600, 1047], [390, 844]]) {
  test(`at ${w}x${h} the demo charts draw and hold still (no text-scale resize loop)`, async () => {
    const page = await env.page({ width: w, height: h });
    await page.goto(`${env.base}/?lang=en`);
    await page.waitForFunction(() => [...document.querySelectorAll('spco-roles')].every((el) => el.layout?.plot));
    const seen = await page.evaluate(async () => {
      const els = [...document.querySelectorAll('spco-roles')];
      const frame = () => new Promise((ok) => requestAnimationFrame(ok));
      for (let i = 0; i < 10; i++) await frame();
      const sizes = els.map(() => new Set());
      for (let i = 0; i < 30; i++) {
        await frame();
        els.forEach((el, k) => { const c = el.shadowRoot.querySelector('canvas'); sizes[k].add(`${c.width}x${c.height}`); });
      }
      return els.map((el, k) => {
        const c = el.shadowRoot.querySelector('canvas');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let ink = 0;
        for (let i = 3; i < d.length; i += 4) if (d[i]) ink++;
        return { id: el.id || el.getAttribute('view'), sizes: [...sizes[k]], ink, share: ink / (c.width * c.height) };
      });
    });
    assert.ok(seen.length >= 2, JSON.stringify(seen));
    for (const s of seen) {
      assert.equal(s.sizes.length, 1, `${s.id}'s canvas resized over 30 frames: ${s.sizes}`);
      assert.ok(s.share > 0.5, `${s.id} is blank: ${JSON.stringify(s)}`);
    }
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}
