// The entry of the lazy chunk (lazy.js says what it is for). Nothing here may be imported
// statically by the rest of the element, or it moves back into the start bundle.
export { svgExport } from './svg-export.js';
export { chartImage, downloadPng } from './export.js';
export { openHelp } from './help-dialog.js';
export { showProgress } from './progress-bar.js';
export { syncUrl } from './url-hash.js';
export { importBig } from './big-load.js';
