// Loading data into an element: the size limit (`max-size`), the streamed download with its byte
// count, and where the parse runs. Data under BIG bytes is parsed on the main thread (one short
// call, cheaper than starting a worker); bigger data is parsed in a worker with its own wasm
// instance (www/spco-roles-worker.js), which sends back the compact encoding that the element's
// instance reads with load_encoded (import::encode), so no main-thread task grows with the file.
// A progress bar with Cancel (progress.js) shows loads that take longer than a moment; a
// cancelled or failed load leaves the previous data shown.

import { SpcoError } from './chart-handle.js';
import { setSource, sourceShown, safeUrl, urlName, clearSource } from './data-source.js';
import { setMessage } from './overlays.js';
import { startProgress } from './progress.js';

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

function cancelled() { return new DOMException('cancelled', 'AbortError'); }
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

/** setData(): the size check comes before any copy; small data is imported at once. */
export async function loadData(el, seq, data, format, name) {
  // A string of n UTF-16 units is at least n bytes of UTF-8, so the length alone can refuse it.
  const size = typeof data === 'string' ? data.length : data.byteLength;
  if (size > maxSize(el)) throw tooBig(el, size);
  // A copy: the caller may reuse its buffer.
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : new Uint8Array(data).slice();
  if (bytes.length > maxSize(el)) throw tooBig(el, bytes.length);
  await importBytes(el, seq, bytes, name, null, format);
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
    const [resp] = await Promise.all([fetch(url.href, { signal: ctl.signal }), el._ensureHandle()]);
    if (!resp.ok) throw new SpcoError(`${src}: ${resp.status} ${resp.statusText || 'could not be loaded'}`);
    const bytes = await readBody(el, resp, ctl);
    if (seq !== el._loadSeq || !el._handle) return;
    await importBytes(el, seq, bytes, urlName(url), url.href, null, ctl);
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
  if (!resp.body) return new Uint8Array(await resp.arrayBuffer());
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
  if (chunks.length === 1) return chunks[0];
  const bytes = new Uint8Array(loaded);
  let at = 0;
  for (const c of chunks) { bytes.set(c, at); at += c.length; }
  return bytes;
}

/**
 * Imports `bytes` (named `name`, from `href` or setData) into `el` and shows them; small data on
 * the main thread, big data through a worker. The source is recorded only once the import
 * succeeded, so a cancelled or failed big load leaves the previous data (and its link) as they were.
 */
export async function importBytes(el, seq, bytes, name, href, format, ctl = null) {
  if (bytes.length < BIG) {
    if (ctl) finish(el, ctl, true); else el._loading?.abort();
    setSource(el, bytes, name, href, format);
    el._import();
    return;
  }
  ctl ??= begin(el);
  try {
    const encoded = await importInWorker(bytes, format || el.getAttribute('format') || 'auto', name, ctl);
    if (seq !== el._loadSeq || !el._handle) return;
    el._call(() => el._handle.loadEncoded(encoded));
    finish(el, ctl, true);
    setSource(el, bytes, name, href, format);
    // What recovery.js reloads after a trap: the compact form, not a second parse.
    el._source.encoded = encoded;
    el._dataName = name;
    sourceShown(el);
    el._afterLoad();
  } catch (e) {
    finish(el, ctl, false);
    if (!isAbort(e)) throw e;
  }
}

/** A new `format` for the kept data: read again (through the worker when big). */
export function reimport(el) {
  const s = el._source;
  if (!s || !el._handle) return;
  s.format = null;
  importBytes(el, el._loadSeq, s.bytes, s.name, s.href, null).catch((e) => el._fail(e));
}

// One import in a fresh worker, terminated when it answers (or on cancel), so the memory its
// instance grew to goes back to the browser.
function importInWorker(bytes, format, name, ctl) {
  return new Promise((resolve, reject) => {
    if (ctl.signal.aborted) { reject(cancelled()); return; }
    const w = new Worker(workerUrl, { type: 'module' });
    const end = () => { w.terminate(); ctl.signal.removeEventListener('abort', onAbort); };
    const onAbort = () => { end(); reject(cancelled()); };
    ctl.signal.addEventListener('abort', onAbort);
    w.onmessage = ({ data }) => {
      if (data.encoded) { end(); resolve(data.encoded); return; }
      if (data.error != null) { end(); reject(Object.assign(new SpcoError(data.error), { oom: data.oom })); return; }
      if (data.rows != null) ctl.progress.rows(data.rows, data.parsed, bytes.length);
    };
    w.onerror = (e) => { end(); reject(new SpcoError(e.message || 'the import worker could not start')); };
    // Copied to the worker (structured clone): the element keeps its own bytes for a re-import.
    w.postMessage({ bytes, format, name });
  });
}
