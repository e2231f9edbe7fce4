// What floats over the plot: the tooltip (also read out through the live region) and the loading
// or error message. Text from wasm and data files goes in through textContent only.

/** Shows the tooltip of `item` next to (x, y), kept inside the plot. */
export function showTip(el, item, x, y) {
  // The selected role's spotlight caption already says all the card would, larger (spotlight.js):
  // one card, not two (a tap both selects and shows the card).
  const spot = el._el.spot;
  if (spot && !spot.hidden && el._selected === item) { hideTip(el); return; }
  const t = el._safe(() => el._handle.tooltip(item));
  if (!t) { hideTip(el); return; }
  const tip = el._el.tip;
  tip.replaceChildren();
  // A strong, not a heading: the tooltip must not enter the page's heading outline.
  const h = document.createElement('strong');
  h.className = 'title';
  h.textContent = t.title;
  tip.append(h);
  if (t.text) { const p = document.createElement('p'); p.textContent = t.text; tip.append(p); }
  if (t.rows?.length) {
    const table = document.createElement('table');
    for (const [k, v] of t.rows) {
      const tr = table.insertRow();
      const th = document.createElement('th'); th.textContent = k;
      const td = document.createElement('td'); td.textContent = v;
      tr.append(th, td);
    }
    tip.append(table);
  }
  if (t.note) { const p = document.createElement('p'); p.className = 'note'; p.textContent = t.note; tip.append(p); }
  tip.hidden = false;
  const { w, h: hh } = el._size ?? { w: 0, h: 0 };
  // It grows with the chart's text (presenter-style.js) but shrinks, not below 12 px, to fit.
  tip.style.fontSize = '';
  let tw = tip.offsetWidth, th = tip.offsetHeight;
  const fit = Math.min(0.97 * w / tw, 0.97 * hh / th);
  if (fit < 1) {
    tip.style.fontSize = `${Math.max(12, parseFloat(getComputedStyle(tip).fontSize) * fit)}px`;
    tw = tip.offsetWidth; th = tip.offsetHeight;
  }
  // The gap is 12 px on screen whatever the element's transform (x, y are the element's px).
  const gap = 12 / (el._size?.scale || 1);
  let left = x + gap, top = y + gap;
  if (left + tw > w) left = Math.max(0, x - tw - gap);
  if (top + th > hh) top = Math.max(0, y - th - gap);
  tip.style.left = `${left}px`;
  tip.style.top = `${top}px`;
}

export function hideTip(el) { el._el.tip.hidden = true; }

/** Covers the plot with `text` (loading, or an error when `isError`); null removes it. */
export function setMessage(el, text, isError = false) {
  const m = el._el.msg;
  if (text == null) { m.hidden = true; m.replaceChildren(); return; }
  m.hidden = false;
  m.classList.toggle('error', isError);
  m.replaceChildren();
  if (isError) {
    const s = document.createElement('strong');
    s.textContent = el._t('error');
    const d = document.createElement('div');
    d.textContent = text;
    const wrap = document.createElement('div');
    wrap.append(s, d);
    m.append(wrap);
  } else {
    m.textContent = text;
  }
}
