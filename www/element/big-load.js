// Big data (BIG bytes and more, loader.js) in a worker with its own wasm instance
// (www/spco-roles-worker.js), which sends back the compact encoding that the element's instance
// reads back (Chart.stage_encoded, import::encode), so no main-thread task grows with the file.
// In the lazy chunk (later.js): a page that shows small files never downloads it. It imports
// nothing of the start bundle (that would make a third, shared chunk); loader.js hands over what
// it needs as `d`: { setSource, sourceShown, finish, maxSize, tooBig, bytesOf, SpcoError, workerUrl }.

// Yields to the page (input, frames) between slices of work; a MessageChannel is not clamped to
// 4 ms as nested timers are.
function pause() {
  return new Promise((ok) => { const c = new MessageChannel(); c.port1.onmessage = () => ok(); c.port2.postMessage(0); });
}

const cancelled = () => new DOMException('cancelled', 'AbortError');

const SLICE = 1 << 20;
/** Respondents counted per task after a big import's read-back: 5-14 ms on the code's first run. */
const COUNT_ROWS = 25_000;

// Big data as UTF-8 chunks made a slice per task: one TextEncoder call (or copy) over 29 MB blocks
// the page for hundreds of ms, and so does posting one big string to a worker (it is copied);
// chunks are transferred, not copied.
async function toChunks(el, data, signal, d) {
  const max = d.maxSize(el);
  const chunks = [];
  let total = 0;
  if (typeof data === 'string') {
    const enc = new TextEncoder();
    for (let i = 0; i < data.length;) {
      let j = Math.min(data.length, i + SLICE);
      // Never split a surrogate pair between two chunks.
      if (j < data.length && (data.charCodeAt(j - 1) & 0xfc00) === 0xd800) j--;
      const c = enc.encode(data.slice(i, j));
      total += c.length;
      if (total > max) throw d.tooBig(el, total, true);
      chunks.push(c);
      i = j;
      await pause();
      if (signal.aborted) throw cancelled();
    }
  } else {
    const src = d.bytesOf(data);
    for (let i = 0; i < src.length; i += 4 * SLICE) {
      chunks.push(src.slice(i, i + 4 * SLICE));
      await pause();
      if (signal.aborted) throw cancelled();
    }
  }
  return chunks;
}

/**
 * Imports big data through a worker. `data` is setData's string or bytes, a download's chunks
 * (an array), or `{ url, size }`: a file the worker downloads itself, so its 64 KB chunks are
 * never read on the page (read there, hundreds of them came in one task when the page was busy).
 * The source (the worker hands the joined bytes back) is recorded only once the import
 * succeeded, so a cancelled or failed load leaves the previous data and its link as they were.
 * Each main-thread step is its own task.
 */
export async function importBig(el, seq, data, name, href, format, ctl, d) {
  const src = data.url || Array.isArray(data) ? data : await toChunks(el, data, ctl.signal, d);
  const { encoded, bytes, blob } = await importInWorker(el, src, format || el.getAttribute('format') || 'auto', name, ctl, d);
  if (seq !== el._loadSeq || !el._handle) return;
  el._call(() => el._handle.stageEncoded(encoded));
  // The groups' answer counts, a slice of respondents per task (stats/group_hist.rs): the
  // statistics that follow sum them instead of passing over every respondent.
  do {
    await pause();
    if (seq !== el._loadSeq || !el._handle) return;
  } while (!el._call(() => el._handle.loadStaged(COUNT_ROWS)));
  d.setSource(el, bytes, name, href, format, blob);
  // What recovery.js reloads after a trap: the compact form, not a second parse.
  el._source.encoded = encoded;
  el._dataName = name;
  await pause();
  if (seq !== el._loadSeq || !el._handle) return;
  d.finish(el, ctl, true);
  d.sourceShown(el);
  // What follows a load, a task each: every step goes over all respondents once (the groups' n,
  // the statistics of the selection), and together they would block a frame.
  el._info = el._call(() => el._handle.info());
  await pause();
  if (seq !== el._loadSeq || !el._handle) return;
  el._afterLoad(el._info, false);
  // The first layout of the new data (the key's labels, the whiskers of every role) as a task of
  // its own, before the frame that draws it.
  if (el._raf) { cancelAnimationFrame(el._raf); el._raf = 0; }
  await pause();
  if (seq !== el._loadSeq || !el._handle) return;
  el._safe(() => el._handle.prepare());
  el._invalidate();
}

// One import in a fresh worker, terminated when it answers (or on cancel), so the memory its
// instance grew to goes back to the browser. A download by the worker reports its bytes as they
// come (`loaded`), and one over the limit stops there (`big`). `src` is chunks or { url, size }.
function importInWorker(el, src, format, name, ctl, d) {
  const { url } = src;
  const size = url ? src.size : src.reduce((n, c) => n + c.length, 0);
  return new Promise((resolve, reject) => {
    if (ctl.signal.aborted) { reject(cancelled()); return; }
    const w = new Worker(d.workerUrl, { type: 'module' });
    const end = () => { w.terminate(); ctl.signal.removeEventListener('abort', onAbort); };
    const onAbort = () => { end(); reject(cancelled()); };
    ctl.signal.addEventListener('abort', onAbort);
    w.onmessage = ({ data }) => {
      if (data.encoded) { end(); resolve(data); return; }
      if (data.error != null) {
        end();
        reject(data.big ? d.tooBig(el, data.big, true) : Object.assign(new d.SpcoError(data.error), { oom: data.oom }));
        return;
      }
      if (data.loaded != null) ctl.progress.bytes(data.loaded, size);
      if (data.rows != null) ctl.progress.rows(data.rows, data.parsed, size);
    };
    w.onerror = (e) => { end(); reject(new d.SpcoError(e.message || 'the import worker could not start')); };
    const lang = el._lang;
    // Chunks are transferred, not copied; the worker hands the joined bytes back for the element
    // to keep.
    if (url) w.postMessage({ url, max: d.maxSize(el), format, name, lang });
    else w.postMessage({ chunks: src, size, format, name, lang }, [...new Set(src.map((c) => c.buffer))]);
  });
}
