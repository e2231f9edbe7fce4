// The chart for screen readers: the plot is a focusable group named by its kind and described by
// a text summary (written in wasm from the current selection's figures), a data table of what is
// shown (table.js), and a polite live region that announces the focused role's figures, a group
// change (new n, roles that changed quadrant) and, debounced, a new view.

import { renderTable, bindTable, showTable } from './table.js';
import { bindHelp, closeHelp } from './help.js';
import { later } from './lazy.js';

const openHelp = (el) => later().then((m) => m.openHelp(el, closeHelp));

/** Adds the Table and help buttons to the controls bar and wires the table and the dialog. */
export function bindA11y(el) {
  bindTable(el);
  bindHelp(el);
  const tools = document.createElement('div');
  tools.className = 'zoom';
  const tb = document.createElement('button');
  tb.type = 'button';
  tb.setAttribute('aria-pressed', 'false');
  tb.addEventListener('click', () => showTable(el, tb.getAttribute('aria-pressed') !== 'true'));
  const hb = document.createElement('button');
  hb.type = 'button';
  hb.textContent = '?';
  hb.addEventListener('click', () => openHelp(el));
  tools.append(tb, hb);
  el._el.bar.insertBefore(tools, el._el.note);
  el._tableBtn = tb;
  el._helpBtn = hb;
}

// Runs `fn` once `ms` have passed since the last call for `slot`: a zoom calls this every frame,
// and one timer moved on only when it fires early costs less than clearing and setting one per
// frame (~0.05 ms of a zoom step's 2 ms).
function afterPause(el, slot, ms, fn) {
  const s = ((el._pauses ??= {})[slot] ??= { due: 0, timer: 0, fn: null });
  s.due = performance.now() + ms;
  s.fn = fn;
  if (s.timer) return;
  const fire = () => {
    const left = s.due - performance.now();
    if (left > 1) { s.timer = setTimeout(fire, left); return; }
    s.timer = 0;
    s.fn();
  };
  s.timer = setTimeout(fire, ms);
}

function cancelPause(el, slot) {
  const s = el._pauses?.[slot];
  if (s?.timer) { clearTimeout(s.timer); s.timer = 0; }
}

// The table and the counts depend on data, settings, selection and collapsed nodes (wasm's
// revision), the language and the size; a change there is rendered at once, a zoom or hover waits.
// A new size too (the number key below the plot follows the labels, which follow the size).
const a11yKey = (el) => `${el._safe(() => el._handle.revision())}|${el._lang ?? el.lang}|${el._size?.w}x${el._size?.h}`;

/** Whether the next frame renders the text alternatives and the number key at once. */
export function a11yDue(el) {
  return !el._a11yFramed || a11yKey(el) !== el._a11yRev;
}

/**
 * After a frame: the summary and table follow once drawing settles. The first frame renders at
 * once; later ones wait for a pause, since a zoom or hover draws every frame and rebuilding the
 * table each time would cost more than the drawing itself.
 */
export function scheduleA11y(el, also = () => {}) {
  const key = a11yKey(el);
  if (!el._a11yFramed || key !== el._a11yRev) {
    cancelPause(el, 'a11y');
    el._a11yRev = key;
    also();
    renderA11y(el, !el._a11yFramed);
  } else {
    afterPause(el, 'a11y', 150, () => { renderA11y(el); also(); });
  }
}

/**
 * Names, summary and table in step with what is drawn. With `idle` (the first time) the table
 * (off screen) waits for an idle moment after the chart is painted: laying out its ~300 boxes in
 * the chart's first frame held the chart back by 8-15 ms.
 */
