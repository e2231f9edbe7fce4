// The presenter look beyond the canvas: the tooltip, the number key, the badge and the spotlight
// caption grow with the chart's text scale (and the tooltip shrinks to fit a small plot); a dark
// chart in fullscreen is dark to the screen's edges.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, mount } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const RECON = '/data/reconstructed-table3.csv';
const frames = (page) => page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));

// Hovers role 4 and returns the tooltip's font size and box, and the plot's size (CSS px).
async function hoverTip(page) {
  const p = await page.evaluate(() => document.querySelector('spco-roles').layout.points.find((q) => q.role === 4));
  const r = await page.evaluate(() => {
    const b = document.querySelector('spco-roles').shadowRoot.querySelector('.plot').getBoundingClientRect();
    return { x: b.left, y: b.top };
  });
  await page.mouse.move(1, 1);
  await page.mouse.move(r.x + p.x, r.y + p.y);
  await page.waitForTimeout(150);
  return page.evaluate(() => {
    const s = document.querySelector('spco-roles').shadowRoot;
    const t = s.querySelector('.tip');
    const plot = s.querySelector('.plot');
    return { hidden: t.hidden, font: parseFloat(getComputedStyle(t).fontSize), h: t.offsetHeight, plotH: plot.clientHeight,
      key: parseFloat(getComputedStyle(s.querySelector('.key')).fontSize) };
  });
}

test('tooltip, key and caption grow with text-scale; the tooltip stays within a small plot', async () => {
  const page = await env.page({ width: 1300, height: 1000 });
  await mount(page, env.base, `<spco-roles src="${RECON}" synthetic text-scale="1" style="width:1200px;height:900px"></spco-roles>`, { wait: false });
  await page.waitForFunction(() => document.querySelector('spco-roles').layout?.points?.length);
  const one = await hoverTip(page);
  assert.equal(one.hidden, false);
  assert.equal(one.font, 12);
  await page.evaluate(() => document.querySelector('spco-roles').setAttribute('text-scale', '1.5'));
  await frames(page);
  const big = await hoverTip(page);
  assert.ok(Math.abs(big.font - 18) < 0.01, `tooltip font at text-scale 1.5: ${big.font}`);
  assert.ok(big.key > 11 && big.key <= 16, `key font ${big.key} (grows, at most 16 px)`);
  // The spotlight caption is never smaller than the chart's text (13 px x 1.5).
  const p = await page.evaluate(() => document.querySelector('spco-roles').layout.points.find((q) => q.role === 4));
  const r = await page.evaluate(() => document.querySelector('spco-roles').shadowRoot.querySelector('.plot').getBoundingClientRect().toJSON());
  await page.mouse.click(r.x + p.x, r.y + p.y);
  await frames(page);
  const cap = await page.evaluate(() => parseFloat(document.querySelector('spco-roles').shadowRoot.querySelector('.spot').style.fontSize));
  assert.ok(cap >= 19.5 - 0.01, `caption ${cap} px`);
  await page.keyboard.press('Escape');
  // A small element at text-scale 3: the tooltip shrinks to fit its plot (not below 12 px).
  await page.evaluate(() => { const el = document.querySelector('spco-roles'); el.style.height = '420px'; el.setAttribute('text-scale', '3'); });
  await page.waitForTimeout(200);
  const small = await hoverTip(page);
  if (small.font > 12) assert.ok(small.h <= small.plotH, `tooltip ${small.h} px in a ${small.plotH} px plot at ${small.font} px`);
  assert.ok(small.font < 36, `shrunk from 36 px to ${small.font}`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a dark chart in fullscreen is dark to the edges', async () => {
  const page = await env.page({ width: 1280, height: 720 });
  await mount(page, env.base, `<spco-roles src="${RECON}" controls theme="dark" style="width:800px;height:500px"></spco-roles>`, { wait: false });
  await page.waitForFunction(() => document.querySelector('spco-roles').layout?.points?.length);
  await page.evaluate(() => document.querySelector('spco-roles').shadowRoot.querySelector('.plot').focus());
  await page.keyboard.press('f');
  await page.waitForFunction(() => document.fullscreenElement, null, { timeout: 3000 });
  await page.waitForTimeout(300);
  const shot = await page.screenshot();
  // The screen's corners and edge midpoints are the dark background, not a white frame.
  const px = await page.evaluate(async (b64) => {
    const img = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
    const c = new OffscreenCanvas(img.width, img.height);
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const at = (x, y) => [...ctx.getImageData(x, y, 1, 1).data].slice(0, 3);
    const w = img.width - 1, h = img.height - 1;
    return [at(0, 0), at(w, 0), at(0, h), at(w, h), at(w >> 1, h), at(0, h >> 1)];
  }, shot.toString('base64'));
  for (const [r, g, b] of px) assert.ok(r + g + b < 150, `edge pixel ${r},${g},${b} is not dark`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
