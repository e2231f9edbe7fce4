// Issue #11: colours and print. A dark-aware page (color-scheme: light dark) with a reader who
// prefers dark gets a dark canvas with readable text; a light-only page stays light; theme="dark"
// forces dark; forced colours change the canvas. Printing (emulated print media, then page.pdf())
// hides the controls, prints a copy of the chart drawn for paper at its own aspect and ~3x, and
// lays out the data table as text; the PDF is read back with poppler (text, image resolution).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './harness.mjs';
import { spawnSync, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

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

test('a light chart in a dark band of a page that declares no color-scheme keeps its text readable', async () => {
  const page = await env.page({ width: 700, height: 800 });
  await page.goto(`${env.base}/tests/fixtures/blank.html`);
  await page.evaluate(() => {
    document.body.innerHTML = `<div style="background:#0d1117;color:#e6edf3;padding:12px">
      <spco-roles src="/data/reconstructed-table3.csv" controls style="width:600px;height:500px"></spco-roles></div>`;
  });
  await page.waitForFunction(() => document.querySelector('spco-roles').layout?.plot);
  // What shows behind a node's text: the first opaque background up its ancestors, across the
  // shadow root to the page.
  const texts = await page.evaluate(() => {
    const sr = document.querySelector('spco-roles').shadowRoot;
    const behind = (n) => {
      for (let e = n; e; e = e.parentElement || e.getRootNode().host) {
        const c = getComputedStyle(e).backgroundColor;
        if (!/rgba\(.*, 0\)|transparent/.test(c)) return c;
      }
      return 'rgb(255, 255, 255)';
    };
    return ['.note', '.key'].map((s) => sr.querySelector(s)).filter((n) => n && n.offsetParent)
      .map((n) => ({ fg: getComputedStyle(n).color, bg: behind(n) }));
  });
  assert.ok(texts.length >= 1, 'the note shows');
  const rgb = (c) => c.match(/\d+/g).slice(0, 3).map(Number);
  for (const t of texts) assert.ok(ratio(rgb(t.fg), rgb(t.bg)) >= 4.5, `${t.fg} on ${t.bg}`);
  assert.ok(lum(await pixel(page, 3, 3)) > 0.9, 'the chart stays light');
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

// Poppler's tools read the printed PDF back (scripts/setup.sh installs poppler-utils); without
// them the PDF checks are skipped, the DOM checks still run.
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const PDF_TOOLS = has('pdftotext') && has('pdfimages');

function pdfText(pdf) {
  const f = path.join(os.tmpdir(), `spco-print-${process.pid}-${Date.now()}.pdf`);
  fs.writeFileSync(f, pdf);
  try { return execFileSync('pdftotext', ['-layout', f, '-']).toString(); } finally { fs.rmSync(f); }
}

// The images on page 1 of `pdf` (poppler's pdfimages -list): [{ width, height, ppi }].
function pdfImages(pdf) {
  const f = path.join(os.tmpdir(), `spco-print-${process.pid}-${Date.now()}.pdf`);
  fs.writeFileSync(f, pdf);
  try {
    return execFileSync('pdfimages', ['-list', '-f', '1', '-l', '1', f]).toString().split('\n').slice(2)
      .map((l) => l.trim().split(/\s+/)).filter((c) => c.length > 12 && c[2] === 'image')
      .map((c) => ({ width: +c[3], height: +c[4], ppi: +c[12] }));
  } finally { fs.rmSync(f); }
}

async function openPrint({ lang = 'en', view = 'quadrant' } = {}) {
  // A4's width in CSS px, so the emulated print layout is the PDF's.
  const page = await env.page({ width: 794, height: 900 });
  await page.goto(`${env.base}/tests/fixtures/blank.html`);
  await page.evaluate(([l, v]) => {
    document.documentElement.lang = l;
    document.body.innerHTML = `<spco-roles src="/data/reconstructed-table3.csv" view="${v}" controls synthetic></spco-roles>`;
  }, [lang, view]);
  await page.waitForFunction(() => document.querySelector('spco-roles').layout?.plot);
  return page;
}

test('print: no controls, an undistorted chart drawn for paper, the data table as text', async () => {
  const page = await openPrint();
  const screen = await page.evaluate(() => { const c = document.querySelector('spco-roles').shadowRoot.querySelector('canvas'); return [c.width, c.height]; });
  await page.emulateMedia({ media: 'print' });
  await page.waitForTimeout(200);
  const r = await page.evaluate(() => {
    const el = document.querySelector('spco-roles');
    const sr = el.shadowRoot;
    const [live, c] = sr.querySelectorAll('canvas');
    const cr = c.getBoundingClientRect();
    const visibleButtons = [...sr.querySelectorAll('button')].filter((b) => b.getClientRects().length > 0).length;
    const table = sr.querySelector('.tablebox');
    return { cssAspect: cr.width / cr.height, pxAspect: c.width / c.height, cw: c.width, cssW: cr.width, cssH: cr.height,
      liveShown: live.getClientRects().length > 0, visibleButtons, liveSize: [live.width, live.height],
      tableText: table.innerText, tableVisible: table.getClientRects().length > 0 && table.getBoundingClientRect().height > 100 };
  });
  assert.equal(r.visibleButtons, 0, 'no buttons print');
  assert.equal(r.liveShown, false, 'the screen canvas does not print');
  // The print copy is shown at its own aspect (no squeeze) and at about 3 device px per CSS px.
  assert.ok(Math.abs(r.cssAspect - r.pxAspect) < 0.01, `aspect kept ${r.cssAspect} ${r.pxAspect}`);
  assert.ok(r.cw / r.cssW >= 2.5, `print resolution ${r.cw} px over ${r.cssW} CSS px`);
  // The chart fits one A4 page (1123 CSS px less margins).
  assert.ok(r.cssH < 1000, `chart height ${r.cssH}`);
  // The screen's canvas is as it was.
  assert.deepEqual(r.liveSize, screen);
  assert.ok(r.tableVisible, 'the table prints');
  assert.match(r.tableText, /Business support services/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the printed PDF holds the role names as text, no button text, and the chart at print resolution', { skip: !PDF_TOOLS && 'no pdftotext/pdfimages' }, async () => {
  for (const [lang, name, buttons] of [
    ['en', /Business support services/, ['Zoom in', 'Respondent groups', 'Full scale', 'Keys and gestures']],
    ['nl', /Ondersteunende diensten/, ['Inzoomen', 'Respondentgroepen', 'Volledige schaal', 'Toetsen en gebaren']],
  ]) {
    const page = await openPrint({ lang });
    await page.emulateMedia({ media: 'print' });
    await page.waitForTimeout(200);
    const aspect = await page.evaluate(() => { const c = document.querySelector('spco-roles').shadowRoot.querySelector('canvas.print'); return c.width / c.height; });
    await page.emulateMedia({ media: null });
    await page.waitForTimeout(100);
    const pdf = await page.pdf({ format: 'A4' });
    const text = pdfText(pdf);
    assert.match(text, name, `${lang}: role names as text`);
    for (const b of buttons) assert.ok(!text.includes(b), `${lang}: button text "${b}" printed`);
    // The chart is one image of print resolution (the screen's bitmap was ~1 px per CSS px,
    // ~100 ppi on paper), at its own aspect.
    const images = pdfImages(pdf);
    assert.equal(images.length, 1, JSON.stringify(images));
    const [img] = images;
    console.log(`${lang}: chart image ${img.width} x ${img.height} px at ${img.ppi} ppi`);
    assert.ok(img.width >= 2000 && img.ppi >= 250, JSON.stringify(img));
    assert.ok(Math.abs(img.width / img.height - aspect) < 0.01, `${img.width}x${img.height} vs ${aspect}`);
    assert.deepEqual(page.errors, []);
    await page.close();
  }
});

test('the hierarchy prints on one page, before the table', { skip: !PDF_TOOLS && 'no pdftotext' }, async () => {
  const page = await openPrint({ view: 'hierarchy' });
  const pdf = await page.pdf({ format: 'A4' });
  const pages = pdfText(pdf).split('\f');
  // Page 1 holds the whole chart (the canvas is not split; its rect fits a page) and the table
  // follows with the role names as text.
  await page.emulateMedia({ media: 'print' });
  await page.waitForTimeout(200);
  const rect = await page.evaluate(() => { const r = document.querySelector('spco-roles').shadowRoot.querySelector('canvas.print').getBoundingClientRect(); return [r.top, r.height]; });
  assert.ok(rect[1] > 300 && rect[0] + rect[1] < 1123, `chart on page 1: ${rect}`);
  assert.match(pages.join(''), /Business support services/);
  // The table's expand/collapse buttons do not print; the synthetic-data badge does.
  assert.ok(!/Collapse|Expand/.test(pages.join('')), 'table buttons printed');
  assert.match(pages[0], /Synthetic data/);
  assert.deepEqual(page.errors, []);
  await page.close();
});
