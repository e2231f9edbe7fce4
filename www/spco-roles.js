// The entry of the <spco-roles> bundle (scripts/build.sh): it stands in pkg/ beside the
// wasm-bindgen glue and the wasm, so the glue import and the wasm's URL are relative to pkg/.
// The element itself is in element/ (element.js, and the modules it lists).

// Named imports rather than `* as`: a namespace object needs esbuild's export helper, which the
// lazy chunk's dynamic import needs too, and the build then makes a third, shared chunk.
import initWasm, {
  Chart, settings_attributes, item_role, role_item, item_is_toggle, out_of_memory, last_panic, __spco_reinit,
} from './spco_roles.js';
import { setWasmLoader, setWasmReinit, wasmReady } from './element/chart-handle.js';
import { setWorkerUrl } from './element/loader.js';
import { SpcoRolesElement } from './element/element.js';

// What chart-handle.js calls (its `mod`).
const wasm = { Chart, settings_attributes, item_role, role_item, item_is_toggle, out_of_memory, last_panic };
// The module is fetched and compiled now, while the page goes on parsing and the element builds
// its shadow DOM: the streaming compile runs on the browser's background threads, and the
// instantiation is ready when the main thread comes back to it. Started when the first element
// connected, it waited for the element's set-up and its first frame. A page that loads the script
// and shows no element pays one background compile.
const wasmUrl = new URL('./spco_roles_bg.wasm', import.meta.url);
let early = fetch(wasmUrl).catch(() => null);
setWasmLoader(() => {
  const got = early;
  early = null;
  // A failed early fetch is retried by the glue itself, which then reports the error.
  const source = got ? got.then((r) => r ?? fetch(wasmUrl)) : wasmUrl;
  return initWasm({ module_or_path: source }).then(() => wasm);
});
// __spco_reinit is appended to the glue by scripts/build.sh (www/glue-reinit.js).
setWasmReinit((old) => __spco_reinit(old));
setWorkerUrl(new URL('./spco-roles-worker.js', import.meta.url));
// A failure here is reported by the first element that asks (wasmReady() hands it the rejection).
wasmReady().catch(() => {});

export { SpcoRolesElement };

if (!customElements.get('spco-roles')) customElements.define('spco-roles', SpcoRolesElement);
