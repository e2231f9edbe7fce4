// <spco-roles> in Vue templates (vue-tsc / Volar): `import type {} from 'spco-roles/vue'` once in
// the project. Tell Vue it is a custom element too (compilerOptions.isCustomElement:
// (tag) => tag === 'spco-roles'). Listen with @role-select, @view-change, @error, @load.
import type { SpcoRolesAttributes, RoleSelectDetail, ViewChangeDetail, ErrorDetail } from './spco-roles.js';

export type SpcoRolesVueProps = Omit<SpcoRolesAttributes, 'group'> & {
  group?: string | readonly string[];
  onRoleSelect?: (event: CustomEvent<RoleSelectDetail>) => void;
  onViewChange?: (event: CustomEvent<ViewChangeDetail>) => void;
  onError?: (event: CustomEvent<ErrorDetail>) => void;
  /** New data drawn for the first time. */
  onLoad?: (event: Event) => void;
};

declare module 'vue' {
  interface GlobalComponents {
    'spco-roles': new () => { $props: SpcoRolesVueProps };
  }
}
