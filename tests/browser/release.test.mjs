// The release as a web team meets it (issue #12): `npm run release` output installed from its
// tarball into an empty folder and bundled with esbuild, and its zip unpacked on a plain static
// server with the documented Content-Security-Policy. Both pages must draw the 14 roles of
// Table 3 and fetch the hashed .wasm from where the README says it lives.
// Packages the pkg/ that `npm test` just built (release.mjs --no-build) into a temp folder; needs no
// network (npm install --offline of a package without dependencies).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from './harness.mjs';
import { startServer } from '../../scripts/serve.mjs';
import { WASM_PATTERN } from '../../scripts/pkg-files.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const devPackage = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const TABLE3 = fs.readFileSync(path.join(root, 'data/table3-summary.csv'));
// No npm command here needs the network (nor its update check).
const env = { ...process.env, npm_config_update_notifier: 'false' };
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] }).toString();

let tmp, release, browser;
before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'spco-release-'));
  const stdout = run('node', ['scripts/release.mjs', '--no-build', '--out', path.join(tmp, 'dist')], root);
  release = JSON.parse(stdout.trim().split('\n').pop());
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
});
after(async () => {
  await browser?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

// Serves `dir` at / on loopback, opens `page` in Chromium and waits for the element's first
// frame; returns what the page drew and fetched, and every error it reported.
async function openAndDraw(dir, page, headers = {}) {
  const server = await startServer(0, '127.0.0.1', { mounts: { '/': dir }, headers });
  const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
  try {
    const tab = await context.newPage();
    const errors = [];
    const wasmFetches = [];
    tab.on('pageerror', (e) => errors.push(String(e)));
    tab.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    tab.on('response', (r) => {
      if (r.url().endsWith('.wasm')) wasmFetches.push({ path: new URL(r.url()).pathname, status: r.status() });
    });
    await tab.addInitScript(() => {
      window.__violations = [];
      window.__failures = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective}: ${e.blockedURI}`));
      // The element's own `error` event (bubbling, composed): a load failure ends the wait early.
      document.addEventListener('error', (e) => { if (e.detail?.message) window.__failures.push(e.detail.message); });
    });
    await tab.goto(`http://127.0.0.1:${server.address().port}/${page}`);
    await tab.waitForFunction(() => document.querySelector('spco-roles')?.layout?.points || window.__failures.length,
      null, { timeout: 20000 });
    const drawn = await tab.evaluate(() => ({
      points: document.querySelector('spco-roles').layout?.points?.length ?? 0,
      roles: document.querySelector('spco-roles').stats?.roles?.length ?? 0,
      violations: window.__violations,
      failures: window.__failures,
    }));
    return { ...drawn, errors: [...drawn.failures, ...errors], wasmFetches };
  } finally {
    await context.close();
    await new Promise((ok) => server.close(ok));
  }
}

test('the tarball: real version, exports, types, license, the hashed wasm and the docs', () => {
  const listing = run('tar', ['-tzf', release.tarball], tmp).trim().split('\n').sort();
  const expected = release.files.map((f) => `package/${f}`).sort();
  assert.deepEqual(listing, expected);
  for (const f of ['spco-roles.js', 'spco-roles.d.ts', 'LICENSE', 'CHANGELOG.md', 'README.md', 'package.json']) {
    assert.ok(release.files.includes(f), `${f} is shipped`);
  }
  assert.equal(path.basename(release.tarball), `spco-roles-${devPackage.version}.tgz`);

  const stage = path.join(tmp, 'dist/package');
  const pkg = JSON.parse(fs.readFileSync(path.join(stage, 'package.json'), 'utf8'));
  assert.equal(pkg.name, 'spco-roles');
  assert.equal(pkg.version, devPackage.version);
  assert.match(pkg.version, /^\d+\.\d+\.\d+$/);
  assert.equal(pkg.private, undefined, 'the published package is not private');
  assert.equal(pkg.license, 'MIT');
  assert.equal(pkg.devDependencies, undefined);
  assert.equal(pkg.dependencies, undefined, 'nothing to fetch at install');
  assert.equal(pkg.exports['.'].default, './spco-roles.js');
  assert.equal(pkg.exports['.'].types, './spco-roles.d.ts');
  assert.equal(pkg.types, './spco-roles.d.ts');
  // Every path the manifest names is a file that ships.
  for (const target of [pkg.main, pkg.types, pkg.exports['./wasm'], ...Object.values(pkg.exports['.'])]) {
    assert.ok(release.files.includes(target.replace(/^\.\//, '')), `${target} ships`);
  }

  // The wasm's name is its content's hash, and the script asks for exactly that name.
  const wasm = release.files.filter((f) => WASM_PATTERN.test(f));
  assert.deepEqual(wasm, [release.wasm]);
  // The files the element fetches on demand ship too, under the names the scripts ask for.
  const more = release.files.filter((f) => /^spco-roles-more\.[0-9a-f]{8}\.(js|wasm)$/.test(f));
  const later = release.files.filter((f) => /^spco-roles\.later\.[0-9a-f]{8}\.js$/.test(f));
  assert.equal(more.length, 2, release.files.join(' '));
  assert.equal(later.length, 1, release.files.join(' '));
  assert.ok(release.files.includes('spco-roles-worker.js'));
  assert.equal(release.files.filter((f) => f.endsWith('.wasm')).length, 2, release.files.join(' '));
  assert.match(release.wasm, WASM_PATTERN);
  const bytes = fs.readFileSync(path.join(stage, release.wasm));
  const hash = crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 8);
  assert.equal(release.wasm, `spco_roles_bg.${hash}.wasm`);
  const js = fs.readFileSync(path.join(stage, 'spco-roles.js'), 'utf8');
  assert.equal(js.split(`./${release.wasm}`).length - 1, 1, 'the element asks for the hashed name once');
  assert.ok(!/["'`](\.\/)?spco_roles_bg\.wasm["'`]/.test(js), 'no unhashed name is left in the script');
  for (const f of [...more, ...later]) assert.equal(js.split(`./${f}`).length - 1, 1, `the element asks for ${f} once`);
  const worker = fs.readFileSync(path.join(stage, 'spco-roles-worker.js'), 'utf8');
  assert.ok(worker.includes(`./${more.find((f) => f.endsWith('.wasm'))}`), 'the worker asks for the on-demand wasm');

  const changelog = fs.readFileSync(path.join(stage, 'CHANGELOG.md'), 'utf8');
  assert.match(changelog, new RegExp(`^## ${pkg.version.replaceAll('.', '\\.')}\\b`, 'm'));
  assert.match(fs.readFileSync(path.join(stage, 'LICENSE'), 'utf8'), /^MIT License/);
});

test('the zip holds the same files in one folder named after the release', () => {
  const folder = `spco-roles-${devPackage.version}`;
  assert.equal(path.basename(release.zip), `${folder}.zip`);
  const listing = run('unzip', ['-Z1', release.zip], tmp).trim().split('\n').filter((f) => !f.endsWith('/')).sort();
  assert.deepEqual(listing, release.files.map((f) => `${folder}/${f}`).sort());
});

test('installed from the tarball into an empty folder and bundled with esbuild, it draws the chart', async () => {
  const app = path.join(tmp, 'app');
  fs.mkdirSync(path.join(app, 'src'), { recursive: true });
  fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  run('npm', ['install', release.tarball, '--offline', '--no-audit', '--no-fund', '--loglevel=error'], app);
  const installed = JSON.parse(fs.readFileSync(path.join(app, 'node_modules/spco-roles/package.json'), 'utf8'));
  assert.equal(installed.version, devPackage.version);

  // The app's own code, as a web team would write it: a bare import of the package.
  fs.writeFileSync(path.join(app, 'src/main.js'), [
    "import 'spco-roles';",
    "const el = document.createElement('spco-roles');",
    "el.setAttribute('src', 'table3-summary.csv');",
    'document.body.append(el);',
    '',
  ].join('\n'));
  const site = path.join(app, 'public');
  fs.mkdirSync(site);
  run(path.join(root, 'node_modules/.bin/esbuild'), ['src/main.js', '--bundle', '--format=esm', '--minify',
    '--log-level=warning', `--outfile=${path.join(site, 'main.js')}`], app);
  // esbuild leaves new URL('./x.wasm', import.meta.url) alone and copies no assets: the one step
  // the README documents is copying the module next to the bundle, found through the package's
  // `spco-roles/wasm` export (so the copy needs no knowledge of the hash).
  const wasmPath = createRequire(path.join(app, 'package.json')).resolve('spco-roles/wasm');
  assert.equal(path.basename(wasmPath), release.wasm);
  fs.copyFileSync(wasmPath, path.join(site, path.basename(wasmPath)));
  fs.writeFileSync(path.join(site, 'table3-summary.csv'), TABLE3);
  fs.writeFileSync(path.join(site, 'index.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8">'
    + '<link rel="icon" href="data:,"><script type="module" src="main.js"></script>'
    + '<style>spco-roles{width:900px;height:600px}</style></head><body></body></html>');

  const r = await openAndDraw(site, 'index.html');
  assert.deepEqual(r.errors, []);
  assert.equal(r.points, 14, 'the 14 roles of Table 3 are drawn');
  assert.equal(r.roles, 14);
  assert.deepEqual(r.wasmFetches, [{ path: `/${release.wasm}`, status: 200 }]);
});

test('unzipped on a plain static server, the <script> embed finds its wasm next to the script under the CSP', async () => {
  const site = path.join(tmp, 'site');
  fs.mkdirSync(path.join(site, 'vendor'), { recursive: true });
  run('unzip', ['-q', release.zip, '-d', path.join(site, 'vendor')], tmp);
  const folder = `spco-roles-${devPackage.version}`;
  fs.writeFileSync(path.join(site, 'table3-summary.csv'), TABLE3);
  // The README's one-line embed, from a sub-folder: the module is found relative to the script,
  // not to the page.
  fs.writeFileSync(path.join(site, 'index.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8">'
    + `<link rel="icon" href="data:,"><script type="module" src="vendor/${folder}/spco-roles.js"></script>`
    + '</head><body><spco-roles src="table3-summary.csv" lang="nl"></spco-roles></body></html>');

  // The script part of the README's policy: no inline script, no eval, only wasm compilation.
  const csp = "script-src 'self' 'wasm-unsafe-eval'";
  const r = await openAndDraw(site, 'index.html', { 'content-security-policy': csp });
  assert.deepEqual(r.errors, []);
  assert.deepEqual(r.violations, []);
  assert.equal(r.points, 14);
  assert.deepEqual(r.wasmFetches, [{ path: `/vendor/${folder}/${release.wasm}`, status: 200 }]);
});
