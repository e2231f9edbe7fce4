// The wording of the presenter features (fullscreen, spotlight, exports, shareable views), English
// and Dutch; kept apart from ui-text.js so those features stay in their own modules.

const TEXT = {
  en: {
    fullscreen: 'Full screen (F)', exitFullscreen: 'Leave full screen (F)', svg: 'Download the view as SVG',
    csv: 'Download the statistics of this selection as CSV', copy: 'Copy image', fullscreenShort: 'Full screen', copied: 'Image copied',
    copyFailed: 'This browser does not allow copying images', spotlightClose: 'Close (Esc)',
    source: 'Source', nextRole: '← → next role',
  },
  nl: {
    fullscreen: 'Volledig scherm (F)', exitFullscreen: 'Volledig scherm verlaten (F)', svg: 'De weergave downloaden als SVG',
    csv: 'De statistieken van deze selectie downloaden als CSV', copy: 'Afbeelding kopiëren', fullscreenShort: 'Volledig scherm', copied: 'Afbeelding gekopieerd',
    copyFailed: 'Deze browser staat het kopiëren van afbeeldingen niet toe', spotlightClose: 'Sluiten (Esc)',
    source: 'Bron', nextRole: '← → volgende rol',
  },
};

/** The text for `key` in the element's language. */
export function presenterText(el, key) { return TEXT[el._lang === 'nl' ? 'nl' : 'en'][key]; }
