// The one @vue/runtime-core interface spco-roles-vue.d.ts augments (Vue re-exports it).
export interface GlobalComponents {}
