// url-state beside a page that owns the hash: on a reveal.js 6 deck with `hash: true` (slides as
// `#/1`) the element keeps its view in the query, reveal keeps the slide in the hash, neither
// overwrites the other, a reload restores both and Back steps through both. On a plain page the
// view stays in the hash, beside whatever else the hash holds.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, mount } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const el = 'document.getElementById("deck")';
const state = (page) => page.evaluate(`${el}.state`);
const url = (page) => page.evaluate(() => ({ search: location.search, hash: location.hash }));
const slide = (page) => page.evaluate(() => window.Reveal.getIndices().h);
const sameZoom = (a, b, what) => a.forEach((v, i) => assert.ok(Math.abs(v - b[i]) < 1e-3, `${what}: zoom ${i}: ${v} vs ${b[i]}`));

async function settle(page, ms = 350) {
  await page.waitForTimeout(ms);
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
}

async function open(page, suffix) {
  await page.goto(`${env.base}/tests/fixtures/deck-hash.html${suffix}`);
  await page.waitForFunction(() => window.Reveal?.isReady());
}

test('reveal.js hash: true: slide in the hash, view in the query; reload and Back restore both', async () => {
  const page = await env.page({ width: 1280, height: 720 });
  await open(page, '#/1');
  await page.waitForFunction(`${el}.layout?.points?.length`);
  await settle(page);
  assert.equal(await slide(page), 1, 'reveal read its slide');
  // A presenter selects a role on the slide, then zooms with the keyboard.
  const p = await page.evaluate(`${el}.layout.points[0]`);
  const g = await page.evaluate(() => {
    const r = document.getElementById('deck').shadowRoot.querySelector('.plot');
    const b = r.getBoundingClientRect();
    return { left: b.left, top: b.top, scale: b.width / r.offsetWidth };
  });
  await page.mouse.click(g.left + p.x * g.scale, g.top + p.y * g.scale);
  await settle(page);
  const s1 = await state(page);
  assert.equal(s1.selected, p.role);
  await page.keyboard.press('+');
  await settle(page);
  const s2 = await state(page);
  assert.ok(s2.zoom[1] - s2.zoom[0] < s1.zoom[1] - s1.zoom[0], 'zoomed in');
  let u = await url(page);
  assert.equal(u.hash, '#/1', "the element left reveal's slide hash as it was");
  assert.match(u.search, new RegExp(`spco-deck=.*r:${p.role}`));
  // The next slide: reveal rewrites its hash (debounced up to 1 s) and leaves the query.
  await page.evaluate(() => window.Reveal.next());
  await settle(page, 1300);
  u = await url(page);
  assert.equal(u.hash, '#/2');
  assert.match(u.search, new RegExp(`spco-deck=.*r:${p.role}`), 'reveal left the view in the query');
  // Reload: reveal is back on slide 2, and the chart on slide 1 shows the view it had.
  await page.reload();
  await page.waitForFunction(() => window.Reveal?.isReady());
  await settle(page);
  assert.equal(await slide(page), 2, 'reload restored the slide');
  await page.evaluate(() => window.Reveal.prev());
  await page.waitForFunction(`${el}.layout?.points?.length`);
  await settle(page, 1300);
  const s3 = await state(page);
  assert.equal(s3.selected, s2.selected, 'reload restored the selection');
  sameZoom(s3.zoom, s2.zoom, 'reload');
  // Back: the entry before the zoom (the selection, shown on slide 1).
  await page.evaluate(() => window.Reveal.next());
  await settle(page, 1300);
  await page.goBack();
  await settle(page, 500);
  const s4 = await state(page);
  sameZoom(s4.zoom, s1.zoom, 'Back');
  assert.equal(s4.selected, s1.selected);
  assert.equal(await slide(page), 1, 'Back returned to the slide the view was shown on');
  // Back once more: the view before the selection.
  await page.goBack();
  await settle(page, 500);
  assert.equal((await state(page)).selected, null);
  assert.equal((await url(page)).hash, '#/1');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a plain page keeps the view in the hash, beside its own query and anchor', async () => {
  const page = await env.page({ width: 1280, height: 720 });
  await mount(page, env.base, '<spco-roles id="deck" src="/data/reconstructed-table3.csv" url-state style="width:800px;height:500px"></spco-roles>', { wait: false });
  await page.waitForFunction(`${el}.layout?.points?.length`);
  await settle(page);
  // A page's own anchor and query stay; the element adds its entry to the hash.
  await page.evaluate(() => history.replaceState(null, '', `${location.pathname}?lang=nl#top`));
  await page.evaluate(`${el}.shadowRoot.querySelector('.plot').focus()`);
  await page.keyboard.press('+');
  await settle(page);
  const u = await url(page);
  assert.equal(u.search, '?lang=nl');
  assert.match(u.hash, /^#top&spco-deck=v:quadrant;z:/);
  const s = await state(page);
  await page.reload();
  await page.evaluate((html) => { document.body.innerHTML = html; }, '<spco-roles id="deck" src="/data/reconstructed-table3.csv" url-state style="width:800px;height:500px"></spco-roles>');
  await page.waitForFunction(`${el}.layout?.points?.length`);
  await settle(page);
  sameZoom((await state(page)).zoom, s.zoom, 'plain page reload');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
