// Which colours the chart uses (issue 11). `theme="light|dark|auto"` (default auto): auto is dark
// when the page is dark-aware (its `color-scheme`, which the element inherits, includes dark) and
// the reader prefers dark, or the page is dark only. Forced colours win over all of it: the canvas
// then draws with the system's text colour on its background only (black on white or white on
// black, whichever the system's CanvasText is). The result goes to wasm as the `theme` setting;
// the shadow DOM follows through the `.dark` class (adaptive.js's sheet) or the system colours.

const q = (m) => matchMedia(m);

/** The resolved theme for wasm: light, dark, contrast-light or contrast-dark. */
export function themeValue(el) {
  const root = el._el.plot.parentNode;
  if (q('(forced-colors: active)').matches) {
    root.classList.remove('dark');
    // In forced colours the plot's text colour is the system's CanvasText.
    const rgb = (getComputedStyle(el._el.plot).color.match(/\d+/g) || [0, 0, 0]).map(Number);
    return rgb[0] + rgb[1] + rgb[2] > 382 ? 'contrast-dark' : 'contrast-light';
  }
  const t = el.getAttribute('theme');
  const scheme = getComputedStyle(el).colorScheme || '';
  const dark = t === 'dark' || (t !== 'light' && /dark/.test(scheme)
    && (!/light/.test(scheme) || q('(prefers-color-scheme: dark)').matches));
  root.classList.toggle('dark', dark);
  return dark ? 'dark' : 'light';
}

/** Redraws when the reader's preference or forced colours change. */
export function watchTheme(el) {
  for (const m of ['(prefers-color-scheme: dark)', '(forced-colors: active)']) {
    q(m).addEventListener('change', () => el._applyOptions(true));
  }
}
