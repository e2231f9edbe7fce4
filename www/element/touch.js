// Touch and wheel rules that let the page around the chart keep working (issue 11): one finger
// scrolls the page (CSS touch-action lets the browser have it), two fingers pan and pinch the
// chart; a tap shows the role's card until a tap elsewhere (the plot's blur hides it). The plain
// wheel scrolls the page over a chart the reader has not clicked or focused, with a short hint;
// Ctrl/Cmd + wheel (a trackpad pinch arrives so too), the wheel on a focused chart, or any wheel
// with the `wheel-zoom` attribute zooms.

import { showTip, hideTip } from './overlays.js';

/** Whether this wheel event zooms the chart; when it does not, the hint shows and the page scrolls. */
export function wheelZooms(el, e) {
  if (e.ctrlKey || e.metaKey || el.wheelZoom || el.shadowRoot.activeElement === el._el.plot) return true;
  if (e.deltaY) showHint(el);
  return false;
}

function showHint(el) {
  let h = el._hint;
  if (!h) {
    h = el._hint = document.createElement('div');
    h.className = 'hint';
    h.setAttribute('aria-hidden', 'true');
    el._el.plot.append(h);
  }
  const mac = /Mac|iP/.test(navigator.platform);
  h.textContent = el._t('wheelHint').replace('Ctrl', mac ? '⌘' : 'Ctrl');
  h.classList.add('on');
  clearTimeout(el._hintTimer);
  el._hintTimer = setTimeout(() => h.classList.remove('on'), 1400);
}

/** Two fingers on the plot: the chart's gesture, so the page must not scroll or zoom meanwhile. */
export function bindTouch(el) {
  el._el.plot.addEventListener('touchmove', (e) => { if (e.touches.length > 1 && e.cancelable) e.preventDefault(); }, { passive: false });
}

/** A tap (a touch that did not move) at (x, y) on `item`: select it and show its card. */
export function tap(el, item, x, y) {
  el._activate(item);
  if (item) showTip(el, item, x, y); else hideTip(el);
}
