// The Rust/JS boundary, in one file: every call into the wasm `Chart` goes through ChartHandle, and
// the item numbering the wasm hands out is read only here. When the Rust API changes (one options
// object for set_options, an item-id scheme), this is the file to edit. The element runs each call
// in its `_call`, which turns what a call throws into an SpcoError with wasmError below.

// A message the element shows as is (a thrown JsError, a trap, a failed fetch).
export class SpcoError extends Error {}

// The wasm module is fetched and instantiated once per page, however many elements there are,
// starting when the script runs. The entry (www/spco-roles.js) owns the glue import and the
// wasm's URL, which are relative to the bundle in pkg/, and hands over the loader.
let loader = null;
let ready = null;
let mod = null;
// The setting attributes' names, asked of wasm once (they are fixed for a module).
let settingNames = null;
export function setWasmLoader(load) { loader = load; }
/** Resolves to the wasm module once it is instantiated. */
export function wasmReady() {
  if (!ready) ready = loader().then((m) => (mod = m));
  return ready;
}

let reinit = null;
export function setWasmReinit(fn) { reinit = fn; }
/**
 * After a trap: a fresh instance of the same module (recovery.js); `old` are the trapped
 * instance's raw Chart objects, which must never reach the new one. wasmReady() resolves anew.
 */
export function wasmRestart(old) {
  ready = reinit(old).then(() => mod);
  return ready;
}

/**
 * What a failed call into wasm throws, as an SpcoError: a JsError's message, or for a trap the
 * Rust panic's (kept by the wasm's panic hook) with `trap` set: that chart must not be used again.
 */
export function wasmError(e, m = mod) {
  if (e instanceof SpcoError) return e;
  let message = e && e.message ? e.message : String(e);
  const trap = e instanceof WebAssembly.RuntimeError;
  let oom = false;
  if (trap) {
    // The trapped instance is only read here (a flag and a string), never used again.
    try { oom = m.out_of_memory(); } catch { /* unreadable: report the trap as it is */ }
    const panic = m?.last_panic?.();
    // A Vec asked for more than wasm32's 2 GiB (isize::MAX) panics "capacity overflow" before
    // the allocator is asked: that too is a file too big for memory.
    if (panic && panic.includes('capacity overflow')) oom = true;
    message = panic ? `internal error: ${panic}` : `internal error: ${message}`;
  }
  // `oom`: the allocator found no memory (src/wasm/alloc.rs); the element words that itself.
  return Object.assign(new SpcoError(message), { trap, oom });
}

// Item numbers (what `hit`, `nextItem` and friends hand out) are wasm's: it alone knows how they
// are made (session::item), and these ask it.
/** The role an item stands for, or 0 when it is not a role (another node, a button, nothing). */
export function roleOf(item) { return item ? mod.item_role(item) : 0; }
/** The item number of a role (the same in both charts), for linking elements. */
export function roleItem(role) { return role ? mod.role_item(role) : 0; }
/** Whether an item is an expand/collapse button rather than something one selects. */
export function isToggle(item) { return !!item && mod.item_is_toggle(item); }

export class ChartHandle {
  /** A chart drawing into `canvas`, once wasmReady() resolved. */
  /** `m`: the on-demand module (more.js) instead of the start module. */
  constructor(canvas, reducedMotion, m = mod) {
    /** The raw wasm-bindgen Chart (the benchmarks time it directly). */
    this.wasm = new m.Chart(canvas);
    /** The module the chart lives in (its trap's message is read there). */
    this.mod = m;
    this.more = m !== mod;
    this.wasm.set_reduced_motion(reducedMotion);
  }

  free() { this.wasm.free(); }

