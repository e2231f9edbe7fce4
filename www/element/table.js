// The data table of what the chart shows (rows built in wasm: `ChartHandle.table()`), always in
// the accessibility tree and visible to everyone on the "Table" toggle. Cells are text only
// (textContent). In the hierarchy, a node with children gets a button with aria-expanded, so a
// screen-reader user can collapse and expand what the canvas draws as small buttons.

/** Renders `t` into the element's table when it changed; returns true when it did. */
export function renderTable(el, t) {
  const key = JSON.stringify(t) + el._lang;
  if (key === el._tableKey) return false;
  el._tableKey = key;
  const table = el._el.table;
  // A rebuilt table keeps the focus on the expand/collapse button just used.
  const refocus = el.shadowRoot.activeElement?.dataset?.toggle;
  table.replaceChildren();
  if (!t) return true;
  table.createCaption().textContent = t.caption;
  const head = table.createTHead().insertRow();
  for (const h of t.head) { const th = document.createElement('th'); th.scope = 'col'; th.textContent = h; head.append(th); }
  const body = table.createTBody();
  const visible = !el._el.tablebox.classList.contains('sr');
  for (const r of t.rows) {
    const tr = body.insertRow();
    tr.dataset.item = r.item;
    if (r.selected) tr.setAttribute('aria-selected', 'true');
    r.cells.forEach((c, i) => {
      const cell = document.createElement(i ? 'td' : 'th');
      if (!i) cell.scope = 'row';
      cell.textContent = c;
      if (!i && r.selected) cell.append(` (${el._t('selected')})`);
      if (!i && r.expanded != null && r.toggle) {
        const b = document.createElement('button');
        b.type = 'button';
        b.dataset.toggle = r.toggle;
        b.setAttribute('aria-expanded', String(r.expanded));
        b.textContent = r.expanded ? el._t('collapse') : el._t('expand');
        // Only a Tab stop while the table is on screen; screen readers reach it either way.
        if (!visible) b.tabIndex = -1;
        cell.append(' ', b);
      }
      tr.append(cell);
    });
  }
  if (refocus) table.querySelector(`button[data-toggle="${refocus}"]`)?.focus();
  return true;
}

/** The table toggle and the table's expand/collapse buttons. */
export function bindTable(el) {
  el._el.tablebox.addEventListener('click', (e) => {
    const b = e.target.closest('button[data-toggle]');
    if (!b || !el._handle) return;
    const item = Number(b.dataset.toggle);
    el._activate(item);
  });
}

/** Shows or hides the table for sighted readers (it stays in the accessibility tree). */
export function showTable(el, on) {
  const box = el._el.tablebox;
  box.classList.toggle('sr', !on);
  // A scrolling region must be reachable by keyboard when it is on screen.
  if (on) box.tabIndex = 0; else box.removeAttribute('tabindex');
  for (const b of box.querySelectorAll('button')) b.tabIndex = on ? 0 : -1;
  el._tableBtn?.setAttribute('aria-pressed', String(on));
}
