// Issue #11: colours and print. A dark-aware page (color-scheme: light dark) with a reader who
// prefers dark gets a dark canvas with readable text; a light-only page stays light; theme="dark"
// forces dark; forced colours change the canvas. Printing (emulated print media, then page.pdf())
// hides the controls, keeps the canvas's aspect ratio, and lays out the data table as text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './harness.mjs';

const RECON = '/data/reconstructed-table3.csv';
let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

async function open({ scheme = null, attrs = '', view = 'quadrant' } = {}) {
  const page = await env.page({ width: 1000, height: 800 });
  await page.goto(`${env.base}/tests/fixtures/blank.html`);
  await page.evaluate(([s, a, v]) => {
    if (s) document.documentElement.style.colorScheme = s;
    document.body.innerHTML = `<spco-roles src="/data/reconstructed-table3.csv" view="${v}" controls ${a}></spco-roles>`;
  }, [scheme, attrs, view]);
  await page.waitForFunction(() => document.querySelector('spco-roles').layout?.plot);
  return page;
}

// The canvas pixel at CSS (x, y) of the element's canvas, and the luminance contrast between two.
const pixel = (page, x, y) => page.evaluate(([x, y]) => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => {
  const c = document.querySelector('spco-roles').shadowRoot.querySelector('canvas');
  const d = window.devicePixelRatio;
  ok([...c.getContext('2d').getImageData(Math.round(x * d), Math.round(y * d), 1, 1).data].slice(0, 3));
}))), [x, y]);
const lum = ([r, g, b]) => {
  const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
};
const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };

// The darkest pixel inside a text box of the layout (its ink) and a background pixel beside it.
async function textContrast(page) {
  return page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => {
    const el = document.querySelector('spco-roles');
    const c = el.shadowRoot.querySelector('canvas');
    const d = window.devicePixelRatio;
    const ctx = c.getContext('2d');
    // The x-axis title area: below the plot, centred.
    const p = el.layout.plot;
    const y0 = Math.round((p.y + p.h + 20) * d), x0 = Math.round((p.x + p.w / 2 - 60) * d);
    const img = ctx.getImageData(x0, y0, Math.round(120 * d), Math.round(22 * d)).data;
    const px = [];
    for (let i = 0; i < img.length; i += 4) px.push([img[i], img[i + 1], img[i + 2]]);
    ok(px);
  }))).then((px) => {
    const bg = px[0];
    let best = 1;
    for (const q of px) best = Math.max(best, ratio(q, bg));
    return { bg, best };
  });
}

test('a dark-aware page with a reader who prefers dark: dark canvas, text at 4.5:1 or more', async () => {
  const page = await open({ scheme: 'light dark' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForTimeout(200);
  const bg = await pixel(page, 3, 3);
  assert.ok(lum(bg) < 0.05, `dark background ${bg}`);
  const t = await textContrast(page);
  assert.ok(t.best >= 4.5, `axis title contrast ${t.best.toFixed(2)} on ${t.bg}`);
  const fg = await page.evaluate(() => getComputedStyle(document.querySelector('spco-roles').shadowRoot.querySelector('.note')).color);
  const rgb = fg.match(/\d+/g).map(Number);
  assert.ok(ratio(rgb, bg) >= 4.5, `note text ${fg}`);
  // The same reader on a light-only page: light.
  await page.evaluate(() => { document.documentElement.style.colorScheme = 'light'; });
  await page.evaluate(() => document.querySelector('spco-roles').setAttribute('theme', 'auto'));
  await page.evaluate(() => document.querySelector('spco-roles')._handle && 0);
  await page.close();
  const light = await open({ scheme: 'light' });
  await light.emulateMedia({ colorScheme: 'dark' });
  await light.waitForTimeout(200);
  assert.ok(lum(await pixel(light, 3, 3)) > 0.9, 'a light-only page keeps a light chart');
  await light.close();
});

test('theme="dark" is dark on any page; theme="light" stays light for a dark reader', async () => {
  const page = await open({ attrs: 'theme="dark"', view: 'hierarchy' });
  assert.ok(lum(await pixel(page, 3, 3)) < 0.05, 'dark hierarchy');
  await page.evaluate(() => document.querySelector('spco-roles').setAttribute('theme', 'light'));
  await page.emulateMedia({ colorScheme: 'dark' });
  assert.ok(lum(await pixel(page, 3, 3)) > 0.9, 'light again');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('forced colours change the canvas to the system colours', async () => {
  const page = await open();
  const before = await page.evaluate(() => document.querySelector('spco-roles').shadowRoot.querySelector('canvas').toDataURL());
  const tint = await page.evaluate(() => { const p = document.querySelector('spco-roles').layout.plot; return [p.x + p.w - 4, p.y + 4]; });
  const tinted = await pixel(page, ...tint);
  await page.emulateMedia({ forcedColors: 'active' });
  await page.waitForTimeout(200);
  const after = await page.evaluate(() => document.querySelector('spco-roles').shadowRoot.querySelector('canvas').toDataURL());
  assert.notEqual(after, before);
  const now = await pixel(page, ...tint);
  // The quadrant tint is gone: the plot is the system background, pure black or white.
  assert.ok(now.every((v) => v === now[0] && (v === 0 || v === 255)), `system background ${now} (was ${tinted})`);
  const pressed = await page.evaluate(() => {
    const b = document.querySelector('spco-roles').shadowRoot.querySelector('.chips [aria-pressed=true]');
    return { before: getComputedStyle(b, '::before').content, border: getComputedStyle(b).borderTopStyle };
  });
  assert.match(pressed.before, /✓/);
  assert.equal(pressed.border, 'double');
  await page.close();
});

test('print: no controls, an undistorted chart, the data table as text in the PDF', async () => {
  const page = await open({ attrs: 'synthetic' });
  const aspect = await page.evaluate(() => { const s = document.querySelector('spco-roles')._handle && document.querySelector('spco-roles').layout; return s.width_css / s.height_css; });
  await page.emulateMedia({ media: 'print' });
  await page.waitForTimeout(200);
  const r = await page.evaluate(() => {
    const el = document.querySelector('spco-roles');
    const sr = el.shadowRoot;
    const c = sr.querySelector('canvas');
    const cr = c.getBoundingClientRect();
    const visibleButtons = [...sr.querySelectorAll('button')].filter((b) => b.getClientRects().length > 0).length;
    const table = sr.querySelector('.tablebox');
    return { cssAspect: cr.width / cr.height, pxAspect: c.width / c.height, cw: c.width, cssW: cr.width, visibleButtons,
      tableText: table.innerText, tableVisible: table.getClientRects().length > 0 && table.getBoundingClientRect().height > 100 };
  });
  assert.equal(r.visibleButtons, 0, 'no buttons print');
  assert.ok(Math.abs(r.cssAspect - aspect) < 0.02 && Math.abs(r.pxAspect - aspect) < 0.02, `aspect kept ${r.cssAspect} ${r.pxAspect} ${aspect}`);
  assert.ok(r.tableVisible, 'the table prints');
  assert.match(r.tableText, /Business support services/);
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 10000 && pdf.subarray(0, 5).toString() === '%PDF-');
  // The PDF's own text is not extracted here (no pdftotext on this machine; Chromium's PDFs
  // draw text as glyph ids through ToUnicode maps): the check above is that, under print media,
  // the role names are laid out as visible DOM text (the table), which Chromium prints as text.
  await page.close();
});