  // ---- data and settings ----
  /** 'nl' or 'en' for the messages of the next `load` (settings come after it). */
  setLang(lang) { return this.wasm.set_lang(lang); }
  prepare() { this.wasm.prepare(); }
  load(bytes, format, name) { return this.wasm.load(bytes, format, name); }
  /** A worker's import (import::encode) at once: read back, counted and shown. */
  loadEncoded(bytes) { this.stageEncoded(bytes); this.loadStaged(2 ** 31); }
  /** The same in steps (tasks of a big import): read back, then counted a slice per call and shown
   * (true) once all are counted. */
  stageEncoded(bytes) { this.wasm.stage_encoded(bytes); }
  loadStaged(maxRows) { return this.wasm.load_staged(maxRows); }
  info() { return this.wasm.info(); }
  stats() { return this.wasm.stats(); }
  comparison() { return this.wasm.comparison(); }
  layout() { return this.wasm.layout(); }
  /**
   * Applies the element's settings: `value(name)` gives each setting attribute's value (null when
   * absent). Which attributes are settings is wasm's list, so no name is kept here.
   */
  setSettings(value) {
    const o = {};
    for (const name of (settingNames ??= mod.settings_attributes().split(" "))) o[name] = value(name);
    return this.wasm.set_settings(o);
  }

  // ---- size, drawing ----
  resize(w, h, dpr) { return this.wasm.resize(w, h, dpr); }
  /** Where the element is shown: its height on screen (page CSS px) and in its own CSS px, the
   * viewport's width and height, and the user's font size / 16 px. */
  setScreen(onscreen, layout, vw, vh, font) { return this.wasm.set_screen(onscreen, layout, vw, vh, font); }
  /** The current view as an SVG document (string). */
  /** Draws a frame; true while an animated transition wants another. */
  draw(now) { return this.wasm.draw(now); }
  /** Whether the last frame had no room for a plot. */
  tooSmall() { return this.wasm.too_small(); }
  /** [x0, x1, y0, y1] of the current view. */
  viewRanges() { return this.wasm.view_ranges(); }
  /** The hierarchy's zoom and collapsed nodes, for the SVG export module. */
  hierState() { return this.wasm.hier_state(); }
  /** The chart's text scale now (the `text-scale` setting resolved for the size and screen). */
  textScale() { return this.wasm.text_scale(); }
  summaryText() { return this.wasm.summary_text(); }
  /** Changes of data, settings, selection or collapsed nodes so far (not of the view). */
  revision() { return this.wasm.revision(); }
  /** The data table of what is shown: { caption, head, rows: [{ item, cells, selected, expanded, toggle }] }. */
  table() { return this.wasm.table(); }

  // ---- view ----
  /** Shows a zoom (a button); the element's own zoom stays where resetZoom returns. */
  setZoom(zoom) { return this.wasm.set_zoom(zoom); }
  /** The element's `zoom` attribute: shown now, and where resetZoom returns. */
  setHomeZoom(zoom) { return this.wasm.set_home_zoom(zoom); }
  /** Back to the element's own zoom (the `0` key, double-click). */
  resetZoom() { return this.wasm.reset_zoom(); }
  zoomAt(x, y, factor) { return this.wasm.zoom_at(x, y, factor); }
  pan(dx, dy) { return this.wasm.pan(dx, dy); }
  boxZoom(x0, y0, x1, y1) { return this.wasm.box_zoom(x0, y0, x1, y1); }
  /** Hierarchy: the zoom path's labels, root first. */
  breadcrumb() { return this.wasm.breadcrumb(); }
  zoomOutTo(depth) { return this.wasm.zoom_out_to(depth); }
  /** Hierarchy: one step back out; false when there was nothing to leave. */
  escape() { return this.wasm.escape(); }

  // ---- items (numbers from wasm; see roleOf) ----
  /** The item under a point, 0 for none. */
  hit(x, y) { return this.wasm.hit(x, y); }
  /** The next item in reading order from `item` (0: the first), `dir` 1 or -1; 0 past the end. */
  nextItem(item, dir) { return this.wasm.next_item(item, dir); }
  /** The visible item nearest to `item` towards `dir` (0 left, 1 right, 2 up, 3 down); 0 for none. */
  neighbour(item, dir) { return this.wasm.neighbour(item, dir); }
  /** [x, y] of an item in CSS pixels, empty when it is not drawn. */
  itemPosition(item) { return this.wasm.item_position(item); }
  /** { title, text, rows, note } for an item, or null. */
  tooltip(item) { return this.wasm.tooltip(item); }
  /** A click or Enter on an item; true when the view changed (a hierarchy zoom or toggle). */
  activate(item) { return this.wasm.activate(item); }
  setSelected(item) { return this.wasm.set_selected(item); }
  setHighlight(item) { return this.wasm.set_highlight(item); }
}
