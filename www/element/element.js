// <spco-roles>: the embeddable element. A thin wrapper: it owns the DOM (canvas, tooltip, controls,
// messages) and forwards pointer, wheel, key and size changes to one wasm chart per element as small
// values. All data, statistics, geometry and drawing live in wasm. Text from data files only ever
// reaches the DOM through textContent.
//
// This file holds the public API, the lifecycle and attributes, loading, sizing and drawing, and
// selection; input.js, controls.js, overlays.js, linking.js and export.js do the rest with the
// element passed in, and chart-handle.js is the only door into wasm.
// About 430 lines: the custom element's class must hold its public API and lifecycle callbacks
// itself; what could leave it (export, print, URL state, input) has.

import { ChartHandle, SpcoError, wasmReady, wasmError, roleOf, roleItem, isToggle } from './chart-handle.js';
import { MORE, importInMore, loadMore, moveToMore } from './more.js';
import { buildShadow } from './shadow.js';
import { uiText } from './ui-text.js';
import { bindInput } from './input.js';
import { bindControls, applyControlLabels, renderControls, renderBadge, renderCrumbs } from './controls.js';
import { setMessage } from './overlays.js';
import { joinLink, leaveLink, forLinked, broadcastGroup } from './linking.js';
import { later } from './lazy.js';
import { ATTRIBUTES, defineAttributeProperties } from './properties.js';
import { safeUrl, urlName, setSource, clearSource, sourceShown } from './data-source.js';
import { bindA11y, scheduleA11y, a11yDue, noteView, noteGroup } from './a11y.js';
import { effectiveLang, watchLang, unwatchLang } from './lang.js';
import { loadData, loadUrl, reimport } from './loader.js';
import { track, untrack, recoverAfterTrap } from './recovery.js';
import { bindAdaptive, renderKey } from './adaptive.js';
import { themeValue, watchTheme } from './theme.js';
import { bindPrint, PRINT } from './print.js';

// Each with a reflecting property (properties.js).
const ATTRS = ATTRIBUTES.map(([name]) => name);

import { applySize, watchScreen, screenFacts } from './sizing.js';
import { bindPresenter, presenterChanged } from './presenter.js';
import { csvExport, copyImage, footerLines } from './exports.js';
import { getState, setState } from './url-state.js';

export class SpcoRolesElement extends HTMLElement {
  static get observedAttributes() { return ATTRS; }

  constructor() {
    super();
    this._handle = null;
    this._raf = 0;
    this._dirty = false;
    this._size = null;
    this._pointers = new Map();
    this._loadSeq = 0;
    this._info = null;
    // From the first connect until the chart is freed: the element has read its attributes and
    // owns (or is making) a chart, so a move within the page keeps it.
    this._started = false;
    this._el = buildShadow(this.attachShadow({ mode: 'open' }));
    bindInput(this);
    bindControls(this);
    bindA11y(this);
    bindPresenter(this);
    bindAdaptive(this);
    watchTheme(this);
    bindPrint(this);
  }

  // ---- public API -------------------------------------------------------------------------

  /**
   * Loads data from text or bytes (any import format; `format` defaults to the `format` attribute,
   * else auto-detection). The data is kept: a later `format` reads it again, and the controls'
   * data link offers exactly it.
   */
  async setData(text, format = null, name = null) {
    const seq = ++this._loadSeq;
    try {
      await this._ensureHandle();
      if (seq !== this._loadSeq || !this._handle) return;
      await loadData(this, seq, text, format, name ?? 'data');
    } catch (e) {
      this._fail(e);
    }
  }

  /** The current statistics, as plain objects (see README: "The statistics JSON"). */
  get stats() {
    if (!this._handle) return null;
    return this._call(() => this._handle.stats()) ?? null;
  }

  /** With `compare`: both groups' figures, the differences B − A and their 95% intervals. */
  get comparison() {
    if (!this._handle) return null;
    return this._call(() => this._handle.comparison()) ?? null;
  }

  /** Geometry of the last drawn frame in CSS pixels (plot rect, visible points, placed labels, view). */
  get layout() {
    if (!this._handle) return null;
    return this._call(() => this._handle.layout()) ?? null;
  }

  /**
   * The chart as drawn now, as an image (PNG by default) at the device-pixel resolution: for
   * slides and reports. Resolves to null before the first frame.
   */
  toBlob(type = 'image/png') {
    if (this._dirty && this._raf) { cancelAnimationFrame(this._raf); this._frame(); }
    if (!this._handle || !this._info) return Promise.resolve(null);
    return later().then((m) => m.chartImage(this, type, footerLines(this)));
  }

  /** The current view as a standalone SVG document (a string) with the source line; null before data. */
  toSvg() { return later().then((m) => m.svgExport(this, { footerLines, screenFacts, loadMore })); }

