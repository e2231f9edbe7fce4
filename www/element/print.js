// Printing (issue 11). A canvas prints as the bitmap it holds, and the screen's (1-2 device px per
// CSS px, laid out for the screen's width) prints blurred and, scaled to the paper, with text too
// small or too large. So when printing starts the chart is drawn once more for paper: laid out at
// least as wide as A4's or Letter's printable width, with the element's aspect (bounded, so the
// hierarchy fits one page), at 3 device px per CSS px (about 270-400 dpi on paper), and
// copied into a second canvas that only print media shows (adaptive.js). The live canvas is drawn
// back at its screen size at once, so the screen never changes.
//
// Why not redraw the live canvas for print (the first attempt, which crashed Chromium; the cause
// was read from its code, not reproduced): under print
// media the canvas is sized by its own aspect (`height: auto`), so the plot's size followed the
// backing store, the ResizeObserver resized the backing store to the new plot size, which changed
// the plot again: a resize loop of large frames inside print layout. Here the print canvas is one
// no observer measures, sizing is frozen while printing, and its pixel count is bounded.

import { renderA11y } from './a11y.js';

/** CSS px of paper width: A4 (794 px) or Letter (816 px) less Chromium's default margins. */
const PAPER_W = 720;
/** The widest print layout: wider elements are laid out at this width and scaled to the paper. */
const MAX_W = 1100;
/** Device px per CSS px of the print bitmap: 720-1100 x 3 = 2160-3300 px, 270-400 dpi on paper. */
const PRINT_DPR = 3;

/** The print media query, read by the element's sizing (element.js). */
export const PRINT = matchMedia('print');

export function bindPrint(el) {
  const media = PRINT;
  const on = () => toPrint(el);
  const off = () => fromPrint(el);
  const change = () => (media.matches ? on() : off());
  addEventListener('beforeprint', on);
  addEventListener('afterprint', off);
  // Emulated print media (and some browsers' print preview) switch the media query only.
  media.addEventListener('change', change);
  return () => {
    removeEventListener('beforeprint', on);
    removeEventListener('afterprint', off);
    media.removeEventListener('change', change);
  };
}

function printCanvas(el) {
  let c = el._printCanvas;
  if (!c) {
    c = document.createElement('canvas');
    c.className = 'print';
    c.setAttribute('aria-hidden', 'true');
    el._el.canvas.after(c);
    el._printCanvas = c;
  }
  return c;
}

/**
 * The print layout's size in CSS px: the element's width within the paper's and MAX_W (so a
 * desktop chart prints as laid out, its number key still true, and a phone's gets the paper's
 * room), its aspect within 0.4-1.3 (the page holds it whole). At most 1100 x 1430 x 3^2 = 14 Mpx.
 */
export function printSize(w, h) {
  const pw = Math.round(Math.min(MAX_W, Math.max(PAPER_W, w)));
  const aspect = Math.min(1.3, Math.max(0.4, h / Math.max(1, w)));
  return [pw, Math.round(pw * aspect)];
}

function toPrint(el) {
  if (el._printing || !el.isConnected || !el._handle || !el._info || !el._size) return;
  el._printing = true;
  // The data table prints after the chart: built now if it still waits for the idle moment
  // after the first chart (a page printed at once printed without it).
  renderA11y(el);
  const { w, h, dpr } = el._size;
  const [pw, ph] = printSize(w, h);
  const live = el._el.canvas;
  const out = printCanvas(el);
  el._safe(() => {
    el._handle.resize(pw, ph, PRINT_DPR);
    // Far in the future: a running transition is drawn at its end.
    el._handle.draw(performance.now() + 1e6);
    // A copy, as pixels: a canvas drawn while hidden printed blank in Chromium (its drawing is
    // recorded but not kept for print), and pixels print the same everywhere.
    out.width = live.width;
    out.height = live.height;
    out.getContext('2d').drawImage(live, 0, 0);
  });
  // The screen's chart back at once (the print canvas keeps the paper's).
  el._safe(() => { el._handle.resize(w, h, dpr); el._handle.draw(performance.now()); });
}

function fromPrint(el) {
  if (!el._printing) return;
  el._printing = false;
  // Free the print bitmap (up to ~27 MB) and catch up with any size change while printing.
  if (el._printCanvas) { el._printCanvas.width = 0; el._printCanvas.height = 0; }
  el._measure(true);
}
