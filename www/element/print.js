// Printing (issue 11). Before the page prints, the chart is drawn again at print resolution
// (about 300 dpi at a paper's width) into the same canvas; the print stylesheet (adaptive.js) then
// sizes the canvas by its width with `height: auto`, so its own aspect ratio holds (no squeeze),
// keeps the plot on one page and shows the data table as text below it. After printing the
// screen size and resolution come back. While printing, size changes are ignored: the print
// layout's size depends on the canvas, which must not be redrawn from it.

export function bindPrint(el) {
  const print = matchMedia('print');
  const on = () => toPrint(el);
  const off = () => fromPrint(el);
  addEventListener('beforeprint', on);
  addEventListener('afterprint', off);
  // Emulated print media (and some browsers' print preview) switch the media query only.
  print.addEventListener('change', () => (print.matches ? on() : off()));
}

function toPrint(el) {
  if (!el._handle || !el._info || el._printing || !el._size) return;
  const { w, h } = el._size;
  // Paper is about 7 inches of printable width: 2100 device px is 300 dpi there.
  const dpr = Math.max(window.devicePixelRatio || 1, Math.min(4, 2100 / w, 4096 / Math.max(w, h)));
  el._printing = true;
  const c = el._el.canvas;
  c.width = Math.round(w * dpr);
  c.height = Math.round(h * dpr);
  el._safe(() => { el._handle.resize(w, h, dpr); el._handle.draw(performance.now()); });
}

function fromPrint(el) {
  if (!el._printing) return;
  el._printing = false;
  el._measure();
}
