// A JSX with a global namespace (Preact-style) with spco-roles-jsx.d.ts.
import type {} from 'spco-roles/jsx';
declare global { namespace JSX { interface Element { type: unknown } } }
declare function h(type: unknown, props: unknown, ...children: unknown[]): JSX.Element;
void h;
export const ok = <spco-roles src="data.csv" zoom="report" crosshair-follows text-scale="1.5" url-state source="VUB" />;
// @ts-expect-error not an error-bar kind
export const bad = <spco-roles errorbars="box" />;
