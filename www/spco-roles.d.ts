// Types for the <spco-roles> custom element (pkg/spco-roles.js).
//
// Every object type is a named interface with one member per line: tests/browser/types.test.mjs
// reads this file and compares each interface's members with the objects the element really
// hands out (the Rust serde types: src/stats/mod.rs, src/session/css.rs, src/session/mod.rs
// `Info`), and the element class's members with the element's own properties. React and Vue
// declarations: spco-roles-react.d.ts, spco-roles-vue.d.ts; any other JSX: spco-roles-jsx.d.ts.

export type View = 'quadrant' | 'hierarchy';
export type Lang = 'nl' | 'en';
export type DataFormat = 'auto' | 'long' | 'wide' | 'qualtrics' | 'json' | 'summary';
export type QuadrantCode = 'keep_up' | 'overkill' | 'low_priority' | 'concentrate';
export type CategoryCode = 'strategic' | 'operational' | 'all_round';
export type SpearheadKind = 'framework' | 'action';
export type ErrorBars = 'sd' | 'ci' | 'none';
export type SdKind = 'population' | 'sample';
export type HierarchyKind = 'spearheads' | 'categories';
export type ColorBy = 'gap' | 'importance' | 'performance';
/** `auto` (larger type on a large screen or in fullscreen) or a factor from 0.5 to 4, e.g. `1.5`. */
export type TextScale = 'auto' | `${number}`;
/** Light or dark colours; `auto`: dark when the page declares `color-scheme: light dark` and the reader prefers dark. */
export type Theme = 'light' | 'dark' | 'auto';

/** One scale's description of one role (src/stats/describe.rs `Describe`). */
export interface Describe {
  /** Answers counted; null when a summary table does not say. */
  n: number | null;
  mean: number;
  median: number | null;
  modes: number[];
  sd: number | null;
  se: number | null;
  ci95: [number, number] | null;
  min: number | null;
  max: number | null;
  /** Counts at scale points 1..max (null for a summary table). */
  counts: number[] | null;
}

export interface RoleStats {
  role: number;
  category: CategoryCode;
  importance: Describe | null;
  performance: Describe | null;
  quadrant: QuadrantCode | null;
  gap: number | null;
  ci_crosses_crosshair: boolean;
  small_n: boolean;
}

export interface GroupStats {
  code: string;
  label_nl: string;
  label_en: string;
  known: boolean;
  n: number | null;
  /** Part of the selection (every group when none is selected). */
  selected: boolean;
}

export interface Selection {
  groups: string[];
  spcos: string[];
}

export interface CrosshairValue {
  importance: number;
  performance: number;
  kind: 'scale' | 'mean' | 'median' | 'at';
}

export interface RollupMean {
  mean: number | null;
  n_roles: number;
}

/** A category's roll-up (`stats.categories`). */
export interface CategoryRollup {
  code: CategoryCode;
  roles: number[];
  weights: number[];
  importance: RollupMean;
  performance: RollupMean;
  gap: number | null;
  quadrant: QuadrantCode | null;
  method: string;
}

/** A spearhead role's roll-up (`stats.spearheads`). */
export interface SpearheadRollup {
  id: number;
  kind: SpearheadKind;
  roles: number[];
  weights: number[];
  importance: RollupMean;
  performance: RollupMean;
  gap: number | null;
  quadrant: QuadrantCode | null;
  method: string;
}

/** The statistics of the current selection (the CLI's `stats` JSON; src/stats/mod.rs `Stats`). */
export interface Stats {
  source: 'respondents' | 'summary';
  sd: SdKind;
  n_respondents: number | null;
  selection: Selection;
  groups: GroupStats[];
  crosshair: CrosshairValue;
  roles: RoleStats[];
  categories: CategoryRollup[];
  spearheads: SpearheadRollup[];
  notes: string[];
}

export interface Exclusion {
  reason: string;
  count: number;
}

