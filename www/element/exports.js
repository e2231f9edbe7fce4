// Exports of what is shown, for presenters and reports: the view as SVG (drawn by the same Rust
// code as the canvas), the statistics of the current selection as CSV, and the image on the
// clipboard. Each carries the source line and, for reconstructed data, the synthetic-data warning,
// because an export travels without the page.


/** The source line: the `source` attribute, else the data file's name; '' when neither. */
export function sourceLine(el) {
  const s = el.getAttribute('source');
  if (s && s.trim()) return `${el._t('source')}: ${s.trim()}`;
  return el._dataName ? `${el._t('dataFile')}: ${el._dataName}` : '';
}

/** The lines an export carries below the chart. */
export function footerLines(el) {
  return [sourceLine(el), el._isSynthetic() && `${el._t('synthetic')}: ${el._t('syntheticTitle')}`].filter(Boolean);
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
      const s = await el.toSvg();
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
    copy.title = el._t(ok ? 'copied' : 'copyFailed');
  });
  el._el.exportButtons = [...el._el.zoom.querySelectorAll('[data-act=svg],[data-act=csv],[data-act=copy]')];
  labelExports(el);
}

export function labelExports(el) {
  for (const b of el._el.exportButtons || []) {
    const t = el._t(b.dataset.key);
    b.title = t;
    b.setAttribute('aria-label', t);
    // The copy button says what it does in words (a symbol for it is missing from common fonts).
    if (b.dataset.key === 'copy') b.textContent = t;
  }
}
