// Screen readers and keyboards (issue 10) in headless Chromium: Chromium's accessibility tree
// (CDP), the live region, Tab counts, keys that stay in the chart, and axe-core on the demo page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, mount } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const TABLE3 = '/data/table3-summary.csv';
const RECON = '/data/reconstructed-table3.csv';

const frame = (page) => page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));

async function axTree(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  return nodes.filter((n) => !n.ignored);
}
const prop = (n, name) => n.properties?.find((p) => p.name === name)?.value?.value;
// The cell names of the table row whose first cell starts with `start`.
function rowCells(nodes, start) {
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  for (const row of nodes.filter((n) => n.role?.value === 'row')) {
    const cells = (row.childIds || []).map((id) => byId.get(id)?.name?.value);
    if ((cells[0] ?? '').startsWith(start)) return cells;
  }
  return null;
}
const live = (page, sel = 'spco-roles') => page.evaluate((s) => document.querySelector(s).shadowRoot.querySelector('.plot > [aria-live].sr').textContent, sel);

// The table is rendered in an idle moment after the first frame (a11y.js), up to 300 ms later.
const tableDrawn = (page) => page.waitForFunction(() => document.querySelector('spco-roles').shadowRoot.querySelector('.tablebox tbody tr'));

test('the accessibility tree has the chart group, its summary and the table of the selection', async () => {
  const page = await env.page();
  await mount(page, env.base, `<spco-roles src="${TABLE3}"></spco-roles>`);
  await frame(page);
  await tableDrawn(page);
  let nodes = await axTree(page);
  const group = nodes.find((n) => n.role?.value === 'group' && n.name?.value === 'Quadrant chart of importance and performance');
  assert.ok(group, 'a group named after the chart');
  assert.equal(prop(group, 'roledescription'), 'chart');
  assert.ok(prop(group, 'focusable'));
  // Table 3 with the report's crosshair: all roles but 11 important and performing well; role 7
  // has the largest gap ((6.80-1)/8 - (3.06-1)/4 = 0.21).
  assert.match(group.description?.value ?? '', /13 of 14 roles are important and performing well; 11 Business support services is less crucial but performing well\. Largest gap: 7 Links between clusters \(\+0\.21\)\./);
  assert.ok(!nodes.some((n) => n.role?.value === 'img' && /Quadrant chart/.test(n.name?.value ?? '')), 'no role=img hiding the content');
  const table = nodes.find((n) => n.role?.value === 'table');
  assert.ok(table, 'a table in the tree');
  // Role 5's row: Table 3's figures.
  const cells = rowCells(nodes, '5 Innovation catalyst');
  assert.deepEqual(cells, ['5 Innovation catalyst', '7.63', '1.11', '30', '3.52', '1.04', '31', 'Important, performing well', '+0.20']);

  // In Dutch, and in step with the selection.
  await page.evaluate(() => { const el = document.querySelector('spco-roles'); el.lang = 'nl'; el.selectedRole = 5; });
  await frame(page);
  nodes = await axTree(page);
  const nlCells = rowCells(nodes, '5 Katalysator');
  assert.ok(nlCells, 'Dutch row of role 5');
  assert.match(nlCells[0], /geselecteerd/);
  assert.equal(nlCells[1], '7,63');
  assert.ok(nodes.some((n) => n.role?.value === 'group' && prop(n, 'roledescription') === 'grafiek'
    && /13 van de 14 rollen zijn belangrijk en goed uitgevoerd/.test(n.description?.value ?? '')));
  await page.close();
});