/** What the element knows about the loaded data (`dataInfo`; src/session/mod.rs `Info`). */
export interface DataInfo {
  format: Exclude<DataFormat, 'auto'>;
  source: 'respondents' | 'summary';
  n_respondents: number | null;
  groups: GroupStats[];
  excluded: Exclusion[];
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface ViewRanges {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

export interface LayoutPoint {
  role: number;
  x: number;
  y: number;
}

export interface LayoutLabel {
  role: number;
  x: number;
  y: number;
  w: number;
  h: number;
  number_only: boolean;
  leader: boolean;
}

/** A comparison arrow (`compare`): from group A's position (x0, y0) to B's (x1, y1); `segment`
 * [x0, y0, x1, y1] is the drawn part, null when out of view. */
export interface LayoutArrow {
  role: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** The 95% interval of the difference excludes zero on either scale: drawn solid. */
  clear: boolean;
  /** B performs at least as well as A (blue; red = worse). */
  better: boolean;
  segment: [number, number, number, number] | null;
}

/** Hierarchy node: ids are roles 1-14, spearhead roles 101-110, kinds 201-202, higher purpose
 * 300-303, categories 401-403. */
export interface LayoutNode {
  id: number;
  x: number;
  y: number;
  w: number;
  h: number;
  font_css: number;
  lines: string[];
  line_boxes: Rect[];
}

export interface LayoutEdge {
  from: number;
  to: number;
  primary: boolean;
}

/** One group's figures for one role and scale in a comparison. */
export interface SideFigures {
  n: number | null;
  mean: number;
  sd: number | null;
}

/** B − A on one scale of one role (src/stats/compare `ScaleDiff`). */
export interface ScaleDiff {
  a: SideFigures | null;
  b: SideFigures | null;
  diff: number | null;
  se: number | null;
  df: number | null;
  ci95: [number, number] | null;
  excludes_zero: boolean | null;
  reason: string | null;
}

/** Two groups compared (`el.comparison`, the CLI's `--compare` JSON; src/stats/compare `Comparison`). */
export interface Comparison {
  source: 'respondents' | 'summary';
  sd: SdKind;
  a: { selection: Selection; n_respondents: number | null };
  b: { selection: Selection; n_respondents: number | null };
  crosshair: CrosshairValue;
  roles: Array<{
    role: number;
    category: string;
    importance: ScaleDiff;
    performance: ScaleDiff;
    quadrant_a: string | null;
    quadrant_b: string | null;
    quadrant_changes: boolean | null;
    gap_a: number | null;
    gap_b: number | null;
    clear: boolean;
  }>;
  categories: unknown[];
  spearheads: unknown[];
  differences: number;
  intervals: number;
  clear: number;
  notes: string[];
}

/** The last drawn frame in CSS pixels (src/session/css.rs `LayoutCss`). */
export interface Layout {
  width_css: number;
  height_css: number;
  dpr: number;
  plot: Rect;
  view: ViewRanges;
  points: LayoutPoint[];
  labels: LayoutLabel[];
  arrows: LayoutArrow[];
  nodes: LayoutNode[];
  edges: LayoutEdge[];
  breadcrumb: string[];
  highlighted: number | null;
  selected: number | null;
}

/** What a presenter showed (`el.state`; with `url-state` also in the URL hash). */
export interface ViewState {
  view: View;
  /** The quadrant's data ranges [x0, x1, y0, y1]; null in the hierarchy. */
  zoom: [number, number, number, number] | null;
  groups: string[];
  selected: number | null;
  /** The `compare` setting ("sme,large"); null or absent: no comparison. */
  compare?: string | null;
}

export interface RoleSelectDetail {
  role: number | null;
  source: string | null;
}

export interface ViewChangeDetail {
  view: View;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

export interface ErrorDetail {
  message: string;
}

/**
 * The element's events. `role-select`, `view-change` and `error` bubble and cross the shadow
 * boundary; `load` (new data drawn for the first time, as an image's load: `dataInfo` describes
 * it) does neither.
 */
export interface SpcoRolesEventMap {
  'role-select': CustomEvent<RoleSelectDetail>;
  'view-change': CustomEvent<ViewChangeDetail>;
  'error': CustomEvent<ErrorDetail>;
  'load': Event;
}

/**
 * The attributes as a framework passes them (JSX, Vue templates). Boolean attributes are
 * present or absent; `group` is comma-separated.
 */
export interface SpcoRolesAttributes {
  src?: string;
  format?: DataFormat;
  view?: View;
  group?: string;
  lang?: Lang;
  crosshair?: string;
  'crosshair-follows'?: boolean;
  zoom?: string;
  errorbars?: ErrorBars;
  sd?: SdKind;
  controls?: boolean;
  hierarchy?: HierarchyKind;
  'color-by'?: ColorBy;
  compare?: string;
  link?: string;
  synthetic?: boolean;
  'max-size'?: string;
  'text-scale'?: TextScale;
  source?: string;
  'url-state'?: boolean;
  'wheel-zoom'?: boolean;
  theme?: Theme;
}

export declare class SpcoRolesElement extends HTMLElement {
  /** A data file: http(s), relative, blob: or data: URL (anything else is an error). */
  src: string | null;
  /** How to read the data (`src` or setData's); changing it re-imports. */
  format: DataFormat;
  view: View;
  /** Selected group codes, comma-separated ('' = everyone); also set from an array. */
  get group(): string;
  set group(value: string | readonly string[] | null);
  lang: Lang;
  /** `scale`, `mean`, `median` or `x,y`. */
  crosshair: string;
  crosshairFollows: boolean;
  /** `full`, `report`, `fit` or `x0,x1,y0,y1`. */
  zoom: string;
  errorbars: ErrorBars;
  sd: SdKind;
  controls: boolean;
  hierarchy: HierarchyKind;
  colorBy: ColorBy;
  /** Two groups to compare, `A,B` (e.g. `sme,large`); '' = no comparison. */
  compare: string;
  link: string | null;
  synthetic: boolean;
  /** The largest data accepted: bytes, or with a unit (`64MB`, `500kB`); default `64MB`. */
  maxSize: string;
  /** `auto` or a factor from 0.5 to 4 for the chart's type; also set from a number. */
  get textScale(): TextScale;
  set textScale(value: TextScale | number | null);
  /** The source line exports carry (SVG, CSV, PNG); null: the data file's name. */
  source: string | null;
  /** Keeps the view (`state`) in the URL hash: a reload restores it, Back steps through it. */
  urlState: boolean;
  /** The plain wheel zooms even before the chart is clicked or focused (else it scrolls the page). */
  wheelZoom: boolean;
  /** `auto` follows the page's color-scheme and the reader's preference. */
  theme: Theme;
  selectedRole: number | null;
  /** Loads data from text or bytes; `format` defaults to the `format` attribute, else auto. */
  setData(data: string | ArrayBuffer | ArrayBufferView, format?: DataFormat | null, name?: string | null): Promise<void>;
  readonly stats: Stats | null;
  /** With `compare`: both groups' figures per role, the differences and their 95% intervals. */
  readonly comparison: Comparison | null;
  readonly layout: Layout | null;
  readonly dataInfo: DataInfo | null;
  /** The chart as drawn now, as an image (PNG unless `type` says otherwise) at device-pixel resolution. */
  toBlob(type?: string): Promise<Blob | null>;
  /** The current view as a standalone SVG document with the source line; null before data. */
  toSvg(): Promise<string | null>;
  /** The statistics of the current selection as CSV (one row per role) with the source line; null before data. */
  toCsv(): string | null;
  /** Copies the chart image (PNG) to the clipboard where the browser allows; resolves to true on success. */
  copyImage(): Promise<boolean>;
  /** The view as a plain object (null before data). Setting it throws an Error when it does not fit the data. */
  get state(): ViewState | null;
  set state(value: Partial<ViewState>);
  addEventListener<K extends keyof SpcoRolesEventMap>(type: K, listener: (this: SpcoRolesElement, ev: SpcoRolesEventMap[K]) => any, options?: boolean | AddEventListenerOptions): void;
  addEventListener<K extends keyof HTMLElementEventMap>(type: K, listener: (this: SpcoRolesElement, ev: HTMLElementEventMap[K]) => any, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof SpcoRolesEventMap>(type: K, listener: (this: SpcoRolesElement, ev: SpcoRolesEventMap[K]) => any, options?: boolean | EventListenerOptions): void;
  removeEventListener<K extends keyof HTMLElementEventMap>(type: K, listener: (this: SpcoRolesElement, ev: HTMLElementEventMap[K]) => any, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'spco-roles': SpcoRolesElement;
  }
  // `role-select` and `view-change` bubble to any ancestor. (`error` and `load` are already in
  // the map, as the plain Event type every element's error and load have.)
  interface HTMLElementEventMap {
    'role-select': CustomEvent<RoleSelectDetail>;
    'view-change': CustomEvent<ViewChangeDetail>;
  }
}
