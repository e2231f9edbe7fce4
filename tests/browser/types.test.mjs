// Issue #12: the types match the element. pkg/spco-roles.d.ts (what ships) is read and compared
// with the element as it runs: its class members with the element's own properties and methods,
// its attribute interface with observedAttributes, its event map with the events the source
// dispatches, and each stats/layout/dataInfo interface with the objects wasm really hands out
// (the Rust serde types). custom-elements.json must say the same. Then tsc --noEmit checks a
// typed usage example and the React 19, Vue and global-JSX declarations (tests/types/).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { launch, mount } from './harness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DTS = fs.readFileSync(path.join(root, 'pkg/spco-roles.d.ts'), 'utf8');
const MANIFEST = JSON.parse(fs.readFileSync(path.join(root, 'pkg/custom-elements.json'), 'utf8'));
const DECL = MANIFEST.modules[0].declarations.find((d) => d.tagName === 'spco-roles');
const sorted = (a) => [...new Set(a)].sort();

// `export interface Name { member: type; ... }` of the d.ts: name -> { all: [...], optional: [...] }.
function interfaces(text) {
  const out = {};
  for (const [, name, body] of text.matchAll(/^export interface (\w+) \{\n([\s\S]*?)^\}/gm)) {
    const members = [...body.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/^ {2}'?([\w-]+)'?(\?)?:/gm)];
    out[name] = { all: members.map((m) => m[1]), optional: members.filter((m) => m[2]).map((m) => m[1]) };
  }
  return out;
}
// The members of `declare class SpcoRolesElement` (without the event-listener overloads).
function classMembers(text) {
  const body = text.match(/^export declare class SpcoRolesElement extends HTMLElement \{\n([\s\S]*?)^\}/m)[1]
    .replace(/\/\*[\s\S]*?\*\//g, '');
  return sorted([...body.matchAll(/^ {2}(?:readonly\s+)?(?:get\s+|set\s+)?(\w+)\s*[:(<?]/gm)].map((m) => m[1])
    .filter((n) => n !== 'addEventListener' && n !== 'removeEventListener'));
}
const IFACES = interfaces(DTS);

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

test('the d.ts class, the element and custom-elements.json list the same properties, methods, attributes and events', async () => {
  const page = await env.page();
  await mount(page, env.base, '', { wait: false });
  const runtime = await page.evaluate(async () => {
    // The element's source as written (pkg/ is minified, its private names mangled).
    const { SpcoRolesElement } = await import('/element/element.js');
    const LIFECYCLE = new Set(['constructor', 'connectedCallback', 'disconnectedCallback', 'attributeChangedCallback', 'adoptedCallback']);
    const own = Object.getOwnPropertyNames(SpcoRolesElement.prototype).filter((n) => !n.startsWith('_') && !LIFECYCLE.has(n));
    const shipped = customElements.get('spco-roles');
    const kinds = Object.fromEntries(own.map((n) => [n,
      typeof Object.getOwnPropertyDescriptor(SpcoRolesElement.prototype, n).value === 'function' ? 'method' : 'field']));
    return { own, kinds, observed: SpcoRolesElement.observedAttributes, shippedObserved: shipped.observedAttributes,
      shippedHas: own.filter((n) => n in shipped.prototype) };
  });
  const dtsClass = classMembers(DTS);
  assert.deepEqual(dtsClass, sorted(runtime.own), 'd.ts class members = the element\'s own public members');
  assert.deepEqual(sorted(runtime.shippedHas), sorted(runtime.own), 'the bundle has them too');
  assert.deepEqual(sorted(runtime.shippedObserved), sorted(runtime.observed));
  // Attributes: the d.ts attribute interface, the manifest, each with a property.
  assert.deepEqual(sorted(IFACES.SpcoRolesAttributes.all), sorted(runtime.observed), 'SpcoRolesAttributes = observedAttributes');
  assert.deepEqual(sorted(DECL.attributes.map((a) => a.name)), sorted(runtime.observed), 'manifest attributes = observedAttributes');
  for (const a of DECL.attributes) {
    assert.ok(runtime.own.includes(a.fieldName), `attribute ${a.name} has the property ${a.fieldName}`);
    assert.equal(a.fieldName, a.name.replace(/-([a-z])/g, (_, c) => c.toUpperCase()), 'camelCase property name');
  }
  // Members: the manifest's fields and methods are the element's.
  assert.deepEqual(sorted(DECL.members.map((m) => m.name)), sorted(runtime.own), 'manifest members = the element\'s');
  for (const m of DECL.members) assert.equal(m.kind, runtime.kinds[m.name], `manifest kind of ${m.name}`);
  // Events: what the source dispatches = the d.ts event map = the manifest.
  const src = fs.readdirSync(path.join(root, 'www/element')).map((f) => fs.readFileSync(path.join(root, 'www/element', f), 'utf8')).join('\n');
  const dispatched = sorted([...src.matchAll(/new (?:Custom)?Event\('([\w-]+)'/g)].map((m) => m[1]));
  assert.deepEqual(sorted(IFACES.SpcoRolesEventMap.all), dispatched, 'SpcoRolesEventMap = the events dispatched');
  assert.deepEqual(sorted(DECL.events.map((e) => e.name)), dispatched, 'manifest events = the events dispatched');
  // CSS parts: the manifest's are the shadow markup's.
  const parts = sorted([...src.matchAll(/part="([\w-]+)"/g)].map((m) => m[1]));
  assert.deepEqual(sorted(DECL.cssParts.map((p) => p.name)), parts);
  assert.ok(DTS.includes("'spco-roles': SpcoRolesElement") && /interface HTMLElementEventMap/.test(DTS), 'tag and event map augmentation');
});

// Compares the object `value` with interface `name`, recursing through `nested` (path -> interface).
function checkShape(value, name, where, problems) {
  const iface = IFACES[name];
  assert.ok(iface, `the d.ts has interface ${name}`);
  const keys = Object.keys(value);
  const missing = iface.all.filter((k) => !iface.optional.includes(k) && !keys.includes(k));
  const extra = keys.filter((k) => !iface.all.includes(k));
  if (missing.length) problems.push(`${where} (${name}) lacks ${missing.join(', ')}`);
  if (extra.length) problems.push(`${where} (${name}) has untyped ${extra.join(', ')}`);
}

test('the stats, layout and dataInfo objects have exactly the members the d.ts declares', async () => {
  const page = await env.page();
  await mount(page, env.base, `<spco-roles id="q" src="/data/reconstructed-table3.csv"></spco-roles>
    <spco-roles id="h" src="/data/reconstructed-table3.csv" view="hierarchy"></spco-roles>
    <spco-roles id="s" src="/data/table3-summary.csv"></spco-roles>`, { wait: false });
  await page.waitForFunction(() => ['q', 'h', 's'].every((id) => document.getElementById(id).layout?.width_css));
  const objs = await page.evaluate(async () => {
    const q = document.getElementById('q');
    const h = document.getElementById('h');
    const s = document.getElementById('s');
    q.group = 'sme';
    const ex = document.createElement('spco-roles');
    document.body.append(ex);
    // Rows a Qualtrics export marks as previews are left out: an exclusion to look at.
    await ex.setData(await (await fetch('/tests/fixtures/import/qualtrics_numeric.csv')).text());
    return { stats: q.stats, summaryStats: s.stats, layout: q.layout, hierLayout: h.layout, info: q.dataInfo, exInfo: ex.dataInfo };
  });
  const problems = [];
  const shape = (v, name, where) => { assert.ok(v && typeof v === 'object', `${where} is an object`); checkShape(v, name, where, problems); };
  for (const [which, st] of [['stats', objs.stats], ['summary stats', objs.summaryStats]]) {
    shape(st, 'Stats', which);
    shape(st.selection, 'Selection', `${which}.selection`);
    shape(st.crosshair, 'CrosshairValue', `${which}.crosshair`);
    st.groups.forEach((g, i) => shape(g, 'GroupStats', `${which}.groups[${i}]`));
    st.roles.forEach((r, i) => {
      shape(r, 'RoleStats', `${which}.roles[${i}]`);
      for (const k of ['importance', 'performance']) if (r[k]) shape(r[k], 'Describe', `${which}.roles[${i}].${k}`);
    });
    st.categories.forEach((c, i) => { shape(c, 'CategoryRollup', `${which}.categories[${i}]`); shape(c.importance, 'RollupMean', 'rollup mean'); });
    st.spearheads.forEach((c, i) => { shape(c, 'SpearheadRollup', `${which}.spearheads[${i}]`); shape(c.performance, 'RollupMean', 'rollup mean'); });
  }
  assert.ok(objs.stats.groups.length && objs.stats.categories.length && objs.stats.spearheads.length, 'something to compare');
  for (const [which, l] of [['layout', objs.layout], ['hierarchy layout', objs.hierLayout]]) {
    shape(l, 'Layout', which);
    shape(l.plot, 'Rect', `${which}.plot`);
    shape(l.view, 'ViewRanges', `${which}.view`);
    l.points.forEach((p, i) => shape(p, 'LayoutPoint', `${which}.points[${i}]`));
    l.labels.forEach((p, i) => shape(p, 'LayoutLabel', `${which}.labels[${i}]`));
    l.nodes.forEach((n, i) => { shape(n, 'LayoutNode', `${which}.nodes[${i}]`); n.line_boxes.forEach((b) => shape(b, 'Rect', 'line box')); });
    l.edges.forEach((e, i) => shape(e, 'LayoutEdge', `${which}.edges[${i}]`));
  }
  assert.ok(objs.layout.points.length && objs.layout.labels.length && objs.hierLayout.nodes.length && objs.hierLayout.edges.length);
  for (const [which, info] of [['dataInfo', objs.info], ['dataInfo (qualtrics)', objs.exInfo]]) {
    shape(info, 'DataInfo', which);
    info.groups.forEach((g, i) => shape(g, 'GroupStats', `${which}.groups[${i}]`));
    info.excluded.forEach((e, i) => shape(e, 'Exclusion', `${which}.excluded[${i}]`));
  }
  assert.ok(objs.exInfo.excluded.length, 'an exclusion was compared');
  assert.deepEqual(problems, []);
});

test('tsc --noEmit: a typed usage example, React 19, Vue and global-JSX declarations (expected errors are errors)', () => {
  const tsc = path.join(root, 'node_modules/.bin/tsc');
  for (const config of ['tests/types/tsconfig.json', 'tests/types/tsconfig.jsx.json']) {
    try {
      execFileSync(tsc, ['-p', config], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      assert.fail(`tsc -p ${config}:\n${e.stdout}${e.stderr}`);
    }
  }
});
