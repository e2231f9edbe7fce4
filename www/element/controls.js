// The controls bar (group chips with n, the Compare select, zoom buttons, whisker and colour selects, PNG and data
// links), the synthetic-data badge and the hierarchy's breadcrumb: their labels, their state and
// their clicks.

import { later } from './lazy.js';
import { renderDataLink } from './data-source.js';

export function bindControls(el) {
  el._el.zoom.addEventListener('click', (e) => {
    const z = e.target.closest('button')?.dataset.zoom;
    if (!z || !el._handle) return;
    if (z === 'png') { later().then((m) => m.downloadPng(el)); return; }
    if (z === 'in' || z === 'out') {
      const { w, h } = el._size ?? { w: 0, h: 0 };
      el._safe(() => el._handle.zoomAt(w / 2, h / 2, z === 'in' ? 1.5 : 1 / 1.5));
    } else {
      el._safe(() => el._handle.setZoom(z));
    }
    el._invalidate(true);
  });
  el._el.eb.addEventListener('change', () => { el.errorbars = el._el.eb.value; });
  el._el.cb.addEventListener('change', () => { el.setAttribute('color-by', el._el.cb.value); });
  el._el.chips.addEventListener('click', (e) => {
    const b = e.target.closest('button');
    if (!b) return;
    const code = b.dataset.group;
    if (!code) { el.group = ''; return; }
    const set = new Set(el.group.split(',').filter(Boolean));
    if (set.has(code)) set.delete(code); else set.add(code);
    el.group = [...set].join(',');
  });
  el._el.cmp.addEventListener('change', () => { el.compare = el._el.cmp.value; });
  el._el.crumbs.addEventListener('click', (e) => {
    const b = e.target.closest('button');
    if (b && el._handle) { el._safe(() => el._handle.zoomOutTo(Number(b.dataset.depth))); el._invalidate(true); renderCrumbs(el); }
  });
}

/** Puts the labels of the current language on the controls, then refreshes them. */
export function applyControlLabels(el) {
  const t = (key) => el._t(key);
  for (const b of el._el.zoom.querySelectorAll('button')) {
    const z = b.dataset.zoom;
    if (!z) continue; // the presenter buttons (fullscreen, exports) label themselves
    const key = { full: 'full', report: 'report', fit: 'fit', in: 'zoomIn', out: 'zoomOut', png: 'png' }[z];
    if (z === 'in' || z === 'out' || z === 'png') { b.setAttribute('aria-label', t(key)); b.title = t(key); } else b.textContent = t(key);
  }
  const { eb, cb } = el._el;
  eb.setAttribute('aria-label', t('whiskers'));
  eb.title = t('whiskers');
  eb.options[0].textContent = `± ${t('sd')}`;
  eb.options[1].textContent = t('ci');
  eb.options[2].textContent = `${t('whiskers')}: ${t('none')}`;
  cb.setAttribute('aria-label', t('colorBy'));
  cb.title = t('colorBy');
  ['gap', 'importance', 'performance'].forEach((k, i) => { cb.options[i].textContent = `${t('colorBy')}: ${t(k).toLowerCase()}`; });
  el._el.chips.setAttribute('aria-label', t('groups'));
  el._el.cmp.setAttribute('aria-label', t('compareGroups'));
  el._el.cmp.title = t('compareGroups');
  el._el.dl.title = t('data');
  renderControls(el);
  renderBadge(el);
}

