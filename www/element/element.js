// <spco-roles>: the embeddable element. A thin wrapper: it owns the DOM (canvas, tooltip, controls,
// messages) and forwards pointer, wheel, key and size changes to one wasm chart per element as small
// values. All data, statistics, geometry and drawing live in wasm. Text from data files only ever
// reaches the DOM through textContent.
//
// This file holds the public API, the lifecycle and attributes, loading, sizing and drawing, and
// selection; input.js, controls.js, overlays.js, linking.js and export.js do the rest with the
// element passed in, and chart-handle.js is the only door into wasm.

import { ChartHandle, SpcoError, wasmReady, wasmError, roleOf, roleItem, isToggle } from './chart-handle.js';
import { buildShadow } from './shadow.js';
import { uiText } from './ui-text.js';
import { bindInput } from './input.js';
import { bindControls, applyControlLabels, renderControls, renderBadge, renderCrumbs } from './controls.js';
import { setMessage } from './overlays.js';
import { joinLink, leaveLink, forLinked, broadcastGroup } from './linking.js';
import { chartImage } from './export.js';
import { ATTRIBUTES, defineAttributeProperties } from './properties.js';
import { safeUrl, urlName, setSource, clearSource, sourceShown } from './data-source.js';
import { bindA11y, renderA11y, noteView, noteGroup } from './a11y.js';
import { bindAdaptive, renderKey } from './adaptive.js';
import { themeValue, watchTheme } from './theme.js';

// Each with a reflecting property (properties.js).
const ATTRS = ATTRIBUTES.map(([name]) => name);

