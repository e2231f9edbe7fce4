// <spco-roles>: the embeddable element. A thin wrapper: it owns the DOM (canvas, tooltip, controls,
// messages) and forwards pointer, wheel, key and size changes to one wasm handle per element as small
// values. All data, statistics, geometry and drawing live in wasm. Text from data files only ever
// reaches the DOM through textContent.

import initWasm, * as wasm from './spco_roles.js';

const UI = {
  en: {
    everyone: 'Everyone', groups: 'Respondent groups', full: 'Full scale', report: 'Report zoom', fit: 'Fit',
    zoomIn: 'Zoom in', zoomOut: 'Zoom out', reset: 'Reset', loading: 'Loading…', synthetic: 'Synthetic data',
    syntheticTitle: 'Reconstructed from published summary figures; not the study\'s raw answers. The group split is synthetic.',
    noGroups: 'This table has no per-group figures: filtering by group is not possible.',
    smallN: 'Small sample: n < 5 for some roles; read with care.', respondents: 'respondents',
    importance: 'Importance', performance: 'Performance', mean: 'mean', median: 'median', sd: 'SD', ci: '95% CI',
    quadrant: 'Quadrant', gap: 'Gap', whiskers: 'Whiskers', none: 'none', crosshairFollows: 'Crosshair follows selection',
    error: 'Could not show the chart', excluded: 'left out', hint: 'Scroll to zoom · drag to pan · shift-drag to zoom a box · double-click to reset',
    rolledUp: 'Rolled up', roles: 'roles', back: 'Back', colorBy: 'Colour',
    png: 'Download the chart as a PNG image', data: 'Download the data file', dataFile: 'Data',
  },
  nl: {
    everyone: 'Iedereen', groups: 'Respondentgroepen', full: 'Volledige schaal', report: 'Zoom rapport', fit: 'Passend',
    zoomIn: 'Inzoomen', zoomOut: 'Uitzoomen', reset: 'Herstel', loading: 'Laden…', synthetic: 'Synthetische data',
    syntheticTitle: 'Gereconstrueerd uit gepubliceerde samenvattende cijfers; niet de ruwe antwoorden van de studie. De groepsverdeling is synthetisch.',
    noGroups: 'Deze tabel heeft geen cijfers per groep: filteren op groep is niet mogelijk.',
    smallN: 'Kleine steekproef: n < 5 voor sommige rollen; voorzichtig lezen.', respondents: 'respondenten',
    importance: 'Belang', performance: 'Prestatie', mean: 'gemiddelde', median: 'mediaan', sd: 'SD', ci: '95%-BI',
    quadrant: 'Kwadrant', gap: 'Kloof', whiskers: 'Foutbalken', none: 'geen', crosshairFollows: 'Kruis volgt selectie',
    error: 'De grafiek kan niet getoond worden', excluded: 'weggelaten', hint: 'Scroll om te zoomen · sleep om te verschuiven · shift-sleep voor een zoomkader · dubbelklik om te herstellen',
    rolledUp: 'Samengevat', roles: 'rollen', back: 'Terug', colorBy: 'Kleur',
    png: 'De grafiek downloaden als PNG-afbeelding', data: 'Het databestand downloaden', dataFile: 'Data',
  },
};

