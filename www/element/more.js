// The on-demand wasm module (spco-roles-more.<hash>.js/.wasm, scripts/build.sh): the same Rust
// built with the JSON and Qualtrics importers, the words of import errors and the SVG writer,
// which a page showing a CSV file never needs. The start module answers MORE for a format or an
// import error it cannot handle; the element then imports here and hands the compact encoding to
// its own instance (as from the worker). Fetched once per page, on first need.

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

/** The source `s` imported by the on-demand module, as the compact encoding (load_encoded). */
export async function importInMore(el, s) {
  const m = await loadMore();
  return m.import_encoded(s.bytes, s.format || el.getAttribute('format') || 'auto', s.name, el._lang);
}
