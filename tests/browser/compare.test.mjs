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

// ---- the hierarchy, the table and the Compare control --------------------------------------

/** The fill of node `id` read from the canvas: the commonest colour inside its box away from its
 * border and its text lines. */
async function nodeFill(page, sel, id) {
  return page.evaluate(([sel, id]) => {
    const el = document.querySelector(sel);
    const n = el.layout.nodes.find((x) => x.id === id);
    const canvas = el.shadowRoot.querySelector('canvas');
    const dpr = canvas.width / canvas.getBoundingClientRect().width;
    const ctx = canvas.getContext('2d');
    const inText = (x, y) => n.line_boxes.some((b) => x > b.x - 2 && x < b.x + b.w + 2 && y > b.y - 2 && y < b.y + b.h + 2);
    const counts = new Map();
    for (let x = n.x + 4; x < n.x + n.w - 4; x += 2) {
      for (let y = n.y + 4; y < n.y + n.h - 4; y += 2) {
        if (inText(x, y)) continue;
        const [r, g, b] = ctx.getImageData(Math.round(x * dpr), Math.round(y * dpr), 1, 1).data;
        const k = `${r},${g},${b}`;
        counts.set(k, (counts.get(k) || 0) + 1);
      }
    }
    const best = [...counts].sort((a, b) => b[1] - a[1])[0];
    return best ? best[0].split(',').map(Number) : null;
  }, [sel, id]);
}

test('hierarchy with compare: role 5 (clear) is coloured by its difference, the others and the roll-ups grey; no label overlaps', async () => {
  fs.mkdirSync('/work/notes/shots-compare', { recursive: true });
  const page = await env.page({ width: 1100, height: 800 });
  await mount(page, env.base, `<spco-roles src="${RECON}" view="hierarchy" color-by="performance" compare="sme,large"
    style="width:1000px;height:700px;display:block"></spco-roles>`, { wait: false });
  await page.waitForFunction(() => document.querySelector('spco-roles').layout?.nodes?.length > 20);
  const { cmp, l } = await page.evaluate(() => {
    const el = document.querySelector('spco-roles');
    return { cmp: el.comparison, l: el.layout };
  });
  const r5 = cmp.roles.find((r) => r.role === 5).performance;
  assert.equal(r5.excludes_zero, true);
  const grey = [0xc4, 0xc9, 0xcf];
  const clear = await nodeFill(page, 'spco-roles', 5);
  // Blue where large rates role 5's performance higher than SME, orange where lower.
  if (r5.diff > 0) assert.ok(clear[2] > clear[0] + 40, `role 5 is blue: ${clear}`);
  else assert.ok(clear[0] > clear[2] + 40, `role 5 (${r5.diff}) is orange: ${clear}`);
  assert.notDeepEqual(clear, grey);
  for (const id of [4, 7, 105]) {
    const f = await nodeFill(page, 'spco-roles', id);
    assert.deepEqual(f, grey, `node ${id} is grey (not clear at 95%)`);
  }
  // No text line of one node overlaps another's.
  const lines = l.nodes.flatMap((n) => n.line_boxes.map((b) => ({ ...b, id: n.id })));
  for (const a of lines) for (const b of lines) if (a.id !== b.id) assert.ok(!rectsOverlap(a, b), `labels of ${a.id} and ${b.id}`);
  // The tooltip of a spearhead role gives both groups' roll-ups and the reason for no interval.
  const tip = await page.evaluate(() => document.querySelector('spco-roles')._handle.tooltip(105));
  const rows = tip.rows.map(([k, v]) => `${k}: ${v}`).join(' | ');
  assert.match(rows, /SME members\u00a0\d\.\d\d → Large member companies\u00a0\d\.\d\d/);
  assert.match(rows, /no interval: a mean of role means/);
  await page.locator('spco-roles').screenshot({ path: '/work/notes/shots-compare/hierarchy-compare.png' });
  assert.deepEqual(page.errors, []);
});

