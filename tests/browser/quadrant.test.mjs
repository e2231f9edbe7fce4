// The quadrant chart in headless Chromium: what a reader sees and does.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launch, mount } from './harness.mjs';
import { wasmName } from '../../scripts/pkg-files.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const TABLE3 = '/data/table3-summary.csv';
const RECON = '/data/reconstructed-table3.csv';

// Report Table 3 means, copied from STUDY.md: [role, importance, performance].
const MEANS = [[1, 7.37, 3.39], [2, 6.93, 3.84], [3, 6.70, 3.42], [4, 7.97, 4.32], [5, 7.63, 3.52],
  [6, 7.33, 3.65], [7, 6.80, 3.06], [8, 6.63, 3.57], [9, 6.57, 3.42], [10, 6.37, 3.29], [11, 4.90, 3.03],
  [12, 6.40, 3.55], [13, 5.50, 3.17], [14, 6.31, 3.63]];

const rectsOverlap = (a, b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

test('renders the 14 roles where the statistics say, through the view transform', async () => {
  const page = await env.page();
  const fetched = [];
  page.on('request', (r) => { if (r.url().endsWith('.csv') || r.url().endsWith('.wasm')) fetched.push(new URL(r.url()).pathname); });
  await mount(page, env.base, `<spco-roles src="${TABLE3}" zoom="full"></spco-roles>`);
  // The data and the wasm are each fetched once.
  assert.deepEqual(fetched.sort(), ['/data/table3-summary.csv', `/pkg/${wasmName('pkg')}`]);
  const { layout, stats } = await page.evaluate(() => {
    const el = document.querySelector('spco-roles');
    return { layout: el.layout, stats: el.stats };
  });
  assert.equal(stats.roles.length, 14);
  assert.equal(layout.points.length, 14);
  const { plot, view } = layout;
  for (const [role, imp, perf] of MEANS) {
    const p = layout.points.find((q) => q.role === role);
    const s = stats.roles.find((r) => r.role === role);
    assert.ok(Math.abs(s.importance.mean - imp) < 1e-9 && Math.abs(s.performance.mean - perf) < 1e-9);
    const x = plot.x + (imp - view.x0) / (view.x1 - view.x0) * plot.w;
    const y = plot.y + plot.h - (perf - view.y0) / (view.y1 - view.y0) * plot.h;
    assert.ok(Math.abs(p.x - x) < 0.51 && Math.abs(p.y - y) < 0.51, `role ${role}: ${p.x},${p.y} vs ${x},${y}`);
  }
  // Quadrants at the report's crosshair: 13 keep_up, role 11 overkill.
  assert.deepEqual(stats.roles.filter((r) => r.quadrant !== 'keep_up').map((r) => [r.role, r.quadrant]), [[11, 'overkill']]);
  // The marker is drawn: the pixel at role 4's centre has its category's colour. Role 4 is
  // operational (STUDY.md: O = 2, 4, 7, 8, 11, 14), drawn #D55E00 (chart::category_color), a
  // filled disc since n is not small. The tinted quadrant and the whiskers crossing there have
  // other colours, so this fails when no marker is drawn.
  const p4 = layout.points.find((q) => q.role === 4);
  assert.equal(stats.roles.find((r) => r.role === 4).small_n, false);
  const rgba = await page.evaluate(([x, y]) => {
    const c = document.querySelector('spco-roles').shadowRoot.querySelector('canvas');
    const k = c.width / c.clientWidth;
    return [...c.getContext('2d').getImageData(Math.round(x * k), Math.round(y * k), 1, 1).data];
  }, [p4.x, p4.y]);
  const OPERATIONAL = [0xd5, 0x5e, 0x00];
  assert.ok(OPERATIONAL.every((v, i) => Math.abs(rgba[i] - v) <= 2) && rgba[3] === 255,
    `pixel at role 4: ${rgba} vs ${OPERATIONAL}`);
  assert.deepEqual(page.errors, []);
});

test('wheel zoom changes the visible range around the cursor; double-click resets', async () => {
  const page = await env.page();
  await mount(page, env.base, `<spco-roles src="${TABLE3}" zoom="full"></spco-roles>`);
  const before = await page.evaluate(() => document.querySelector('spco-roles').layout);
  const box = await page.locator('spco-roles').boundingBox();
  const events = page.evaluate(() => new Promise((ok) => document.querySelector('spco-roles')
    .addEventListener('view-change', (e) => ok(e.detail), { once: true })));
  const cx = before.plot.x + before.plot.w * 0.75, cy = before.plot.y + before.plot.h * 0.25;
  // Offset of the plot element inside the host (the controls bar is hidden here, so 0).
  // The reader has clicked into the chart: the plain wheel zooms a focused chart (over an
  // unfocused one it scrolls the page, tests/browser/mobile.test.mjs).
  await page.evaluate(() => document.querySelector('spco-roles').shadowRoot.querySelector('.plot').focus());
  await page.mouse.move(box.x + cx, box.y + cy);
  for (let i = 0; i < 5; i++) await page.mouse.wheel(0, -120);
  const detail = await events;
  await page.waitForTimeout(50);
  const after = await page.evaluate(() => document.querySelector('spco-roles').layout);
  const spanB = before.view.x1 - before.view.x0, spanA = after.view.x1 - after.view.x0;
  assert.ok(spanA < spanB * 0.7, `zoomed in: ${spanB} -> ${spanA}`);
  assert.ok(detail.x1 - detail.x0 < spanB);
  // The data point under the cursor stays under the cursor.
  const dataX = (l) => l.view.x0 + (cx - l.plot.x) / l.plot.w * (l.view.x1 - l.view.x0);
  assert.ok(Math.abs(dataX(before) - dataX(after)) < 0.02, `${dataX(before)} vs ${dataX(after)}`);
  // Points outside the view are culled, not clamped onto the border.
  for (const p of after.points) {
    assert.ok(p.x >= after.plot.x - 1 && p.x <= after.plot.x + after.plot.w + 1 && p.y >= after.plot.y - 1 && p.y <= after.plot.y + after.plot.h + 1);
  }
  assert.ok(after.points.length < 14);
  await page.mouse.dblclick(box.x + cx, box.y + cy);
  await page.waitForTimeout(50);
  const reset = await page.evaluate(() => document.querySelector('spco-roles').layout);
  assert.deepEqual(reset.view, before.view);
  assert.deepEqual(page.errors, []);
});

test('a group filter changes positions and n; the control shows n per group', async () => {
  const page = await env.page();
  await mount(page, env.base, `<spco-roles src="${RECON}" controls zoom="full"></spco-roles>`);
  const all = await page.evaluate(() => document.querySelector('spco-roles').stats);
  assert.ok(all.n_respondents >= 29);
  // Role 5 performance: the report says SMEs rate it higher than large companies.
  const chips = await page.evaluate(() => [...document.querySelector('spco-roles').shadowRoot.querySelectorAll('.chips button')].map((b) => b.textContent));
  assert.ok(chips.length >= 6, chips.join('|'));
  await page.evaluate(() => { document.querySelector('spco-roles').group = 'sme'; });
  await page.waitForTimeout(50);
  const sme = await page.evaluate(() => { const el = document.querySelector('spco-roles'); return { stats: el.stats, layout: el.layout }; });
  await page.evaluate(() => { document.querySelector('spco-roles').group = 'large'; });
  await page.waitForTimeout(50);
  const large = await page.evaluate(() => document.querySelector('spco-roles').stats);
  const perf5 = (s) => s.roles.find((r) => r.role === 5).performance;
  assert.ok(perf5(sme.stats).mean > perf5(large).mean, `${perf5(sme.stats).mean} > ${perf5(large).mean}`);
  assert.ok(sme.stats.n_respondents < all.n_respondents);
  assert.equal(sme.stats.n_respondents, sme.stats.groups.find((g) => g.code === 'sme').n);
  // The point moved to the SME mean.
  const p5 = sme.layout.points.find((p) => p.role === 5);
  const { plot, view } = sme.layout;
  const y = plot.y + plot.h - (perf5(sme.stats).mean - view.y0) / (view.y1 - view.y0) * plot.h;
  assert.ok(Math.abs(p5.y - y) < 0.51);
  // Clicking a chip in the built-in control filters too.
  await page.locator('spco-roles').locator('.chips button', { hasText: /Knowledge/ }).click();
  await page.waitForTimeout(50);
  assert.equal(await page.evaluate(() => document.querySelector('spco-roles').group), 'large,knowledge');
  assert.deepEqual(page.errors, []);
});

test('hover shows the full role text in a tooltip', async () => {
  const page = await env.page();
  await mount(page, env.base, `<spco-roles src="${TABLE3}" zoom="report"></spco-roles>`);
  const layout = await page.evaluate(() => document.querySelector('spco-roles').layout);
  const p = layout.points.find((q) => q.role === 4);
  const box = await page.locator('spco-roles').boundingBox();
  await page.mouse.move(box.x + p.x, box.y + p.y);
  const tip = page.locator('spco-roles').locator('.tip');
  await tip.waitFor({ state: 'visible' });
  const text = await tip.textContent();
  assert.match(text, /Bringing together and coordinating diverse stakeholders/);
  assert.match(text, /7\.97/);
  await page.evaluate(() => { document.querySelector('spco-roles').lang = 'nl'; });
  await page.mouse.move(box.x + p.x + 1, box.y + p.y);
  assert.match(await tip.textContent(), /Het samenbrengen en coördineren/);
  assert.match(await tip.textContent(), /7,97/);
});

test('labels never overlap each other, the points or the plot border, at several zooms and sizes', async () => {
  for (const [w, h, dpr] of [[900, 600, 1], [480, 360, 2], [1400, 800, 1]]) {
    const page = await env.page({ dpr });
    await mount(page, env.base, `<spco-roles src="${TABLE3}" style="width:${w}px;height:${h}px"></spco-roles>`);
    for (const zoom of ['full', 'report', 'fit', '6,8.2,3,4']) {
      await page.evaluate((z) => { document.querySelector('spco-roles').zoom = z; }, zoom);
      await page.waitForTimeout(40);
      const l = await page.evaluate(() => document.querySelector('spco-roles').layout);
      assert.equal(l.labels.length, l.points.length, `${w}x${h} ${zoom}: every visible point is labelled`);
      for (let i = 0; i < l.labels.length; i++) {
        const a = l.labels[i];
        assert.ok(a.x >= l.plot.x - 0.5 && a.y >= l.plot.y - 0.5 && a.x + a.w <= l.plot.x + l.plot.w + 0.5 && a.y + a.h <= l.plot.y + l.plot.h + 0.5, `${w}x${h} ${zoom}: label ${a.role} inside the plot`);
        for (let j = i + 1; j < l.labels.length; j++) assert.ok(!rectsOverlap(a, l.labels[j]), `${w}x${h} ${zoom}: labels ${a.role} and ${l.labels[j].role} overlap`);
        for (const p of l.points) {
          const r = 3.5;
          assert.ok(!rectsOverlap(a, { x: p.x - r, y: p.y - r, w: 2 * r, h: 2 * r }), `${w}x${h} ${zoom}: label ${a.role} covers point ${p.role}`);
        }
      }
    }
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
});

test('a bad or missing data file shows a readable message and fires error', async () => {
  const page = await env.page();
  await mount(page, env.base, '', { wait: false });
  const result = await page.evaluate(async () => {
    const make = (attrs) => new Promise((ok) => {
      const el = document.createElement('spco-roles');
      el.addEventListener('error', (e) => ok({ message: e.detail.message, shown: el.shadowRoot.querySelector('.msg').textContent }), { once: true });
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      document.body.append(el);
    });
    const missing = await make({ src: '/data/nope.csv' });
    const el = document.createElement('spco-roles');
    document.body.append(el);
    const bad = new Promise((ok) => el.addEventListener('error', (e) => ok({ message: e.detail.message, shown: el.shadowRoot.querySelector('.msg').textContent }), { once: true }));
    el.setData('respondent,group,role,importance,performance\nr1,sme,4,12,3\n', 'auto', 'mine.csv');
    const unknownGroup = await make({ src: '/data/reconstructed-table3.csv', group: 'astronauts' });
    return { missing, bad: await bad, unknownGroup };
  });
  assert.match(result.missing.message, /nope\.csv.*404/);
  assert.match(result.missing.shown, /404/);
  assert.match(result.bad.message, /mine\.csv.*line 2.*importance/i);
  assert.match(result.bad.shown, /line 2/);
  assert.match(result.unknownGroup.message, /astronauts/);
  assert.ok(!page.errors.some((e) => /Uncaught|RuntimeError|panicked/.test(e)), page.errors.join('\n'));
});

test('two elements on one page work independently; removing one frees it', async () => {
  const page = await env.page();
  await mount(page, env.base, `<spco-roles id="a" src="${TABLE3}" zoom="full"></spco-roles><spco-roles id="b" src="${RECON}" zoom="report" group="sme"></spco-roles>`);
  const v = await page.evaluate(() => ['a', 'b'].map((id) => document.getElementById(id).layout.view));
  assert.notDeepEqual(v[0], v[1]);
  const nb = await page.evaluate(() => document.getElementById('b').stats.n_respondents);
  const na = await page.evaluate(() => document.getElementById('a').stats.source);
  assert.equal(na, 'summary');
  assert.ok(nb > 0 && nb < 15);
  const freed = await page.evaluate(async () => {
    const b = document.getElementById('b');
    b.remove();
    await new Promise((ok) => requestAnimationFrame(ok));
    return b.layout === null && b.stats === null;
  });
  assert.ok(freed);
  // The other element still responds.
  await page.evaluate(() => { document.getElementById('a').zoom = 'report'; });
  await page.waitForTimeout(40);
  const va = await page.evaluate(() => document.getElementById('a').layout.view);
  assert.ok(Math.abs(va.x0 - 4.5) < 1e-9 && Math.abs(va.x1 - 9) < 1e-9);
  assert.deepEqual(page.errors, []);
});

test('the demo page renders without console errors (screenshot kept)', async () => {
  const page = await env.page({ width: 1400, height: 1000 });
  await page.goto(`${env.base}/`);
  await page.waitForFunction(() => [...document.querySelectorAll('spco-roles')].every((el) => el.layout && el.layout.points));
  fs.mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: 'test-results/demo.png', fullPage: true });
  assert.deepEqual(page.errors, []);
});

