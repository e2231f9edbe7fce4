// The element's second stylesheet and the DOM it styles (issue 11): small screens (the controls
// collapse into a groups menu and a zoom menu, a key of the numbered labels), coarse pointers
// (44 px targets), the synthetic-data badge below the plot, the wheel hint, the site's custom
// properties, forced colours and print (the print canvas is print.js's). Adopted after shadow.js's sheet, so its
// rules win at equal specificity; constructable like it (CSP-safe, no inline styles).

import { roleItem } from './chart-handle.js';

const STYLE = `
:host { font-family: var(--spco-font, system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif); }
/* The root is opaque in its theme: its text colours assume its own background, not a dark band of a page that says nothing of color-scheme. */
.root { --fg: var(--spco-fg, #1f2328); --bg: var(--spco-bg, #fff); --muted: var(--spco-muted, #57606a);
  --line: var(--spco-border, #c9ced6); --accent: var(--spco-accent, #0969da); --hover: #f3f5f8; color: var(--fg); background: var(--bg); }
.root.dark { --fg: var(--spco-fg, #e6edf3); --bg: var(--spco-bg, #161b22); --muted: var(--spco-muted, #9da7b3);
  --line: var(--spco-border, #59636e); --accent: var(--spco-accent, #58a6ff); --hover: #262c36; }
button, select, .zoom a, .crumbs button, .menu { color: var(--fg); background: var(--bg); border-color: var(--line); }
button:hover, .zoom a:hover { background: var(--hover); }
button[aria-pressed="true"] { background: var(--fg); color: var(--bg); border-color: var(--fg); }
button:focus-visible, .plot:focus-visible, .zoom a:focus-visible { outline-color: var(--accent); }
.note, .tip th, .crumbs { color: var(--muted); }
.tip, .help, .msg { background: var(--bg); color: var(--fg); border-color: var(--line); }
.msg { color: var(--muted); }
.bar { position: relative; }
.menu { display: none; font-size: 12px; border: 1px solid var(--line); border-radius: 6px; padding: 2px 9px; }
.narrow .menu { display: inline-block; }
.narrow .menu[hidden] { display: none; }
/* A button keeps its words on one line ("Groepen ▾"); a bar too narrow for them all wraps between them. */
.menu, .zoom button { white-space: nowrap; }
.narrow .chips, .narrow .zm { display: none; position: absolute; left: 0; right: 0; top: 100%; z-index: 6;
  background: var(--bg); border: 1px solid var(--line); border-radius: 6px; padding: 6px; box-shadow: 0 4px 14px rgba(0,0,0,.15); }
.narrow .chips.open, .narrow .zm.open { display: flex; }
/* The note shrinks beside the buttons to a few words, no further: with less room it takes a row of its own (a phone showed "n …"). */
.narrow .note { font-size: 11px; flex: 1 1 0; min-width: 6.5em; max-width: 100%; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.badge { position: static; align-self: flex-end; margin: 2px 2px 0; }
.key { flex: 0 0 auto; max-height: 30%; overflow: auto; margin: 2px 0 0; padding: 0 4px; list-style: none; font-size: 11px;
  color: var(--fg); display: flex; flex-wrap: wrap; gap: 0 12px; }
.key[hidden] { display: none; }
/* The table names every role: while it is open its room goes to the plot (a phone showed the key and "too small"). */
.root:has(.tablebox:not(.sr)) .key { display: none; }
canvas.print { display: none; }
.hint { position: absolute; left: 50%; top: 50%; transform: translate(-50%, -50%); z-index: 3; pointer-events: none;
  background: rgba(31,35,40,.85); color: #fff; border-radius: 6px; padding: 6px 12px; font-size: 13px;
  opacity: 0; transition: opacity .3s; }
.hint.on { opacity: 1; transition: none; }
button, select, .zoom a, .menu { min-height: 24px; min-width: 24px; box-sizing: border-box; }
@media (pointer: coarse) {
  button, select, .zoom a, .menu { min-height: 44px; min-width: 44px; padding: 4px 12px; }
  .zoom a { display: inline-flex; align-items: center; }
}
@media (prefers-reduced-motion: reduce) { .hint { transition: none; } }
@media (forced-colors: active) {
  button[aria-pressed="true"] { border: 3px double ButtonText; font-weight: 700; }
  button[aria-pressed="true"]::before { content: "✓ "; }
  .hint, .tip, .help, .badge { border: 1px solid CanvasText; }
}
@media print {
  :host { height: auto !important; width: auto !important; max-width: 100%; contain: none !important; color: #000; }
  .root { position: static; display: block; }
  .bar, .menu, .hint, .help, .crumbs, .tip, .box, .msg, .plot .sr, .tablebox button { display: none !important; }
  /* The badge prints: a printed chart of synthetic data says so. */
  .badge { display: table; margin: 2px 0 0 auto; }
  .plot { break-inside: avoid; page-break-inside: avoid; }
  .plot { height: auto !important; }
  .plot canvas { display: none !important; }
  .plot canvas.print { display: block !important; position: static; width: 100%; height: auto; }
  .tablebox.sr { position: static; width: auto; height: auto; overflow: visible; clip: auto; white-space: normal; }
  .tablebox { border: 0; break-before: auto; }
  .key { max-height: none; }
}
`;

