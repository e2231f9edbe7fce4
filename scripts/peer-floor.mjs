// The first chart's floor, for issue #15: how soon the peer benchmark's page could paint with
// this project's wasm doing all its work, and how much the element adds. Builds a pkg of
// scripts/floor/element.js (the least element that draws the job) on the wasm-bindgen glue of the
// last release build and that build's wasm from <release pkg dir>, then runs
// scripts/peer-first.mjs on it beside <release pkg dir> and uPlot.
// Needs the release build that made <release pkg dir> still in the cargo target dir (the glue's
// import names must match the wasm: checked). PEER_SLOT=load times both from the `load` event.
// Usage: node scripts/peer-floor.mjs <release pkg dir> [reps]
import fs from 'node:fs'; import path from 'node:path'; import os from 'node:os';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const [release, reps = '15'] = process.argv.slice(2);
if (!release) { console.error('usage: node scripts/peer-floor.mjs <release pkg dir> [reps]'); process.exit(2); }
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) { console.error(`${cmd} failed`); process.exit(1); }
};
const target = process.env.CARGO_TARGET_DIR || path.join(root, 'target');
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'spco-floor-'));
run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', `${out}/glue`, '--out-name', 'spco_roles',
  `${target}/wasm32-unknown-unknown/release/spco_roles.wasm`]);
const wasmFile = fs.readdirSync(release).find((f) => /^spco_roles_bg\.[0-9a-f]+\.wasm$/.test(f));
const importsOf = (f) => JSON.stringify(WebAssembly.Module.imports(new WebAssembly.Module(fs.readFileSync(f))));
if (importsOf(`${out}/glue/spco_roles_bg.wasm`) !== importsOf(path.join(release, wasmFile))) {
  console.error(`the target dir's wasm is not the one in ${release}: rebuild (scripts/build.sh) and run again`);
  process.exit(1);
}
fs.copyFileSync(path.join(root, 'scripts/floor/element.js'), `${out}/glue/entry.js`);
fs.mkdirSync(`${out}/pkg`);
fs.copyFileSync(path.join(release, wasmFile), `${out}/pkg/${wasmFile}`);
run('node_modules/.bin/esbuild', [`${out}/glue/entry.js`, '--bundle', '--format=esm', '--minify', '--target=es2020',
  `--define:WASM_FILE=${JSON.stringify(wasmFile)}`, `--outfile=${out}/pkg/spco-roles.js`, '--log-level=warning']);
console.log(`floor pkg: ${out}/pkg (spco-roles@0); release: ${release} (spco-roles@1)`);
run('node', ['scripts/peer-first.mjs', `${out}/pkg,${path.resolve(release)}`, reps]);
