// The element's attributes, and a reflecting property for each: one table, so the observed
// attributes, the properties, pkg/spco-roles.d.ts and custom-elements.json can be checked against
// each other (tests/browser/types.test.mjs). A property reads and writes its attribute: setting
// null (or false for a boolean) removes it; the getter gives the default for an absent one.

/** [attribute, property, kind, default]; kind: 'string', 'boolean', 'list' (group) or 'lang'. */
export const ATTRIBUTES = [
  ['src', 'src', 'string', null],
  ['format', 'format', 'string', 'auto'],
  ['view', 'view', 'string', 'quadrant'],
  ['group', 'group', 'list', ''],
  ['lang', 'lang', 'lang', 'en'],
  ['crosshair', 'crosshair', 'string', 'scale'],
  ['crosshair-follows', 'crosshairFollows', 'boolean', false],
  ['zoom', 'zoom', 'string', 'full'],
  ['errorbars', 'errorbars', 'string', 'sd'],
  ['sd', 'sd', 'string', 'population'],
  ['controls', 'controls', 'boolean', false],
  ['hierarchy', 'hierarchy', 'string', 'spearheads'],
  ['color-by', 'colorBy', 'string', 'gap'],
  ['compare', 'compare', 'string', ''],
  ['link', 'link', 'string', null],
  ['synthetic', 'synthetic', 'boolean', false],
  ['text-scale', 'textScale', 'string', 'auto'],
  ['source', 'source', 'string', null],
  ['url-state', 'urlState', 'boolean', false],
  ['max-size', 'maxSize', 'string', '64MB'],
  ['wheel-zoom', 'wheelZoom', 'boolean', false],
  ['theme', 'theme', 'string', 'auto'],
];

function getter(attr, kind, dflt) {
  switch (kind) {
    // Frameworks write a false boolean out as "false": that means off.
    case 'boolean': return function () { return this.hasAttribute(attr) && this.getAttribute(attr) !== 'false'; };
    // Any language but Dutch reads English (as the element's wording does).
    // The element's own attribute by primary subtag ("nl-BE" is Dutch); the language shown also
    // follows the ancestors' and the document's `lang` (lang.js).
    case 'lang': return function () { return /^nl(-|$)/i.test(this.getAttribute(attr) ?? '') ? 'nl' : 'en'; };
    default: return function () { return this.getAttribute(attr) ?? dflt; };
  }
}

function setter(attr, kind) {
  if (kind === 'boolean') return function (v) { this.toggleAttribute(attr, !!v && v !== 'false'); };
  return function (v) {
    if (v == null) { this.removeAttribute(attr); return; }
    // `group` also takes the codes as an array.
    this.setAttribute(attr, kind === 'list' && Array.isArray(v) ? v.join(',') : String(v));
  };
}

/** Defines the reflecting properties on `proto` (the element class's prototype). */
export function defineAttributeProperties(proto) {
  for (const [attr, prop, kind, dflt] of ATTRIBUTES) {
    Object.defineProperty(proto, prop, { get: getter(attr, kind, dflt), set: setter(attr, kind), configurable: true, enumerable: true });
  }
}
