// The on-demand code (www/element/more.js, lazy.js): a CSV page never requests it, and every path
// that needs it works through it: a JSON and a Qualtrics import, an import error worded in Dutch
// with its file, line and column, the group comparison, the SVG export and the help dialog. The
// hierarchy is drawn by the start module.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launch, mount } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const fixture = (f) => fs.readFileSync(`tests/fixtures/import/${f}`, 'utf8');

async function csvPage() {
  const page = await env.page();
  page.requested = [];
  page.on('request', (r) => page.requested.push(new URL(r.url()).pathname));
  await mount(page, env.base, '<spco-roles src="/data/reconstructed-table3.csv"></spco-roles>');
  await page.waitForTimeout(300);
  return page;
}
const lazy = (page) => page.requested.filter((p) => /spco-roles-more|spco-roles\.later/.test(p));

test('a CSV page loads neither the on-demand module nor the lazy chunk', async () => {
  const page = await csvPage();
  assert.deepEqual(lazy(page), []);
  assert.deepEqual(page.errors, []);
});

test('JSON and Qualtrics files import through the on-demand module', async () => {
  const page = await csvPage();
  const r = await page.evaluate(async ([json, qualtrics]) => {
    const el = document.querySelector('spco-roles');
    await el.setData(json, 'auto', 'respondents.json');
    const a = { format: el.dataInfo?.format, n: el.stats?.n_respondents };
    await el.setData(qualtrics, 'auto', 'export.csv');
    const b = { format: el.dataInfo?.format, n: el.stats?.n_respondents };
    return { a, b };
  }, [fixture('respondents.json'), fixture('qualtrics_numeric.csv')]);
  assert.equal(r.a.format, 'json');
  assert.ok(r.a.n > 0, JSON.stringify(r));
  assert.equal(r.b.format, 'qualtrics');
  assert.ok(r.b.n > 0, JSON.stringify(r));
  assert.ok(lazy(page).some((p) => p.endsWith('.wasm')), page.requested.join(' '));
  assert.deepEqual(page.errors, []);
});

test('an import error is worded in Dutch with file, line and column', async () => {
  const page = await csvPage();
  const message = await page.evaluate(async () => {
    const el = document.querySelector('spco-roles');
    el.setAttribute('lang', 'nl');
    const failed = new Promise((ok) => el.addEventListener('error', (e) => ok(e.detail.message), { once: true }));
    el.setData('respondent,group,role,importance,performance\nr1,sme,1,12,3\n', 'auto', 'fout.csv');
    return failed;
  });
  // Line 2 (the header is line 1), the importance column, the 1-9 scale.
  assert.equal(message, 'fout.csv, regel 2, kolom "importance": verwacht een geheel getal van 1 tot 9 (schaal belang), gevonden "12".');
  assert.deepEqual(page.errors, []);
});

test('the hierarchy draws without the on-demand module; the SVG export and the help dialog work through the on-demand code', async () => {
  const page = await csvPage();
  const nodes = await page.evaluate(async () => {
    const el = document.querySelector('spco-roles');
    el.setAttribute('view', 'hierarchy');
    const t0 = performance.now();
    while (!(el.layout?.nodes?.length) && performance.now() - t0 < 20000) await new Promise((ok) => setTimeout(ok, 50));
    return el.layout?.nodes?.length ?? 0;
  });
  assert.ok(nodes > 14, String(nodes));
  assert.deepEqual(lazy(page), [], 'the hierarchy asked for on-demand code');
  const r = await page.evaluate(async () => {
    const el = document.querySelector('spco-roles');
    const svg = await el.toSvg();
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    el.shadowRoot.querySelector('.plot').focus();
    el.shadowRoot.querySelector('.plot').dispatchEvent(new KeyboardEvent('keydown', { key: '?', bubbles: true }));
    const t1 = performance.now();
    while (el.shadowRoot.querySelector('.help')?.hidden !== false && performance.now() - t1 < 10000) await new Promise((ok) => setTimeout(ok, 50));
    return {
      root: doc.documentElement.nodeName,
      texts: doc.querySelectorAll('text').length,
      help: el.shadowRoot.querySelector('.help')?.hidden === false,
    };
  });
  assert.equal(r.root, 'svg');
  assert.ok(r.texts > 14, JSON.stringify(r));
  assert.ok(r.help, JSON.stringify(r));
  assert.ok(lazy(page).some((p) => /later/.test(p)), page.requested.join(' '));
  assert.deepEqual(page.errors, []);
});

test('compare moves the chart to the on-demand module, set after loading or from the start', async () => {
  const page = await csvPage();
  const wait = async (id) => page.evaluate(async (id) => {
    const el = document.getElementById(id) ?? document.querySelector('spco-roles');
    const t0 = performance.now();
    while (!(el.layout?.arrows?.length) && performance.now() - t0 < 20000) await new Promise((ok) => setTimeout(ok, 50));
    const c = el.comparison;
    return { arrows: el.layout?.arrows?.length ?? 0, a: c?.a?.n_respondents ?? 0, b: c?.b?.n_respondents ?? 0 };
  }, id);
  await page.evaluate(() => document.querySelector('spco-roles').setAttribute('compare', 'sme,large'));
  const later = await wait(null);
  // One arrow per role both groups answered (14 on the demo data); both groups have answers.
  assert.equal(later.arrows, 14, JSON.stringify(later));
  assert.ok(later.a > 0 && later.b > 0, JSON.stringify(later));
  assert.ok(lazy(page).some((p) => /spco-roles-more.*\.wasm$/.test(p)), page.requested.join(' '));
  await page.evaluate(() => {
    document.body.insertAdjacentHTML('beforeend', '<spco-roles id="c2" src="/data/reconstructed-table3.csv" compare="sme,large" style="display:block;width:600px;height:400px"></spco-roles>');
  });
  const fromStart = await wait('c2');
  assert.deepEqual(fromStart, later);
  assert.deepEqual(page.errors, []);
});