let shared = null;
// The controls collapse into two menus on a narrow element, and on a touch screen held sideways:
// a phone in landscape is wide enough for the bar, whose rows of 44 px targets then took a third
// of its 390 px of height.
const SIDEWAYS = matchMedia('(pointer: coarse) and (max-height: 500px)');

/** Adopts the second sheet and makes the menus, the key and the badge's place. */
export function bindAdaptive(el) {
  const root = el.shadowRoot;
  if (!shared) { shared = new CSSStyleSheet(); shared.replaceSync(STYLE); }
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, shared];
  const { bar, chips, zoom, plot, badge } = el._el;
  const box = root.querySelector('.root');
  // The zoom buttons' own group (a11y.js adds a second .zoom for Table and help, kept in the row).
  zoom.classList.add('zm');
  // The badge sits below the plot, never over its axes or legend.
  plot.after(badge);
  const key = document.createElement('ul');
  key.className = 'key';
  key.hidden = true;
  badge.before(key);
  const menus = [[chips, 'groupsMenu'], [zoom, 'zoomMenu']].map(([panel, label]) => {
    const b = document.createElement('button');
    b.className = 'menu';
    b.dataset.label = label;
    b.setAttribute('aria-expanded', 'false');
    b.addEventListener('click', () => {
      const open = !panel.classList.contains('open');
      for (const m of el._menus) { m.panel.classList.remove('open'); m.b.setAttribute('aria-expanded', 'false'); }
      panel.classList.toggle('open', open);
      b.setAttribute('aria-expanded', String(open));
    });
    bar.prepend(b);
    return { b, panel };
  });
  // Groups first, then zoom, in one row.
  bar.prepend(menus[0].b, menus[1].b);
  el._menus = menus;
  el._key = { key, w: 0 };
  new ResizeObserver(([e]) => {
    // Kept for renderKey: reading the height there forced a layout on a first chart's frame.
    el._hostH = e.contentRect.height;
    const narrow = el.getBoundingClientRect().width < 480 || SIDEWAYS.matches;
    if (narrow !== box.classList.contains('narrow')) {
      box.classList.toggle('narrow', narrow);
      for (const m of menus) { m.panel.classList.remove('open'); m.b.setAttribute('aria-expanded', 'false'); }
    }
  }).observe(el);
}

/** The menus' labels in the element's language. */
export function labelAdaptive(el) {
  // Unchanged text is not written again: a rewrite would make the next layout redo the bar.
  for (const { b } of el._menus || []) { const t = `${el._t(b.dataset.label)} ▾`; if (b.textContent !== t) b.textContent = t; }
}

/**
 * After a frame: the key of labels drawn as bare numbers (quadrant chart). At the starting view
 * it lists exactly those, unless the key's own height flips which labels fit (below). Zoomed in
 * or out from there it only grows (every role numbered since): the key takes height from the
 * plot, so a key that shrank as a zoom freed room for a label would move the plot under the
 * pointer mid-gesture. An entry for a role now labelled in full is still true. The width, the data, the groups or the view starting afresh start it afresh.
 * Returns whether the key changed (its height may have).
 */
export function renderKey(el) {
  const k = el._key;
  if (!k) return;
  labelAdaptive(el);
  const layout = el.view === 'quadrant' ? el.layout : null;
  // A short element keeps its height for the plot (the card still names each role).
  const now = el._hostH < 360 ? [] : (layout?.labels || []).filter((l) => l.number_only).map((l) => l.role);
  // _loadSeq counts every load (src or setData).
  const base = `${el._size?.w ?? 0}|${el.view}|${el.group}|${el.compare}|${el._loadSeq}`;
  const view = JSON.stringify(layout?.view ?? null);
  if (base !== k.base) { k.base = base; k.home = view; k.tried = new Set(); }
  if (view === k.home) {
    // The key's own height can change which labels fit, and the key could then flip between two
    // lists every frame (a phone: 11 numbered under the short key, 12 under the long one). A list
    // that comes back at the starting view is merged with the one shown, which settles it.
    const list = [...now].sort((a, b) => a - b).join(',');
    // k.sig is the shown key's list (and language).
    k.seen = k.tried.has(list) && list + el.lang !== k.sig ? new Set([...k.seen, ...now]) : new Set(now);
    k.tried.add(list);
  } else {
    // Zoomed: the key only grows, and the way back to the starting view starts it afresh.
    k.tried.clear();
    for (const r of now) k.seen.add(r);
  }
  const roles = [...k.seen].sort((a, b) => a - b);
  const sig = roles.join(',') + el.lang;
  if (sig === k.sig) return false;
  k.sig = sig;
  k.key.hidden = !roles.length;
  k.key.setAttribute('aria-label', el._t('key'));
  k.key.replaceChildren(...roles.map((r) => {
    const li = document.createElement('li');
    // The card's title: "3 · Public-private cooperation".
    li.textContent = el._safe(() => el._handle.tooltip(roleItem(r)))?.title ?? String(r);
    return li;
  }));
  return true;
}
