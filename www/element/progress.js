// The progress bar of a big load (loader.js): bytes downloaded, then rows read by the worker, and
// a Cancel button. It appears only when a load is still running after SHOW_AFTER_MS, so small
// files never flash it. Its rules are added to shadow.js's adopted sheet (CSP-safe, no inline
// style); all its text goes in through textContent.

const SHOW_AFTER_MS = 300;

const RULES = [
  `.progress { position: absolute; left: 50%; top: 50%; transform: translate(-50%, -50%); z-index: 6;
    display: flex; flex-wrap: wrap; gap: 6px 10px; align-items: center; justify-content: center; max-width: calc(100% - 24px);
    background: #fff; border: 1px solid #d0d7de; border-radius: 6px; box-shadow: 0 4px 14px rgba(0,0,0,.12);
    padding: 10px 12px; font-size: 12px; font-variant-numeric: tabular-nums; }`,
  '.progress progress { width: 200px; max-width: 100%; }',
];

// The rules go into the element's one adopted sheet (shared by every element of the page), once,
// the first time a bar is shown: each shadow root keeps exactly one stylesheet.
const extended = new WeakSet();
function adopt(root) {
  const sheet = root.adoptedStyleSheets[0];
  if (!sheet || extended.has(sheet)) return;
  for (const rule of RULES) sheet.insertRule(rule, sheet.cssRules.length);
  extended.add(sheet);
}

const mb = (el, n) => `${(n / 1e6).toLocaleString(el.lang === 'nl' ? 'nl-BE' : 'en', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} MB`;

/**
 * Starts the progress of one load in `el`; `onCancel` runs when the reader presses Cancel. The
 * returned object takes the figures as they come: `bytes(loaded, total)` (total 0: unknown) while
 * downloading, `rows(rows, parsedBytes, totalBytes)` while the worker reads, `end(ok)` when done.
 * The bar's value is downloaded bytes (first half when there is a download) then parsed bytes.
 */
export function startProgress(el, onCancel) {
  const s = { loaded: 0, total: 0, download: false, rows: 0, parsed: 0, size: 0 };
  let box = null, bar = null, text = null;
  const timer = setTimeout(show, SHOW_AFTER_MS);

  function show() {
    adopt(el.shadowRoot);
    box = document.createElement('div');
    box.className = 'progress';
    box.setAttribute('role', 'status');
    bar = document.createElement('progress');
    bar.max = 100;
    bar.setAttribute('aria-label', el._t('progress'));
    text = document.createElement('span');
    const cancel = document.createElement('button');
    cancel.type = 'button';
    cancel.className = 'cancel';
    cancel.textContent = el._t('cancel');
    cancel.addEventListener('click', () => onCancel());
    box.append(bar, text, cancel);
    el._el.plot.append(box);
    render();
  }

  function percent() {
    const dl = s.download ? (s.total ? s.loaded / s.total : 0) : 1;
    const parse = s.size ? s.parsed / s.size : 0;
    return Math.floor(s.download ? 50 * dl + 50 * parse : 100 * parse);
  }

  function render() {
    if (!box) return;
    // An attribute (not only the property), so the value can be observed from outside.
    bar.setAttribute('value', String(Math.min(100, percent())));
    const parts = [];
    if (s.download) parts.push(s.total ? `${mb(el, s.loaded)} / ${mb(el, s.total)}` : mb(el, s.loaded));
    if (s.rows) parts.push(`${s.rows.toLocaleString(el.lang === 'nl' ? 'nl-BE' : 'en')} ${el._t('rowsRead')}`);
    text.textContent = parts.join(' · ') || el._t('loading');
  }

  return {
    bytes(loaded, total) { s.download = true; s.loaded = loaded; s.total = total; render(); },
    rows(rows, parsed, size) { s.rows = rows; s.parsed = parsed; s.size = size; render(); },
    /** Done: `ok` shows 100% for a last moment (one frame), anything else just removes the bar. */
    end(ok) {
      clearTimeout(timer);
      if (!box) return;
      if (!ok) { box.remove(); return; }
      s.size = s.parsed = 1;
      if (s.download) s.loaded = s.total = Math.max(s.loaded, s.total, 1);
      render();
      requestAnimationFrame(() => box.remove());
    },
    get shown() { return !!box; },
  };
}