  /** The statistics of the current selection as CSV (one row per role), with the source line. */
  toCsv() { return csvExport(this); }

  /** Copies the chart image to the clipboard where the browser allows; resolves to true on success. */
  copyImage() { return copyImage(this); }

  /** The view as a plain object ({ view, zoom, groups, selected }); see url-state.js. */
  get state() { return getState(this); }
  set state(s) { setState(this, s); }

  /** Information about the loaded data: format, groups (with n), exclusions, source kind. */
  get dataInfo() { return this._info; }

  get selectedRole() { return this._selected ?? null; }
  set selectedRole(role) { this._select(role == null ? 0 : Number(role), false); }

  // The attributes' properties (src, view, group, ...) are defined from properties.js's table.

  // ---- lifecycle --------------------------------------------------------------------------

  connectedCallback() {
    this._ro = new ResizeObserver(() => this._measure());
    this._ro.observe(this._el.plot);
    this._ro.observe(this._el.emp);
    this._watchDpr();
    this._unwatchScreen = watchScreen(this);
    joinLink(this, this.getAttribute('link'));
    watchLang(this);
    if (this._started) {
      this._langChanged(); // its new place may speak another language
      // Moved within the page: the chart, its data (from `src` or setData) and its view are
      // still there; it only needs drawing in its new place (the observer measures it).
      this._invalidate();
      return;
    }
    this._started = true;
    setMessage(this, this._t('loading'));
    applyControlLabels(this);
    const src = this.getAttribute('src');
    if (src) this._fetch(src);
    else this._ensureHandle().catch((e) => this._fail(e));
  }

  disconnectedCallback() {
    cancelAnimationFrame(this._raf);
    this._raf = 0;
    this._ro?.disconnect();
    this._unwatchScreen?.();
    this._dprQuery?.removeEventListener('change', this._onDpr);
    leaveLink(this);
    unwatchLang(this);
    this._pointers.clear();
    // Moving the element (appendChild to another parent) disconnects and connects it again within
    // one call: free the chart only if the element is still out of the page once that is done.
    queueMicrotask(() => { if (!this.isConnected) this._release(); });
  }

  // Frees the wasm memory this element owns and forgets its data; a re-connected element starts
  // afresh from its attributes.
  _release() {
    this._loadSeq++;
    this._loading?.abort();
    untrack(this);
    cancelAnimationFrame(this._raf);
    this._raf = 0;
    if (this._handle) { try { this._handle.free(); } catch { /* already trapped */ } }
    this._handle = null;
    this._info = null;
    clearSource(this);
    this._started = false;
  }

  attributeChangedCallback(name, old, value) {
    // Before the first connect (an upgraded or parsed element) the initial attributes are read
    // there; acting here too would fetch the data twice.
    if (old === value || !this._started) return;
    switch (name) {
      case 'src': if (value) this._fetch(value); break;
      case 'format': this._reimport(); break;
      case 'link': leaveLink(this); if (this.isConnected) joinLink(this, value); break;
      case 'controls': renderControls(this); break;
      case 'lang': this._langChanged(); break;
      case 'zoom': this._applyZoom(); break;
      case 'group': this._applyOptions(); noteGroup(this); broadcastGroup(this); break;
      case 'synthetic': renderBadge(this); break;
      case 'source': case 'url-state': break;
      case 'view': this._applyOptions(); this._applyZoom(); renderCrumbs(this); break;
      default: this._applyOptions();
    }
  }

  // ---- wasm handle ------------------------------------------------------------------------

  async _ensureHandle() {
    if (this._handle) return this._handle;
    await wasmReady();
    // A group comparison is drawn by the on-demand module (more.js): a chart asked for one starts there.
    const m = /\S/.test(this.getAttribute('compare') ?? '') ? await loadMore() : undefined;
    if (!this.isConnected || this._handle) return this._handle;
    this._handle = this._call(() => this._newHandle(m));
    track(this);
    this._measure(true);
    return this._handle;
  }

  _newHandle(m) {
    return new ChartHandle(this._el.canvas, matchMedia('(prefers-reduced-motion: reduce)').matches, m);
  }

  // Every call into wasm goes through here (or _safe): a thrown JsError or a trap becomes a
  // message in the element and an `error` event, never an uncaught exception.
  _call(fn) {
    try {
      return fn();
    } catch (e) {
      const err = wasmError(e, this._handle?.mod);
      if (err.trap) {
        // A trapped instance must not be used again: recovery.js starts a fresh one for all.
        recoverAfterTrap(this, this._handle);
        this._handle = null;
      }
      throw err;
    }
  }

