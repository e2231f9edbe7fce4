// The keys dialog's contents, built when it is first opened (lazy chunk; help.js closes it).

// `closeHelp` is help.js's, passed in (the lazy chunk imports nothing of the element). The list
// is here, not in ui-text.js, so a page that never opens it does not download it (~0.6 KB brotli).

const KEYS = {
  en: [
    ['Tab', 'moves into and out of the chart (one stop)'], ['← → ↑ ↓', 'the nearest role or node in that direction'], ['← → (role selected)', 'previous / next role'],
    ['Home / End', 'first / last role or node'], ['Enter', 'select (hierarchy: zoom into the node)'],
    ['Space', 'hierarchy: collapse or expand the node; chart: select'], ['Escape', 'clear the selection (hierarchy: back out)'],
    ['Shift + arrows', 'pan'], ['+ / −', 'zoom in / out'], ['0', 'back to the starting view'], ['?', 'this list'], ['F', 'fullscreen'],
  ],
  enMouse: [['Wheel, pinch', 'zoom at the pointer'], ['Drag', 'pan'], ['Shift + drag', 'zoom to a box'], ['Double-click', 'starting view']],
  enTouch: [['Tap', "a role's card (tap elsewhere to close it)"], ['Two fingers', 'pinch to zoom, move to pan'], ['One finger', 'scrolls the page']],
  nl: [
    ['Tab', 'gaat de grafiek in en uit (één stop)'], ['← → ↑ ↓', 'de dichtstbijzijnde rol of knoop in die richting'], ['← → (rol geselecteerd)', 'vorige / volgende rol'],
    ['Home / End', 'eerste / laatste rol of knoop'], ['Enter', 'selecteren (hiërarchie: inzoomen op de knoop)'],
    ['Spatie', 'hiërarchie: knoop in- of uitklappen; grafiek: selecteren'], ['Escape', 'selectie wissen (hiërarchie: terug)'],
    ['Shift + pijltjes', 'verschuiven'], ['+ / −', 'in- / uitzoomen'], ['0', 'terug naar het beginbeeld'], ['?', 'deze lijst'], ['F', 'volledig scherm'],
  ],
  nlMouse: [['Scrollwiel, knijpen', 'zoomen bij de aanwijzer'], ['Slepen', 'verschuiven'], ['Shift + slepen', 'zoomen op een kader'], ['Dubbelklik', 'beginbeeld']],
  nlTouch: [['Tikken', 'de kaart van een rol (tik ernaast om ze te sluiten)'], ['Twee vingers', 'knijpen om te zoomen, schuiven om te verschuiven'], ['Eén vinger', 'scrolt de pagina']],
};

export function openHelp(el, closeHelp) {
  const box = el._el.help;
  if (!box.hidden) return;
  el._helpReturn = el.shadowRoot.activeElement || el._el.plot;
  box.replaceChildren();
  const title = document.createElement('strong');
  title.id = 'help-title';
  title.textContent = el._t('help');
  const list = document.createElement('dl');
  // ui-text.js's rule: any language other than Dutch reads English.
  const lang = el._lang === 'nl' ? 'nl' : 'en';
  // On a touch screen the gestures come first, and the mouse's only where a mouse is too (one
  // finger scrolls the page there, so "Drag: pan" would be wrong).
  const touch = matchMedia('(pointer: coarse)').matches;
  const mouse = matchMedia('(any-pointer: fine)').matches || !touch;
  const rows = [...(touch ? KEYS[lang + 'Touch'] : []), ...KEYS[lang], ...(mouse ? KEYS[lang + 'Mouse'] : [])];
  for (const [k, v] of rows) {
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
  // The list is longer than a phone's chart: it opens at its top (the touch gestures), not
  // scrolled down to the Close button that takes the focus.
  close.focus({ preventScroll: true });
  box.scrollTop = 0;
  box.scrollIntoView({ block: 'nearest' });
}

