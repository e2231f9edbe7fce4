// Shareable views. `el.state` is what a presenter showed, as a plain object:
//   { view: 'quadrant' | 'hierarchy', zoom: [x0, x1, y0, y1] | null, groups: [codes], selected: role | null,
//     compare: 'a,b' | null }
// (zoom: the quadrant's data ranges; the hierarchy keeps its own starting view). With the
// `url-state` attribute it also lives in the URL as `spco-<id>=v:quadrant;z:1,7,1,5;g:a,b;r:5;c:sme,large`
// (`&` between elements), so a reload restores it and Back steps through it: a deliberate change
// (a selection, a group, the view, a zoom button) is a new history entry; a continuous gesture
// (wheel, drag) rewrites its own entry as it goes. A malformed or stale entry (a group the data
// lacks) is ignored with a console warning, and the element's attributes apply.
// Where: the hash (`#spco-deck=…`), unless the hash belongs to the page: on a reveal.js deck or
// when the hash is a route (`#/2`) the entry goes in the query (`?spco-deck=…#/2`). reveal.js 6
// rewrites the whole hash on each slide change (`hash: true`) and cannot read a slide hash with
// anything appended (`#/2&…`), while it keeps the query as it is; other query and hash content is
// kept as well. Reading looks in both, so a link in either form works.

import { roleOf, roleItem } from './chart-handle.js';

const VIEWS = ['quadrant', 'hierarchy'];

/** The element's current state (null before data). */
export function getState(el) {
  if (!el._handle || !el._info) return null;
  const view = VIEWS.includes(el.view) ? el.view : 'quadrant';
  let zoom = null;
  if (view === 'quadrant') {
    const v = el._safe(() => el._handle.viewRanges());
    if (v && v.length === 4) zoom = [...v].map((x) => Number(x.toPrecision(6)));
  }
  const role = roleOf(el._selected ?? 0);
  return { view, zoom, groups: el.group.split(',').filter(Boolean), selected: role || null, compare: el.compare || null };
}

/** Checks a state object against the loaded data; returns the reason it is refused, or null. */
function refuse(el, s) {
  if (!s || typeof s !== 'object') return 'not an object';
  if (s.view != null && !VIEWS.includes(s.view)) return `unknown view "${s.view}"`;
  if (s.zoom != null && !(Array.isArray(s.zoom) && s.zoom.length === 4 && s.zoom.every(Number.isFinite)
    && s.zoom[0] < s.zoom[1] && s.zoom[2] < s.zoom[3])) return 'zoom is not four increasing ranges';
  if (s.groups != null) {
    if (!Array.isArray(s.groups)) return 'groups is not a list';
    const known = new Set((el._info?.groups || []).map((g) => g.code));
    const bad = s.groups.find((g) => !known.has(g));
    if (bad !== undefined) return `unknown group "${bad}"`;
  }
  if (s.compare != null && typeof s.compare !== 'string') return 'compare is not text';
  if (s.selected != null) {
    const roles = new Set((el.stats?.roles || []).map((r) => r.role));
    if (!roles.has(s.selected)) return `unknown role ${s.selected}`;
  }
  return null;
}

/** Applies a state object; throws an Error with the reason when it does not fit the data. */
export function setState(el, s) {
  if (!el._handle || !el._info) throw new Error('spco-roles: no data yet');
  const why = refuse(el, s);
  if (why) throw new Error(`spco-roles: state ignored: ${why}`);
  el._applyingState = true;
  try {
    if (s.view != null && s.view !== el.view) el.view = s.view;
    if (s.groups != null && s.groups.join(',') !== el.group) el.group = s.groups.join(',');
    // A comparison wasm refuses (unknown group, overlap) shows its worded error, like the attribute.
    if (s.compare !== undefined && (s.compare || '') !== el.compare) el.compare = s.compare || '';
    if (s.zoom != null && el.view === 'quadrant') {
      el._safe(() => el._handle.setZoom(s.zoom.join(',')));
    } else if (s.zoom === null) {
      el._safe(() => el._handle.resetZoom());
    }
    el._invalidate(true);
    el._select(s.selected ? roleItem(s.selected) : 0, false);
  } finally {
    el._applyingState = false;
  }
}

// ---- the hash ---------------------------------------------------------------------------

function hashKey(el) { return `spco-${el.id || 'chart'}`; }

