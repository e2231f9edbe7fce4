// `npm run release`: builds dist/ for web teams without Rust.
//   dist/spco-roles-X.Y.Z.tgz   npm-installable (`npm install ./spco-roles-X.Y.Z.tgz`)
//   dist/spco-roles-X.Y.Z.zip   the same files in a folder spco-roles-X.Y.Z/, for people without npm
//   dist/package/               what both contain (the package's own package.json, generated)
// The repository's package.json stays private (it is the development package, with its
// devDependencies); the published one is generated from scripts/release/package.template.json with
// the version of the repository's, and lists exactly the files shipped.
//
// Usage: node scripts/release.mjs [--no-build] [--out DIR]
//   --no-build  package the pkg/ already built (the tests do, after `npm test` built it)
//   --out DIR   write somewhere else than dist/ (the tests write to a temp folder)
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { wasmName } from './pkg-files.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const build = !args.includes('--no-build');
const outIx = args.indexOf('--out');
const out = path.resolve(root, outIx >= 0 ? args[outIx + 1] ?? '' : 'dist');
const say = (msg) => process.stderr.write(`[release] ${msg}\n`);
const run = (cmd, cmdArgs, opts = {}) => execFileSync(cmd, cmdArgs, { stdio: ['ignore', 'pipe', 'inherit'], ...opts }).toString();
const fail = (msg) => { say(`error: ${msg}`); process.exit(1); };

const dev = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const version = dev.version;
if (!/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(version)) fail(`package.json version "${version}" is not semver`);
// One version everywhere: the crate (CLI) and the package are the same release.
const crate = fs.readFileSync(path.join(root, 'Cargo.toml'), 'utf8').match(/^version\s*=\s*"([^"]+)"/m)?.[1];
if (crate !== version) fail(`Cargo.toml says version ${crate}, package.json ${version}`);
// A release without its CHANGELOG entry is a release nobody can read about.
const changelog = fs.readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8');
if (!new RegExp(`^## \\[?${version.replaceAll('.', '\\.')}\\]?(\\s|$)`, 'm').test(changelog)) {
  fail(`CHANGELOG.md has no "## ${version}" section`);
}

if (build) {
  say('building pkg/ (release profile)');
  execFileSync('bash', ['scripts/build.sh'], { cwd: root, stdio: 'inherit', env: { ...process.env, SPCO_PROFILE: 'release' } });
}

// Every file at the top of pkg/ ships (the element's script, any chunk it loads on demand, the
// hashed wasm, the types, a manifest): pkg/ holds nothing else, and pkg/tools/ (benchmarks) is a
// folder, left out.
const pkgDir = path.join(root, 'pkg');
const wasm = wasmName(pkgDir);
const shipped = fs.readdirSync(pkgDir).filter((f) => fs.statSync(path.join(pkgDir, f)).isFile()).sort();
for (const need of ['spco-roles.js', 'spco-roles.d.ts', wasm]) {
  if (!shipped.includes(need)) fail(`pkg/${need} is missing (run npm run build)`);
}
const docs = ['LICENSE', 'CHANGELOG.md', 'README.md'];

const stage = path.join(out, 'package');
fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(stage, { recursive: true });
for (const f of shipped) fs.copyFileSync(path.join(pkgDir, f), path.join(stage, f));
for (const f of docs) fs.copyFileSync(path.join(root, f), path.join(stage, f));

const template = fs.readFileSync(path.join(root, 'scripts/release/package.template.json'), 'utf8');
const manifest = JSON.parse(template
  .replaceAll('@VERSION@', version)
  .replaceAll('@DESCRIPTION@', dev.description.replaceAll('"', '\\"'))
  .replaceAll('@WASM@', wasm));
manifest.files = [...shipped, ...docs];
// A custom-elements manifest, when the build makes one, is announced where tools look for it.
if (shipped.includes('custom-elements.json')) {
  manifest.customElements = './custom-elements.json';
  manifest.exports['./custom-elements.json'] = './custom-elements.json';
}
// Type-only entries: spco-roles-react.d.ts is `spco-roles/react` (likewise vue, jsx).
for (const f of shipped) {
  const extra = f.match(/^spco-roles-([a-z]+)\.d\.ts$/);
  if (extra) manifest.exports[`./${extra[1]}`] = { types: `./${f}` };
}
fs.writeFileSync(path.join(stage, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');

say(`npm pack ${manifest.name}@${version}`);
const quietNpm = { ...process.env, npm_config_update_notifier: 'false' };
const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', out], { cwd: stage, env: quietNpm }))[0];
const tarball = path.join(out, packed.filename);
// npm adds and drops files by its own rules; the tarball must hold exactly what was staged.
const inTar = packed.files.map((f) => f.path).sort();
const staged = [...manifest.files, 'package.json'].sort();
if (JSON.stringify(inTar) !== JSON.stringify(staged)) {
  fail(`the tarball holds ${inTar.join(', ')}; expected ${staged.join(', ')}`);
}

// The zip: the same files in one folder, named after the release. `zip -X` leaves out extra
// file attributes (uid, gid, times beyond DOS), which no web server needs.
const folder = `${manifest.name}-${version}`;
const zipPath = path.join(out, `${folder}.zip`);
const zipRoot = fs.mkdtempSync(path.join(out, '.zip-'));
fs.cpSync(stage, path.join(zipRoot, folder), { recursive: true });
run('zip', ['-X', '-q', '-r', zipPath, folder], { cwd: zipRoot });
fs.rmSync(zipRoot, { recursive: true, force: true });

const kb = (f) => `${(fs.statSync(f).size / 1000).toFixed(1)} KB`;
say(`${path.relative(root, tarball)} (${kb(tarball)}), ${path.relative(root, zipPath)} (${kb(zipPath)})`);
say(`files: ${[...staged].join(' ')}`);
console.log(JSON.stringify({ version, tarball, zip: zipPath, wasm, files: staged }));
