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
    unsafeSrc: 'The data address (src) is not allowed: only http(s), relative, blob: and data: addresses are.',
    png: 'Download the chart as a PNG image', data: 'Download the data file', dataFile: 'Data',
  },
  nl: {
    everyone: 'Iedereen', groups: 'Respondentgroepen', full: 'Volledige schaal', report: 'Zoom rapport', fit: 'Passend',
    zoomIn: 'Inzoomen', zoomOut: 'Uitzoomen', loading: 'Laden…', synthetic: 'Synthetische data',
    syntheticTitle: 'Gereconstrueerd uit gepubliceerde samenvattende cijfers; niet de ruwe antwoorden van de studie. De groepsverdeling is synthetisch.',
    noGroups: 'Deze tabel heeft geen cijfers per groep: filteren op groep is niet mogelijk.',
    smallN: 'Kleine steekproef: n < 5 voor sommige rollen; voorzichtig lezen.', respondents: 'respondenten',
    importance: 'Belang', performance: 'Prestatie', sd: 'SD', ci: '95%-BI', gap: 'Kloof',
    whiskers: 'Foutbalken', none: 'geen', error: 'De grafiek kan niet getoond worden', colorBy: 'Kleur',
    unsafeSrc: 'Het data-adres (src) is niet toegelaten: alleen http(s)-, relatieve, blob:- en data:-adressen.',
    png: 'De grafiek downloaden als PNG-afbeelding', data: 'Het databestand downloaden', dataFile: 'Data',
  },
};

/** The text for `key` in `lang` (any language other than `nl` reads English). */
export function uiText(lang, key) { return UI[lang === 'nl' ? 'nl' : 'en'][key]; }
