// Issue 14 in the browser: compare="sme,large" on the demo data draws one arrow per role from the
// SME position to the large-company position. Each end is checked against a second element that
// shows one group alone (its el.stats through its own view transform); the element exposes both
// groups' figures (el.comparison); role 5, whose performance difference is the one clear at 95%,
// is drawn solid and the others dashed; no label covers a label, a marker or an arrow at three sizes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launch, mount } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const RECON = '/data/reconstructed-table3.csv';
const px = (l, imp, perf) => [
  l.plot.x + (imp - l.view.x0) / (l.view.x1 - l.view.x0) * l.plot.w,
  l.plot.y + (l.view.y1 - perf) / (l.view.y1 - l.view.y0) * l.plot.h,
];
const rectsOverlap = (a, b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const segHits = ([x0, y0, x1, y1], r) => {
  for (let i = 0; i <= 200; i++) {
    const t = i / 200;
    const x = x0 + (x1 - x0) * t;
    const y = y0 + (y1 - y0) * t;
    if (x > r.x && x < r.x + r.w && y > r.y && y < r.y + r.h) return true;
  }
  return false;
};

test('compare="sme,large": 14 arrows whose ends are each group alone; role 5 solid; both groups exposed', async () => {
  const page = await env.page({ width: 1000, height: 1400 });
  const size = 'style="width:900px;height:600px;display:block"';
  await mount(page, env.base, `<spco-roles id="c" src="${RECON}" compare="sme,large" ${size}></spco-roles>
    <spco-roles id="a" src="${RECON}" group="sme" ${size}></spco-roles>
    <spco-roles id="b" src="${RECON}" group="large" ${size}></spco-roles>`);
  const { c, a, b, cmp, compareProp } = await page.evaluate(() => {
    const get = (id) => document.getElementById(id);
    return { c: get('c').layout, a: get('a').stats, b: get('b').stats, cmp: get('c').comparison, compareProp: get('c').compare };
  });
  assert.equal(compareProp, 'sme,large');
  assert.equal(c.arrows.length, 14);
  for (const arrow of c.arrows) {
    const ra = a.roles.find((r) => r.role === arrow.role);
    const rb = b.roles.find((r) => r.role === arrow.role);
    const [ax, ay] = px(c, ra.importance.mean, ra.performance.mean);
    const [bx, by] = px(c, rb.importance.mean, rb.performance.mean);
    assert.ok(Math.abs(arrow.x0 - ax) < 1e-6 && Math.abs(arrow.y0 - ay) < 1e-6, `role ${arrow.role}: tail at the SME mean`);
    assert.ok(Math.abs(arrow.x1 - bx) < 1e-6 && Math.abs(arrow.y1 - by) < 1e-6, `role ${arrow.role}: head at the large mean`);
    // Both groups' figures, equal to each group alone.
    const rc = cmp.roles.find((r) => r.role === arrow.role);
    assert.equal(rc.performance.a.mean, ra.performance.mean);
    assert.equal(rc.performance.b.mean, rb.performance.mean);
    assert.equal(rc.importance.a.n, ra.importance.n);
    assert.equal(rc.importance.b.n, rb.importance.n);
    assert.equal(arrow.better, rb.performance.mean >= ra.performance.mean);
  }
  assert.deepEqual(c.arrows.filter((x) => x.clear).map((x) => x.role), [5], 'only role 5 is solid');
  const r5 = cmp.roles.find((r) => r.role === 5);
  assert.equal(r5.performance.excludes_zero, true);
  assert.ok(r5.performance.ci95[0] > 0 || r5.performance.ci95[1] < 0);
  assert.deepEqual(page.errors, []);
});

test('a bad comparison is an error with words; clearing it removes the arrows', async () => {
  const page = await env.page();
  await mount(page, env.base, `<spco-roles src="${RECON}" compare="sme,large"></spco-roles>`);
  const msg = await page.evaluate(async () => {
    const el = document.querySelector('spco-roles');
    const got = new Promise((res) => el.addEventListener('error', (e) => res(e.detail?.message ?? String(e)), { once: true }));
    el.compare = 'sme';
    return got;
  });
  assert.match(msg, /needs two/);
  await page.evaluate(() => { document.querySelector('spco-roles').compare = null; });
  await page.waitForFunction(() => document.querySelector('spco-roles').layout?.arrows.length === 0);
  assert.equal(await page.evaluate(() => document.querySelector('spco-roles').comparison), null);
});

test('no label covers another label, a marker or an arrow at three sizes; screenshots', async () => {
  fs.mkdirSync('test-results/compare', { recursive: true });
  for (const [w, h] of [[900, 600], [640, 420], [480, 400]]) {
    const page = await env.page({ width: w + 40, height: h + 40 });
    await mount(page, env.base, `<spco-roles src="${RECON}" compare="sme,large" style="width:${w}px;height:${h}px;display:block"></spco-roles>`);
    const l = await page.evaluate(() => document.querySelector('spco-roles').layout);
    assert.equal(l.arrows.length, 14);
    for (const lab of l.labels) {
      for (const o of l.labels) if (o !== lab) assert.ok(!rectsOverlap(lab, o), `${w}x${h}: labels ${lab.role} and ${o.role}`);
      for (const p of l.points) assert.ok(!rectsOverlap(lab, { x: p.x - 4, y: p.y - 4, w: 8, h: 8 }), `${w}x${h}: label ${lab.role} on marker ${p.role}`);
      for (const a of l.arrows) {
        assert.ok(!rectsOverlap(lab, { x: a.x0 - 3, y: a.y0 - 3, w: 6, h: 6 }), `${w}x${h}: label ${lab.role} on A marker ${a.role}`);
        if (a.segment) assert.ok(!segHits(a.segment, lab), `${w}x${h}: label ${lab.role} on arrow ${a.role}`);
      }
    }
    await page.locator('spco-roles').screenshot({ path: `test-results/compare/compare-${w}x${h}.png` });
    await page.context().close();
  }
});