  // _call for input and controls: a failure shows in the element and the caller carries on.
  _safe(fn) {
    try { return this._call(fn); } catch (e) { this._fail(e); return undefined; }
  }

  _fail(e) {
    const message = e && e.oom ? this._t('noMemory') : e && e.message ? e.message : String(e);
    setMessage(this, message, true);
    this.dispatchEvent(new CustomEvent('error', { detail: { message }, bubbles: true, composed: true }));
  }

  /** 'nl' or 'en': the language shown (lang.js); `lang` itself reflects the attribute only. */
  get _lang() { return (this._langNow ??= effectiveLang(this)); }

  // A `lang` changed on the element, an ancestor or the document (or the element moved).
  _langChanged() {
    const l = effectiveLang(this);
    if (l === this._langNow) return;
    this._langNow = l;
    applyControlLabels(this);
    this._applyOptions();
  }

  _t(key) { return uiText(this._lang, key); }

  _isSynthetic() { return this.hasAttribute('synthetic') || !!(this._info && this._info.synthetic); }

  // A streamed download with a size limit and progress (loader.js).
  _fetch(src) { return loadUrl(this, src); }

  // Imports the recorded source (data-source.js): with the format setData was given, else the
  // `format` attribute's. Throws what the import throws.
  _import() {
    const s = this._source;
    // Import errors are worded in the page's language: wasm must know it before the import.
    this._call(() => this._handle.setLang(this._lang));
    try {
      this._call(() => this._handle.load(s.bytes, s.format || this.getAttribute('format') || 'auto', s.name));
    } catch (e) {
      if (e.message !== MORE) throw e;
      // JSON, Qualtrics or an import error: read (or worded) by the on-demand module (more.js).
      return importInMore(this, s).then((encoded) => {
        if (this._source !== s || !this._handle) return;
        this._call(() => this._handle.loadEncoded(encoded));
        s.encoded = encoded;
        this._shown(s);
      }, (e) => { throw new SpcoError(e.message); });
    }
    this._shown(s);
  }

  _shown(s) {
    this._dataName = s.name;
    sourceShown(this);
    this._afterLoad();
  }

  // A new `format`: the kept data is read again with it (no new fetch).
  _reimport() {
    reimport(this);
  }

  // `drawNow`: a small load is drawn in its own task (see below); a big one (loader.js) has
  // spent its task on the statistics of every respondent and draws in the next frame.
  _afterLoad(info = null, drawNow = true) {
    this._info = info ?? this._call(() => this._handle.info());
    // `load` follows once this data is drawn (_frame).
    this._fresh = 1;
    setMessage(this, null);
    this._applyOptions(true);
    this._applyZoom();
    renderControls(this);
    renderBadge(this);
    // The new data is drawn now rather than at the next animation frame: the page shows it at
    // the next vsync either way, and waiting for the frame callback lets that vsync pass first.
    if (drawNow && this._dirty && this._raf && this._size) { cancelAnimationFrame(this._raf); this._frame(); }
  }

  _applyOptions(quiet = false) {
    if (!this._handle || !this._info) return;
    try {
      this._call(() => this._handle.setSettings((name) => this._settingValue(name)));
      if (!quiet) setMessage(this, null);
      renderControls(this);
      this._invalidate();
    } catch (e) {
      if (e.message === MORE) moveToMore(this, (m) => this._newHandle(m));
      else this._fail(e);
    }
  }

  // A setting attribute's value as wasm reads it (null: absent).
  _settingValue(name) {
    if (name === 'lang') return this._lang;
    if (name === 'theme') return themeValue(this);
    const v = this.getAttribute(name);
    // A boolean attribute written out as "false" (frameworks do) means off.
    if (name === 'crosshair-follows' && v === 'false') return null;
    return v;
  }

  _applyZoom() {
    if (!this._handle || !this._info) return;
    try {
      this._call(() => this._handle.setHomeZoom(this.zoom));
      this._invalidate(true);
    } catch (e) {
      this._fail(e);
    }
  }

  // ---- sizing and drawing -----------------------------------------------------------------

  _watchDpr() {
    this._onDpr = () => { this._measure(); this._watchDpr(); };
    this._dprQuery?.removeEventListener('change', this._onDpr);
    this._dprQuery = matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
    this._dprQuery.addEventListener('change', this._onDpr, { once: true });
  }

  // Sizing under transforms and resizes is sizing.js's; this hands the result to wasm. True when
  // wasm got a new size.
  _measure(force = false) {
    // While printing, the print copy (print.js) stands for the chart: the print layout's sizes
    // must not resize the live one (print media can switch before the print copy is made).
    if (this._printing || PRINT.matches) return false;
    const changed = applySize(this, force);
    if (!this._handle || (!changed && !force)) return false;
    const { w, h, dpr } = this._size;
    try {
      this._call(() => { this._handle.resize(w, h, dpr); this._handle.setScreen(...screenFacts(this)); });
    } catch (e) { this._fail(e); return false; }
    this._invalidate();
    return true;
  }