const MAX_CSS_PX = 4096;

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
    bindAdaptive(this);
    watchTheme(this);
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
      // A copy: the caller may reuse its buffer.
      const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : new Uint8Array(text).slice();
      setSource(this, bytes, name ?? 'data', null, format);
      this._import();
    } catch (e) {
      this._fail(e);
    }
  }

  /** The current statistics, as plain objects (see README: "The statistics JSON"). */
  get stats() {
    if (!this._handle) return null;
    return this._call(() => this._handle.stats()) ?? null;
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
    return chartImage(this, type);
  }

  /** Information about the loaded data: format, groups (with n), exclusions, source kind. */
  get dataInfo() { return this._info; }

  get selectedRole() { return this._selected ?? null; }
  set selectedRole(role) { this._select(role == null ? 0 : Number(role), false); }

  // The attributes' properties (src, view, group, ...) are defined from properties.js's table.

  // ---- lifecycle --------------------------------------------------------------------------

  connectedCallback() {
    this._ro = new ResizeObserver(() => this._measure());
    this._ro.observe(this._el.plot);
    this._watchDpr();
    joinLink(this, this.getAttribute('link'));
    if (this._started) {
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
    this._dprQuery?.removeEventListener('change', this._onDpr);
    leaveLink(this);
    this._pointers.clear();
    // Moving the element (appendChild to another parent) disconnects and connects it again within
    // one call: free the chart only if the element is still out of the page once that is done.
    queueMicrotask(() => { if (!this.isConnected) this._release(); });
  }

  // Frees the wasm memory this element owns and forgets its data; a re-connected element starts
  // afresh from its attributes.
  _release() {
    this._loadSeq++;
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
      case 'lang': applyControlLabels(this); this._applyOptions(); break;
      case 'zoom': this._applyZoom(); break;
      case 'group': this._applyOptions(); noteGroup(this); broadcastGroup(this); break;
      case 'synthetic': renderBadge(this); break;
      case 'view': this._applyOptions(); this._applyZoom(); renderCrumbs(this); break;
      default: this._applyOptions();
    }
  }

  // ---- wasm handle ------------------------------------------------------------------------

  async _ensureHandle() {
    if (this._handle) return this._handle;
    await wasmReady();
    if (!this.isConnected || this._handle) return this._handle;
    const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
    this._handle = this._call(() => new ChartHandle(this._el.canvas, reduced));
    this._measure();
    return this._handle;
  }

  // Every call into wasm goes through here (or _safe): a thrown JsError or a trap becomes a
  // message in the element and an `error` event, never an uncaught exception.
  _call(fn) {
    try {
      return fn();
    } catch (e) {
      const err = wasmError(e);
      if (err.trap) this._handle = null; // a trapped instance must not be used again
      throw err;
    }
  }

  // _call for input and controls: a failure shows in the element and the caller carries on.
  _safe(fn) {
    try { return this._call(fn); } catch (e) { this._fail(e); return undefined; }
  }

  _fail(e) {
    const message = e && e.message ? e.message : String(e);
    setMessage(this, message, true);
    this.dispatchEvent(new CustomEvent('error', { detail: { message }, bubbles: true, composed: true }));
  }

  _t(key) { return uiText(this.lang, key); }

  _isSynthetic() { return this.hasAttribute('synthetic') || !!(this._info && this._info.synthetic); }

  async _fetch(src) {
    const seq = ++this._loadSeq;
    // Only http(s), relative, blob: and data: URLs are fetched (data-source.js); anything else is
    // an error, and no link is made from it.
    const url = safeUrl(src);
    if (!url) { clearSource(this); this._fail(new SpcoError(this._t('unsafeSrc'))); return; }
    setMessage(this, this._t('loading'));
    try {
      const [resp] = await Promise.all([fetch(url.href), this._ensureHandle()]);
      if (!resp.ok) throw new SpcoError(`${src}: ${resp.status} ${resp.statusText || 'could not be loaded'}`);
      const bytes = new Uint8Array(await resp.arrayBuffer());
      if (seq !== this._loadSeq || !this._handle) return;
      setSource(this, bytes, urlName(url), url.href);
      this._import();
    } catch (e) {
      if (seq === this._loadSeq) this._fail(e instanceof TypeError ? new SpcoError(`${src}: ${e.message}`) : e);
    }
  }

  // Imports the recorded source (data-source.js): with the format setData was given, else the
  // `format` attribute's. Throws what the import throws.
  _import() {
    const s = this._source;
    this._call(() => this._handle.load(s.bytes, s.format || this.getAttribute('format') || 'auto', s.name));
    this._dataName = s.name;
    sourceShown(this);
    this._afterLoad();
  }

  // A new `format`: the kept data is read again with it (no new fetch).
  _reimport() {
    if (!this._source || !this._handle) return;
    this._source.format = null;
    try { this._import(); } catch (e) { this._fail(e); }
  }

  _afterLoad() {
    this._info = this._call(() => this._handle.info());
    setMessage(this, null);
    this._applyOptions(true);
    this._applyZoom();
    renderControls(this);
    renderBadge(this);
  }

  _applyOptions(quiet = false) {
    if (!this._handle || !this._info) return;
    try {
      this._call(() => this._handle.setSettings((name) => this._settingValue(name)));
      if (!quiet) setMessage(this, null);
      renderControls(this);
      this._invalidate();
    } catch (e) {
      this._fail(e);
    }
  }

  // A setting attribute's value as wasm reads it (null: absent).
  _settingValue(name) {
    if (name === 'lang') return this.lang === 'nl' ? 'nl' : 'en';
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

  _measure() {
    const r = this._el.plot.getBoundingClientRect();
    const dpr = window.devicePixelRatio || 1;
    // Bounded whatever the page does to the element's size: a runaway layout must not allocate a
    // runaway canvas (the canvas itself never sizes anything, see shadow.js).
    const w = Math.min(MAX_CSS_PX, Math.max(1, Math.round(r.width)));
    const h = Math.min(MAX_CSS_PX, Math.max(1, Math.round(r.height)));
    this._size = { w, h, dpr };
    const c = this._el.canvas;
    // Backing store in device pixels so text and lines stay crisp on high-DPI screens.
    const wpx = Math.round(w * dpr), hpx = Math.round(h * dpr);
    if (c.width !== wpx || c.height !== hpx) { c.width = wpx; c.height = hpx; }
    if (this._handle) {
      try { this._call(() => this._handle.resize(w, h, dpr)); } catch (e) { this._fail(e); return; }
      this._invalidate();
    }
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
    if (this._viewChanged) {
      this._viewChanged = false;
      noteView(this);
      const v = this._call(() => this._handle.viewRanges());
      this.dispatchEvent(new CustomEvent('view-change', {
        detail: { view: this.view, x0: v[0], x1: v[1], y0: v[2], y1: v[3] }, bubbles: true, composed: true,
      }));
    }
    renderA11y(this);
    renderKey(this);
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
