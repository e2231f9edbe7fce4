// Pointer, wheel, pinch, double-click and key input on the plot, forwarded to the chart as small
// values (CSS pixels, zoom factors, item numbers).

import { showTip, hideTip } from './overlays.js';
import { renderCrumbs } from './controls.js';
import { announceItem, openHelp } from './a11y.js';
import { localPoint } from './sizing.js';
import { toggleFullscreen } from './fullscreen.js';
import { spotlightKey } from './spotlight.js';
import { wheelZooms, bindTouch, tap } from './touch.js';

export function bindInput(el) {
  const p = el._el.plot;
  const local = (e) => localPoint(el, e);

  p.addEventListener('wheel', (e) => {
    if (!el._handle || !el._info || !wheelZooms(el, e)) return;
    e.preventDefault();
    const [x, y] = local(e);
    const lines = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? 400 : 1;
    const factor = Math.exp(-e.deltaY * lines * 0.0025);
    el._safe(() => el._handle.zoomAt(x, y, factor));
    el._invalidate(true);
    hideTip(el);
  }, { passive: false });

  p.addEventListener('pointerdown', (e) => {
    if (!el._handle || (e.pointerType === 'mouse' && e.button !== 0)) return;
    p.focus({ preventScroll: true, focusVisible: false });
    // A touch is not captured: one finger belongs to the page's scrolling (touch.js).
    const touch = e.pointerType === 'touch';
    if (!touch) p.setPointerCapture(e.pointerId);
    const [x, y] = local(e);
    el._pointers.set(e.pointerId, { x, y, x0: x, y0: y, box: e.shiftKey && e.pointerType === 'mouse', touch });
    el._moved = false;
    if (el._pointers.size === 2) el._pinch = pinchState(el);
  });
  p.addEventListener('pointermove', (e) => {
    if (!el._handle || !el._info) return;
    const [x, y] = local(e);
    const pt = el._pointers.get(e.pointerId);
    if (!pt) { hover(el, x, y); return; }
    if (Math.hypot(x - pt.x0, y - pt.y0) > 3) el._moved = true;
    if (el._pointers.size === 2) {
      pt.x = x; pt.y = y;
      const next = pinchState(el);
      if (el._pinch && next.d > 0 && el._pinch.d > 0) {
        el._safe(() => el._handle.pan(next.cx - el._pinch.cx, next.cy - el._pinch.cy));
        el._safe(() => el._handle.zoomAt(next.cx, next.cy, next.d / el._pinch.d));
        el._invalidate(true);
      }
      el._pinch = next;
      return;
    }
    if (pt.touch) {
      // One finger: the browser scrolls the page (and cancels this pointer); never a pan.
    } else if (pt.box) {
      const b = el._el.box;
      b.hidden = false;
      Object.assign(b.style, { left: `${Math.min(x, pt.x0)}px`, top: `${Math.min(y, pt.y0)}px`,
        width: `${Math.abs(x - pt.x0)}px`, height: `${Math.abs(y - pt.y0)}px` });
    } else if (el._moved) {
      p.classList.add('dragging');
      el._safe(() => el._handle.pan(x - pt.x, y - pt.y));
      el._invalidate(true);
      hideTip(el);
    }
    pt.x = x; pt.y = y;
  });
  const end = (e) => {
    const pt = el._pointers.get(e.pointerId);
    if (!pt) return;
    el._pointers.delete(e.pointerId);
    el._pinch = el._pointers.size === 2 ? pinchState(el) : null;
    p.classList.remove('dragging');
    const [x, y] = local(e);
    if (pt.box) {
      el._el.box.hidden = true;
      if (Math.abs(x - pt.x0) > 4 && Math.abs(y - pt.y0) > 4) {
        el._safe(() => el._handle.boxZoom(pt.x0, pt.y0, x, y));
        el._invalidate(true);
      }
    } else if (!el._moved && e.type === 'pointerup' && el._pointers.size === 0) {
      const item = el._safe(() => el._handle.hit(x, y)) ?? 0;
      if (pt.touch) tap(el, item, x, y); else el._activate(item);
    }
  };
  p.addEventListener('pointerup', end);
  p.addEventListener('pointercancel', end);
  p.addEventListener('pointerleave', (e) => { if (!el._pointers.size && e.pointerType === 'mouse') hover(el, -1, -1); });
  p.addEventListener('dblclick', (e) => {
    e.preventDefault();
    if (!el._handle || !el._info) return;
    resetZoom(el);
    el._invalidate(true);
  });
  p.addEventListener('keydown', (e) => key(el, e));
  bindTouch(el);
  p.addEventListener('blur', () => hideTip(el));
}

