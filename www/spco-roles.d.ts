// Types for the <spco-roles> custom element (pkg/spco-roles.js).

export type View = 'quadrant' | 'hierarchy';
export type Lang = 'nl' | 'en';
export type DataFormat = 'auto' | 'long' | 'wide' | 'qualtrics' | 'json' | 'summary';
export type QuadrantCode = 'keep_up' | 'overkill' | 'low_priority' | 'concentrate';

export interface Describe {
  n: number; mean: number; median: number | null; modes: number[]; sd: number | null; se: number | null;
  ci95: [number, number] | null; min: number | null; max: number | null; counts: number[] | null;
}

export interface RoleStats {
  role: number; category: 'strategic' | 'operational' | 'all_round';
  importance: Describe | null; performance: Describe | null;
  quadrant: QuadrantCode | null; gap: number | null; ci_crosses_crosshair: boolean; small_n: boolean;
}

export interface Stats {
  source: 'respondents' | 'summary'; sd: 'population' | 'sample'; n_respondents: number | null;
  groups: { code: string; label_nl: string; label_en: string; known: boolean; n: number | null }[];
  crosshair: { importance: number; performance: number; kind: string };
  roles: RoleStats[];
  categories: unknown[]; spearheads: unknown[];
}

export interface Layout {
  width_css: number; height_css: number;
  plot: { x: number; y: number; w: number; h: number };
  view: { x0: number; x1: number; y0: number; y1: number };
  points: { role: number; x: number; y: number }[];
  labels: { role: number; x: number; y: number; w: number; h: number; number_only: boolean; leader: boolean }[];
  /** Hierarchy view: node ids are roles 1-14, spearhead roles 101-110, kinds 201-202, higher
   * purpose 300-303, categories 401-403. */
  nodes: { id: number; x: number; y: number; w: number; h: number; font_css: number; lines: string[];
    line_boxes: { x: number; y: number; w: number; h: number }[] }[];
  edges: { from: number; to: number; primary: boolean }[];
  breadcrumb: string[];
  highlighted: number | null;
  selected: number | null;
}

export interface RoleSelectDetail { role: number | null; source: string | null }
export interface ViewChangeDetail { view: View; x0: number; x1: number; y0: number; y1: number }
export interface ErrorDetail { message: string }

export declare class SpcoRolesElement extends HTMLElement {
  /** A data file in any import format (long, wide, Qualtrics, JSON, summary). */
  src: string | null;
  view: View;
  /** `spearheads` (report Figure 3) or `categories`; attribute `hierarchy`. Colour: attribute `color-by`. */
  /** Comma-separated group codes; empty = everyone. Also accepts an array when set. */
  group: string;
  lang: Lang;
  /** `scale`, `mean`, `median` or `x,y`. */
  crosshair: string;
  /** `full`, `report`, `fit` or `x0,x1,y0,y1`. */
  zoom: string;
  controls: boolean;
  errorbars: 'sd' | 'ci' | 'none';
  link: string | null;
  selectedRole: number | null;
  /** Loads data from text or bytes. */
  setData(text: string | ArrayBuffer | Uint8Array, format?: DataFormat, name?: string): Promise<void>;
  readonly stats: Stats | null;
  readonly layout: Layout | null;
  readonly dataInfo: unknown;
  /** The chart as drawn now, as an image (PNG unless `type` says otherwise) at device-pixel resolution. */
  toBlob(type?: string): Promise<Blob | null>;
  addEventListener(type: 'role-select', listener: (e: CustomEvent<RoleSelectDetail>) => void, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: 'view-change', listener: (e: CustomEvent<ViewChangeDetail>) => void, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: 'error', listener: (e: CustomEvent<ErrorDetail>) => void, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap { 'spco-roles': SpcoRolesElement }
}
