
// ---- appended to wasm-bindgen's glue by scripts/build.sh (www/glue-reinit.js) ----
// After a trap the instance's state is unknown, so the page starts a fresh instance of the same
// compiled module (no new fetch or compile). The glue keeps one instance in module variables and
// its init returns it forever, so this lives inside the glue, where those variables are in scope
// (names of the wasm-bindgen version in Cargo.lock; the trap test in tests/browser/bigfile.test.mjs
// fails if they change). `old` are the trapped instance's Chart objects: they are unregistered
// from the finalizer and forgotten, so a later garbage collection cannot free their pointers in
// the new instance.
export async function __spco_reinit(old) {
  for (const o of old) { ChartFinalization.unregister(o); o.__wbg_ptr = 0; }
  const { instance } = await __wbg_load(wasmModule, __wbg_get_imports());
  return __wbg_finalize_init(instance, wasmModule);
}
