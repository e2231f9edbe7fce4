// The keys and gestures, in a small non-modal dialog: opened by `?` on the chart or the help
// button in the controls, closed by Escape or its button; focus returns to where it was. Opening
// (building the dialog) is in the lazy chunk: help-dialog.js.

export function closeHelp(el) {
  const box = el._el.help;
  if (box.hidden) return false;
  box.hidden = true;
  (el._helpReturn || el._el.plot).focus();
  return true;
}

export function bindHelp(el) {
  el._el.help.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); closeHelp(el); }
  });
}
