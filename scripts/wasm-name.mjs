// Rewrites the bundled element (pkg/spco-roles.js) to load the wasm module under its hashed name
// (see scripts/build.sh). Usage: node scripts/wasm-name.mjs <bundle.js> <spco_roles_bg.<hash8>.wasm>
//
// The element's loader asks for new URL('./spco_roles_bg.wasm', import.meta.url); that string
// literal must occur exactly once in the bundle, or the build stops here rather than ship a
// script that asks for a file that is not there (a refactor that moves, renames or duplicates it
// must come through here). wasm-bindgen's glue has its own default, 'spco_roles_bg.wasm', used
// only when no URL is passed; it is renamed too when the bundle still carries it.
import fs from 'node:fs';

const [bundle, name] = process.argv.slice(2);
if (!bundle || !/^spco_roles_bg\.[0-9a-f]{8}\.wasm$/.test(name ?? '')) {
  console.error('usage: node scripts/wasm-name.mjs <bundle.js> <spco_roles_bg.<hash8>.wasm>');
  process.exit(2);
}

let text = fs.readFileSync(bundle, 'utf8');
// Replaces `literal` in either quote style; returns how many were replaced.
function rename(literal, replacement) {
  let count = 0;
  for (const q of ['"', "'", '`']) {
    const parts = text.split(q + literal + q);
    count += parts.length - 1;
    text = parts.join(q + replacement + q);
  }
  return count;
}

const element = rename('./spco_roles_bg.wasm', `./${name}`);
if (element !== 1) {
  console.error(`[wasm-name] ${bundle}: expected the literal './spco_roles_bg.wasm' once, found it ${element} times`);
  process.exit(1);
}
const glue = rename('spco_roles_bg.wasm', name);
if (glue > 1) {
  console.error(`[wasm-name] ${bundle}: the glue's default 'spco_roles_bg.wasm' occurs ${glue} times`);
  process.exit(1);
}
fs.writeFileSync(bundle, text);
