// As @types/react/jsx-runtime: the automatic runtime's JSX is React.JSX.
import type { JSX as R } from './index';
export namespace JSX {
  interface Element extends R.Element {}
  interface IntrinsicElements extends R.IntrinsicElements {}
  interface ElementChildrenAttribute extends R.ElementChildrenAttribute {}
}
export function jsx(type: unknown, props: unknown, key?: unknown): JSX.Element;
export function jsxs(type: unknown, props: unknown, key?: unknown): JSX.Element;
export const Fragment: unique symbol;
