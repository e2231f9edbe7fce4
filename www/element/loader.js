// Loading data into an element: the size limit (`max-size`), the streamed download with its byte
// count, and where the parse runs. Data under BIG bytes is parsed on the main thread (one short
// call, cheaper than starting a worker); bigger data is parsed in a worker with its own wasm
// instance (big-load.js, in the lazy chunk), so no main-thread task grows with the file.
// A progress bar with Cancel (progress.js) shows loads that take longer than a moment; a
// cancelled or failed load leaves the previous data shown.

import { SpcoError } from './chart-handle.js';
import { setSource, sourceShown, safeUrl, urlName, clearSource } from './data-source.js';
import { setMessage } from './overlays.js';
import { startProgress } from './progress.js';
import { later } from './lazy.js';

/** From this size (bytes) on, data is parsed in a worker. */
export const BIG = 1_000_000;
/** The default of `max-size`: 64 MB. */
export const DEFAULT_MAX = 64_000_000;

let workerUrl = null;
/** The worker script's URL (the entry knows where pkg/ is). */
export function setWorkerUrl(url) { workerUrl = url; }

const UNITS = { '': 1, b: 1, kb: 1e3, k: 1e3, mb: 1e6, m: 1e6, gb: 1e9, g: 1e9 };

/** The element's size limit in bytes: `max-size` as bytes or with a unit (`64MB`, `500 kB`); the default when absent or unreadable. */
export function maxSize(el) {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(el.getAttribute('max-size') ?? '');
  const unit = m && UNITS[m[2].toLowerCase()];
  return m && unit ? Math.floor(Number(m[1]) * unit) : DEFAULT_MAX;
}

const mb = (el, n) => `${(n / 1e6).toLocaleString(el.lang === 'nl' ? 'nl-BE' : 'en', { maximumFractionDigits: 1 })} MB`;

function tooBig(el, size, atLeast = false) {
  const text = el._t(atLeast ? 'tooBigAtLeast' : 'tooBig');
  return new SpcoError(text.replace('{size}', mb(el, size)).replace('{max}', mb(el, maxSize(el))));
}

const isAbort = (e) => e && e.name === 'AbortError';

// One load at a time per element: a new one (or Cancel) ends the previous one's worker, fetch and bar.
function begin(el) {
  el._loading?.abort();
  const ctl = new AbortController();
  const progress = startProgress(el, () => cancel(el, ctl));
  ctl.signal.addEventListener('abort', () => progress.end(false));
  el._loading = ctl;
  ctl.progress = progress;
  return ctl;
}

// Cancel: the worker is terminated and the fetch aborted (their listeners on the signal), and the
// element goes back to what it showed before (its data, or nothing loaded yet).
function cancel(el, ctl) {
  if (el._loading !== ctl) return;
  el._loadSeq++;
  ctl.abort();
  el._loading = null;
  setMessage(el, el._info ? null : el._t('loading'));
}

function finish(el, ctl, ok) {
  if (el._loading === ctl) el._loading = null;
  ctl.progress.end(ok);
}

// Big data: big-load.js, fetched with the lazy chunk, given what it needs of this bundle.
const importBig = (el, ...a) => later().then((m) => m.importBig(el, ...a,
  { setSource, sourceShown, finish, maxSize, tooBig, bytesOf, SpcoError, workerUrl }));

/** setData(): the size check comes before any copy; small data is imported at once. */
export async function loadData(el, seq, data, format, name) {
  // A string of n UTF-16 units is at least n bytes of UTF-8, so the length alone can refuse it.
  const size = typeof data === 'string' ? data.length : data.byteLength;
  if (size > maxSize(el)) throw tooBig(el, size);
  if (size < BIG) {
    // A copy: the caller may reuse its buffer.
    const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : bytesOf(data).slice();
    if (bytes.length > maxSize(el)) throw tooBig(el, bytes.length);
    await importSmall(el, bytes, name, null, format);
    return;
  }
  const ctl = begin(el);
  try {
    await importBig(el, seq, data, name, null, format, ctl);
  } catch (e) {
    finish(el, ctl, false);
    if (!isAbort(e)) throw e;
  }
}

