// The progress bar's DOM (lazy chunk; progress.js keeps the figures and the timer).

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

// Numbers in the reader's language without Intl: the first `toLocaleString` with options on a
// page loads the locale's data, a task of 30-70 ms in the middle of a big load.
function num(el, n, digits = 0) {
  const nl = el.lang === 'nl';
  const [int, frac] = n.toFixed(digits).split('.');
  return int.replace(/\B(?=(\d{3})+$)/g, nl ? '.' : ',') + (frac ? (nl ? ',' : '.') + frac : '');
}

const mb = (el, n) => `${num(el, n / 1e6, 1)} MB`;

/** Shows the bar of one load in `el` over the figures `s` (progress.js); Cancel calls `onCancel`. */
export function showProgress(el, s, onCancel) {
  const box = document.createElement('div');
  box.className = 'progress';
  box.setAttribute('role', 'status');
  const bar = document.createElement('progress');
  bar.max = 100;
  bar.setAttribute('aria-label', el._t('progress'));
  const text = document.createElement('span');
  const cancel = document.createElement('button');
  cancel.type = 'button';
  cancel.className = 'cancel';
  cancel.textContent = el._t('cancel');
  cancel.addEventListener('click', () => onCancel());
  box.append(bar, text, cancel);
  adopt(el.shadowRoot);
  el._el.plot.append(box);

  function percent() {
    const dl = s.download ? (s.total ? s.loaded / s.total : 0) : 1;
    const parse = s.size ? s.parsed / s.size : 0;
    return Math.floor(s.download ? 50 * dl + 50 * parse : 100 * parse);
  }

  function draw() {
    queued = 0;
    // An attribute (not only the property), so the value can be observed from outside.
    bar.setAttribute('value', String(Math.min(100, percent())));
    const parts = [];
    if (s.download) parts.push(s.total ? `${mb(el, s.loaded)} / ${mb(el, s.total)}` : mb(el, s.loaded));
    if (s.rows) parts.push(`${num(el, s.rows)} ${el._t('rowsRead')}`);
    text.textContent = parts.join(' · ') || el._t('loading');
  }

  // New figures are drawn once a frame: a download's chunks come hundreds to a task when the
  // page was busy (29 MB in 64 KB chunks), and formatting the numbers for each of them made one
  // task of 40 ms.
  let queued = 0;
  const render = () => { queued ||= requestAnimationFrame(draw); };
  draw();
  return { box, render };
}
