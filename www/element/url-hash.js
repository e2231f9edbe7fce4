// The URL part of `url-state` (url-state.js says what it keeps and where), in the lazy chunk: an
// element without the attribute never fetches it. Like every lazy module it imports nothing of
// the element; the state's reader and writer come in as `st` ({ getState, setState }).

/** After a frame of an element with `url-state`: binds Back/Forward once, restores the URL's view
 * once (after the first data), else writes the current view to the URL when it changed. */
export function syncUrl(el, st) {
  if (!el._urlBound) { el._urlBound = true; bindUrlState(el, st); }
  if (!el._urlRestored) {
    el._urlRestored = true;
    if (restoreFromHash(el, st)) return;
  }
  writeHash(el, st);
}


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
function restoreFromHash(el, st) {
  const text = readHash(el);
  if (text == null) return false;
  try {
    st.setState(el, decode(text));
    el._urlWritten = text;
    return true;
  } catch (e) {
    console.warn(`spco-roles: the URL's view for #${el.id || 'chart'} is ignored (${e.message}); the attributes apply.`);
    return false;
  }
}

/** After a frame: writes the state to the hash when it changed (pushState or replaceState). */
function writeHash(el, st) {
  if (el._applyingState) return;
  const s = st.getState(el);
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
function bindUrlState(el, st) {
  if (lastSearch == null) { lastSearch = location.search; window.addEventListener('popstate', onPop); }
  window.addEventListener('popstate', () => {
    if (!el.isConnected || !el.hasAttribute('url-state') || !el._info) return;
    const text = readHash(el);
    if (text === el._urlWritten) return;
    if (text == null) { el._urlWritten = null; return; }
    restoreFromHash(el, st);
  });
}