test('shift-drag zooms to a box; keys zoom, pan and reset; Home/End and arrows walk the roles with their tooltip', async () => {
  const page = await env.page();
  await mount(page, env.base, `<spco-roles src="${TABLE3}" zoom="full"></spco-roles>`);
  const full = await page.evaluate(() => document.querySelector('spco-roles').layout);
  const box = await page.locator('spco-roles').boundingBox();
  const toPx = (l, x, y) => [box.x + l.plot.x + (x - l.view.x0) / (l.view.x1 - l.view.x0) * l.plot.w,
    box.y + l.plot.y + l.plot.h - (y - l.view.y0) / (l.view.y1 - l.view.y0) * l.plot.h];
  // Drag a box from (6, 4) to (8, 3) in data units.
  const [ax, ay] = toPx(full, 6, 4), [bx, by] = toPx(full, 8, 3);
  await page.keyboard.down('Shift');
  await page.mouse.move(ax, ay);
  await page.mouse.down();
  await page.mouse.move((ax + bx) / 2, (ay + by) / 2);
  await page.mouse.move(bx, by);
  await page.mouse.up();
  await page.keyboard.up('Shift');
  await page.waitForTimeout(50);
  const boxed = await page.evaluate(() => document.querySelector('spco-roles').layout.view);
  for (const [got, want] of [[boxed.x0, 6], [boxed.x1, 8], [boxed.y0, 3], [boxed.y1, 4]]) assert.ok(Math.abs(got - want) < 0.02, `${JSON.stringify(boxed)}`);
  // Keyboard: 0 resets, + zooms in, Shift+arrows pan (plain arrows move between roles).
  await page.keyboard.press('0');
  await page.waitForTimeout(40);
  assert.deepEqual(await page.evaluate(() => document.querySelector('spco-roles').layout.view), full.view);
  await page.keyboard.press('+');
  await page.waitForTimeout(40);
  const zin = await page.evaluate(() => document.querySelector('spco-roles').layout.view);
  assert.ok(zin.x1 - zin.x0 < full.view.x1 - full.view.x0);
  await page.keyboard.press('Shift+ArrowRight');
  await page.waitForTimeout(40);
  const panned = await page.evaluate(() => document.querySelector('spco-roles').layout.view);
  assert.ok(panned.x0 > zin.x0, 'ArrowRight shows what is to the right');
  await page.keyboard.press('0');
  await page.keyboard.press('Home');
  await page.waitForTimeout(40);
  const tip = page.locator('spco-roles').locator('.tip');
  assert.match(await tip.textContent(), /^1 · Competitiveness & growth/);
  await page.keyboard.press('End');
  assert.match(await tip.textContent(), /^14 · /);
  assert.deepEqual(page.errors, []);
});

