// The first chart's stages, for issue #15: makes a copy of a readable build (SPCO_MINIFY=0
// scripts/build.sh, into its own folder) with `performance.mark('s <stage>')` at each stage of
// the element's first data (making the chart, reading the body, import, settings, the number
// key's layouts, drawing, text alternatives), with a release build's wasm in place of its own
// (the same source, so the same imports), then runs scripts/peer-first.mjs on it, which prints
// the marks beside the resource timeline. A stage that runs twice (the key's second layout)
// shows its last mark. Each anchor is a line of www/element/ as esbuild prints it: when one is
// missing the script stops and names it.
// Usage: node scripts/peer-first-stages.mjs <readable pkg dir> <release pkg dir> [reps]
import fs from 'node:fs'; import path from 'node:path'; import os from 'node:os';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const [readable, release, reps = '15'] = process.argv.slice(2);
if (!readable || !release) { console.error('usage: node scripts/peer-first-stages.mjs <readable pkg dir> <release pkg dir> [reps]'); process.exit(2); }
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'spco-stages-'));
fs.cpSync(readable, out, { recursive: true });
const wasmOf = (dir) => fs.readdirSync(dir).find((f) => /^spco_roles_bg\.[0-9a-f]+\.wasm$/.test(f));
fs.copyFileSync(path.join(release, wasmOf(release)), path.join(out, wasmOf(out)));

const M = (n) => `performance.mark('s ${n}');`;
// [what comes before the mark (or '' to put it first), the anchor]
const STAGES = [
  ['handle', 'this._handle = this._call(() => this._newHandle(m));'],
  ['measure', 'this._measure(true);\n    return this._handle;'],
  ['wait for body and chart', 'const [{ size, chunks, length }] = await Promise.all([body, el._ensureHandle()]);'],
  ['import', 'this._call(() => this._handle.setLang(this._lang));'],
  ['afterLoad', 'this._info = info ?? this._call(() => this._handle.info());'],
  ['options', 'this._applyOptions(true);\n    this._applyZoom();'],
  ['fitKey', 'const keyFitted = a11yDue(this) && this._fitKey();'],
  ['prepare', 'this._call(() => this._handle.prepare());\n      } catch {'],
  ['renderKey', 'if (!renderKey(this)) return true;'],
  ['keyMeasure', 'if (!this._measure()) return true;'],
  ['draw', 'const more2 = this._call(() => this._handle.draw(performance.now()));'],
  ['drawn', 'const small = !!this._safe(() => this._handle.tooSmall());'],
  ['a11y', 'scheduleA11y(this, keyFitted ? void 0 : () => renderKey(this));'],
];
const file = path.join(out, 'spco-roles.js');
let js = fs.readFileSync(file, 'utf8');
for (const [name, anchor] of STAGES) {
  const n = js.split(anchor).length - 1;
  if (n !== 1) { console.error(`anchor of stage "${name}" found ${n} times (want 1): ${JSON.stringify(anchor)}`); process.exit(1); }
  js = js.replace(anchor, M(name) + anchor);
}
fs.writeFileSync(file, js);
console.log(`marked copy: ${out}`);
const here = path.dirname(fileURLToPath(import.meta.url));
const r = spawnSync(process.execPath, [path.join(here, 'peer-first.mjs'), out, reps], { stdio: 'inherit', env: { ...process.env, PAGES: process.env.PAGES || 'spco-roles' } });
process.exit(r.status ?? 1);
