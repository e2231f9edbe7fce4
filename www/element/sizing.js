// The plot's size as laid out and as shown. A page may scale the element with a CSS transform
// (reveal.js scales every slide; zoomed containers), so its on-screen size differs from its
// layout size. The chart lays out in the element's own CSS px (what the tooltip and overlays,
// which are transformed with it, use) at an effective device-pixel ratio of
// devicePixelRatio x the transform's scale, so the backing store has one pixel per device pixel
// on screen and text stays crisp at any scale. Pointer positions come in as client (screen) px
// and are divided by that scale.
//
// A transform can change without the element's layout box changing (ResizeObserver stays
// quiet): a slide deck re-scales on window resize after its own handler, a transition ends, the
// page enters fullscreen. So the size is checked again on those, one frame later, and before
// any pointer input is read.

/** The plot's geometry now: layout size (CSS px), on-screen rect, scale, device-pixel ratio. */
export function plotGeometry(el) {
  const p = el._el.plot;
  const r = p.getBoundingClientRect();
  const w = p.offsetWidth || r.width || 1, h = p.offsetHeight || r.height || 1;
  const sx = r.width > 0 ? r.width / w : 1, sy = r.height > 0 ? r.height / h : 1;
  return { r, w, h, sx, sy, dpr: window.devicePixelRatio || 1 };
}

/** Client coordinates of a pointer event in the plot's own CSS px. */
export function localPoint(el, e) {
  const g = plotGeometry(el);
  // A transform changed since the last measure (a slide re-scaled): catch up before the
  // position is used, so the hit test and the drawing agree.
  if (changed(el, g)) el._measure();
  return [(e.clientX - g.r.left) / g.sx, (e.clientY - g.r.top) / g.sy];
}

function key(el, g) {
  return `${g.w}x${g.h}@${g.r.width.toFixed(2)}x${g.r.height.toFixed(2)}/${g.dpr}/${viewport()}/${fontFactor(el)}`;
}

function changed(el, g) { return el._sizeKey !== key(el, g); }

/**
 * The reader's or page's font size as a factor of 16 px: the larger of the element's computed
 * font-size (a page's `font-size` on it) and the root's (the browser's default size, or the
 * page's html font-size). A probe of 1em x 1rem in the shadow root is watched by the element's
 * ResizeObserver, so a change of either redraws (wasm keeps the factor at 1 or more).
 */
export function fontFactor(el) {
  const px = (e) => parseFloat(getComputedStyle(e).fontSize) || 16;
  return Math.max(px(el), px(document.documentElement)) / 16;
}

/** The viewport's width and height (the screen's, in fullscreen), page CSS px. */
function viewport() {
  const d = document.documentElement, full = document.fullscreenElement;
  return [full ? (screen.width || innerWidth) : (d.clientWidth || innerWidth),
    full ? (screen.height || innerHeight) : (d.clientHeight || innerHeight)];
}

const MAX_CSS_PX = 4096;

/**
 * Sizes the canvas and tells wasm the layout size, the effective device-pixel ratio and where the
 * element is shown (for `text-scale="auto"`). Returns false when nothing changed. `force` measures
 * even when the geometry looks the same (a new chart: its canvas is sized only now).
 */
export function applySize(el, force = false) {
  const g = plotGeometry(el);
  if (!force && !changed(el, g) && el._size) return false;
  el._sizeKey = key(el, g);
  // Bounded whatever the page does to the element's size: a runaway layout must not allocate a
  // runaway canvas (the canvas itself never sizes anything, see shadow.js).
  const w = Math.min(MAX_CSS_PX, Math.max(1, Math.round(g.w)));
  const h = Math.min(MAX_CSS_PX, Math.max(1, Math.round(g.h)));
  // One scale for both axes: a non-uniform scale is rare and a canvas pixel must stay square.
  const scale = g.sx > 0 ? g.sx : 1;
  const dpr = g.dpr * scale;
  const prev = el._size, screen = `${viewport()}/${fontFactor(el)}`;
  el._size = { w, h, dpr, scale, sy: g.sy > 0 ? g.sy : 1 };
  const c = el._el.canvas;
  const wpx = Math.max(1, Math.round(w * dpr)), hpx = Math.max(1, Math.round(h * dpr));
  // The backing store is sized once the chart is made (el._handle), not while the wasm loads: a
  // blank canvas of the plot's size is a 9 MB bitmap that a read of it (a page polling it for
  // ink) makes the browser allocate, and allocate again when the number key takes height from the
  // plot (5-12 ms each on a page of the canvas alone, #15). Waiting for the data as well gained
  // nothing: between the chart's making and its first draw such a read cost 0.3 ms (README).
  if (el._handle && (c.width !== wpx || c.height !== hpx)) { c.width = wpx; c.height = hpx; }
  // The on-screen box moved by a fraction of a pixel (the text below the plot settling after the
  // first frame): the same canvas at the same ratio, so wasm keeps its size and nothing redraws.
  const same = prev && prev.w === w && prev.h === h && prev.dpr === dpr && el._screenKey === screen;
  el._screenKey = screen;
  return !same;
}

/** Watches what can change the on-screen size without a layout change; returns an unbind. */
export function watchScreen(el) {
  let t = 0;
  const later = () => {
    // The deck scales in its own resize handler, which may run after this one: look again on the
    // next frame and once things have settled.
    requestAnimationFrame(() => el._measure());
    clearTimeout(t);
    t = setTimeout(() => el._measure(), 250);
  };
  const onEnd = (e) => { if (e.target instanceof Element && e.target.contains(el)) later(); };
  window.addEventListener('resize', later);
  document.addEventListener('fullscreenchange', later);
  document.addEventListener('transitionend', onEnd, true);
  document.addEventListener('animationend', onEnd, true);
  if (!el._screenBound) {
    el._screenBound = true;
    el._el.plot.addEventListener('pointerenter', () => el._measure());
    el._el.plot.addEventListener('focus', () => el._measure());
  }
  return () => {
    clearTimeout(t);
    window.removeEventListener('resize', later);
    document.removeEventListener('fullscreenchange', later);
    document.removeEventListener('transitionend', onEnd, true);
    document.removeEventListener('animationend', onEnd, true);
  };
}

/** The element's height on screen (page CSS px) and in its own CSS px, the viewport's width and
 * height, and the user's font factor (for `text-scale="auto"`). The host's, not the plot's: the
 * host's size never depends on its content, the plot's shrinks as the badge and key below it
 * grow with the text scale, so a plot-based choice fed back into itself (theme.rs, `Screen`). */
export function screenFacts(el) {
  return [el.getBoundingClientRect().height, el.offsetHeight, ...viewport(), fontFactor(el)];
}
