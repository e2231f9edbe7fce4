// A typed page using the element: must compile (tsc --noEmit, tests/browser/types.test.mjs), and the
// lines marked as expected errors must be errors.
import { SpcoRolesElement, type Stats, type DataInfo, type Layout, type ViewState, type Comparison } from 'spco-roles';

const el = document.querySelector('spco-roles');
if (el) {
  const e: SpcoRolesElement = el;
  e.view = 'hierarchy';
  e.group = ['sme', 'large'];
  e.group = 'sme,large';
  const g: string = e.group;
  e.crosshairFollows = true;
  e.colorBy = 'importance';
  e.format = 'wide';
  e.synthetic = false;
  e.src = null;
  void e.setData('role,scale,n,mean\n', 'summary', 'table.csv');
  void e.setData(new Uint8Array(4));
  const s: Stats | null = e.stats;
  const mean: number | undefined = s?.roles[0].importance?.mean;
  const sel: string[] | undefined = s?.selection.groups;
  const picked: boolean | undefined = s?.groups[0]?.selected;
  const notes: string[] | undefined = s?.notes;
  const kind: 'framework' | 'action' | undefined = s?.spearheads[0]?.kind;
  const info: DataInfo | null = e.dataInfo;
  const excluded: number | undefined = info?.excluded[0]?.count;
  const l: Layout | null = e.layout;
  const dpr: number | undefined = l?.dpr;
  e.textScale = 1.5;
  e.textScale = 'auto';
  e.source = 'VUB survey 2024, Table 3';
  e.urlState = true;
  e.compare = 'sme,large';
  const c: Comparison | null = e.comparison;
  const svg: string | null = await e.toSvg();
  const csv: string | null = e.toCsv();
  void e.copyImage().then((ok: boolean) => ok);
  const st: ViewState | null = e.state;
  if (st) e.state = { ...st, zoom: null };
  e.state = { selected: 5 };
  void [c, svg, csv];
  e.addEventListener('role-select', (ev) => { const r: number | null = ev.detail.role; void r; });
  e.addEventListener('view-change', (ev) => { const x: number = ev.detail.x0; void x; });
  e.addEventListener('error', (ev) => { const m: string = ev.detail.message; void m; });
  document.body.addEventListener('role-select', (ev) => { const src: string | null = ev.detail.source; void src; });
  void [g, mean, sel, picked, notes, kind, excluded, dpr];
  // @ts-expect-error not a view
  e.view = 'pie';
  // @ts-expect-error the stats have no such field
  void s?.roles[0].importance?.average;
  // @ts-expect-error not a text scale
  e.textScale = 'huge';
  // @ts-expect-error not a view
  e.state = { view: 'pie' };
  // @ts-expect-error booleans are booleans
  e.controls = 'yes';
}
const made = document.createElement('spco-roles');
const m: SpcoRolesElement = made;
void m;