const STYLE = `
:host { display: block; position: relative; height: 480px; min-height: 240px; contain: layout;
  font: 13px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1f2328; }
:host([hidden]) { display: none; }
.root { position: absolute; inset: 0; display: flex; flex-direction: column; }
.bar { display: flex; flex-wrap: wrap; gap: 4px 10px; align-items: center; padding: 4px 2px 6px; }
.bar[hidden] { display: none; }
.chips, .zoom { display: flex; flex-wrap: wrap; gap: 4px; align-items: center; }
button, select { font: inherit; font-size: 12px; border: 1px solid #c9ced6; background: #fff; color: #1f2328;
  border-radius: 999px; padding: 2px 9px; cursor: pointer; }
button:hover { background: #f3f5f8; }
button:focus-visible, .plot:focus-visible { outline: 2px solid #0969da; outline-offset: 1px; }
button[aria-pressed="true"] { background: #1f2328; color: #fff; border-color: #1f2328; }
.zoom button, .zoom a { border-radius: 6px; }
.zoom a { font-size: 12px; border: 1px solid #c9ced6; background: #fff; color: #1f2328; padding: 2px 9px;
  text-decoration: none; }
.zoom a:hover { background: #f3f5f8; }
.zoom a:focus-visible { outline: 2px solid #0969da; outline-offset: 1px; }
.n { opacity: .7; font-variant-numeric: tabular-nums; margin-left: 3px; }
.note { font-size: 12px; color: #57606a; }
.plot { position: relative; flex: 1 1 auto; min-height: 0; outline: none; touch-action: none; cursor: grab; }
.plot.dragging { cursor: grabbing; }
canvas { position: absolute; inset: 0; width: 100%; height: 100%; display: block; }
.tip { position: absolute; pointer-events: none; max-width: 300px; background: rgba(255,255,255,.97);
  border: 1px solid #d0d7de; border-radius: 6px; box-shadow: 0 4px 14px rgba(0,0,0,.12); padding: 8px 10px;
  font-size: 12px; z-index: 3; }
.tip[hidden], .msg[hidden], .badge[hidden], .box[hidden], .crumbs[hidden] { display: none; }
.tip h4 { margin: 0 0 4px; font-size: 13px; }
.tip p { margin: 0 0 6px; }
.tip table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
.tip td, .tip th { padding: 1px 6px 1px 0; text-align: left; font-weight: normal; }
.tip th { color: #57606a; }
.msg { position: absolute; inset: 0; display: flex; align-items: center; justify-content: center; text-align: center;
  padding: 16px; background: #fff; z-index: 4; color: #57606a; }
.msg.error { color: #a40e26; background: #fff8f8; border: 1px solid #f2c8cf; border-radius: 6px; }
.msg.error strong { display: block; margin-bottom: 4px; }
.badge { position: absolute; right: 6px; bottom: 6px; z-index: 2; font-size: 11px; background: #fff3cd;
  color: #6b4e00; border: 1px solid #e8d48a; border-radius: 4px; padding: 1px 6px; }
.box { position: absolute; border: 1px dashed #0969da; background: rgba(9,105,218,.08); pointer-events: none; z-index: 2; }
.crumbs { position: absolute; left: 6px; top: 6px; z-index: 2; display: flex; flex-wrap: wrap; gap: 4px;
  align-items: center; font-size: 12px; max-width: calc(100% - 12px); color: #57606a; }
.crumbs button { background: rgba(255,255,255,.92); }
.crumbs.inbar { position: static; flex-basis: 100%; max-width: none; }
.crumbs button:last-child { font-weight: 600; cursor: default; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

const ATTRS = ['src', 'view', 'group', 'lang', 'crosshair', 'zoom', 'controls', 'errorbars', 'format', 'sd',
  'crosshair-follows', 'link', 'hierarchy', 'color-by', 'synthetic'];

// The wasm module is fetched and instantiated once per page, however many elements there are,
// and only when the first element connects.
let wasmReady = null;
function loadWasm() {
  if (!wasmReady) {
    wasmReady = initWasm({ module_or_path: new URL('./spco_roles_bg.wasm', import.meta.url) }).then(() => wasm);
  }
  return wasmReady;
}

// Elements sharing a `link` value: hovering, selecting and filtering in one applies to all.
const links = new Map();

let uid = 0;
// Item numbers of the hierarchy's expand/collapse buttons start here (see session::TOGGLE).
const TOGGLE = 10000;

export class SpcoRolesElement extends HTMLElement {
  static get observedAttributes() { return ATTRS; }

  constructor() {
    super();
    this._id = ++uid;
    this._handle = null;
    this._mod = null;
    this._raf = 0;
    this._dirty = false;
    this._size = null;
    this._pointers = new Map();
    this._loadSeq = 0;
    this._info = null;
    const root = this.attachShadow({ mode: 'open' });
    root.innerHTML = `<style>${STYLE}</style>
      <div class="root">
        <div class="bar" part="controls" hidden>
          <div class="chips" role="group"></div>
          <div class="zoom">
            <button data-zoom="full"></button><button data-zoom="report"></button><button data-zoom="fit"></button>
            <button data-zoom="in" aria-label="">+</button><button data-zoom="out" aria-label="">−</button>
            <select class="eb" aria-label=""><option value="sd">SD</option><option value="ci"></option><option value="none"></option></select>
            <select class="cb" aria-label=""><option value="gap"></option><option value="importance"></option><option value="performance"></option></select>
            <button data-zoom="png">PNG</button><a class="dl" download hidden>Data</a>
          </div>
          <span class="note"></span>
        </div>
        <div class="plot" tabindex="0" role="img">
          <canvas part="canvas"></canvas>
          <div class="box" hidden></div>
          <nav class="crumbs" hidden></nav>
          <div class="tip" role="tooltip" hidden></div>
          <div class="badge" hidden></div>
          <div class="msg" aria-live="polite"></div>
          <div class="sr" aria-live="polite"></div>
        </div>
      </div>`;
    const $ = (s) => root.querySelector(s);
    this._el = {
      bar: $('.bar'), chips: $('.chips'), zoom: $('.zoom'), note: $('.note'), plot: $('.plot'), canvas: $('canvas'),
      box: $('.box'), tip: $('.tip'), badge: $('.badge'), msg: $('.msg'), sr: $('.sr'), eb: $('.eb'), cb: $('.cb'),
      crumbs: $('.crumbs'), dl: $('.dl'),
    };
    this._bindEvents();
  }

  // ---- public API -------------------------------------------------------------------------

  /** Loads data from text (any import format; `format` defaults to auto-detection). */
  async setData(text, format = 'auto', name = null) {
    const seq = ++this._loadSeq;
    try {
      await this._ensureHandle();
      if (seq !== this._loadSeq || !this._handle) return;
      const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : new Uint8Array(text);
      this._call(() => this._handle.load(bytes, format || 'auto', name ?? 'data'));
      this._dataName = name;
      this._afterLoad();
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
    // The image travels without the page, so it carries a footer: the data file and, for
    // reconstructed data, the same warning as the badge.
    const chart = this._el.canvas;
    const dpr = chart.width / (chart.getBoundingClientRect().width || chart.width);
    const c = document.createElement('canvas');
    const ctx = c.getContext('2d');
    const font = `${11 * dpr}px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif`;
    ctx.font = font;
    const words = [this._dataName && `${this._t('dataFile')}: ${this._dataName}`,
      this._isSynthetic() && `${this._t('synthetic')}: ${this._t('syntheticTitle')}`].filter(Boolean).join(' · ').split(' ');
    const lines = [];
    for (const w of words) {
      const last = lines.length ? `${lines[lines.length - 1]} ${w}` : null;
      if (last && ctx.measureText(last).width <= chart.width - 12 * dpr) lines[lines.length - 1] = last;
      else if (w) lines.push(w);
    }
    const lh = 15 * dpr;
    c.width = chart.width;
    c.height = chart.height + (lines.length ? lines.length * lh + 6 * dpr : 0);
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, c.width, c.height);
    ctx.drawImage(chart, 0, 0);
    ctx.font = font;
    ctx.fillStyle = '#57606a';
    ctx.textBaseline = 'middle';
    lines.forEach((l, i) => ctx.fillText(l, 6 * dpr, chart.height + 3 * dpr + (i + 0.5) * lh));
    return new Promise((resolve) => c.toBlob(resolve, type));
  }

  /** Information about the loaded data: format, groups (with n), exclusions, source kind. */
  get dataInfo() { return this._info; }

  get selectedRole() { return this._selected ?? null; }
  set selectedRole(role) { this._select(role == null ? 0 : Number(role), false); }

  // Attributes reflected as properties.
  get src() { return this.getAttribute('src'); } set src(v) { this._reflect('src', v); }
  get view() { return this.getAttribute('view') || 'quadrant'; } set view(v) { this._reflect('view', v); }
  get group() { return this.getAttribute('group') || ''; } set group(v) { this._reflect('group', Array.isArray(v) ? v.join(',') : v); }
  get lang() { return this.getAttribute('lang') || 'en'; } set lang(v) { this._reflect('lang', v); }
  get crosshair() { return this.getAttribute('crosshair') || 'scale'; } set crosshair(v) { this._reflect('crosshair', v); }
  get zoom() { return this.getAttribute('zoom') || 'full'; } set zoom(v) { this._reflect('zoom', v); }
  get controls() { return this.hasAttribute('controls'); } set controls(v) { this.toggleAttribute('controls', !!v); }
  get errorbars() { return this.getAttribute('errorbars') || 'sd'; } set errorbars(v) { this._reflect('errorbars', v); }
  get link() { return this.getAttribute('link'); } set link(v) { this._reflect('link', v); }

  _reflect(name, v) { if (v == null || v === false) this.removeAttribute(name); else this.setAttribute(name, String(v)); }

  // ---- lifecycle --------------------------------------------------------------------------

  connectedCallback() {
    this._setMessage(this._t('loading'));
    this._applyControlLabels();
    this._ro = new ResizeObserver(() => this._measure());
    this._ro.observe(this._el.plot);
    this._watchDpr();
    this._joinLink(this.getAttribute('link'));
    const src = this.getAttribute('src');
    if (src) this._fetch(src);
    else this._ensureHandle().catch((e) => this._fail(e));
    this._live = true;
  }

  disconnectedCallback() {
    this._live = false;
    cancelAnimationFrame(this._raf);
    this._raf = 0;
    this._ro?.disconnect();
    this._dprQuery?.removeEventListener('change', this._onDpr);
    this._leaveLink();
    this._loadSeq++;
    // Free the wasm memory this element owns; a re-connected element makes a new handle.
    if (this._handle) { try { this._handle.free(); } catch { /* already trapped */ } }
    this._handle = null;
    this._info = null;
  }

  attributeChangedCallback(name, old, value) {
    // Before connectedCallback (an upgraded or parsed element) the initial attributes are read
    // there; acting here too would fetch the data twice.
    if (old === value || !this._live) return;
    switch (name) {
      case 'src': if (value) this._fetch(value); break;
      case 'link': this._leaveLink(); this._joinLink(value); break;
      case 'controls': this._renderControls(); break;
      case 'lang': this._applyControlLabels(); this._applyOptions(); break;
      case 'zoom': this._applyZoom(); break;
      case 'group': this._applyOptions(); this._broadcastGroup(); break;
      case 'synthetic': this._renderBadge(); break;
      case 'view': this._applyOptions(); this._applyZoom(); this._renderCrumbs(); break;
      default: this._applyOptions();
    }
  }

  // ---- wasm handle ------------------------------------------------------------------------

  async _ensureHandle() {
    if (this._handle) return this._handle;
    const mod = await loadWasm();
    if (!this.isConnected || this._handle) return this._handle;
    this._mod = mod;
    this._handle = this._call(() => new mod.Chart(this._el.canvas, this.getAttribute('view') || 'quadrant'));
    this._handle.set_reduced_motion(matchMedia('(prefers-reduced-motion: reduce)').matches);
    this._measure();
    return this._handle;
  }

  // Every call into wasm goes through here: a thrown JsError or a trap becomes a message in the
  // element and an `error` event, never an uncaught exception.
  _call(fn) {
    try {
      return fn();
    } catch (e) {
      let message = e && e.message ? e.message : String(e);
      if (e instanceof WebAssembly.RuntimeError) {
        const panic = this._mod?.last_panic?.();
        message = panic ? `internal error: ${panic}` : `internal error: ${message}`;
        this._handle = null; // a trapped instance must not be used again
      }
      throw new SpcoError(message);
    }
  }

  _fail(e) {
    const message = e && e.message ? e.message : String(e);
    this._setMessage(message, true);
    this.dispatchEvent(new CustomEvent('error', { detail: { message }, bubbles: true, composed: true }));
  }

  async _fetch(src) {
    const seq = ++this._loadSeq;
    this._setMessage(this._t('loading'));
    try {
      const [resp] = await Promise.all([fetch(src), this._ensureHandle()]);
      if (!resp.ok) throw new SpcoError(`${src}: ${resp.status} ${resp.statusText || 'could not be loaded'}`);
      const bytes = new Uint8Array(await resp.arrayBuffer());
      if (seq !== this._loadSeq || !this._handle) return;
      const name = decodeURIComponent(new URL(src, location.href).pathname.split('/').pop() || src);
      this._call(() => this._handle.load(bytes, this.getAttribute('format') || 'auto', name));
      this._dataName = name;
      this._afterLoad();
    } catch (e) {
      if (seq === this._loadSeq) this._fail(e instanceof TypeError ? new SpcoError(`${src}: ${e.message}`) : e);
    }
  }

  _afterLoad() {
    this._info = this._call(() => this._handle.info());
    this._setMessage(null);
    this._applyOptions(true);
    this._applyZoom();
    this._renderControls();
    this._renderBadge();
  }

  _applyOptions(quiet = false) {
    if (!this._handle || !this._info) return;
    const follows = this.getAttribute('crosshair-follows');
    try {
      this._call(() => this._handle.set_options(
        this.lang === 'nl' ? 'nl' : 'en', this.group, this.crosshair,
        follows != null && follows !== 'false', this.errorbars, this.getAttribute('sd') || 'population',
        this.view, this.getAttribute('hierarchy') || 'spearheads', this.getAttribute('color-by') || 'gap'));
      if (!quiet) this._setMessage(null);
      this._renderControls();
      this._invalidate();
    } catch (e) {
      this._fail(e);
    }
  }

  _applyZoom() {
    if (!this._handle || !this._info) return;
    try {
      this._call(() => this._handle.set_zoom(this.zoom));
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
    const w = Math.max(1, Math.round(r.width)), h = Math.max(1, Math.round(r.height));
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
    if (this._drawFailed) { this._drawFailed = false; this._setMessage(null); }
    if (this._viewChanged) {
      this._viewChanged = false;
      const v = this._call(() => this._handle.view_ranges());
      this.dispatchEvent(new CustomEvent('view-change', {
        detail: { view: this.view, x0: v[0], x1: v[1], y0: v[2], y1: v[3] }, bubbles: true, composed: true,
      }));
    }
    this._el.plot.setAttribute('aria-label', this._call(() => this._handle.summary_text()));
  }

  // ---- input ------------------------------------------------------------------------------

  _bindEvents() {
    const p = this._el.plot;
    const local = (e) => { const r = p.getBoundingClientRect(); return [e.clientX - r.left, e.clientY - r.top]; };

    p.addEventListener('wheel', (e) => {
      if (!this._handle || !this._info) return;
      e.preventDefault();
      const [x, y] = local(e);
      const lines = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? 400 : 1;
      const factor = Math.exp(-e.deltaY * lines * 0.0025);
      this._safe(() => this._handle.zoom_at(x, y, factor));
      this._invalidate(true);
      this._hideTip();
    }, { passive: false });

    p.addEventListener('pointerdown', (e) => {
      if (!this._handle || (e.pointerType === 'mouse' && e.button !== 0)) return;
      p.focus({ preventScroll: true, focusVisible: false });
      p.setPointerCapture(e.pointerId);
      const [x, y] = local(e);
      this._pointers.set(e.pointerId, { x, y, x0: x, y0: y, box: e.shiftKey && e.pointerType === 'mouse' });
      this._moved = false;
      if (this._pointers.size === 2) this._pinch = this._pinchState();
    });
    p.addEventListener('pointermove', (e) => {
      if (!this._handle || !this._info) return;
      const [x, y] = local(e);
      const pt = this._pointers.get(e.pointerId);
      if (!pt) { this._hover(x, y); return; }
      if (Math.hypot(x - pt.x0, y - pt.y0) > 3) this._moved = true;
      if (this._pointers.size === 2) {
        pt.x = x; pt.y = y;
        const next = this._pinchState();
        if (this._pinch && next.d > 0 && this._pinch.d > 0) {
          this._safe(() => this._handle.pan(next.cx - this._pinch.cx, next.cy - this._pinch.cy));
          this._safe(() => this._handle.zoom_at(next.cx, next.cy, next.d / this._pinch.d));
          this._invalidate(true);
        }
        this._pinch = next;
        return;
      }
      if (pt.box) {
        const b = this._el.box;
        b.hidden = false;
        Object.assign(b.style, { left: `${Math.min(x, pt.x0)}px`, top: `${Math.min(y, pt.y0)}px`,
          width: `${Math.abs(x - pt.x0)}px`, height: `${Math.abs(y - pt.y0)}px` });
      } else if (this._moved) {
        p.classList.add('dragging');
        this._safe(() => this._handle.pan(x - pt.x, y - pt.y));
        this._invalidate(true);
        this._hideTip();
      }
      pt.x = x; pt.y = y;
    });
    const end = (e) => {
      const pt = this._pointers.get(e.pointerId);
      if (!pt) return;
      this._pointers.delete(e.pointerId);
      this._pinch = this._pointers.size === 2 ? this._pinchState() : null;
      p.classList.remove('dragging');
      const [x, y] = local(e);
      if (pt.box) {
        this._el.box.hidden = true;
        if (Math.abs(x - pt.x0) > 4 && Math.abs(y - pt.y0) > 4) {
          this._safe(() => this._handle.box_zoom(pt.x0, pt.y0, x, y));
          this._invalidate(true);
        }
      } else if (!this._moved && e.type === 'pointerup' && this._pointers.size === 0) {
        this._click(x, y);
      }
    };
    p.addEventListener('pointerup', end);
    p.addEventListener('pointercancel', end);
    p.addEventListener('pointerleave', (e) => { if (!this._pointers.size && e.pointerType === 'mouse') this._hover(-1, -1); });
    p.addEventListener('dblclick', (e) => {
      e.preventDefault();
      this._safe(() => this._handle.set_zoom(this.zoom === 'fit' || this.zoom === 'report' ? this.zoom : 'full'));
      this._invalidate(true);
    });
    p.addEventListener('keydown', (e) => this._key(e));
    p.addEventListener('blur', () => this._hideTip());

    this._el.zoom.addEventListener('click', (e) => {
      const z = e.target.closest('button')?.dataset.zoom;
      if (!z || !this._handle) return;
      if (z === 'png') {
        this.toBlob().then((blob) => {
          if (!blob) return;
          const a = document.createElement('a');
          a.href = URL.createObjectURL(blob);
          a.download = `spco-roles-${this.view}.png`;
          a.click();
          setTimeout(() => URL.revokeObjectURL(a.href), 10000);
        });
        return;
      }
      if (z === 'in' || z === 'out') {
        const { w, h } = this._size ?? { w: 0, h: 0 };
        this._safe(() => this._handle.zoom_at(w / 2, h / 2, z === 'in' ? 1.5 : 1 / 1.5));
      } else {
        this._safe(() => this._handle.set_zoom(z));
      }
      this._invalidate(true);
    });
    this._el.eb.addEventListener('change', () => { this.errorbars = this._el.eb.value; });
    this._el.cb.addEventListener('change', () => { this.setAttribute('color-by', this._el.cb.value); });
    this._el.chips.addEventListener('click', (e) => {
      const b = e.target.closest('button');
      if (!b) return;
      const code = b.dataset.group;
      if (!code) { this.group = ''; return; }
      const set = new Set(this.group.split(',').filter(Boolean));
      if (set.has(code)) set.delete(code); else set.add(code);
      this.group = [...set].join(',');
    });
    this._el.crumbs.addEventListener('click', (e) => {
      const b = e.target.closest('button');
      if (b && this._handle) { this._safe(() => this._handle.zoom_out_to(Number(b.dataset.depth))); this._invalidate(true); this._renderCrumbs(); }
    });
  }

  _pinchState() {
    const [a, b] = [...this._pointers.values()];
    return { cx: (a.x + b.x) / 2, cy: (a.y + b.y) / 2, d: Math.hypot(a.x - b.x, a.y - b.y) };
  }

  _safe(fn) {
    try { return fn(); } catch (e) { this._fail(e); return undefined; }
  }

  _key(e) {
    if (!this._handle || !this._info) return;
    const { w, h } = this._size ?? { w: 0, h: 0 };
    const step = 40;
    let handled = true;
    switch (e.key) {
      case '+': case '=': this._safe(() => this._handle.zoom_at(w / 2, h / 2, 1.25)); break;
      case '-': case '_': this._safe(() => this._handle.zoom_at(w / 2, h / 2, 0.8)); break;
      case '0': this._safe(() => this._handle.set_zoom('full')); break;
      case 'ArrowLeft': this._safe(() => this._handle.pan(step, 0)); break;
      case 'ArrowRight': this._safe(() => this._handle.pan(-step, 0)); break;
      case 'ArrowUp': this._safe(() => this._handle.pan(0, step)); break;
      case 'ArrowDown': this._safe(() => this._handle.pan(0, -step)); break;
      case 'Tab': {
        // Tab walks through the roles while the chart has focus, then leaves it.
        const next = this._safe(() => this._handle.next_item(this._focusItem ?? 0, e.shiftKey ? -1 : 1)) ?? 0;
        if (!next) { this._focusItem = 0; this._hideTip(); this._highlight(0); handled = false; break; }
        this._focusItem = next;
        this._highlight(next);
        const pos = this._safe(() => this._handle.item_position(next));
        if (pos && pos.length) this._showTip(next, pos[0], pos[1]);
        break;
      }
      case 'Enter': case ' ': if (this._focusItem) this._activate(this._focusItem); break;
      case 'Escape':
        if (this._safe(() => this._handle.escape())) { this._renderCrumbs(); } else { this._select(0, true); this._hideTip(); }
        break;
      default: handled = false;
    }
    if (handled) { e.preventDefault(); this._invalidate(true); }
  }

  _hover(x, y) {
    const item = x < 0 ? 0 : (this._safe(() => this._handle.hit(x, y)) ?? 0);
    if (item !== this._hoverItem) {
      this._hoverItem = item;
      this._highlight(item);
      this._el.plot.style.cursor = item ? 'pointer' : '';
    }
    if (item) this._showTip(item, x, y); else this._hideTip();
  }

  _click(x, y) {
    const item = this._safe(() => this._handle.hit(x, y)) ?? 0;
    this._activate(item);
  }

  _activate(item) {
    if (this._safe(() => this._handle.activate(item))) {
      this._invalidate(true);
      this._renderCrumbs();
    }
    if (item >= TOGGLE) return;
    this._select(item, true);
  }

  // `item` is a role (1-14) or, in the hierarchy, another node; only roles cross links and
  // fire role-select.
  _select(item, emit) {
    this._selected = item || null;
    this._safe(() => this._handle?.set_selected(item));
    this._invalidate();
    const role = item <= 14 ? item : 0;
    if (emit && (role || !item)) {
      const detail = { role: role || null, source: this.id || null };
      this.dispatchEvent(new CustomEvent('role-select', { detail, bubbles: true, composed: true }));
      this._forLinked((el) => el._select(role, false));
    }
  }

  _highlight(item, fromLink = false) {
    this._safe(() => this._handle?.set_highlight(item));
    this._invalidate();
    if (!fromLink) {
      const role = item && item <= 14 ? item : 0;
      this._forLinked((el) => el._highlight(role, true));
    }
  }

  // ---- tooltip, controls, messages ----------------------------------------------------------

  _showTip(item, x, y) {
    const t = this._safe(() => this._handle.tooltip(item));
    if (!t) { this._hideTip(); return; }
    const tip = this._el.tip;
    tip.replaceChildren();
    const h = document.createElement('h4');
    h.textContent = t.title;
    tip.append(h);
    if (t.text) { const p = document.createElement('p'); p.textContent = t.text; tip.append(p); }
    if (t.rows?.length) {
      const table = document.createElement('table');
      for (const [k, v] of t.rows) {
        const tr = table.insertRow();
        const th = document.createElement('th'); th.textContent = k;
        const td = document.createElement('td'); td.textContent = v;
        tr.append(th, td);
      }
      tip.append(table);
    }
    if (t.note) { const p = document.createElement('p'); p.className = 'note'; p.textContent = t.note; tip.append(p); }
    tip.hidden = false;
    const { w, h: hh } = this._size ?? { w: 0, h: 0 };
    const tw = tip.offsetWidth, th = tip.offsetHeight;
    let left = x + 14, top = y + 14;
    if (left + tw > w) left = Math.max(0, x - tw - 14);
    if (top + th > hh) top = Math.max(0, y - th - 14);
    tip.style.left = `${left}px`;
    tip.style.top = `${top}px`;
    this._el.sr.textContent = `${t.title}. ${t.text || ''}`;
  }

  _hideTip() { this._el.tip.hidden = true; }

  _setMessage(text, isError = false) {
    const m = this._el.msg;
    if (text == null) { m.hidden = true; m.replaceChildren(); return; }
    m.hidden = false;
    m.classList.toggle('error', isError);
    m.replaceChildren();
    if (isError) {
      const s = document.createElement('strong');
      s.textContent = this._t('error');
      const d = document.createElement('div');
      d.textContent = text;
      const wrap = document.createElement('div');
      wrap.append(s, d);
      m.append(wrap);
    } else {
      m.textContent = text;
    }
  }

  _t(key) { return (UI[this.lang === 'nl' ? 'nl' : 'en'])[key]; }

  _applyControlLabels() {
    for (const b of this._el.zoom.querySelectorAll('button')) {
      const z = b.dataset.zoom;
      const key = { full: 'full', report: 'report', fit: 'fit', in: 'zoomIn', out: 'zoomOut', png: 'png' }[z];
      if (z === 'in' || z === 'out' || z === 'png') { b.setAttribute('aria-label', this._t(key)); b.title = this._t(key); } else b.textContent = this._t(key);
    }
    this._el.eb.setAttribute('aria-label', this._t('whiskers'));
    this._el.eb.title = this._t('whiskers');
    this._el.eb.options[0].textContent = `± ${this._t('sd')}`;
    this._el.eb.options[1].textContent = this._t('ci');
    this._el.eb.options[2].textContent = `${this._t('whiskers')}: ${this._t('none')}`;
    this._el.cb.setAttribute('aria-label', this._t('colorBy'));
    this._el.cb.title = this._t('colorBy');
    ['gap', 'importance', 'performance'].forEach((k, i) => { this._el.cb.options[i].textContent = `${this._t('colorBy')}: ${this._t(k === 'gap' ? 'gap' : k).toLowerCase()}`; });
    this._el.chips.setAttribute('aria-label', this._t('groups'));
    this._el.dl.title = this._t('data');
    this._renderControls();
    this._renderBadge();
  }

  _renderControls() {
    const show = this.hasAttribute('controls');
    this._el.bar.hidden = !show;
    if (!show || !this._info) return;
    this._el.eb.value = this.errorbars;
    this._el.eb.hidden = this.view !== 'quadrant';
    this._el.cb.value = this.getAttribute('color-by') || 'gap';
    this._el.cb.hidden = this.view !== 'hierarchy';
    for (const b of this._el.zoom.querySelectorAll('[data-zoom=report],[data-zoom=fit]')) b.hidden = this.view !== 'quadrant';
    // The data behind the chart, for readers who want to check it (not for data set in JS).
    const src = this.getAttribute('src');
    this._el.dl.hidden = !src;
    if (src) this._el.dl.href = new URL(src, document.baseURI).href;
    const chips = this._el.chips;
    chips.replaceChildren();
    const groups = this._info.groups || [];
    const selected = new Set(this.group.split(',').filter(Boolean));
    const stats = this.stats;
    const chip = (code, label, n) => {
      const b = document.createElement('button');
      if (code) b.dataset.group = code;
      b.setAttribute('aria-pressed', String(code ? selected.has(code) : selected.size === 0));
      b.textContent = label;
      if (n != null) { const s = document.createElement('span'); s.className = 'n'; s.textContent = n; b.append(s); }
      chips.append(b);
    };
    const note = this._el.note;
    note.textContent = '';
    if (!groups.length) {
      note.textContent = this._info.source === 'summary' ? this._t('noGroups') : '';
      return;
    }
    chip('', this._t('everyone'), this._info.n_respondents ?? null);
    for (const g of groups) chip(g.code, this.lang === 'nl' ? g.label_nl : g.label_en, g.n ?? null);
    const parts = [];
    if (stats && stats.n_respondents != null) parts.push(`n = ${stats.n_respondents} ${this._t('respondents')}`);
    if (stats && stats.roles?.some((r) => r.small_n)) parts.push(this._t('smallN'));
    note.textContent = parts.join(' · ');
  }

  _isSynthetic() { return this.hasAttribute('synthetic') || !!(this._info && this._info.synthetic); }

  _renderBadge() {
    this._el.badge.hidden = !this._isSynthetic();
    this._el.badge.textContent = this._t('synthetic');
    this._el.badge.title = this._t('syntheticTitle');
  }

  _renderCrumbs() {
    const c = this._el.crumbs;
    const path = (this._handle && this._safe(() => this._handle.breadcrumb())) || [];
    c.hidden = path.length < 2;
    // With controls the path sits in the bar, above the diagram; without, it floats top left.
    const home = this.hasAttribute('controls') ? this._el.bar : this._el.plot;
    if (c.parentNode !== home) home.prepend(c);
    c.classList.toggle('inbar', home === this._el.bar);
    c.replaceChildren();
    path.forEach((label, depth) => {
      if (depth) c.append('›');
      const b = document.createElement('button');
      b.dataset.depth = depth;
      b.textContent = label;
      c.append(b);
    });
  }

  // ---- linking ------------------------------------------------------------------------------

  _joinLink(id) {
    if (!id) return;
    if (!links.has(id)) links.set(id, new Set());
    links.get(id).add(this);
    this._linkId = id;
  }

  _leaveLink() {
    if (!this._linkId) return;
    const set = links.get(this._linkId);
    set?.delete(this);
    if (set && !set.size) links.delete(this._linkId);
    this._linkId = null;
  }

  _forLinked(fn) {
    const set = this._linkId && links.get(this._linkId);
    if (!set) return;
    for (const el of set) if (el !== this) fn(el);
  }

  _broadcastGroup() {
    if (this._syncingGroup) return;
    this._forLinked((el) => {
      if (el.group === this.group) return;
      el._syncingGroup = true;
      el.group = this.group;
      el._syncingGroup = false;
    });
  }
}

class SpcoError extends Error {}

if (!customElements.get('spco-roles')) customElements.define('spco-roles', SpcoRolesElement);
