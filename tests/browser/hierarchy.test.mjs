// The spearhead-roles hierarchy (report Figure 3) in headless Chromium, and linked views.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, mount } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const RECON = '/data/reconstructed-table3.csv';
const overlap = (a, b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

// STUDY.md: spearhead role -> [primary], [secondary] source roles.
const LINKS = { 101: [[9], []], 102: [[4], [3, 5, 7, 10, 12, 13]], 103: [[6], [12, 13]], 104: [[2], []],
  105: [[5], []], 106: [[5], []], 107: [[14], []], 108: [[8], []], 109: [[11], []], 110: [[3], []] };

const ready = () => [...document.querySelectorAll('spco-roles')].every((el) => el.layout && (el.layout.points.length || el.layout.nodes.length));

test('every node and every many-to-many edge of the catalogue is drawn; labels never overlap', async () => {
  for (const [w, h] of [[1200, 700], [700, 900], [420, 600]]) {
    const page = await env.page({ dpr: w < 500 ? 2 : 1 });
    await mount(page, env.base, `<spco-roles src="${RECON}" view="hierarchy" style="width:${w}px;height:${h}px"></spco-roles>`, { wait: false });
    await page.waitForFunction(ready);
    const l = await page.evaluate(() => document.querySelector('spco-roles').layout);
    const ids = l.nodes.map((n) => n.id).sort((a, b) => a - b);
    const expected = [...Array.from({ length: 14 }, (_, i) => i + 1), ...Array.from({ length: 10 }, (_, i) => 101 + i), 201, 202, 300, 301, 302, 303];
    assert.deepEqual(ids, expected, `${w}x${h}`);
    for (const [sr, [prim, sec]] of Object.entries(LINKS)) {
      for (const r of prim) assert.ok(l.edges.some((e) => e.from === Number(sr) && e.to === r && e.primary), `${sr}->${r} solid`);
      for (const r of sec) assert.ok(l.edges.some((e) => e.from === Number(sr) && e.to === r && !e.primary), `${sr}->${r} dashed`);
    }
    const boxes = l.nodes.flatMap((n) => n.line_boxes.map((b) => ({ ...b, id: n.id })));
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        if (boxes[i].id !== boxes[j].id) assert.ok(!overlap(boxes[i], boxes[j]), `${w}x${h}: labels of ${boxes[i].id} and ${boxes[j].id} overlap`);
      }
    }
    for (const n of l.nodes) if (n.lines.length) assert.ok(n.font_css >= 10, `node ${n.id} font ${n.font_css}`);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
});

test('clicking a spearhead role zooms to its subtree; Escape returns', async () => {
  const page = await env.page({ width: 1300, height: 800 });
  await mount(page, env.base, `<spco-roles src="${RECON}" view="hierarchy" style="width:1200px;height:700px"></spco-roles>`, { wait: false });
  await page.waitForFunction(ready);
  const before = await page.evaluate(() => document.querySelector('spco-roles').layout);
  const sr2 = before.nodes.find((n) => n.id === 102);
  const box = await page.locator('spco-roles').boundingBox();
  await page.mouse.click(box.x + sr2.x + sr2.w / 2, box.y + sr2.y + sr2.h / 2);
  await page.waitForTimeout(700); // the transition takes 450 ms
  const zoomed = await page.evaluate(() => document.querySelector('spco-roles').layout);
  const span = (l) => (l.view.x1 - l.view.x0) * (l.view.y1 - l.view.y0);
  assert.ok(span(zoomed) < span(before) * 0.8, `${span(before)} -> ${span(zoomed)}`);
  assert.equal(zoomed.breadcrumb.at(-1), 'SR2 · Shaping a consortium');
  const crumbs = await page.locator('spco-roles').locator('.crumbs').textContent();
  assert.match(crumbs, /All roles.*SR2/);
  // Every role feeding SR2 is in view.
  for (const id of [3, 4, 5, 7, 10, 12, 13]) {
    const n = zoomed.nodes.find((q) => q.id === id);
    assert.ok(n && n.x >= zoomed.plot.x - 1 && n.x + n.w <= zoomed.plot.x + zoomed.plot.w + 1, `role ${id} in view`);
  }
  await page.keyboard.press('Escape');
  await page.waitForTimeout(700);
  const back = await page.evaluate(() => document.querySelector('spco-roles').layout);
  assert.ok(Math.abs(span(back) - span(before)) < 1e-9);
  assert.equal(await page.locator('spco-roles').locator('.crumbs').isHidden(), true);
  assert.deepEqual(page.errors, []);
});

test('a group filter recolours the nodes', async () => {
  const page = await env.page();
  await mount(page, env.base, `<spco-roles src="${RECON}" view="hierarchy" color-by="performance" style="width:1200px;height:700px"></spco-roles>`, { wait: false });
  await page.waitForFunction(ready);
  const sample = () => page.evaluate(() => {
    const el = document.querySelector('spco-roles');
    const c = el.shadowRoot.querySelector('canvas');
    const k = c.width / c.clientWidth;
    const ctx = c.getContext('2d');
    // Just inside each role box's left edge: the fill, not the text.
    return el.layout.nodes.filter((n) => n.id >= 2 && n.id <= 14)
      .map((n) => [...ctx.getImageData(Math.round((n.x + 3) * k), Math.round((n.y + n.h / 2) * k), 1, 1).data].join(','));
  });
  const all = await sample();
  await page.evaluate(() => { document.querySelector('spco-roles').group = 'sme'; });
  await page.waitForTimeout(60);
  const sme = await sample();
  const changed = all.filter((c, i) => c !== sme[i]).length;
  assert.ok(changed >= 5, `${changed} of 13 role nodes changed colour`);
  assert.deepEqual(page.errors, []);
});

test('linked views: hover and group filter cross from the quadrant to the hierarchy', async () => {
  const page = await env.page({ width: 1500, height: 700 });
  await page.goto(`${env.base}/tests/fixtures/linked.html`);
  await page.waitForFunction(ready);
  await page.waitForTimeout(100); // let the controls settle: they size the plot
  // Role 5's marker in page coordinates, read at the moment of use.
  const where = () => page.evaluate(() => {
    const el = document.getElementById('q');
    const r = el.shadowRoot.querySelector('.plot').getBoundingClientRect();
    const p = el.layout.points.find((q) => q.role === 5);
    return [r.left + p.x, r.top + p.y];
  });
  let [x, y] = await where();
  await page.mouse.move(x, y);
  await page.waitForFunction(() => document.getElementById('h').layout.highlighted === 5, null, { timeout: 5000 });
  // A click selects role 5 in both and fires role-select.
  const sel = page.evaluate(() => new Promise((ok, fail) => {
    document.addEventListener('role-select', (e) => ok([e.target.id, e.detail.role]), { once: true });
    setTimeout(() => fail(new Error('no role-select within 5 s')), 5000);
  }));
  [x, y] = await where();
  await page.mouse.click(x, y);
  assert.deepEqual(await sel, ['q', 5]);
  await page.waitForFunction(() => document.getElementById('h').layout.selected === 5, null, { timeout: 5000 });
  // A group chip in the quadrant filters the hierarchy too.
  await page.locator('#q').locator('.chips button', { hasText: /SME/ }).click();
  await page.waitForFunction(() => document.getElementById('h').group === 'sme', null, { timeout: 5000 });
  assert.equal(await page.evaluate(() => document.getElementById('h').stats.n_respondents), 5);
  assert.deepEqual(page.errors, []);
});
