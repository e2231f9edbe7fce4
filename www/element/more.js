// The on-demand wasm module (spco-roles-more.<hash>.js/.wasm, scripts/build.sh): the same Rust
// built with the JSON and Qualtrics importers, the words of import errors and the SVG writer,
// which a page showing a CSV file never needs. The start module answers MORE for a format or an
// import error it cannot handle; the element then imports here and hands the compact encoding to
// its own instance (as from the worker). It also has the group comparison (`compare`), which the
// start module refuses with MORE: the element's chart then moves here (moveToMore). Fetched once
// per page, on first need.

/** What the start module says instead (src/import/error.rs, `MORE`). */
export const MORE = '\u0001more';

let more = null;
/** Resolves to the initialised on-demand glue module. */
export function loadMore() {
  if (!more) {
    more = import(new URL('./__SPCO_MORE_JS__', import.meta.url).href).then(async (m) => {
      await m.default({ module_or_path: new URL('./__SPCO_MORE_WASM__', import.meta.url) });
      return m;
    });
    more.catch(() => { more = null; });
  }
  return more;
}

/**
 * After a trap in the on-demand module (recovery.js): a fresh instance of it (the glue's
 * __spco_reinit, www/glue-reinit.js); `old` are the trapped instance's raw Chart objects.
 * loadMore() resolves to the module again once the new instance is ready.
 */
export function restartMore(old) {
  const m = more;
  more = m.then((g) => g.__spco_reinit(old).then(() => g));
  more.catch(() => { more = null; });
  return more;
}

/** The source `s` imported by the on-demand module, as the compact encoding (ChartHandle.loadEncoded). */
export async function importInMore(el, s) {
  const m = await loadMore();
  return m.import_encoded(s.bytes, s.format || el.getAttribute('format') || 'auto', s.name, el._lang);
}

/**
 * `compare` (the start module answered MORE): the element's chart moves to the on-demand
 * module for good: a new Chart there on the same canvas (`makeHandle(module)`), the same data (the
 * compact form when there is one, else the kept bytes), then size, settings, zoom and selection
 * as after any load. Failures show in the element.
 */
export function moveToMore(el, makeHandle) {
  el._moving ??= (async () => {
    const m = await loadMore();
    const old = el._handle;
    if (!old || old.more) return;
    const h = makeHandle(m);
    const s = el._source;
    try {
      if (s?.encoded) h.loadEncoded(s.encoded);
      else if (s) { h.setLang(el._lang); h.load(s.bytes, s.format || el.getAttribute('format') || 'auto', s.name); }
    } catch (e) { h.free(); throw e; }
    el._handle = h;
    old.free();
    el._measure(true);
    if (el._info) el._afterLoad();
    if (el._selected) el._select(el._selected, false);
  })().catch((e) => el._fail(e)).finally(() => { el._moving = null; });
  return el._moving;
}