test('the table follows the group filter; a group change and a zoom are announced', async () => {
  const page = await env.page();
  await mount(page, env.base, `<spco-roles src="${RECON}" controls zoom="report"></spco-roles>`);
  await frame(page);
  // Activate the SME chip by keyboard: focus stays on it, and the new n is announced.
  await page.evaluate(() => document.querySelector('spco-roles').shadowRoot.querySelector('.chips button[data-group="sme"]').focus());
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('spco-roles').group === 'sme');
  await frame(page);
  const focus = await page.evaluate(() => document.querySelector('spco-roles').shadowRoot.activeElement?.dataset.group);
  assert.equal(focus, 'sme', 'focus stays on the chip');
  const stats = await page.evaluate(() => document.querySelector('spco-roles').stats);
  const said = await live(page);
  assert.match(said, new RegExp(`SME members: n = ${stats.n_respondents} respondents\\.`));
  assert.match(said, /Changed quadrant: |No role changed quadrant/);
  // The table now shows the SME figures of role 5.
  const nodes = await axTree(page);
  const cells = rowCells(nodes, '5 Innovation catalyst');
  const r5 = stats.roles.find((r) => r.role === 5);
  assert.equal(cells[1], r5.importance.mean.toFixed(2));
  assert.equal(cells[4], r5.performance.mean.toFixed(2));
  assert.equal(cells[3], String(r5.importance.n));
  // Chip names carry the count in words.
  const chip = nodes.find((n) => n.role?.value === 'button' && /^SME members, \d+ respondents$/.test(n.name?.value ?? ''));
  assert.ok(chip, 'chip named "SME members, n respondents"');
  // A zoom: announced once it settles.
  await page.evaluate(() => document.querySelector('spco-roles').shadowRoot.querySelector('.plot').focus());
  await page.keyboard.press('+');
  await page.waitForFunction(() => /^View: Importance/.test(document.querySelector('spco-roles').shadowRoot.querySelector('.plot > [aria-live].sr').textContent), null, { timeout: 3000 });
  await page.close();
});

test('arrow keys move to the nearest role, its figures go to the live region, keys stay in the chart', async () => {
  const page = await env.page();
  await mount(page, env.base, `<a href="#a" id="before">before</a><spco-roles src="${TABLE3}"></spco-roles><a href="#b" id="after">after</a>`);
  await frame(page);
  await page.evaluate(() => {
    window.pageKeys = [];
    document.addEventListener('keydown', (e) => window.pageKeys.push(e.key));
    document.querySelector('spco-roles').selectedRole = 5;
  });
  await page.focus('#before');
  await page.keyboard.press('Tab');
  await page.evaluate(() => { window.pageKeys = []; });
  // The first arrow starts at the selected role: role 5's figures (Table 3) are read out. (Up:
  // with a role selected, Left and Right step the spotlight through the roles instead.)
  await page.keyboard.press('ArrowUp');
  const said = await live(page);
  assert.match(said, /Innovation catalyst/);
  assert.match(said, /mean 7\.63/);
  assert.match(said, /mean 3\.52/);
  assert.match(said, /SD 1\.11/);
  assert.match(said, /Quadrant: Great importance, SPCOs perform very well/);
  // Role 11 (4.90, 3.03) is leftmost; Right goes to role 13 (5.50, 3.17), Left goes nowhere.
  await page.evaluate(() => document.querySelector('spco-roles').selectedRole = 11);
  await page.keyboard.press('Escape');
  await page.evaluate(() => document.querySelector('spco-roles').selectedRole = 11);
  await page.keyboard.press('ArrowUp');
  await frame(page);
  const hl = () => page.evaluate(() => document.querySelector('spco-roles').layout.highlighted);
  assert.equal(await hl(), 11);
  // Nothing selected (no spotlight) but the keyboard focus stays on 11: arrows go to the nearest.
  await page.evaluate(() => document.querySelector('spco-roles').selectedRole = null);
  await page.keyboard.press('ArrowLeft');
  await frame(page);
  assert.equal(await hl(), 11);
  await page.keyboard.press('ArrowRight');
  await frame(page);
  assert.equal(await hl(), 13);
  await page.keyboard.press('End');
  await frame(page);
  assert.equal(await hl(), 14);
  await page.keyboard.press('Home');
  await frame(page);
  assert.equal(await hl(), 1);
  // Enter selects.
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.querySelector('spco-roles').selectedRole), 1);
  // A selected role is spotlighted: Right steps to the next role in role order, the focus with it.
  await page.keyboard.press('ArrowRight');
  await frame(page);
  assert.equal(await page.evaluate(() => document.querySelector('spco-roles').selectedRole), 2);
  assert.equal(await hl(), 2);
  // Shift+arrows pan (and leave the spotlight where it is).
  const v0 = await page.evaluate(() => document.querySelector('spco-roles').layout.view.x0);
  await page.keyboard.press('Shift+ArrowRight');
  await frame(page);
  assert.ok(await page.evaluate(() => document.querySelector('spco-roles').layout.view.x0) > v0 - 1e-9);
  assert.equal(await page.evaluate(() => document.querySelector('spco-roles').selectedRole), 2);
  // None of the chart's keys reached the page; an unused key does.
  await page.keyboard.press('x');
  assert.deepEqual(await page.evaluate(() => window.pageKeys.filter((k) => k !== 'Shift')), ['x']);
  // Tab leaves the chart at once.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'after');
  await page.close();
});

