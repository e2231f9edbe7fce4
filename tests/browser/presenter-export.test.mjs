// Exports are of what is shown: the SVG of a zoomed hierarchy with a collapsed node holds exactly
// the labels the canvas shows (from el.layout), as does the SVG of a zoomed, filtered quadrant;
// the PNG is the canvas' own pixels above its footer.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, mount } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const RECON = '/data/reconstructed-table3.csv';
const ready = () => { const l = document.querySelector('spco-roles').layout; return l && (l.points.length || l.nodes.length); };

// The SVG's texts, as the canvas sets them (a double space is a no-break space plus a space).
const svgTexts = (page) => page.evaluate(async () => {
  const doc = new DOMParser().parseFromString(await document.querySelector('spco-roles').toSvg(), 'image/svg+xml');
  if (doc.querySelector('parsererror')) return null;
  return [...doc.querySelectorAll('text')].map((t) => t.textContent.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim());
});

// Node labels on the canvas: lines whose box is inside the plot (the painter skips the others).
function nodeLabels(l) {
  const p = l.plot;
  const inside = (b) => b.x >= p.x - 0.5 && b.y >= p.y - 0.5 && b.x + b.w <= p.x + p.w + 0.5 && b.y + b.h <= p.y + p.h + 0.5;
  const shown = new Set(), all = new Set();
  for (const n of l.nodes) {
    n.lines.forEach((t, i) => {
      const s = t.replace(/\s+/g, ' ').trim();
      all.add(s);
      if (inside(n.line_boxes[i])) shown.add(s);
    });
  }
  return { shown, all };
}

