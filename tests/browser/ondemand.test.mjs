// The on-demand code (www/element/more.js, lazy.js): a CSV page never requests it, and every path
// that needs it works through it: a JSON and a Qualtrics import, an import error worded in Dutch
// with its file, line and column, the hierarchy, the SVG export and the help dialog.
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

test('the hierarchy, the SVG export and the help dialog work through the on-demand code', async () => {
  const page = await csvPage();
  const r = await page.evaluate(async () => {
    const el = document.querySelector('spco-roles');
    el.setAttribute('view', 'hierarchy');
    const t0 = performance.now();
    while (!(el.layout?.nodes?.length) && performance.now() - t0 < 20000) await new Promise((ok) => setTimeout(ok, 50));
    const svg = await el.toSvg();
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    el.shadowRoot.querySelector('.plot').focus();
    el.shadowRoot.querySelector('.plot').dispatchEvent(new KeyboardEvent('keydown', { key: '?', bubbles: true }));
    const t1 = performance.now();
    while (el.shadowRoot.querySelector('.help')?.hidden !== false && performance.now() - t1 < 10000) await new Promise((ok) => setTimeout(ok, 50));
    return {
      nodes: el.layout?.nodes?.length ?? 0,
      root: doc.documentElement.nodeName,
      texts: doc.querySelectorAll('text').length,
      help: el.shadowRoot.querySelector('.help')?.hidden === false,
    };
  });
  assert.ok(r.nodes > 14, JSON.stringify(r));
  assert.equal(r.root, 'svg');
  assert.ok(r.texts > 14, JSON.stringify(r));
  assert.ok(r.help, JSON.stringify(r));
  assert.ok(lazy(page).some((p) => /later/.test(p)), page.requested.join(' '));
  assert.deepEqual(page.errors, []);
});
