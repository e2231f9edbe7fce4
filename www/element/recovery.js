// A trap never breaks the page. The elements share one instance of the start module, and those
// showing a comparison one of the on-demand module (more.js); after a trap an instance's state is
// unknown, so it is never used again: the page starts a fresh instance of the same module
// (wasmRestart or restartMore), every element that had a chart in it gets a new one there, and each one that showed data loads the
// same data again (the compact form a worker made, else the kept bytes: from `src` or setData)
// and gets back its view: settings (from its attributes, as on any load), the quadrant's zoom
// ranges and the selection. The element whose call trapped shows its message instead.

import { wasmRestart } from './chart-handle.js';
import { clearSource } from './data-source.js';
import { restartMore } from './more.js';

// The elements that own a chart in the current instance.
const live = new Set();
export function track(el) { live.add(el); }
export function untrack(el) { live.delete(el); }

// One restart at a time per module: the start module's, and the on-demand module's (more.js).
const restarting = { start: null, more: null };

/**
 * Called once a call of `trapped` trapped (`oldHandle`: its chart in the trapped instance).
 * Only the module that trapped restarts, and only the elements with a chart in it come back; the
 * others keep drawing. Resolves when every such element is back; a second trap in the same
 * module meanwhile joins the same restart.
 */
export function recoverAfterTrap(trapped, oldHandle) {
  const kind = oldHandle?.more ? 'more' : 'start';
  if (restarting[kind]) return restarting[kind];
  const inIt = (el) => el === trapped || !!el._handle?.more === (kind === 'more');
  const els = [...live].filter(inIt);
  for (const el of els) live.delete(el);
  const saved = els.filter((el) => el !== trapped).map((el) => ({ el, view: viewOf(el), selected: el._selected }));
  // The old instance's Chart objects: detached from its finalizer, so no later garbage
  // collection frees their pointers in the new instance.
  const old = [...els.map((el) => el._handle?.wasm), oldHandle?.wasm].filter(Boolean);
  for (const el of els) el._handle = null;
  trapped._info = null;
  clearSource(trapped);
  const restart = kind === 'more' ? restartMore(old) : wasmRestart(old);
  restarting[kind] = restart.then(async () => {
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
  }).finally(() => { restarting[kind] = null; });
  return restarting[kind];
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
