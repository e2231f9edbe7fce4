// The element's own wording (controls, messages, the PNG footer), English and Dutch. Chart text
// (axes, tooltips, role names) comes from wasm.

const UI = {
  en: {
    everyone: 'Everyone', groups: 'Respondent groups', full: 'Full scale', report: 'Report zoom', fit: 'Fit',
    zoomIn: 'Zoom in', zoomOut: 'Zoom out', loading: 'Loading…', synthetic: 'Synthetic data',
    syntheticTitle: 'Reconstructed from published summary figures; not the study\'s raw answers. The group split is synthetic.',
    noGroups: 'This table has no per-group figures: filtering by group is not possible.',
    smallN: 'Small sample: n < 5 for some roles; read with care.', respondents: 'respondents',
    importance: 'Importance', performance: 'Performance', sd: 'SD', ci: '95% CI', gap: 'Gap',
    whiskers: 'Whiskers', none: 'none', error: 'Could not show the chart', colorBy: 'Colour',
    compare: 'Compare…', compareOff: 'Compare: off', compareGroups: 'Compare two groups',
    unsafeSrc: 'The data address (src) is not allowed: only http(s), relative, blob: and data: addresses are.',
    png: 'Download the chart as a PNG image', data: 'Download the data file', dataFile: 'Data',
    progress: 'Loading progress', cancel: 'Cancel', rowsRead: 'rows read',
    tooBig: 'This file is {size}; the limit (max-size) is {max}.',
    tooBigAtLeast: 'This file is more than {size}; the limit (max-size) is {max}.',
    noMemory: 'Not enough memory for this file.',
    tooSmall: 'Too small to show the chart: give the element more room.',
  },
  nl: {
    everyone: 'Iedereen', groups: 'Respondentgroepen', full: 'Volledige schaal', report: 'Zoom rapport', fit: 'Passend',
    zoomIn: 'Inzoomen', zoomOut: 'Uitzoomen', loading: 'Laden…', synthetic: 'Synthetische data',
    syntheticTitle: 'Gereconstrueerd uit gepubliceerde samenvattende cijfers; niet de ruwe antwoorden van de studie. De groepsverdeling is synthetisch.',
    noGroups: 'Deze tabel heeft geen cijfers per groep: filteren op groep is niet mogelijk.',
    smallN: 'Kleine steekproef: n < 5 voor sommige rollen; voorzichtig lezen.', respondents: 'respondenten',
    importance: 'Belang', performance: 'Prestatie', sd: 'SD', ci: '95%-BI', gap: 'Kloof',
    whiskers: 'Foutbalken', none: 'geen', error: 'De grafiek kan niet getoond worden', colorBy: 'Kleur',
    compare: 'Vergelijk…', compareOff: 'Vergelijken: uit', compareGroups: 'Twee groepen vergelijken',
    unsafeSrc: 'Het data-adres (src) is niet toegelaten: alleen http(s)-, relatieve, blob:- en data:-adressen.',
    png: 'De grafiek downloaden als PNG-afbeelding', data: 'Het databestand downloaden', dataFile: 'Data',
    progress: 'Voortgang van het laden', cancel: 'Annuleren', rowsRead: 'rijen gelezen',
    tooBig: 'Dit bestand is {size}; de limiet (max-size) is {max}.',
    tooBigAtLeast: 'Dit bestand is groter dan {size}; de limiet (max-size) is {max}.',
    noMemory: 'Niet genoeg geheugen voor dit bestand.',
    tooSmall: 'Te klein om de grafiek te tonen: geef het element meer ruimte.',
  },
};

/** The text for `key` in `lang` (any language other than `nl` reads English). */
export function uiText(lang, key) { return UI[lang === 'nl' ? 'nl' : 'en'][key]; }

// Screen-reader and keyboard wording (a11y.js, table.js, help.js; the keys dialog's list is
// help-dialog.js's, in the lazy chunk).
Object.assign(UI.en, {
  chart: 'chart', quadrantName: 'Quadrant chart of importance and performance', hierarchyName: 'Hierarchy of the spearhead roles',
  table: 'Table', help: 'Keys and gestures', close: 'Close', expanded: 'expanded', collapsed: 'collapsed',
  expand: 'Expand', collapse: 'Collapse', selected: 'selected', zoomed: 'View', rolesShown: 'roles shown', nodesShown: 'nodes shown',
  quadrantChanged: 'Changed quadrant', noQuadrantChange: 'No role changed quadrant', to: 'to',
});
Object.assign(UI.nl, {
  chart: 'grafiek', quadrantName: 'Kwadrantgrafiek van belang en prestatie', hierarchyName: 'Hiërarchie van de speerpuntrollen',
  table: 'Tabel', help: 'Toetsen en gebaren', close: 'Sluiten', expanded: 'uitgeklapt', collapsed: 'ingeklapt',
  expand: 'Uitklappen', collapse: 'Inklappen', selected: 'geselecteerd', zoomed: 'Beeld', rolesShown: 'rollen getoond', nodesShown: 'knopen getoond',
  quadrantChanged: 'Ander kwadrant', noQuadrantChange: 'Geen rol veranderde van kwadrant', to: 'naar',
});
// Touch, wheel, small screens and print (touch.js, adaptive.js).
Object.assign(UI.en, { wheelHint: 'Ctrl + scroll to zoom', zoomMenu: 'Zoom', groupsMenu: 'Groups', key: 'Numbers on the chart' });
Object.assign(UI.nl, { wheelHint: 'Ctrl + scrollen om te zoomen', zoomMenu: 'Zoom', groupsMenu: 'Groepen', key: 'Nummers op de grafiek' });
// Presenter features (fullscreen.js, spotlight.js, exports.js).
Object.assign(UI.en, {
  fullscreen: 'Full screen (F)', exitFullscreen: 'Leave full screen (F)', svg: 'Download the view as SVG',
  csv: 'Download the statistics of this selection as CSV', copy: 'Copy image', fullscreenShort: 'Full screen', copied: 'Image copied',
  copyFailed: 'This browser does not allow copying images', spotlightClose: 'Close (Esc)',
  source: 'Source', nextRole: '← → next role',
});
Object.assign(UI.nl, {
  fullscreen: 'Volledig scherm (F)', exitFullscreen: 'Volledig scherm verlaten (F)', svg: 'De weergave downloaden als SVG',
  csv: 'De statistieken van deze selectie downloaden als CSV', copy: 'Afbeelding kopiëren', fullscreenShort: 'Volledig scherm', copied: 'Afbeelding gekopieerd',
  copyFailed: 'Deze browser staat het kopiëren van afbeeldingen niet toe', spotlightClose: 'Sluiten (Esc)',
  source: 'Bron', nextRole: '← → volgende rol',
});
