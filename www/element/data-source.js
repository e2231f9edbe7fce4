// Where the shown data came from: which `src` values may be fetched at all, the bytes kept for a
// re-import (a new `format`), and the controls' "Data" link, which always names the data shown:
// the `src` file, or for data given to setData() a blob of exactly those bytes (or nothing).
// A link is only ever built from a URL that passed safeUrl, never from the attribute's text.

const SAFE_SCHEMES = new Set(['http:', 'https:', 'blob:', 'data:']);

/**
 * `src` as an absolute URL when the element may fetch and link it: http(s), blob:, data:, or a
 * relative reference (resolved against the page). null for anything else (javascript:,
 * vbscript:, file:, ...). The URL parser decides what the scheme is, as the browser would (it
 * drops tabs and newlines, so `java\tscript:` is javascript:).
 */
export function safeUrl(src) {
  let abs;
  try { abs = new URL(src, document.baseURI); } catch { return null; }
  if (SAFE_SCHEMES.has(abs.protocol)) return abs;
  // A relative reference takes the page's own scheme (file: for a page opened from disk): the
  // page's choice, not the attribute's.
  try { new URL(src); return null; } catch { return abs; }
}

/** The file name a URL's data is known by (messages, the PNG footer, the download). */
export function urlName(url) {
  if (url.protocol === 'data:' || url.protocol === 'blob:') return 'data';
  const last = url.pathname.split('/').pop() || 'data';
  try { return decodeURIComponent(last); } catch { return last; }
}

/**
 * Records what the element is about to import: `bytes` named `name`, from the URL `href` (a
 * safeUrl) or, without one, from setData (`format`: the one setData was given, if any; `blob`:
 * a Blob of the same bytes, when a worker made one). Replacing a source frees the previous one's
 * blob link.
 */
export function setSource(el, bytes, name, href = null, format = null, blob = null) {
  clearSource(el);
  el._source = { bytes, name, href, format, blob, blobUrl: null, shown: false };
  renderDataLink(el);
}

/** Forgets the source (and its link): nothing trustworthy is shown. */
export function clearSource(el) {
  if (el._source?.blobUrl) URL.revokeObjectURL(el._source.blobUrl);
  el._source = null;
  renderDataLink(el);
}

/** Marks the recorded source as the one on screen (its import succeeded): it may be linked now. */
export function sourceShown(el) {
  if (el._source) el._source.shown = true;
  renderDataLink(el);
}

/** Brings the controls' data link in step with the source on screen (hidden when there is none). */
export function renderDataLink(el) {
  const a = el._el.dl;
  const s = el._source;
  if (!s || !s.shown) {
    a.hidden = true;
    a.removeAttribute('href');
    return;
  }
  // A big import's blob was made by its worker (a Blob of these bytes made here is a copy).
  if (!s.href && !s.blobUrl) s.blobUrl = URL.createObjectURL(s.blob ?? new Blob([s.bytes], { type: 'application/octet-stream' }));
  a.href = s.href ?? s.blobUrl;
  a.download = s.name || 'data';
  a.hidden = false;
}
