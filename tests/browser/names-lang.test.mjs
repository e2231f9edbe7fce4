// Issue 11: hierarchy role boxes carry their number at every size (from el.layout), and the
// element's language follows its own, an ancestor's or the document's `lang`, import errors
// included.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const RECON = '/data/reconstructed-table3.csv';
const ready = () => [...document.querySelectorAll('spco-roles')].every((el) => el.layout && (el.layout.points.length || el.layout.nodes.length));
const inside = (b, n) => b.x >= n.x - 0.5 && b.y >= n.y - 0.5 && b.x + b.w <= n.x + n.w + 0.5 && b.y + b.h <= n.y + n.h + 0.5;
const overlap = (a, b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

// A blank page with `lang` on <html> and `body` as its markup.
async function open(page, lang, body) {
  await page.goto(`${env.base}/tests/fixtures/blank.html`);
  await page.evaluate(([l, html]) => { document.documentElement.setAttribute('lang', l); document.body.innerHTML = html; }, [lang, body]);
}

test('every hierarchy role box shows its number, inside it, at 10 px or more', async () => {
  const sizes = [[1200, 480], [390, 844], [390, 700], [320, 480], [1600, 360], [800, 400], [340, 900]];
  for (const controls of ['', ' controls']) {
    for (const [w, h] of sizes) {
      for (const hier of ['spearheads', 'categories']) {
        const page = await env.page({ width: Math.max(w + 20, 400), height: h + 20, dpr: w < 500 ? 2 : 1 });
        await open(page, 'en', `<spco-roles src="${RECON}" view="hierarchy" hierarchy="${hier}"${controls} style="width:${w}px;height:${h}px"></spco-roles>`);
        await page.waitForFunction(ready);
        const l = await page.evaluate(() => document.querySelector('spco-roles').layout);
        const tag = `${w}x${h}${controls} ${hier}`;
        const roles = l.nodes.filter((n) => n.id >= 1 && n.id <= 14);
        assert.equal(roles.length, 14, tag);
        for (const n of roles) {
          assert.ok(n.lines.some((t) => t.split(/[^0-9]+/).includes(String(n.id))), `${tag}: role ${n.id} shows ${JSON.stringify(n.lines)}`);
          assert.ok(n.font_css >= 10, `${tag}: role ${n.id} font ${n.font_css}`);
          n.line_boxes.forEach((b, i) => {
            assert.ok(inside(b, n), `${tag}: a line of role ${n.id} leaves its box`);
            for (const c of n.line_boxes.slice(i + 1)) assert.ok(!overlap(b, c), `${tag}: lines of role ${n.id} overlap`);
          });
        }
        assert.deepEqual(page.errors, [], tag);
        await page.context().close();
      }
    }
  }
});

const DUTCH_NAME = 'Kwadrantgrafiek van belang en prestatie';
const plotName = () => document.querySelector('spco-roles').shadowRoot.querySelector('.plot').getAttribute('aria-label');
const summary = () => document.querySelector('spco-roles').shadowRoot.querySelector('#summary')?.textContent ?? '';

test('the language comes from the element, an ancestor or the document, by primary subtag', async () => {
  const cases = [
    ['nl', '', true], ['nl-BE', '', true], ['NL', '', true], ['en', '<section lang="nl">', true],
    ['en', '', false], ['fr', '', false], ['nl', '<section lang="en-GB">', false],
  ];
  const summaries = {};
  for (const [doc, wrap, dutch] of cases) {
    const page = await env.page();
    const el = `<spco-roles src="${RECON}" controls></spco-roles>`;
    await open(page, doc, wrap ? `${wrap}${el}</section>` : el);
    await page.waitForFunction(ready);
    const tag = `<html lang="${doc}"> ${wrap}`;
    const name = await page.evaluate(plotName);
    assert.equal(name === DUTCH_NAME, dutch, `${tag}: ${name}`);
    summaries[dutch] ??= await page.evaluate(summary);
    assert.equal(await page.evaluate(summary), summaries[dutch], tag);
    // The property reflects the element's own attribute only.
    assert.equal(await page.evaluate(() => document.querySelector('spco-roles').lang), 'en', tag);
    assert.deepEqual(page.errors, [], tag);
    await page.context().close();
  }
  // The summary is worded in wasm: it follows too.
  assert.notEqual(summaries.true, summaries.false);
  assert.ok(summaries.true.length > 20 && summaries.false.length > 20);
});

test('a page that changes its lang re-words the element; its own lang wins', async () => {
  const page = await env.page();
  await open(page, 'en', `<section><spco-roles src="${RECON}" controls></spco-roles></section>`);
  await page.waitForFunction(ready);
  assert.notEqual(await page.evaluate(plotName), DUTCH_NAME);
  await page.evaluate(() => document.documentElement.setAttribute('lang', 'nl-NL'));
  await page.waitForFunction((n) => document.querySelector('spco-roles').shadowRoot.querySelector('.plot').getAttribute('aria-label') === n, DUTCH_NAME);
  await page.evaluate(() => document.querySelector('section').setAttribute('lang', 'en'));
  await page.waitForFunction((n) => document.querySelector('spco-roles').shadowRoot.querySelector('.plot').getAttribute('aria-label') !== n, DUTCH_NAME);
  await page.evaluate(() => document.querySelector('spco-roles').setAttribute('lang', 'NL-be'));
  await page.waitForFunction((n) => document.querySelector('spco-roles').shadowRoot.querySelector('.plot').getAttribute('aria-label') === n, DUTCH_NAME);
  assert.equal(await page.evaluate(() => document.querySelector('spco-roles').lang), 'nl');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('an import error is worded in the page language', async () => {
  const BAD = 'respondent,group,spco,role,importance,performance\nr1,sme,,15,5,3\n';
  for (const [lang, want] of [
    ['nl-BE', 'data, regel 2, kolom "role": verwacht een rolnummer van 1 tot 14, gevonden "15".'],
    ['en', 'data, line 2, column "role": expected a role number from 1 to 14, found "15".'],
  ]) {
    const page = await env.page();
    await open(page, lang, '<spco-roles></spco-roles>');
    const message = await page.evaluate(async (bad) => {
      const el = document.querySelector('spco-roles');
      const got = new Promise((ok) => el.addEventListener('error', (e) => ok(e.detail.message), { once: true }));
      el.setData(bad);
      return got;
    }, BAD);
    assert.equal(message, want, lang);
    await page.context().close();
  }
});
