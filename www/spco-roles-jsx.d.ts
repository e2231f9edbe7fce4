// <spco-roles> in any JSX with a global `JSX` namespace (Preact, Solid, React before 19, ...):
// `/// <reference types="spco-roles/jsx" />` once in the project. React 19 reads its own
// namespace: use spco-roles-react.d.ts instead.
import type { SpcoRolesAttributes } from './spco-roles.js';

declare global {
  namespace JSX {
    interface IntrinsicElements {
      'spco-roles': SpcoRolesAttributes & {
        id?: string; class?: string; className?: string; slot?: string; hidden?: boolean;
        key?: string | number; ref?: unknown; style?: unknown; children?: unknown;
      };
    }
  }
}
