// The keys dialog's contents, built when it is first opened (lazy chunk; help.js closes it).

// `closeHelp` is help.js's, passed in (the lazy chunk imports nothing of the element).

export function openHelp(el, closeHelp) {
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

