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
// The URL part is url-hash.js, in the lazy chunk: only an element with `url-state` fetches it.

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
