// A trap never breaks the page. All elements share one wasm instance, and after a trap its state
// is unknown, so it is never used again: the page starts a fresh instance of the same module
// (wasmRestart), every element gets a new chart in it, and each one that showed data loads the
// same data again (the compact form a worker made, else the kept bytes: from `src` or setData)
// and gets back its view: settings (from its attributes, as on any load), the quadrant's zoom
// ranges and the selection. The element whose call trapped shows its message instead.

import { wasmRestart } from './chart-handle.js';
import { clearSource } from './data-source.js';

// The elements that own a chart in the current instance.
const live = new Set();
export function track(el) { live.add(el); }
export function untrack(el) { live.delete(el); }

let restarting = null;

/**
 * Called once a call of `trapped` trapped (`oldHandle`: its chart in the trapped instance).
 * Resolves when every element is back; a second trap meanwhile joins the same restart.
 */
export function recoverAfterTrap(trapped, oldHandle) {
  if (restarting) return restarting;
  const els = [...live];
  live.clear();
  const saved = els.filter((el) => el !== trapped).map((el) => ({ el, view: viewOf(el), selected: el._selected }));
  // The old instance's Chart objects: detached from its finalizer, so no later garbage
  // collection frees their pointers in the new instance.
  const old = [...els.map((el) => el._handle?.wasm), oldHandle?.wasm].filter(Boolean);
  for (const el of els) el._handle = null;
  trapped._info = null;
  clearSource(trapped);
  restarting = wasmRestart(old).then(async () => {
    if (trapped.isConnected) await trapped._ensureHandle();
    for (const { el, view, selected } of saved) {
      if (!el.isConnected) continue;
      try {
        await el._ensureHandle();
        reload(el, view, selected);
      } catch (e) {
        el._fail(e);
      }
    }
  }).finally(() => { restarting = null; });
  return restarting;
}

// The quadrant's zoom ranges, read from the old instance (its memory is intact; the read is
// guarded, since a chart that was mid-call when the trap came may not answer).
function viewOf(el) {
  if (!el._handle || !el._info || el.view !== 'quadrant') return null;
  try { return Array.from(el._handle.viewRanges()); } catch { return null; }
}

function reload(el, view, selected) {
  const s = el._source;
  if (!s || !s.shown) return;
  if (s.encoded) {
    el._call(() => el._handle.loadEncoded(s.encoded));
    el._afterLoad();
  } else {
    el._import();
  }
  if (view && view.length === 4) {
    el._call(() => el._handle.setZoom(view.join(',')));
    el._invalidate(true);
  }
  if (selected) el._select(selected, false);
}