export function renderA11y(el, idle) {
  const h = el._handle;
  if (!h) return;
  const t = (k) => el._t(k);
  const plot = el._el.plot;
  const key = el._lang + el.view;
  if (el._a11yKey !== key) {
    el._a11yKey = key;
    plot.setAttribute('aria-roledescription', t('chart'));
    plot.setAttribute('aria-label', t(el.view === 'hierarchy' ? 'hierarchyName' : 'quadrantName'));
    el._tableBtn.textContent = t('table');
    el._helpBtn.setAttribute('aria-label', t('help'));
    el._helpBtn.title = t('help');
  }
  const summary = el._safe(() => h.summaryText()) ?? '';
  if (el._el.summary.textContent !== summary) el._el.summary.textContent = summary;
  el._a11yFramed = true;
  if (idle) { (self.requestIdleCallback ?? setTimeout)(() => renderA11y(el), { timeout: 300 }); return; }
  const table = el._safe(() => h.table()) ?? null;
  renderTable(el, table);
  el._a11yRows = table?.rows ?? [];
  el._a11yHead = table?.head ?? [];
}

/** Puts `text` into the live region (read politely; the same text twice is read twice). */
export function announce(el, text) {
  const sr = el._el.sr;
  sr.textContent = sr.textContent === text ? `${text}\u00a0` : text;
}

/** The focused item's figures (the tooltip's rows), and a hierarchy node's expanded state. */
export function announceItem(el, item) {
  const tip = el._safe(() => el._handle.tooltip(item));
  if (!tip) return;
  const parts = [tip.title];
  for (const [k, v] of tip.rows || []) parts.push(`${k.trim()}: ${v}`);
  const row = (el._a11yRows || []).find((r) => r.item === item);
  if (row?.expanded != null) parts.push(el._t(row.expanded ? 'expanded' : 'collapsed'));
  if (row?.selected) parts.push(el._t('selected'));
  if (tip.note) parts.push(tip.note);
  announce(el, parts.join('. ').replace(/\u00a0/g, ' '));
}

/** A view change: announced once the reader stops zooming or panning. */
export function noteView(el) {
  if (!el._a11yFramed) return;
  afterPause(el, 'view', 700, () => {
    const l = el.layout;
    if (!l) return;
    const lang = el._lang;
    const f = (v) => v.toFixed(1).replace('.', lang === 'nl' ? ',' : '.');
    const t = (k) => el._t(k);
    if (el.view === 'hierarchy') {
      announce(el, `${t('zoomed')}: ${(l.breadcrumb || []).join(' › ')}, ${l.nodes.length} ${t('nodesShown')}.`);
    } else {
      const v = l.view;
      announce(el, `${t('zoomed')}: ${t('importance')} ${f(v.x0)}–${f(v.x1)}, ${t('performance')} ${f(v.y0)}–${f(v.y1)}, ${l.points.length} ${t('rolesShown')}.`);
    }
  });
}

/** A group change (not one copied from a linked element): the new n and quadrant changes. */
export function noteGroup(el) {
  if (el._syncingGroup || !el._handle || !el._info) return;
  const before = new Map((el._a11yRows || []).map((r) => [r.item, r.cells]));
  const table = el._safe(() => el._handle.table());
  const stats = el.stats;
  if (!table || !stats) return;
  const t = (k) => el._t(k);
  const codes = el.group.split(',').filter(Boolean);
  const names = codes.map((c) => {
    const g = (el._info.groups || []).find((x) => x.code === c);
    return g ? (el._lang === 'nl' ? g.label_nl : g.label_en) : c;
  });
  const parts = [`${names.length ? names.join(', ') : t('everyone')}: n = ${stats.n_respondents ?? '–'} ${t('respondents')}`];
  // While comparing, the table is the comparison's (both groups' quadrants): no single quadrant
  // changes with the group filter.
  if (el.view !== 'hierarchy' && !el.compare) {
    // The quadrant is the table's second-last column (see session::describe::quadrant_table).
    const q = table.head.length - 2;
    const changed = table.rows
      .filter((r) => before.has(r.item) && before.get(r.item)[q] !== r.cells[q])
      .map((r) => `${r.cells[0]} ${t('to')} ${r.cells[q]}`);
    parts.push(changed.length ? `${t('quadrantChanged')}: ${changed.join('; ')}` : t('noQuadrantChange'));
  }
  announce(el, `${parts.join('. ')}.`);
}

export { openHelp, showTable };
