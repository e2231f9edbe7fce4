// React 19 JSX with spco-roles-react.d.ts (against a stub of @types/react: tests/types/stubs).
import type {} from 'spco-roles/react';

export const ok = (
  <spco-roles src="data.csv" view="hierarchy" group={['sme']} controls color-by="gap" lang="nl"
    onrole-select={(e) => { const r: number | null = e.detail.role; void r; }} />
);
// @ts-expect-error not a view
export const bad = <spco-roles view="pie" />;
