// The presenter features wired into the element: fullscreen, spotlight, exports and the URL state
// (each in its own module; the URL's part in the lazy chunk). The element calls bindPresenter once
// and presenterChanged after a selection and after each frame.

import { bindFullscreen, labelFullscreen } from './fullscreen.js';
import { bindExports, labelExports } from './exports.js';
import { renderSpotlight } from './spotlight.js';
import { getState, setState } from './url-state.js';
import { later } from './lazy.js';

export function bindPresenter(el) {
  bindFullscreen(el);
  bindExports(el);
}

/** After a selection (`deliberate`: by the reader) or a drawn frame (`frame`). */
export function presenterChanged(el, deliberate, frame = false) {
  const s = el._size ?? {};
  const key = `${el._selected ?? 0}|${s.w}x${s.h}|${el._lang}|${el.group}|${el.view}|${el.errorbars}`;
  if (key !== el._spotKey) {
    el._spotKey = key;
    renderSpotlight(el);
    labelFullscreen(el);
    labelExports(el);
  }
  // The tooltip, key, badge and caption grow with the chart's text (presenter-style.js).
  const ts = frame ? el._safe(() => el._handle?.textScale()) : null;
  if (ts && ts !== (el._ts || 1)) {
    el._ts = ts;
    // Through the CSSOM (a strict CSP allows it), and only while it is not 1, so the shadow root
    // carries no style attribute at rest.
    const root = el._el.plot.parentNode;
    if (ts === 1) root.removeAttribute('style'); else root.style.setProperty('--ts', String(ts));
    renderSpotlight(el);
  }
  if (!frame || !el.hasAttribute('url-state') || !el._info) return;
  later().then((m) => m.syncUrl(el, { getState, setState }));
}
