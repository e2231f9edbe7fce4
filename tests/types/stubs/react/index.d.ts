// The few @types/react 19 declarations spco-roles-react.d.ts touches, shaped as React's are (its
// JSX namespace lives in the module), so the check runs without React installed.
export interface HTMLAttributes<T> { id?: string; className?: string; lang?: string; hidden?: boolean; children?: unknown; onClick?: (e: MouseEvent) => void }
export type DetailedHTMLProps<E, T> = E & { ref?: { current: T | null } | ((el: T | null) => void) | null; key?: string | number };
export namespace JSX {
  interface Element { type: unknown }
  interface IntrinsicElements { div: DetailedHTMLProps<HTMLAttributes<HTMLDivElement>, HTMLDivElement> }
  interface ElementChildrenAttribute { children: {} }
}