const bytesOf = (data) => (ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data));

function join(chunks, length) {
  if (chunks.length === 1) return chunks[0];
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) { bytes.set(c, at); at += c.length; }
  return bytes;
}

/** `src`: a streamed download (its bytes counted against the limit as they come), then the import. */
export async function loadUrl(el, src) {
  const seq = ++el._loadSeq;
  // Only http(s), relative, blob: and data: URLs are fetched (data-source.js); anything else is
  // an error, and no link is made from it.
  const url = safeUrl(src);
  if (!url) { clearSource(el); el._fail(new SpcoError(el._t('unsafeSrc'))); return; }
  if (!el._info) setMessage(el, el._t('loading'));
  const ctl = begin(el);
  try {
    // The body is read while the wasm module instantiates, not after: read once the handle was
    // made, a first chart's 9 KB came ~6 ms later (the read waits on tasks of its own).
    const body = fetch(url.href, { signal: ctl.signal }).then((resp) => {
      if (!resp.ok) throw new SpcoError(`${src}: ${resp.status} ${resp.statusText || 'could not be loaded'}`);
      // A big file of known size over http(s) is downloaded again by the worker, which reads it
      // off the page; this response stops at its headers.
      const size = Number(resp.headers.get('Content-Length'));
      if (size >= BIG && size <= maxSize(el) && /^http/.test(url.protocol)) {
        resp.body?.cancel().catch(() => {});
        return { size };
      }
      return readBody(el, resp, ctl);
    });
    const [{ size, chunks, length }] = await Promise.all([body, el._ensureHandle()]);
    if (size) return await importBig(el, seq, { url: url.href, size }, urlName(url), url.href, null, ctl);
    if (seq !== el._loadSeq || !el._handle) return;
    if (length < BIG) {
      finish(el, ctl, true);
      await importSmall(el, join(chunks, length), urlName(url), url.href, null);
    } else {
      await importBig(el, seq, chunks, urlName(url), url.href, null, ctl);
    }
  } catch (e) {
    finish(el, ctl, false);
    if (seq === el._loadSeq && !isAbort(e)) el._fail(e instanceof TypeError ? new SpcoError(`${src}: ${e.message}`) : e);
  }
}

// The body in chunks, counted: over the limit it stops at once (by Content-Length before the
// first byte, else as soon as the count passes it), and each chunk only moves the bar.
async function readBody(el, resp, ctl) {
  const max = maxSize(el);
  const declared = Number(resp.headers.get('Content-Length')) || 0;
  if (declared > max) { ctl.abort(); throw tooBig(el, declared); }
  if (!resp.body) { const b = new Uint8Array(await resp.arrayBuffer()); return { chunks: [b], length: b.length }; }
  const reader = resp.body.getReader();
  const chunks = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    loaded += value.length;
    if (loaded > max) { ctl.abort(); throw tooBig(el, loaded, true); }
    chunks.push(value);
    ctl.progress.bytes(loaded, declared);
  }
  return { chunks, length: loaded };
}

// Small data: parsed on the main thread at once. Throws what the import throws; a promise when
// the on-demand module imports it (element.js `_import`).
function importSmall(el, bytes, name, href, format) {
  el._loading?.abort();
  setSource(el, bytes, name, href, format);
  return el._import();
}

/** A new `format` for the kept data: read again (through the worker when big). */
export async function reimport(el) {
  const s = el._source;
  if (!s || !el._handle) return;
  s.format = null;
  if (s.bytes.length < BIG) {
    try { await importSmall(el, s.bytes, s.name, s.href, null); } catch (e) { el._fail(e); }
    return;
  }
  const seq = ++el._loadSeq;
  const ctl = begin(el);
  try {
    await importBig(el, seq, s.bytes, s.name, s.href, null, ctl);
  } catch (e) {
    finish(el, ctl, false);
    if (!isAbort(e) && seq === el._loadSeq) el._fail(e);
  }
}

