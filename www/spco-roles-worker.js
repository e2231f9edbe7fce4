// The worker that imports big files (www/element/loader.js): its own wasm instance parses the
// bytes and hands back the compact encoding (import::encode), which the element's instance reads
// with Chart.stage_encoded. The page terminates the worker after one import, so the memory the
// parse needed is returned to the browser (wasm memory never shrinks). Bundled with the glue into
// pkg/spco-roles-worker.js, a same-origin module script: a strict CSP's script-src 'self' covers it.

// The on-demand module's glue and wasm (scripts/build.sh): a big file may be JSON or Qualtrics,
// and its errors are worded there.
import initWasm, { import_encoded, last_panic, out_of_memory } from './spco_roles_more.js';

const ready = initWasm({ module_or_path: new URL('./__SPCO_MORE_WASM__', import.meta.url) });

// A file of `url` downloaded here, so that its chunks are never read on the page: the bytes so
// far are posted at most every 50 ms (`loaded`), and past `max` the download stops (`big`).
async function download({ url, max }) {
  let resp;
  try { resp = await fetch(url); } catch (e) { throw new Error(`${url}: ${e.message}`); }
  if (!resp.ok) throw new Error(`${url}: ${resp.status} ${resp.statusText || 'could not be loaded'}`);
  const chunks = [];
  let size = 0, shown = 0;
  for (const reader = resp.body.getReader(); ;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > max) { reader.cancel(); throw Object.assign(new Error(''), { big: size }); }
    chunks.push(value);
    if (performance.now() - shown > 50) { shown = performance.now(); self.postMessage({ loaded: size }); }
  }
  self.postMessage({ loaded: size });
  return { chunks, size };
}

self.onmessage = async ({ data }) => {
  try {
    const [{ chunks, size }] = await Promise.all([data.url ? download(data) : data, ready]);
    self.postMessage({ parsing: true });
    // The chunks, joined here rather than on the page.
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const c of chunks) { bytes.set(c, at); at += c.length; }
    // Records and bytes read, every 8192 records (src/import/text.rs), for the page's bar.
    const encoded = import_encoded(bytes, data.format, data.name, data.lang, (rows, parsed) => self.postMessage({ rows, parsed }));
    // The controls' data link offers exactly these bytes as a blob: made here, since a Blob of
    // 29 MB made on the page is a copy in one task of ~50 ms. A Blob is posted by reference.
    const blob = new Blob([bytes], { type: 'application/octet-stream' });
    self.postMessage({ encoded, bytes, blob }, [encoded.buffer, bytes.buffer]);
  } catch (e) {
    const trap = e instanceof WebAssembly.RuntimeError;
    let oom = false, message = e && e.message ? e.message : String(e);
    if (trap) {
      try { oom = out_of_memory(); message = `internal error: ${last_panic() || message}`; } catch { /* gone */ }
    }
    self.postMessage({ error: message, oom, trap, big: e.big });
  }
};
