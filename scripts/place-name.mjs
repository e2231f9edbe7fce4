// Writes the hashed names of on-demand files into a bundle (scripts/build.sh): each argument
// `literal=name` replaces a string literal (any quote style) that must occur exactly once, or, as
// `literal?=name`, at most once (wasm-bindgen's default module URL, which a bundle may drop).
// A build that would ship a script asking for a file that is not there stops here instead.
// Usage: node scripts/place-name.mjs <bundle.js> literal=name [literal?=name ...]
import fs from 'node:fs';

const [bundle, ...pairs] = process.argv.slice(2);
let text = fs.readFileSync(bundle, 'utf8');
for (const pair of pairs) {
  const at = pair.indexOf('=');
  let literal = pair.slice(0, at);
  const name = pair.slice(at + 1);
  const optional = literal.endsWith('?');
  if (optional) literal = literal.slice(0, -1);
  let count = 0;
  for (const q of ['"', "'", '`']) {
    const parts = text.split(q + literal + q);
    count += parts.length - 1;
    text = parts.join(q + name + q);
  }
  if (optional ? count > 1 : count !== 1) {
    console.error(`[place-name] ${bundle}: expected '${literal}' ${optional ? 'at most ' : ''}once, found it ${count} times`);
    process.exit(1);
  }
}
fs.writeFileSync(bundle, text);
