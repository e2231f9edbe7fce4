// Exports of what is shown, for presenters and reports: the view as SVG (drawn by the same Rust
// code as the canvas), the statistics of the current selection as CSV, and the image on the
// clipboard. Each carries the source line and, for reconstructed data, the synthetic-data warning,
// because an export travels without the page.

import { presenterText } from './presenter-text.js';
import { screenFacts } from './sizing.js';

/** The source line: the `source` attribute, else the data file's name; '' when neither. */
export function sourceLine(el) {
  const s = el.getAttribute('source');
  if (s && s.trim()) return `${presenterText(el, 'source')}: ${s.trim()}`;
  return el._dataName ? `${el._t('dataFile')}: ${el._dataName}` : '';
}

/** The lines an export carries below the chart. */
export function footerLines(el) {
  return [sourceLine(el), el._isSynthetic() && `${el._t('synthetic')}: ${el._t('syntheticTitle')}`].filter(Boolean);
}

// The SVG writer lives in a second wasm module, fetched the first time someone exports: the
// drawing code is the same Rust, built with plotters' SVG backend, which would otherwise cost every
// page ~11 KB brotli. scripts/build.sh puts it in pkg/svg-<hash>/ and writes that folder's name
// here in place of the placeholder.
let svgModule = null;
function loadSvgModule() {
  if (!svgModule) {
    const base = new URL('./__SPCO_SVG_DIR__/', import.meta.url);
    svgModule = import(new URL('spco_roles.js', base).href).then(async (m) => {
      await m.default({ module_or_path: new URL('svg.wasm', base) });
      return m;
    });
    svgModule.catch(() => { svgModule = null; });
  }
  return svgModule;
}

/** The shown chart drawn again by the export module, as an SVG document string. */
async function drawSvg(el) {
  const m = await loadSvgModule();
  const src = el._source;
  if (!src) throw new Error('no data to export');
  const c = new m.Chart(document.createElement('canvas'));
  try {
    c.load(src.bytes, src.format || el.getAttribute('format') || 'auto', src.name || 'data');
    const o = {};
    for (const name of m.settings_attributes()) o[name] = el._settingValue(name);
    c.set_settings(o);
    const { w, h } = el._size ?? { w: 600, h: 400 };
    c.resize(w, h, el._size?.dpr ?? 1);
    // The same automatic text size as on screen (a slide, fullscreen).
    c.set_screen(...screenFacts(el));
    if (el.view !== 'hierarchy') {
      const v = el._handle.viewRanges();
      c.set_zoom(`${v[0]},${v[1]},${v[2]},${v[3]}`);
    } else {
      // The hierarchy's zoom and collapsed nodes, so the SVG shows what the canvas does.
      c.set_hier_state(el._handle.hierState());
    }
    if (el._selected) c.set_selected(el._selected);
    return c.svg();
  } finally {
    c.free();
  }
}

/**
 * The current view as a standalone SVG document (a string), with the footer; null before data.
 */
export async function svgExport(el) {
  if (!el._handle || !el._info) return null;
  const text = await drawSvg(el);
  const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
  const svg = doc.documentElement;
  if (svg.nodeName !== 'svg') return text;
  const ns = 'http://www.w3.org/2000/svg';
  const w = parseFloat(svg.getAttribute('width')) || el._size?.w || 600;
  const h = parseFloat(svg.getAttribute('height')) || el._size?.h || 400;
  const lines = footerLines(el);
  // The document is in the canvas' pixels: the footer's 11 px type scales with them.
  const k = w / (el._size?.w || w);
  const lh = 15 * k;
  const total = h + (lines.length ? lines.length * lh + 8 * k : 0);
  const bg = doc.createElementNS(ns, 'rect');
  Object.entries({ x: 0, y: h, width: w, height: total - h, fill: '#fff' }).forEach(([k, v]) => bg.setAttribute(k, v));
  svg.append(bg);
  lines.forEach((line, i) => {
    const t = doc.createElementNS(ns, 'text');
    Object.entries({ x: 6 * k, y: h + 4 * k + (i + 0.75) * lh, 'font-family': 'Arial, sans-serif', 'font-size': 11 * k, fill: '#57606a' })
      .forEach(([k, v]) => t.setAttribute(k, v));
    t.textContent = line;
    svg.append(t);
  });
  svg.setAttribute('height', String(total));
  svg.setAttribute('viewBox', `0 0 ${w} ${total}`);
  return new XMLSerializer().serializeToString(doc);
}

