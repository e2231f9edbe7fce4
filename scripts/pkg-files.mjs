// The files of a built pkg/ (or a release) by role, for the tests, the benchmarks and the release:
// the .wasm carries a content hash in its name (scripts/build.sh), so nobody may spell it out.
import fs from 'node:fs';
import path from 'node:path';

export const WASM_PATTERN = /^spco_roles_bg\.[0-9a-f]{8}\.wasm$/;

// The one hashed wasm module in `dir` (file name only); throws when there is none or more than one.
export function wasmName(dir = 'pkg') {
  const found = fs.readdirSync(dir).filter((f) => WASM_PATTERN.test(f));
  if (found.length !== 1) {
    throw new Error(`${dir}: expected one spco_roles_bg.<hash>.wasm, found ${found.length ? found.join(', ') : 'none'} (run npm run build)`);
  }
  return found[0];
}

// What a page downloads at start: the wasm and the one JS module, as paths under `dir`.
export function shippedFiles(dir = 'pkg') {
  return [path.join(dir, wasmName(dir)), path.join(dir, 'spco-roles.js')];
}
