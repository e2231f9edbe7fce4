// A small static server for the demo and the browser tests: serves www/ at /, and pkg/ and data/
// beside it. Only those folders are reachable (never .git, src, or node_modules beyond reveal.js's dist). The release test
// passes its own folders (`mounts`, absolute or relative to the repository) and response headers
// (a Content-Security-Policy, say).
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// reveal.js's built files (a dev dependency) for the slide-deck tests; nothing else of node_modules.
const DEFAULT_MOUNTS = { '/pkg/': 'pkg', '/data/': 'data', '/tests/fixtures/': 'tests/fixtures',
  '/vendor/reveal/': 'node_modules/reveal.js/dist', '/': 'www' };
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm', '.css': 'text/css; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8', '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml',
  '.ts': 'text/plain; charset=utf-8', '.md': 'text/plain; charset=utf-8', '.png': 'image/png',
};

function resolve(mounts, urlPath) {
  for (const [prefix, dir] of Object.entries(mounts)) {
    if (urlPath.startsWith(prefix)) {
      const base = path.resolve(root, dir);
      const file = path.normalize(path.join(base, decodeURIComponent(urlPath.slice(prefix.length))));
      if (!file.startsWith(base)) return null;
      return file;
    }
  }
  return null;
}

export function startServer(port = 0, host = '127.0.0.1', { mounts = DEFAULT_MOUNTS, headers = {} } = {}) {
  const server = http.createServer((req, res) => {
    let urlPath = new URL(req.url, 'http://x').pathname;
    if (urlPath.endsWith('/')) urlPath += 'index.html';
    const file = resolve(mounts, urlPath);
    fs.stat(file ?? '', (err, st) => {
      if (!file || err || !st.isFile()) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(`not found: ${urlPath}\n`);
        return;
      }
      res.writeHead(200, {
        'content-type': types[path.extname(file)] ?? 'application/octet-stream',
        'content-length': st.size,
        'cache-control': 'no-cache',
        ...headers,
      });
      fs.createReadStream(file).pipe(res);
    });
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok(server));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 8080);
  const server = await startServer(port);
  console.log(`spco-roles demo: http://127.0.0.1:${server.address().port}/  (Ctrl+C to stop)`);
}