  _invalidate(viewChanged = false) {
    this._dirty = true;
    if (viewChanged) this._viewChanged = true;
    if (!this._raf) this._raf = requestAnimationFrame(() => this._frame());
  }

  _frame() {
    this._raf = 0;
    if (!this._dirty || !this._handle || !this._info) return;
    this._dirty = false;
    const keyFitted = a11yDue(this) && this._fitKey();
    try {
      const more = this._call(() => this._handle.draw(performance.now()));
      if (more) this._invalidate(); // an animated transition is running
    } catch (e) {
      this._drawFailed = true;
      this._fail(e);
      return;
    }
    // A frame that failed before (say, at a transient size) is healed by one that succeeds.
    if (this._drawFailed) { this._drawFailed = false; setMessage(this, null); }
    // No room for a plot (controls on a short element): say so rather than show a blank box.
    // Its own words only: an error shown meanwhile stays; a new language rewords it.
    const small = !!this._safe(() => this._handle.tooSmall());
    const m = this._el.msg, ours = !m.hidden && m.textContent === this._smallText;
    if (small && (m.hidden || ours) && m.textContent !== this._t('tooSmall')) {
      this._smallText = this._t('tooSmall');
      setMessage(this, this._smallText);
    } else if (!small && ours) {
      this._smallText = null;
      setMessage(this, null);
    }
    presenterChanged(this, false, true);
    if (this._viewChanged) {
      this._viewChanged = false;
      noteView(this);
      const v = this._call(() => this._handle.viewRanges());
      this.dispatchEvent(new CustomEvent('view-change', {
        detail: { view: this.view, x0: v[0], x1: v[1], y0: v[2], y1: v[3] }, bubbles: true, composed: true,
      }));
    }
    // The text alternatives and the number key follow when what they show changed, or once
    // drawing settles (a11y.js): not on every frame of a zoom. A key fitted before this frame
    // is up to date (asking again would cost a forced layout, ~7 ms on a first chart).
    scheduleA11y(this, keyFitted ? undefined : () => renderKey(this));
    // New data is on the canvas: `load`, as an <img> says it (no detail: dataInfo has it). In the
    // task that drew it, so a listener (a screenshot, a slide, a timer) need not poll the pixels.
    if (this._fresh) { this._fresh = 0; this.dispatchEvent(new Event('load')); }
  }

  // When the number key below the plot may change (new data, settings or size), it is laid out
  // and shown before the frame is drawn: it takes height from the plot, so the plot is sized for
  // it and drawn once. Left to the ResizeObserver, the key's height would clear the canvas after
  // the frame was drawn and the chart would show two frames later (~35 ms on a page's first
  // chart). Twice at most: a smaller plot can number one more label and grow the key once more.
  // True when the key matches the layout the frame draws.
  _fitKey() {
    for (let i = 0; i < 2; i++) {
      try { this._call(() => this._handle.prepare()); } catch { return false; }
      if (!renderKey(this)) return true;
      if (!this._measure()) return true;
      if (this._raf) { cancelAnimationFrame(this._raf); this._raf = 0; }
      this._dirty = false;
    }
    return false;
  }

  // ---- selection --------------------------------------------------------------------------

  // A click or Enter on `item`: the chart may zoom (hierarchy) or toggle a branch; anything but a
  // toggle is then selected.
  _activate(item) {
    if (this._safe(() => this._handle.activate(item))) {
      this._invalidate(true);
      renderCrumbs(this);
    }
    if (isToggle(item)) return;
    this._select(item, true);
  }

  // `item` is a role or, in the hierarchy, another node; only roles cross links and fire
  // role-select.
  _select(item, emit) {
    this._selected = item || null;
    this._safe(() => this._handle?.setSelected(item));
    this._invalidate();
    presenterChanged(this, emit);
    const role = roleOf(item);
    if (emit && (role || !item)) {
      const detail = { role: role || null, source: this.id || null };
      this.dispatchEvent(new CustomEvent('role-select', { detail, bubbles: true, composed: true }));
      forLinked(this, (el) => el._select(roleItem(role), false));
    }
  }

  _highlight(item, fromLink = false) {
    this._safe(() => this._handle?.setHighlight(item));
    this._invalidate();
    if (!fromLink) {
      const role = roleOf(item);
      forLinked(this, (el) => el._highlight(roleItem(role), true));
    }
  }
}

defineAttributeProperties(SpcoRolesElement.prototype);
