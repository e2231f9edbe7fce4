// The floor of issue #15's first chart (scripts/peer-floor.mjs): the release wasm and its glue,
// driven by the least element that draws the benchmark's job: no controls, number key, text
// alternatives, presenter or small-screen handling, no sizing beyond one read, no error display.
// The wasm does all its work (import, statistics, layout, drawing), so the difference between
// this and <spco-roles> is what the element adds to the first chart. Not shipped.
import init, { Chart } from './spco_roles.js';

// WASM_FILE is the release wasm's hashed name (esbuild --define).
const early = fetch(new URL(`./${WASM_FILE}`, import.meta.url));
const ready = init({ module_or_path: early });

class FloorElement extends HTMLElement {
  constructor() {
    super();
    this.canvas = document.createElement('canvas');
    this.canvas.style.cssText = 'display:block;width:100%;height:100%';
    this.attachShadow({ mode: 'open' }).append(this.canvas);
  }

  async connectedCallback() {
    const body = fetch(this.getAttribute('src')).then((r) => r.arrayBuffer());
    const [bytes] = await Promise.all([body, ready]);
    const chart = new Chart(this.canvas);
    chart.set_lang(this.getAttribute('lang') || 'en');
    chart.load(new Uint8Array(bytes), '', 'data');
    const settings = {};
    for (const name of this.getAttributeNames()) settings[name] = this.getAttribute(name);
    chart.set_settings(settings);
    const box = this.getBoundingClientRect(), dpr = devicePixelRatio;
    this.canvas.width = Math.round(box.width * dpr);
    this.canvas.height = Math.round(box.height * dpr);
    chart.resize(box.width, box.height, dpr);
    chart.draw(performance.now());
    this.dispatchEvent(new Event('load'));
  }
}
customElements.define('spco-roles', FloorElement);
