// The lazy chunk (later.js, bundled as spco-roles.later.<hash>.js by scripts/build.sh): what the
// first chart does not need (the SVG and PNG exports, the help dialog, the progress bar's DOM,
// the URL part of `url-state`),
// fetched on first use. A page that never exports or opens help never downloads it.
let chunk = null;
export function later() {
  chunk ??= import('./later.js');
  chunk.catch(() => { chunk = null; });
  return chunk;
}