// Back to the element's own starting view, its `zoom` attribute. The hierarchy has one starting
// view whatever the attribute says (and takes no explicit ranges).
function resetZoom(el) {
  el._safe(() => el._handle.resetZoom());
}

function pinchState(el) {
  const [a, b] = [...el._pointers.values()];
  return { cx: (a.x + b.x) / 2, cy: (a.y + b.y) / 2, d: Math.hypot(a.x - b.x, a.y - b.y) };
}

// Keys act only while the plot has focus; the ones the chart uses stop there (preventDefault and
// stopPropagation), every other key (Tab among them) goes on to the page. Arrows move to the
// nearest role or node in that direction (Rust: Session::neighbour); Shift+arrows pan. While a
// role is selected (spotlight), Left and Right step through the roles in role order instead, and
// Up and Down still move to the nearest item.
const ARROWS = { ArrowLeft: [0, 40, 0], ArrowRight: [1, -40, 0], ArrowUp: [2, 0, 40], ArrowDown: [3, 0, -40] };

function key(el, e) {
  if (!el._handle || !el._info || e.altKey || e.ctrlKey || e.metaKey) return;
  const { w, h } = el._size ?? { w: 0, h: 0 };
  let handled = true;
  let view = false;
  // A selected role is spotlighted: Left and Right step to the next role in role order.
  if (!e.shiftKey && spotlightKey(el, e)) { consume(e); return; }
  const arrow = ARROWS[e.key];
  if (arrow && e.shiftKey) {
    el._safe(() => el._handle.pan(arrow[1], arrow[2]));
    view = true;
  } else if (arrow) {
    const cur = el._focusItem;
    const next = cur ? el._safe(() => el._handle.neighbour(cur, arrow[0])) : (el._selected || first(el, 1));
    if (next) focusItem(el, next);
  } else {
    switch (e.key) {
      case '+': case '=': el._safe(() => el._handle.zoomAt(w / 2, h / 2, 1.25)); view = true; break;
      case '-': case '_': el._safe(() => el._handle.zoomAt(w / 2, h / 2, 0.8)); view = true; break;
      case '0': resetZoom(el); view = true; break;
      case 'Home': case 'End': { const i = first(el, e.key === 'Home' ? 1 : -1); if (i) focusItem(el, i); break; }
      case 'Enter': if (el._focusItem) { el._activate(el._focusItem); announceItem(el, el._focusItem); } break;
      case ' ': {
        // Space: the focused node's expand/collapse button in the hierarchy, else as Enter.
        const row = (el._a11yRows || []).find((r) => r.item === el._focusItem);
        if (row?.toggle) el._activate(row.toggle); else if (el._focusItem) el._activate(el._focusItem);
        break;
      }
      case '?': openHelp(el); break;
      case 'f': case 'F': toggleFullscreen(el); break;
      case 'Escape':
        if (el._safe(() => el._handle.escape())) { renderCrumbs(el); view = true; } else { el._select(0, true); hideTip(el); el._focusItem = 0; el._highlight(0); }
        break;
      default: handled = false;
    }
  }
  if (handled) { consume(e); el._invalidate(view); }
}

function first(el, dir) { return el._safe(() => el._handle.nextItem(0, dir)) ?? 0; }

// Moves the keyboard focus to `item`: emphasis, tooltip, and its figures read out.
function focusItem(el, item) {
  el._focusItem = item;
  el._highlight(item);
  const pos = el._safe(() => el._handle.itemPosition(item));
  if (pos && pos.length) showTip(el, item, pos[0], pos[1]);
  announceItem(el, item);
}

// A key the chart used is not also a slide deck's (reveal.js listens on the document, in the
// bubbling phase): it stops here.
function consume(e) { e.preventDefault(); e.stopPropagation(); }

function hover(el, x, y) {
  const item = x < 0 ? 0 : (el._safe(() => el._handle.hit(x, y)) ?? 0);
  if (item !== el._hoverItem) {
    el._hoverItem = item;
    el._highlight(item);
    el._el.plot.style.cursor = item ? 'pointer' : '';
  }
  if (item) showTip(el, item, x, y); else hideTip(el);
}