test('one Tab stop per chart, quadrant and hierarchy, both ways', async () => {
  const page = await env.page();
  await mount(page, env.base, `<a href="#a" id="before">before</a><spco-roles src="${RECON}"></spco-roles>
    <a href="#m" id="mid">mid</a><spco-roles src="${RECON}" view="hierarchy" style="height:700px"></spco-roles><a href="#b" id="after">after</a>`);
  await frame(page);
  const where = () => page.evaluate(() => {
    const a = document.activeElement;
    return a.localName === 'spco-roles' ? `${a.view}:${a.shadowRoot.activeElement?.className}` : a.id;
  });
  await page.focus('#before');
  const seen = [];
  for (let i = 0; i < 4; i++) { await page.keyboard.press('Tab'); seen.push(await where()); }
  assert.deepEqual(seen, ['quadrant:plot', 'mid', 'hierarchy:plot', 'after']);
  const back = [];
  for (let i = 0; i < 4; i++) { await page.keyboard.press('Shift+Tab'); back.push(await where()); }
  assert.deepEqual(back, ['hierarchy:plot', 'mid', 'quadrant:plot', 'before']);
  await page.close();
});

test('hierarchy: Home reads a node; the table\'s buttons collapse a node with aria-expanded; ? opens the key list', async () => {
  const page = await env.page();
  await mount(page, env.base, `<spco-roles src="${RECON}" view="hierarchy" style="height:700px"></spco-roles>`);
  await frame(page);
  await page.evaluate(() => document.querySelector('spco-roles').shadowRoot.querySelector('.plot').focus());
  await page.keyboard.press('Home');
  await frame(page);
  const first = await live(page);
  assert.ok(first.length > 0);
  await tableDrawn(page);
  const toggles = await page.evaluate(() => [...document.querySelector('spco-roles').shadowRoot.querySelectorAll('.tablebox button[aria-expanded]')].map((b) => [b.closest('tr').dataset.item, b.getAttribute('aria-expanded')]));
  assert.ok(toggles.length > 0, 'expand/collapse buttons in the table');
  assert.ok(toggles.every(([, e]) => e === 'true'));
  // Through the table's button (what a screen reader user activates).
  const before = await page.evaluate(() => document.querySelector('spco-roles').layout.nodes.length);
  await page.evaluate(() => document.querySelector('spco-roles').shadowRoot.querySelector('.tablebox button[aria-expanded]').click());
  await frame(page);
  await frame(page);
  const after = await page.evaluate(() => ({
    n: document.querySelector('spco-roles').layout.nodes.length,
    exp: document.querySelector('spco-roles').shadowRoot.querySelector('.tablebox button[aria-expanded]').getAttribute('aria-expanded'),
  }));
  assert.equal(after.exp, 'false');
  assert.ok(after.n < before, `${after.n} < ${before}`);
  // The help dialog: ? opens it, Escape closes it and returns to the chart.
  await page.evaluate(() => document.querySelector('spco-roles').shadowRoot.querySelector('.plot').focus());
  await page.keyboard.press('?');
  // The dialog is built by the lazy chunk (lazy.js), fetched on this first use.
  await page.waitForFunction(() => document.querySelector('spco-roles').shadowRoot.querySelector('.help').hidden === false);
  const nodes = await axTree(page);
  assert.ok(nodes.some((n) => n.role?.value === 'dialog' && n.name?.value === 'Keys and gestures'));
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => document.querySelector('spco-roles').shadowRoot.activeElement?.className), 'plot');
  assert.ok(await page.evaluate(() => document.querySelector('spco-roles').shadowRoot.querySelector('.help').hidden));
  await page.close();
});