const COLUMNS = ['n', 'mean', 'median', 'sd', 'se', 'ci95_low', 'ci95_high'];

function cell(v) {
  if (v == null) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The statistics of the current selection (el.stats) as CSV: one row per role, numbers as the
 * statistics give them (full precision), then the source and warning as `#` comment lines.
 */
export function csvExport(el) {
  const stats = el.stats;
  if (!stats) return null;
  const head = ['role', 'category'];
  for (const scale of ['importance', 'performance']) for (const c of COLUMNS) head.push(`${scale}_${c}`);
  head.push('gap', 'quadrant', 'small_n', 'ci_crosses_crosshair');
  const rows = [head.join(',')];
  for (const r of stats.roles) {
    const row = [r.role, r.category];
    for (const d of [r.importance, r.performance]) {
      row.push(d?.n, d?.mean, d?.median, d?.sd, d?.se, d?.ci95?.[0], d?.ci95?.[1]);
    }
    row.push(r.gap, r.quadrant, r.small_n, r.ci_crosses_crosshair);
    rows.push(row.map(cell).join(','));
  }
  const sel = (stats.selection?.groups || []).join(' + ') || el._t('everyone');
  const notes = [`${el._t('groups')}: ${sel}`, stats.n_respondents != null ? `n = ${stats.n_respondents}` : null, ...footerLines(el)];
  for (const n of notes.filter(Boolean)) rows.push(`# ${n.replace(/[\r\n]+/g, ' ')}`);
  return `${rows.join('\r\n')}\r\n`;
}

/** Copies the chart image (PNG with its footer) to the clipboard; resolves to true on success. */
export async function copyImage(el) {
  if (!navigator.clipboard?.write || typeof ClipboardItem === 'undefined') return false;
  try {
    // The blob is handed over as a promise so the copy stays within the click's user activation.
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': el.toBlob('image/png') })]);
    return true;
  } catch {
    return false;
  }
}

function download(el, text, type, ext) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = `spco-roles-${el.view}.${ext}`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}

/** Adds SVG, CSV and copy buttons to the controls' zoom group. */
export function bindExports(el) {
  const make = (label, key, act) => {
    const b = document.createElement('button');
    b.textContent = label;
    b.dataset.act = act;
    b.dataset.key = key;
    el._el.zoom.append(b);
    return b;
  };
  make('SVG', 'svg', 'svg').addEventListener('click', async () => {
    try {
      const s = await svgExport(el);
      if (s) download(el, s, 'image/svg+xml', 'svg');
    } catch (e) { el._fail(e); }
  });
  make('CSV', 'csv', 'csv').addEventListener('click', () => {
    const s = csvExport(el);
    if (s) download(el, s, 'text/csv', 'csv');
  });
  const copy = make('', 'copy', 'copy');
  copy.addEventListener('click', async () => {
    const ok = await copyImage(el);
    copy.title = presenterText(el, ok ? 'copied' : 'copyFailed');
  });
  el._el.exportButtons = [...el._el.zoom.querySelectorAll('[data-act=svg],[data-act=csv],[data-act=copy]')];
  labelExports(el);
}

export function labelExports(el) {
  for (const b of el._el.exportButtons || []) {
    const t = presenterText(el, b.dataset.key);
    b.title = t;
    b.setAttribute('aria-label', t);
    // The copy button says what it does in words (a symbol for it is missing from common fonts).
    if (b.dataset.key === 'copy') b.textContent = t;
  }
}