test('pinch with two fingers zooms on a touch screen', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1000, height: 800 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await mount(page, env.base, `<spco-roles src="${TABLE3}" zoom="full"></spco-roles>`);
  const before = await page.evaluate(() => document.querySelector('spco-roles').layout);
  const box = await page.locator('spco-roles').boundingBox();
  const cx = box.x + before.plot.x + before.plot.w / 2, cy = box.y + before.plot.y + before.plot.h / 2;
  const cdp = await context.newCDPSession(page);
  const touch = (type, d) => cdp.send('Input.dispatchTouchEvent', { type,
    touchPoints: type === 'touchEnd' ? [] : [{ x: cx - d, y: cy, id: 1 }, { x: cx + d, y: cy, id: 2 }] });
  await touch('touchStart', 40);
  for (const d of [60, 90, 120, 160]) await touch('touchMove', d);
  await touch('touchEnd', 0);
  await page.waitForTimeout(50);
  const after = await page.evaluate(() => document.querySelector('spco-roles').layout);
  const ratio = (before.view.x1 - before.view.x0) / (after.view.x1 - after.view.x0);
  assert.ok(ratio > 3 && ratio < 5, `fingers 80 -> 320 px apart zoom about 4x, got ${ratio}`);
  await context.close();
});

test('the chart downloads as a PNG at device-pixel size; the data file is linked', async () => {
  const page = await env.page({ width: 900, height: 700, dpr: 2 });
  await mount(page, env.base, `<spco-roles src="${TABLE3}" controls style="width:640px;height:420px"></spco-roles>`);
  const el = page.locator('spco-roles');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    el.locator('button[data-zoom="png"]').click(),
  ]);
  assert.equal(download.suggestedFilename(), 'spco-roles-quadrant.png');
  const png = fs.readFileSync(await download.path());
  // PNG signature, then the IHDR chunk: width and height, big-endian, at bytes 16 and 20.
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const c = await page.evaluate(() => {
    const c = document.querySelector('spco-roles').shadowRoot.querySelector('canvas');
    const r = c.getBoundingClientRect();
    return { w: r.width, h: r.height, pw: c.width, ph: c.height };
  });
  // The image is the backing store (the CSS size times the pixel ratio, to a pixel) with a
  // footer naming the data file below it.
  assert.equal(png.readUInt32BE(16), c.pw);
  assert.ok(png.readUInt32BE(20) > c.ph && png.readUInt32BE(20) < c.ph + 80, `${png.readUInt32BE(20)} vs ${c.ph}`);
  assert.ok(Math.abs(c.pw - c.w * 2) <= 1 && Math.abs(c.ph - c.h * 2) <= 1, JSON.stringify(c));
  // The same image through the API; the link points at the element's data file.
  const api = await page.evaluate(async () => {
    const b = await document.querySelector('spco-roles').toBlob();
    return { type: b.type, size: b.size };
  });
  assert.equal(api.type, 'image/png');
  assert.ok(Math.abs(api.size - png.length) < png.length * 0.05, `${api.size} vs ${png.length}`);
  const href = await el.locator('a.dl').getAttribute('href');
  assert.equal(new URL(href).pathname, TABLE3);
  assert.deepEqual(page.errors, []);
});