function encode(s) {
  const parts = [`v:${s.view}`];
  if (s.zoom) parts.push(`z:${s.zoom.join(',')}`);
  if (s.groups.length) parts.push(`g:${s.groups.map(encodeURIComponent).join(',')}`);
  if (s.selected) parts.push(`r:${s.selected}`);
  if (s.compare) parts.push(`c:${s.compare.split(',').map(encodeURIComponent).join(',')}`);
  return parts.join(';');
}

function decode(text) {
  const s = { view: 'quadrant', zoom: null, groups: [], selected: null, compare: null };
  for (const part of text.split(';')) {
    const i = part.indexOf(':');
    if (i < 1) throw new Error(`"${part}"`);
    const k = part.slice(0, i), v = part.slice(i + 1);
    if (k === 'v') s.view = v;
    else if (k === 'z') s.zoom = v.split(',').map(Number);
    else if (k === 'g') s.groups = v.split(',').filter(Boolean).map(decodeURIComponent);
    else if (k === 'c') s.compare = v.split(',').map(decodeURIComponent).join(',');
    else if (k === 'r') { s.selected = Number(v); if (!Number.isInteger(s.selected)) throw new Error(`role "${v}"`); }
    else throw new Error(`unknown key "${k}"`);
  }
  return s;
}

// The query when the hash is the page's (see the top).
function inQuery(el) {
  return !!el.closest('.reveal') || location.hash.startsWith('#/');
}

function entries(text) {
  return text.slice(1).split('&').filter(Boolean);
}

function readHash(el) {
  const prefix = `${hashKey(el)}=`;
  const parts = inQuery(el) ? [location.search, location.hash] : [location.hash, location.search];
  for (const part of parts) {
    const entry = entries(part).find((e) => e.startsWith(prefix));
    if (entry != null) return decodeURIComponent(entry.slice(prefix.length));
  }
  return null;
}

function hashWith(el, value) {
  const prefix = `${hashKey(el)}=`;
  const q = inQuery(el);
  const rest = entries(q ? location.search : location.hash).filter((e) => !e.startsWith(prefix));
  rest.push(prefix + encodeURIComponent(value).replace(/%3A/g, ':').replace(/%3B/g, ';').replace(/%2C/g, ','));
  const part = rest.join('&');
  return q ? `?${part}${location.hash}` : `${location.search}#${part}`;
}

/** Restores the state from the hash (once data is loaded); a bad hash warns and is ignored. */
export function restoreFromHash(el) {
  const text = readHash(el);
  if (text == null) return false;
  try {
    setState(el, decode(text));
    el._urlWritten = text;
    return true;
  } catch (e) {
    console.warn(`spco-roles: the URL's view for #${el.id || 'chart'} is ignored (${e.message}); the attributes apply.`);
    return false;
  }
}

/** After a frame: writes the state to the hash when it changed (pushState or replaceState). */
export function writeHash(el) {
  if (el._applyingState) return;
  const s = getState(el);
  if (!s) return;
  const text = encode(s);
  if (text === el._urlWritten) return;
  const prev = el._urlWritten;
  el._urlWritten = text;
  const zoomOnly = prev != null && prev.replace(/;?z:[^;]*/, '') === text.replace(/;?z:[^;]*/, '');
  const now = performance.now();
  // A continuous zoom or pan rewrites the entry its gesture began; anything else is a new one.
  const continuing = zoomOnly && now - (el._urlLastZoom ?? -1e9) < 600;
  if (zoomOnly) el._urlLastZoom = now;
  const url = location.pathname + hashWith(el, text);
  if (continuing || prev == null) history.replaceState(history.state, '', url);
  else history.pushState(history.state, '', url);
  lastSearch = location.search;
}

// Back/Forward between entries that differ in the query as well as the hash gets no hashchange
// from the browser (it fires one only when just the fragment differs), so a page following its
// hash (reveal.js) would stay where it is: once per step, the first element fires it for the page.
let lastSearch = null;
function onPop() {
  if (lastSearch != null && location.search !== lastSearch) window.dispatchEvent(new HashChangeEvent('hashchange', { newURL: location.href }));
  lastSearch = location.search;
}

/** Binds Back/Forward for an element with `url-state`. */
export function bindUrlState(el) {
  if (lastSearch == null) { lastSearch = location.search; window.addEventListener('popstate', onPop); }
  window.addEventListener('popstate', () => {
    if (!el.isConnected || !el.hasAttribute('url-state') || !el._info) return;
    const text = readHash(el);
    if (text === el._urlWritten) return;
    if (text == null) { el._urlWritten = null; return; }
    restoreFromHash(el);
  });
}