async function axe(page) {
  await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(' ')}`);
  });
}

for (const lang of ['en', 'nl']) {
  test(`axe-core finds no violations on the demo page (${lang}), idle and with a tooltip open`, async () => {
    const page = await env.page({ width: 1300, height: 1000 });
    await page.goto(`${env.base}/index.html?lang=${lang}`);
    await page.waitForFunction(() => document.querySelectorAll('spco-roles').length === 3 && [...document.querySelectorAll('spco-roles')].every((el) => el.layout && (el.layout.points.length || el.layout.nodes.length)));
    await frame(page);
    assert.deepEqual(await axe(page), []);
    // Hover role 5 in the reconstructed chart: its tooltip is open.
    const pt = await page.evaluate(() => {
      const el = document.getElementById('reconstructed');
      const r = el.shadowRoot.querySelector('.plot').getBoundingClientRect();
      const p = el.layout.points.find((q) => q.role === 5);
      return [r.left + p.x, r.top + p.y];
    });
    await page.mouse.move(pt[0], pt[1]);
    await page.waitForFunction(() => !document.getElementById('reconstructed').shadowRoot.querySelector('.tip').hidden);
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(page.errors, []);
    await page.close();
  });
}

// Chartability's contrast, measured from the canvas' pixels (the native tests compute it from the
// colours): inside each role label's box (its halo) the lightest pixel is the background and the
// darkest the text's ink, so their WCAG ratio is the text's contrast as drawn, anti-aliasing and all.
test('canvas contrast from pixels: role labels at least 4.5:1, dimmed labels (a role focused) at least 3:1', async () => {
  const page = await env.page({ width: 1100, height: 700 });
  await mount(page, env.base, `<spco-roles src="${TABLE3}" style="display:block;width:1000px;height:600px"></spco-roles>`);
  const ratios = () => page.evaluate(() => {
    const el = document.querySelector('spco-roles');
    const c = el.shadowRoot.querySelector('canvas');
    const g = c.getContext('2d');
    const k = c.width / el.layout.width_css;
    const lin = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    const lum = (d, i) => 0.2126 * lin(d[i]) + 0.7152 * lin(d[i + 1]) + 0.0722 * lin(d[i + 2]);
    return el.layout.labels.filter((l) => !l.number_only).map((l) => {
      // One device pixel inside the box: its edge may blend with what is around the halo.
      const x = Math.ceil(l.x * k) + 1, y = Math.ceil(l.y * k) + 1, w = Math.floor(l.w * k) - 2, h = Math.floor(l.h * k) - 2;
      const d = g.getImageData(x, y, w, h).data;
      let lo = 1, hi = 0;
      for (let i = 0; i < d.length; i += 4) { const L = lum(d, i); lo = Math.min(lo, L); hi = Math.max(hi, L); }
      return { role: l.role, ratio: (hi + 0.05) / (lo + 0.05) };
    });
  });
  const idle = await ratios();
  assert.ok(idle.length >= 8, `${idle.length} labels in words`);
  for (const r of idle) assert.ok(r.ratio >= 4.5, `role ${r.role}: ${r.ratio.toFixed(2)}:1`);
  // Focusing role 1 dims the other labels.
  await page.evaluate(() => document.querySelector('spco-roles').shadowRoot.querySelector('.plot').focus());
  await page.keyboard.press('Home');
  await frame(page);
  assert.equal(await page.evaluate(() => document.querySelector('spco-roles').layout.highlighted), 1);
  const dimmed = await ratios();
  const low = Math.min(...dimmed.filter((r) => r.role !== 1).map((r) => r.ratio));
  assert.ok(low < Math.min(...idle.map((r) => r.ratio)), `the other labels are dimmed (${low.toFixed(2)}:1)`);
  for (const r of dimmed) assert.ok(r.ratio >= 3, `role ${r.role} dimmed: ${r.ratio.toFixed(2)}:1`);
  console.log(`label contrast from pixels: idle ${Math.min(...idle.map((r) => r.ratio)).toFixed(2)}:1 or more, dimmed ${low.toFixed(2)}:1 or more`);
  assert.deepEqual(page.errors, []);
});
