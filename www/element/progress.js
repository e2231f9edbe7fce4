// The progress bar of a big load (loader.js): bytes downloaded, then rows read by the worker, and
// a Cancel button. It appears only when a load is still running after SHOW_AFTER_MS, so small
// files never flash it. Its rules are added to shadow.js's adopted sheet (CSP-safe, no inline
// style); all its text goes in through textContent.

import { later } from './lazy.js';

const SHOW_AFTER_MS = 300;

/**
 * Starts the progress of one load in `el`; `onCancel` runs when the reader presses Cancel. The
 * returned object takes the figures as they come: `bytes(loaded, total)` (total 0: unknown) while
 * downloading, `rows(rows, parsedBytes, totalBytes)` while the worker reads, `end(ok)` when done.
 * The bar's value is downloaded bytes (first half when there is a download) then parsed bytes.
 */
export function startProgress(el, onCancel) {
  const s = { loaded: 0, total: 0, download: false, rows: 0, parsed: 0, size: 0 };
  let box = null, render = () => {}, ended = false;
  const timer = setTimeout(show, SHOW_AFTER_MS);

  // The bar's DOM and rules are in the lazy chunk (progress-bar.js), fetched when it shows.
  function show() {
    later().then((m) => {
      if (ended) return;
      ({ box, render } = m.showProgress(el, s, onCancel));
      render();
    });
  }

  return {
    bytes(loaded, total) { s.download = true; s.loaded = loaded; s.total = total; render(); },
    rows(rows, parsed, size) { s.rows = rows; s.parsed = parsed; s.size = size; render(); },
    /** Done: `ok` shows 100% for a last moment (one frame), anything else just removes the bar. */
    end(ok) {
      clearTimeout(timer);
      ended = true;
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
