// The SVG export, in the lazy chunk (later.js): the view drawn again by the on-demand wasm module
// (more.js), which holds the SVG writer (plotters' SVG backend would cost every page ~11 KB
// brotli), with the footer an export carries.

// It imports nothing of the element (that would pull a shared chunk into the start bundle): the
// element passes what it needs, `d` = { footerLines, screenFacts, loadMore }. export.js is in
// the lazy chunk too.

import { wrapWords } from './export.js';

/** The shown chart drawn again by the export module, as an SVG document string. */
async function drawSvg(el, d) {
  const m = await d.loadMore();
  const src = el._source;
  if (!src) throw new Error('no data to export');
  const c = new m.Chart(document.createElement('canvas'));
  try {
    c.load(src.bytes, src.format || el.getAttribute('format') || 'auto', src.name || 'data');
    const o = {};
    for (const name of m.settings_attributes().split(" ")) o[name] = el._settingValue(name);
    c.set_settings(o);
    const { w, h } = el._size ?? { w: 600, h: 400 };
    c.resize(w, h, el._size?.dpr ?? 1);
    // The same automatic text size as on screen (a slide, fullscreen).
    c.set_screen(...d.screenFacts(el));
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
export async function svgExport(el, d) {
  if (!el._handle || !el._info) return null;
  const text = await drawSvg(el, d);
  const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
  const svg = doc.documentElement;
  if (svg.nodeName !== 'svg') return text;
  const ns = 'http://www.w3.org/2000/svg';
  const w = parseFloat(svg.getAttribute('width')) || el._size?.w || 600;
  const h = parseFloat(svg.getAttribute('height')) || el._size?.h || 400;
  // The document is in the canvas' pixels: the footer's 11 px type scales with them. Each footer
  // line is wrapped to the document's width (a phone's export cut the synthetic-data warning).
  const k = w / (el._size?.w || w);
  const ctx = document.createElement('canvas').getContext('2d');
  ctx.font = `${11 * k}px Arial, sans-serif`;
  const lines = d.footerLines(el).flatMap((l) => wrapWords(ctx, l, w - 12 * k));
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