test('the data table gains the comparison columns (EN and NL), in the accessibility tree', async () => {
  const page = await env.page();
  await mount(page, env.base, `<spco-roles src="${RECON}" compare="sme,large" style="width:900px;height:600px;display:block"></spco-roles>`);
  const read = () => page.evaluate(() => {
    const t = document.querySelector('spco-roles').shadowRoot.querySelector('table');
    return {
      head: [...t.querySelectorAll('thead th')].map((th) => th.textContent),
      row5: [...t.querySelectorAll('tbody tr')].find((tr) => tr.dataset.item === '5') ?
        [...[...t.querySelectorAll('tbody tr')].find((tr) => tr.dataset.item === '5').cells].map((c) => c.textContent) : null,
      caption: t.caption?.textContent,
    };
  });
  // The table is rendered in an idle moment after the first frame (a11y.js).
  await page.waitForFunction(() => document.querySelector('spco-roles').shadowRoot.querySelector('table thead th'));
  const en = await read();
  assert.equal(en.head.length, 17);
  assert.deepEqual(en.head.slice(8, 15), ['Performance A mean', 'Performance A n', 'Performance B mean', 'Performance B n',
    'Performance difference B − A', 'Performance 95% CI', 'Performance clear']);
  assert.equal(en.row5[14], 'yes');
  assert.match(en.caption, /A = SME members, B = Large member companies/);
  // The table is in the accessibility tree with its column headers.
  const snap = await page.locator('spco-roles').ariaSnapshot();
  assert.match(snap, /columnheader "Performance 95% CI"/);
  await page.evaluate(() => document.querySelector('spco-roles').setAttribute('lang', 'nl'));
  await page.waitForFunction(() => document.querySelector('spco-roles').shadowRoot.querySelector('thead th:nth-child(15)')?.textContent === 'Prestatie duidelijk');
  const nl = await read();
  assert.equal(nl.row5[14], 'ja');
  assert.match(nl.head[13], /Prestatie 95%-BI/);
});

test('the Compare control sets compare and the chart follows; it sits in the phone groups menu at 44 px', async () => {
  const page = await env.page({ width: 1100, height: 800 });
  await mount(page, env.base, `<spco-roles id="c" src="${RECON}" controls url-state style="width:1000px;height:640px;display:block"></spco-roles>`);
  const sel = page.locator('spco-roles .chips select.cmp');
  assert.equal(await sel.getAttribute('aria-label'), 'Compare two groups');
  assert.equal(await page.evaluate(() => document.querySelector('spco-roles').layout.arrows.length), 0);
  // The pairs come in the data's group order (large first in the demo); a native select, so keys work.
  await sel.focus();
  await sel.selectOption('large,sme');
  await page.waitForFunction(() => document.querySelector('spco-roles').layout?.arrows?.length === 14);
  assert.equal(await page.evaluate(() => document.querySelector('spco-roles').compare), 'large,sme');
  // Focus stays on the control after the bar is rebuilt.
  assert.equal(await page.evaluate(() => document.querySelector('spco-roles').shadowRoot.activeElement?.className), 'cmp');
  // The URL state carries the comparison.
  await page.waitForFunction(() => location.hash.includes('c:large,sme'));
  await page.evaluate(() => document.querySelector('spco-roles').setAttribute('lang', 'nl'));
  await page.waitForFunction(() => document.querySelector('spco-roles').shadowRoot.querySelector('.cmp').getAttribute('aria-label') === 'Twee groepen vergelijken');
  await page.locator('spco-roles').screenshot({ path: '/work/notes/shots-compare/quadrant-compare-nl.png' });
  // Off again.
  await sel.selectOption('');
  await page.waitForFunction(() => document.querySelector('spco-roles').layout?.arrows?.length === 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();

  // On a phone: the select is in the groups menu, 44 px high.
  const ctx = await env.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, hasTouch: true, isMobile: true });
  const phone = await ctx.newPage();
  await phone.goto(`${env.base}/tests/fixtures/phone.html`);
  await phone.evaluate((html) => { document.body.innerHTML = html; },
    `<spco-roles src="${RECON}" controls compare="sme,large" style="width:100%;height:520px;display:block"></spco-roles>`);
  await phone.waitForFunction(() => document.querySelector('spco-roles').layout?.arrows?.length === 14);
  const r = await phone.evaluate(() => {
    const sr = document.querySelector('spco-roles').shadowRoot;
    const menus = [...sr.querySelectorAll('.menu')].filter((m) => m.offsetParent);
    menus[0].click();
    const b = sr.querySelector('.cmp').getBoundingClientRect();
    const bar = sr.querySelector('.bar').getBoundingClientRect();
    return { menus: menus.length, h: b.height, w: b.width, visible: b.width > 0, right: b.right, vw: innerWidth, barTop: bar.top };
  });
  assert.equal(r.menus, 2);
  assert.ok(r.visible && r.h >= 44, `select ${r.w}x${r.h}`);
  assert.ok(r.right <= r.vw, 'inside the screen');
  await phone.locator('spco-roles').screenshot({ path: '/work/notes/shots-compare/phone-compare-menu.png' });
  await ctx.close();
});
