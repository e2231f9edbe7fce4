// Fullscreen for presenters: a button in the controls and the F key. The presenter look itself
// (a white page behind the chart, larger controls) is CSS on :host(:fullscreen) (presenter-style.js);
// the larger type follows from `text-scale="auto"` once the element fills the screen.


export function isFullscreen(el) { return document.fullscreenElement === el; }

/** Enters or leaves fullscreen with the element; a refusal (no user gesture, iframe) is ignored. */
export function toggleFullscreen(el) {
  if (isFullscreen(el)) { document.exitFullscreen?.().catch(() => {}); return; }
  const p = el.requestFullscreen?.();
  if (p && p.catch) p.catch(() => {});
}

/** Adds the fullscreen button to the controls' zoom group. */
export function bindFullscreen(el) {
  const b = document.createElement('button');
  b.className = 'fs';
  b.dataset.act = 'fullscreen';
  b.addEventListener('click', () => toggleFullscreen(el));
  el._el.zoom.append(b);
  el._el.fs = b;
  document.addEventListener('fullscreenchange', () => labelFullscreen(el));
  labelFullscreen(el);
}

export function labelFullscreen(el) {
  const b = el._el.fs;
  if (!b) return;
  const on = isFullscreen(el);
  const t = el._t(on ? 'exitFullscreen' : 'fullscreen');
  // A word, not a symbol: the symbols that mean full screen are missing from common fonts.
  b.textContent = el._t('fullscreenShort');
  b.title = t;
  b.setAttribute('aria-label', t);
  b.setAttribute('aria-pressed', String(on));
  b.hidden = !document.fullscreenEnabled;
}
