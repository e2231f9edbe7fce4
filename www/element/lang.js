// The element's language: its own `lang`, else the nearest ancestor's, else the document's,
// matched by primary subtag ("nl-BE", "NL" and "nl" are Dutch; anything else English). One
// MutationObserver on the document watches `lang` attributes only, so a page that switches its
// language (or moves the element under another) re-words every connected element.

const watched = new Set();
let observer = null;

/** 'nl' or 'en': the language `el` is shown in. */
export function effectiveLang(el) {
  const own = el.closest('[lang]') ?? document.documentElement;
  const tag = own.getAttribute('lang') || document.documentElement.getAttribute('lang') || '';
  return tag.split('-')[0].toLowerCase() === 'nl' ? 'nl' : 'en';
}

/** Calls `el._langChanged()` whenever a `lang` attribute anywhere in the document changes. */
export function watchLang(el) {
  watched.add(el);
  if (observer) return;
  observer = new MutationObserver(() => { for (const e of watched) e._langChanged(); });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}

export function unwatchLang(el) {
  watched.delete(el);
  if (!watched.size && observer) { observer.disconnect(); observer = null; }
}
