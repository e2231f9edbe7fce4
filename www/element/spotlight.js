// Spotlight: while a role is selected (by a click, Enter, a linked element, `selectedRole`, the URL)
// the chart dims the other roles (wasm draws that) and a caption shows the role's full survey
// wording and its figures, large enough for a room. ← and → step to the previous and next role.
// It follows the selection whatever sets it, so other input code needs no changes.

import { roleOf } from './chart-handle.js';

/** The narrowest plot (CSS px) that shows the caption: 46% of it is the caption's width. */
const MIN_PLOT_CSS = 480;

/** Shows, moves or hides the caption for the current selection. */
export function renderSpotlight(el) {
  const box = caption(el);
  const item = el._selected ?? 0;
  // A narrow plot (a phone) has no room for a caption beside the role: it would cover half the
  // chart and run past it. There the tap card (the tooltip) is the one card.
  const roomy = (el._size?.w ?? 600) >= MIN_PLOT_CSS;
  const t = roomy && item && roleOf(item) && el._handle ? el._safe(() => el._handle.tooltip(item)) : null;
  if (!t) { box.hidden = true; box.replaceChildren(); return; }
  box.replaceChildren();
  const h = document.createElement('h3');
  h.textContent = t.title;
  box.append(h);
  if (t.text) { const p = document.createElement('p'); p.className = 'words'; p.textContent = t.text; box.append(p); }
  if (t.rows?.length) {
    const dl = document.createElement('dl');
    for (const [k, v] of t.rows) {
      const dt = document.createElement('dt'); dt.textContent = k;
      const dd = document.createElement('dd'); dd.textContent = v;
      dl.append(dt, dd);
    }
    box.append(dl);
  }
  if (t.note) { const p = document.createElement('p'); p.className = 'note'; p.textContent = t.note; box.append(p); }
  const hint = document.createElement('p');
  hint.className = 'hint';
  hint.textContent = `${el._t('nextRole')} · ${el._t('spotlightClose')}`;
  box.append(hint);
  box.hidden = false;
  el._el.tip.hidden = true; // the caption says all the tooltip would, larger
  // Large for a room: a 36th of the plot's height, never below the chart's own text.
  const { w, h: hh } = el._size ?? { w: 600, h: 400 };
  const size = Math.max(13 * (el._ts || 1), Math.min(40, hh / 36));
  box.style.fontSize = `${size}px`;
  box.style.maxWidth = `${Math.round(w * 0.46)}px`;
  // Within the plot: a large text scale on a small element shrinks it (not below 13 px).
  const fit = 0.94 * hh / box.offsetHeight;
  if (fit < 1) box.style.fontSize = `${Math.max(13, size * fit)}px`;
  // The side away from the role's marker, so the caption does not cover it.
  const pos = el._safe(() => el._handle.itemPosition(item));
  const right = pos && pos.length ? pos[0] < w / 2 : true;
  const bottom = pos && pos.length ? pos[1] < hh / 2 : true;
  box.classList.toggle('right', right);
  box.classList.toggle('bottom', bottom);
}

function caption(el) {
  if (!el._el.spot) {
    const d = document.createElement('div');
    d.className = 'spot';
    d.setAttribute('aria-live', 'polite');
    d.hidden = true;
    el._el.plot.append(d);
    el._el.spot = d;
  }
  return el._el.spot;
}

/** ← / → with a role in the spotlight: the previous / next role. True when it took the key. */
export function spotlightKey(el, e) {
  const item = el._selected ?? 0;
  if (!item || !roleOf(item) || (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft')) return false;
  const dir = e.key === 'ArrowRight' ? 1 : -1;
  let next = el._safe(() => el._handle.nextItem(item, dir)) ?? 0;
  // Past the last role: round to the first (or from the first to the last).
  if (!next) next = el._safe(() => el._handle.nextItem(0, dir)) ?? 0;
  if (!next || !roleOf(next)) return false;
  // The keyboard focus goes with it, so Up/Down and Enter carry on from the role shown.
  el._focusItem = next;
  el._highlight(next);
  el._select(next, true);
  return true;
}
