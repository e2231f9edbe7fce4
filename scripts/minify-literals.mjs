// Minifies the element's stylesheets and markup in the staged copy of www/ that build.sh bundles
// (never the sources): esbuild minifies code but keeps template literals as written, so their
// indentation, comments and spaces shipped. At stop 24 this took 230 B brotli off the start
// bundle, which the 125 KB budget (#12) needed.
//
// A stylesheet is a template literal that starts with a newline and `:host`; the markup one with a
// newline, spaces and `<`. Neither may hold `${`: the build stops if one does, or if a file named
// below has none, so a reshaped literal is never shipped half-minified or silently skipped.
//
// Usage: node scripts/minify-literals.mjs <staged element dir>
import fs from 'node:fs';
import path from 'node:path';

const FILES = { 'shadow.js': 2, 'presenter-style.js': 1, 'adaptive.js': 1 };

// Comments out, whitespace runs to one space, none around `{ } ; , >` or after `:`, no `;` before
// `}`. The sheets hold no strings or selectors where those spaces matter (checked by the browser
// tests, which run on the minified bundle).
const css = (s) => s.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' ')
  .replace(/\s*([{};,>])\s*/g, '$1').replace(/:\s+/g, ':').replace(/;}/g, '}').trim();
// Between tags only: every container of the markup is a flex box or holds block or absolutely
// placed children, where whitespace between tags renders as nothing.
const html = (s) => s.replace(/>\s+</g, '><').trim();

const dir = process.argv[2];
for (const [file, want] of Object.entries(FILES)) {
  const p = path.join(dir, file);
  let n = 0;
  const out = fs.readFileSync(p, 'utf8').replace(/`(\n(?::host|\s*<)[^`]*)`/g, (m, body) => {
    if (body.includes('${')) throw new Error(`${file}: a literal to minify holds \${…}`);
    n++;
    return '`' + (body.trimStart().startsWith('<') ? html(body) : css(body)) + '`';
  });
  if (n !== want) throw new Error(`${file}: ${n} literals to minify, expected ${want}`);
  fs.writeFileSync(p, out);
}