test('hierarchy: the SVG of a collapsed, zoomed diagram holds exactly the labels the canvas shows', async () => {
  // At a text scale and pixel ratio other than 1, where the SVG must lay out on the canvas' own
  // pixels to wrap and place text as the canvas does.
  const page = await env.page({ width: 1300, height: 800, dpr: 1.5 });
  await mount(page, env.base, `<spco-roles src="${RECON}" view="hierarchy" text-scale="1.3" style="width:1200px;height:700px"></spco-roles>`, { wait: false });
  await page.waitForFunction(ready);
  // The table (whose buttons are used below) is rendered in an idle moment after the first
  // frame (a11y.js), up to 300 ms later: the test waited only for the chart and sometimes found
  // no buttons.
  await page.waitForFunction(() => document.querySelector('spco-roles').shadowRoot.querySelector('button[data-toggle]'));
  const whole = await page.evaluate(() => document.querySelector('spco-roles').layout);
  const everything = nodeLabels(whole).all;
  // Collapse the first branch whose button hides nodes and leaves spearhead roles (the table's
  // buttons are the keyboard and screen-reader path to the canvas' small ones).
  const collapsed = await page.evaluate(async () => {
    const el = document.querySelector('spco-roles');
    const before = el.layout.nodes.length;
    const frame = () => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
    // Until the layout's node count leaves `from` (a loaded machine can take more than a frame).
    const settle = async (from) => { for (let i = 0; i < 10 && el.layout.nodes.length === from; i++) await frame(); };
    for (const id of [...el.shadowRoot.querySelectorAll('button[data-toggle]')].map((b) => b.dataset.toggle)) {
      el.shadowRoot.querySelector(`button[data-toggle="${id}"]`).click();
      await settle(before);
      const n = el.layout.nodes;
      if (n.length < before && n.some((q) => q.id > 100 && q.id <= 110)) return before - n.length;
      el.shadowRoot.querySelector(`button[data-toggle="${id}"]`).click();
      await settle(n.length);
    }
    return 0;
  });
  assert.ok(collapsed >= 3, `collapsing hid ${collapsed} nodes`);
  // Then zoom into a spearhead role that is still shown.
  const l1 = await page.evaluate(() => document.querySelector('spco-roles').layout);
  const sr = l1.nodes.find((n) => n.id > 100 && n.id <= 110 && n.w > 0);
  assert.ok(sr, 'a spearhead role is shown');
  const box = await page.locator('spco-roles').boundingBox();
  await page.mouse.click(box.x + sr.x + sr.w / 2, box.y + sr.y + sr.h / 2);
  await page.waitForTimeout(800); // the transition takes 450 ms
  await page.mouse.move(1, 1);
  await page.waitForTimeout(100);
  const l2 = await page.evaluate(() => document.querySelector('spco-roles').layout);
  assert.ok((l2.view.x1 - l2.view.x0) < (whole.view.x1 - whole.view.x0) * 0.8, 'zoomed in');
  const { shown } = nodeLabels(l2);
  const hidden = [...everything].filter((t) => !shown.has(t));
  assert.ok(hidden.length >= 5, `the view hides labels (${hidden.length})`);
  const texts = await svgTexts(page);
  assert.ok(texts, 'the SVG parses');
  for (const t of shown) assert.ok(texts.includes(t), `SVG lacks the shown label "${t}"`);
  for (const t of hidden) assert.ok(!texts.includes(t), `SVG shows "${t}", which the canvas does not`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('quadrant: the SVG of a zoomed, filtered view holds the shown labels and not the culled ones', async () => {
  const page = await env.page({ width: 1000, height: 700 });
  await mount(page, env.base, `<spco-roles src="${RECON}" group="sme" text-scale="1.2" style="width:900px;height:600px"></spco-roles>`, { wait: false });
  await page.waitForFunction(ready);
  const all = await page.evaluate(() => document.querySelector('spco-roles').layout.points.map((p) => p.role));
  await page.evaluate(() => document.querySelector('spco-roles').shadowRoot.querySelector('.plot').focus());
  for (let i = 0; i < 3; i++) await page.keyboard.press('+');
  await page.waitForTimeout(200);
  const l = await page.evaluate(() => document.querySelector('spco-roles').layout);
  const shownRoles = new Set(l.points.map((p) => p.role));
  const culled = all.filter((r) => !shownRoles.has(r));
  assert.ok(culled.length >= 2, `the zoom leaves roles out (${culled})`);
  const texts = await svgTexts(page);
  assert.ok(texts, 'the SVG parses');
  for (const lb of l.labels) {
    const want = lb.number_only ? [String(lb.role)] : null;
    assert.ok(texts.some((t) => (want ? want.includes(t) : t.startsWith(`${lb.role} `))), `SVG lacks role ${lb.role}'s label`);
  }
  // (A bare number could be a tick label, so a left-out role is looked for by its full label.)
  for (const r of culled) assert.ok(!texts.some((t) => t.startsWith(`${r} `)), `SVG labels role ${r}, which the zoom leaves out`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('PNG: the canvas as shown, pixel for pixel, above the footer', async () => {
  const page = await env.page({ width: 1300, height: 800, dpr: 2 });
  await mount(page, env.base, `<spco-roles src="${RECON}" view="hierarchy" synthetic style="width:800px;height:500px"></spco-roles>`, { wait: false });
  await page.waitForFunction(ready);
  const l = await page.evaluate(() => document.querySelector('spco-roles').layout);
  const sr = l.nodes.find((n) => n.id === 102);
  const box = await page.locator('spco-roles').boundingBox();
  await page.mouse.click(box.x + sr.x + sr.w / 2, box.y + sr.y + sr.h / 2);
  await page.waitForTimeout(800);
  await page.mouse.move(1, 1);
  await page.waitForTimeout(100);
  const r = await page.evaluate(async () => {
    const el = document.querySelector('spco-roles');
    const c = el.shadowRoot.querySelector('canvas');
    const img = await createImageBitmap(await el.toBlob('image/png'));
    const o = new OffscreenCanvas(img.width, img.height);
    o.getContext('2d').drawImage(img, 0, 0);
    const a = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const b = o.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let diff = 0;
    for (let i = 0; i < a.length; i++) if (Math.abs(a[i] - b[i]) > 2) diff++;
    return { diff, w: img.width, h: img.height, cw: c.width, ch: c.height };
  });
  assert.equal(r.w, r.cw);
  assert.ok(r.h > r.ch, 'a footer below the chart');
  assert.equal(r.diff, 0, 'the PNG differs from the canvas');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("a phone's hierarchy SVG: the higher purpose across the top, readable, and the footer wrapped to the width", async () => {
  const page = await env.page({ width: 390, height: 844, dpr: 2 });
  await mount(page, env.base, `<spco-roles src="${RECON}" view="hierarchy" synthetic style="width:390px;height:700px"></spco-roles>`, { wait: false });
  await page.waitForFunction(() => document.querySelector('spco-roles').layout?.nodes?.length);
  await page.waitForTimeout(200);
  const r = await page.evaluate(async () => {
    const el = document.querySelector('spco-roles');
    const holder = document.createElement('div');
    holder.innerHTML = await el.toSvg();
    document.body.append(holder);
    const svg = holder.querySelector('svg');
    const width = svg.viewBox.baseVal.width;
    const texts = [...svg.querySelectorAll('text')];
    const right = (t) => { const b = t.getBBox(); return b.x + b.width; };
    return {
      width,
      texts: texts.map((t) => t.textContent.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim()),
      overflow: texts.filter((t) => right(t) > width + 0.5).map((t) => t.textContent),
    };
  });
  assert.deepEqual(r.overflow, [], 'no text runs past the document');
  // As a fourth column the frame showed "Highe…" and "Posit…".
  assert.ok(r.texts.includes('Higher purpose'));
  assert.ok(r.texts.some((t) => t.startsWith('Position Flanders')), r.texts.slice(0, 8).join(' | '));
  // The warning is whole, over several lines.
  const footer = r.texts.slice(r.texts.findIndex((t) => t.startsWith('Synthetic data:'))).join(' ');
  assert.match(footer, /not the study's raw answers\. The group split is synthetic\.$/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
