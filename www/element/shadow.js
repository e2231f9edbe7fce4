// The element's shadow DOM: its stylesheet and markup. Everything dynamic (labels, chips, the
// tooltip's rows) is filled in through textContent by the other modules.
//
// The stylesheet is adopted (a constructable CSSStyleSheet, made once per page), never an inline
// <style>: a page whose Content-Security-Policy says `style-src 'self'` blocks inline styles, and
// the element must look the same there. Its size never depends on its content: `contain: size`
// and a fallback height on the host, and everything inside absolutely positioned, so no page CSS
// (inline display, height: auto, flex or grid parents) can start a resize feedback loop. The
// fallback is 480 px, or the viewport's height where that is less (a phone held sideways, about
// 390 px high, or a short iframe), so an unstyled element fits the screen. `vh`, not `svh`: on a
// phone it is the height with the address bar scrolled away, and `svh` cost 50 B more brotli.
// Its width is its container's; where the container sizes it by its content instead (a flex
// row, an inline-block, a float, a table cell), `contain: size` made that 0 and the chart
// vanished: it is 640 px there (`contain-intrinsic-width`), and a flex row can shrink it
// (`min-width: 0`).

import { PRESENTER_STYLE } from './presenter-style.js';

const STYLE = `
:host { display: block; position: relative; height: min(480px, 100vh); min-height: 240px; contain: size layout; contain-intrinsic-width: 640px; min-width: 0;
  font: 13px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1f2328; }
:host([hidden]) { display: none; }
.emp { position: absolute; visibility: hidden; pointer-events: none; width: 1em; height: 1rem; }
.root { position: absolute; inset: 0; display: flex; flex-direction: column; }
.bar { display: flex; flex-wrap: wrap; gap: 4px 10px; align-items: center; padding: 4px 2px 6px; }
.bar[hidden] { display: none; }
.cmp { max-width: 16em; }
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
.plot { position: relative; flex: 1 1 auto; min-height: 0; outline: none; touch-action: pan-x pan-y; cursor: grab; }
.plot.dragging { cursor: grabbing; }
canvas { position: absolute; inset: 0; width: 100%; height: 100%; display: block; }
.tip { position: absolute; pointer-events: none; max-width: 300px; background: rgba(255,255,255,.97);
  border: 1px solid #d0d7de; border-radius: 6px; box-shadow: 0 4px 14px rgba(0,0,0,.12); padding: 8px 10px;
  font-size: 12px; z-index: 3; }
.tip[hidden], .msg[hidden], .badge[hidden], .box[hidden], .crumbs[hidden] { display: none; }
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
.tip .title { display: block; margin: 0 0 4px; font-size: 13px; }
.tablebox { flex: 0 1 45%; overflow: auto; border-top: 1px solid #d0d7de; font-size: 12px; }
.tablebox table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
.tablebox caption { text-align: left; font-weight: 600; padding: 4px 0; }
.tablebox th, .tablebox td { padding: 2px 8px 2px 0; text-align: left; border-bottom: 1px solid #eaeef2; }
.tablebox tr[aria-selected="true"] { background: #fff8c5; }
.tablebox:focus-visible { outline: 2px solid #0969da; }
.help { position: absolute; right: 8px; top: 8px; z-index: 5; max-width: 360px; max-height: calc(100% - 16px); overflow: auto;
  background: #fff; border: 1px solid #d0d7de; border-radius: 6px; box-shadow: 0 4px 14px rgba(0,0,0,.15); padding: 10px 12px; font-size: 12px; }
.help[hidden] { display: none; }
.help dl { display: grid; grid-template-columns: auto 1fr; gap: 2px 10px; margin: 6px 0 8px; }
.help dt { font-weight: 600; white-space: nowrap; } .help dd { margin: 0; }
/* Hidden words inside a line (chip names): inline, so the accessible name gets no extra spaces. */
.vh { font-size: 0; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

const MARKUP = `
      <div class="root">
        <div class="bar" part="controls" hidden>
          <div class="chips" role="group"></div>
          <select class="cmp" aria-label="" hidden></select>
          <div class="zoom">
            <button data-zoom="full"></button><button data-zoom="report"></button><button data-zoom="fit"></button>
            <button data-zoom="in" aria-label="">+</button><button data-zoom="out" aria-label="">−</button>
            <select class="eb" aria-label=""><option value="sd">SD</option><option value="ci"></option><option value="none"></option></select>
            <select class="cb" aria-label=""><option value="gap"></option><option value="importance"></option><option value="performance"></option></select>
            <button data-zoom="png">PNG</button><a class="dl" download hidden>Data</a>
          </div>
          <span class="note"></span>
        </div>
        <div class="plot" tabindex="0" role="group" aria-describedby="summary">
          <canvas part="canvas"></canvas>
          <div class="box" hidden></div>
          <nav class="crumbs" hidden></nav>
          <div class="tip" role="tooltip" hidden></div>
          <div class="badge" hidden></div>
          <div class="msg" aria-live="polite"></div>
          <div class="sr" aria-live="polite"></div>
        </div>
        <div class="tablebox sr"><p id="summary"></p><table></table></div>
        <div class="help" role="dialog" aria-labelledby="help-title" hidden></div>
        <i class="emp" aria-hidden="true"></i>
      </div>`;

let shared = null;
function sheet() {
  if (!shared) { shared = new CSSStyleSheet(); shared.replaceSync(STYLE + PRESENTER_STYLE); }
  return shared;
}

/** The element's CSS text (for tools and tests; the element adopts it as one shared sheet). */
export const CSS_TEXT = STYLE + PRESENTER_STYLE;

/**
 * Fills `root` (the element's shadow root) and returns its parts by name: bar, chips, zoom, note,
 * plot, canvas, box, tip, badge, msg, sr, eb (whisker select), cb (colour select), cmp (Compare select), crumbs, dl.
 */
export function buildShadow(root) {
  root.adoptedStyleSheets = [sheet()];
  // MARKUP is a constant of this file (no data, no style attributes): parsing it is CSP-safe.
  root.innerHTML = MARKUP;
  const $ = (s) => root.querySelector(s);
  return {
    bar: $('.bar'), chips: $('.chips'), zoom: $('.zoom'), note: $('.note'), plot: $('.plot'), canvas: $('canvas'),
    box: $('.box'), tip: $('.tip'), badge: $('.badge'), msg: $('.msg'), sr: $('.sr'), eb: $('.eb'), cb: $('.cb'), cmp: $('.cmp'),
    crumbs: $('.crumbs'), dl: $('.dl'), tablebox: $('.tablebox'), table: $('.tablebox table'), summary: $('#summary'),
    help: $('.help'), emp: $('.emp'),
  };
}
