// Vue's GlobalComponents with spco-roles-vue.d.ts (against a stub of vue: tests/types/stubs).
import type {} from 'spco-roles/vue';
import type { GlobalComponents } from 'vue';

type Props = InstanceType<GlobalComponents['spco-roles']>['$props'];
export const ok: Props = { src: 'data.csv', group: ['sme'], onRoleSelect: (e) => { const r: number | null = e.detail.role; void r; } };
// @ts-expect-error not a colour
export const bad: Props = { 'color-by': 'red' };
