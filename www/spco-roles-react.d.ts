// <spco-roles> in React 19 JSX (React's own `JSX` namespace): `/// <reference types="spco-roles/react" />`
// or `import type {} from 'spco-roles/react'` once in the project (needs @types/react 19).
// React 19 sets a prop as the element's property when it has one (so `group` may be an array)
// and listens to `on<event>` props for custom events: `onrole-select`, `onview-change`.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { SpcoRolesAttributes, SpcoRolesElement, RoleSelectDetail, ViewChangeDetail, ErrorDetail } from './spco-roles.js';

export type SpcoRolesReactProps = DetailedHTMLProps<HTMLAttributes<SpcoRolesElement>, SpcoRolesElement>
  & Omit<SpcoRolesAttributes, 'group'> & {
    group?: string | readonly string[];
    'onrole-select'?: (event: CustomEvent<RoleSelectDetail>) => void;
    'onview-change'?: (event: CustomEvent<ViewChangeDetail>) => void;
    onerror?: (event: CustomEvent<ErrorDetail>) => void;
    /** New data drawn for the first time. */
    onload?: (event: Event) => void;
  };

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'spco-roles': SpcoRolesReactProps;
    }
  }
}
