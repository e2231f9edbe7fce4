// The keys and gestures, in a small non-modal dialog: opened by `?` on the chart or the help
// button in the controls, closed by Escape or its button; focus returns to where it was.

export function openHelp(el) {
  const box = el._el.help;
  if (!box.hidden) return;
  el._helpReturn = el.shadowRoot.activeElement || el._el.plot;
  box.replaceChildren();
  const title = document.createElement('strong');
  title.id = 'help-title';
  title.textContent = el._t('help');
  const list = document.createElement('dl');
  for (const [k, v] of el._t('keys')) {
    const dt = document.createElement('dt'); dt.textContent = k;
    const dd = document.createElement('dd'); dd.textContent = v;
    list.append(dt, dd);
  }
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = el._t('close');
  close.addEventListener('click', () => closeHelp(el));
  box.append(title, list, close);
  box.hidden = false;
  close.focus();
}

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