/** Shows or hides the bar and brings it in step with the attributes and the loaded data. */
export function renderControls(el) {
  const show = el.hasAttribute('controls');
  el._el.bar.hidden = !show;
  if (!show || !el._info) return;
  const { eb, cb } = el._el;
  eb.value = el.errorbars;
  eb.hidden = el.view !== 'quadrant';
  cb.value = el.getAttribute('color-by') || 'gap';
  cb.hidden = el.view !== 'hierarchy';
  for (const b of el._el.zoom.querySelectorAll('[data-zoom=report],[data-zoom=fit]')) b.hidden = el.view !== 'quadrant';
  // The data behind the chart, for readers who want to check it.
  renderDataLink(el);
  const chips = el._el.chips;
  // Chips are rebuilt: the one just activated gets the focus back.
  const had = el.shadowRoot.activeElement;
  const cmpFocused = had === el._el.cmp;
  const refocus = had && chips.contains(had) && !cmpFocused ? (had.dataset.group ?? '') : null;
  chips.replaceChildren();
  el._el.cmp.hidden = true;
  const groups = el._info.groups || [];
  const selected = new Set(el.group.split(',').filter(Boolean));
  const stats = el.stats;
  const chip = (code, label, n) => {
    const b = document.createElement('button');
    if (code) b.dataset.group = code;
    b.setAttribute('aria-pressed', String(code ? selected.has(code) : selected.size === 0));
    b.textContent = label;
    if (n != null) {
      // Read as "SME members, 5 respondents": the words around the number are visually hidden
      // (not an aria-label, so the name still starts with the visible text).
      const hidden = (text) => { const h = document.createElement('span'); h.className = 'vh'; h.textContent = text; return h; };
      const s = document.createElement('span'); s.className = 'n'; s.textContent = n;
      b.append(hidden(', '), s, hidden(` ${el._t('respondents')}`));
    }
    chips.append(b);
    if (refocus === (code || '')) b.focus();
  };
  const note = el._el.note;
  note.textContent = '';
  // Without groups a phone's Groups menu would open on nothing (adaptive.js).
  if (el._menus) el._menus[0].b.hidden = !groups.length;
  if (!groups.length) {
    note.textContent = el._info.source === 'summary' ? el._t('noGroups') : '';
    return;
  }
  chip('', el._t('everyone'), el._info.n_respondents ?? null);
  for (const g of groups) chip(g.code, el._lang === 'nl' ? g.label_nl : g.label_en, g.n ?? null);
  renderCompare(el, groups);
  if (cmpFocused) el._el.cmp.focus();
  const parts = [];
  if (stats && stats.n_respondents != null) parts.push(`n = ${stats.n_respondents} ${el._t('respondents')}`);
  if (stats && stats.roles?.some((r) => r.small_n)) parts.push(el._t('smallN'));
  note.textContent = parts.join(' · ');
}

/**
 * The Compare select after the chips (so the phone layout's groups menu holds it too): off, or
 * one of the pairs of groups in the data's order (A first; differences are B − A). A comparison
 * set otherwise (reversed, SPCOs, pooled groups) is offered as it was written.
 */
function renderCompare(el, groups) {
  const sel = el._el.cmp;
  const name = (code) => {
    const g = groups.find((x) => x.code === code);
    return g ? (el._lang === 'nl' ? g.label_nl : g.label_en) : code;
  };
  const pairs = [];
  groups.forEach((a, i) => { for (const b of groups.slice(i + 1)) pairs.push(`${a.code},${b.code}`); });
  const cur = el.compare || '';
  if (cur && !pairs.includes(cur)) pairs.push(cur);
  const off = document.createElement('option');
  off.value = '';
  off.textContent = el._t(cur ? 'compareOff' : 'compare');
  const opts = [off];
  for (const p of pairs) {
    const o = document.createElement('option');
    o.value = p;
    o.textContent = p.split(',').map((side) => side.split('+').map(name).join(' + ')).join(' → ');
    opts.push(o);
  }
  sel.replaceChildren(...opts);
  sel.value = cur;
  sel.hidden = groups.length < 2;
  el._el.chips.append(sel);
}

export function renderBadge(el) {
  el._el.badge.hidden = !el._isSynthetic();
  el._el.badge.textContent = el._t('synthetic');
  el._el.badge.title = el._t('syntheticTitle');
}

/** The hierarchy's zoom path as buttons (hidden at the top level). */
export function renderCrumbs(el) {
  const c = el._el.crumbs;
  const path = (el._handle && el._safe(() => el._handle.breadcrumb())) || [];
  c.hidden = path.length < 2;
  // With controls the path sits in the bar, above the diagram; without, it floats top left.
  const home = el.hasAttribute('controls') ? el._el.bar : el._el.plot;
  if (c.parentNode !== home) home.prepend(c);
  c.classList.toggle('inbar', home === el._el.bar);
  c.replaceChildren();
  path.forEach((label, depth) => {
    if (depth) c.append('›');
    const b = document.createElement('button');
    b.dataset.depth = depth;
    b.textContent = label;
    c.append(b);
  });
}
