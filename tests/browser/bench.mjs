// Browser benchmarks of the component (npm run bench): shipped bytes, page load to first chart,
// one redraw during a wheel-zoom sequence, and a group refilter, at 30, 10,000 and 100,000
// respondents. Prints a table and writes bench-results/browser.json.
import fs from 'node:fs';
import zlib from 'node:zlib';
import { launch, synthetic } from './harness.mjs';
import { shippedFiles } from '../../scripts/pkg-files.mjs';

const quantile = (xs, q) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(q * s.length))]; };
const median = (xs) => quantile(xs, 0.5);

function shippedBytes() {
  const files = shippedFiles('pkg');
  const out = {};
  let total = { raw: 0, gzip: 0, brotli: 0 };
  for (const f of files) {
    const b = fs.readFileSync(f);
    const r = { raw: b.length, gzip: zlib.gzipSync(b, { level: 9 }).length,
      brotli: zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length };
    out[f] = r;
    for (const k of Object.keys(total)) total[k] += r[k];
  }
  out.total = total;
  return out;
}

const env = await launch();
const results = { date: new Date().toISOString(), bytes: shippedBytes(), sizes: {} };
try {
  // Page load to first drawn chart (30 respondents: the reconstructed Table 3 data).
  const loads = [];
  for (let i = 0; i < 7; i++) {
    const page = await env.page({ width: 1000, height: 700 });
    await page.goto(`${env.base}/tests/fixtures/blank.html`);
    const t = await page.evaluate(() => new Promise((ok) => {
      const t0 = performance.now();
      const el = document.createElement('spco-roles');
      el.setAttribute('src', '/data/reconstructed-table3.csv');
      document.body.append(el);
      const poll = () => (el.layout && el.layout.points ? ok(performance.now() - t0) : requestAnimationFrame(poll));
      poll();
    }));
    const nav = await page.evaluate(() => performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd);
    loads.push({ t, nav });
    await page.context().close();
  }
  results.first_chart_ms = median(loads.map((l) => l.t));

  for (const n of [30, 10000, 100000]) {
    const page = await env.page({ width: 1000, height: 700 });
    await page.goto(`${env.base}/tests/fixtures/blank.html`);
    const csv = n === 30 ? fs.readFileSync('data/reconstructed-table3.csv', 'utf8') : synthetic(n);
    const r = await page.evaluate(async (text) => {
      const el = document.createElement('spco-roles');
      document.body.append(el);
      const t0 = performance.now();
      await el.setData(text, 'auto', 'bench.csv');
      const loadMs = performance.now() - t0;
      await new Promise((ok) => { const poll = () => (el.layout?.points ? ok() : requestAnimationFrame(poll)); poll(); });
      const h = el._handle.wasm; // the raw wasm Chart: time wasm alone
      const w = el.layout.width_css, hh = el.layout.height_css;
      const redraw = [];
      // A wheel-zoom sequence: in toward a point, then back out (as a presenter would).
      for (let i = 0; i < 120; i++) {
        const f = i < 60 ? 1.06 : 1 / 1.06;
        const a = performance.now();
        h.zoom_at(w * 0.7, hh * 0.3, f);
        h.draw(a);
        redraw.push(performance.now() - a);
      }
      const refilter = [];
      const sets = ['sme', 'large,knowledge', '', 'director', 'intermediary,sme'];
      for (let i = 0; i < 15; i++) {
        const a = performance.now();
        el.group = sets[i % sets.length];
        h.draw(a);
        refilter.push(performance.now() - a);
      }
      return { loadMs, redraw, refilter };
    }, csv);
    results.sizes[n] = {
      import_and_stats_ms: r.loadMs,
      redraw_median_ms: median(r.redraw), redraw_p95_ms: quantile(r.redraw, 0.95),
      refilter_median_ms: median(r.refilter), refilter_p95_ms: quantile(r.refilter, 0.95),
    };
    if (page.errors.length) throw new Error(page.errors.join('\n'));
    await page.context().close();
  }

  // The hierarchy: first layout + draw (includes the crossing-minimising order, computed once per
  // page), and one redraw during a wheel-zoom sequence.
  {
    const page = await env.page({ width: 1200, height: 800 });
    await page.goto(`${env.base}/tests/fixtures/blank.html`);
    const csv = fs.readFileSync('data/reconstructed-table3.csv', 'utf8');
    results.hierarchy = await page.evaluate(async (text) => {
      const el = document.createElement('spco-roles');
      el.setAttribute('view', 'hierarchy');
      el.style.height = '700px';
      document.body.append(el);
      await el.setData(text, 'auto', 'bench.csv');
      const h = el._handle.wasm; // the raw wasm Chart: time wasm alone
      cancelAnimationFrame(el._raf); el._raf = 0;
      const t0 = performance.now();
      h.draw(t0);
      const first = performance.now() - t0;
      const w = el.layout.width_css, hh = el.layout.height_css;
      const redraw = [];
      for (let i = 0; i < 120; i++) {
        const a = performance.now();
        h.zoom_at(w * 0.6, hh * 0.4, i < 60 ? 1.04 : 1 / 1.04);
        h.draw(a);
        redraw.push(performance.now() - a);
      }
      return { first, redraw };
    }, csv);
    results.hierarchy = { first_layout_and_draw_ms: results.hierarchy.first,
      redraw_median_ms: median(results.hierarchy.redraw), redraw_p95_ms: quantile(results.hierarchy.redraw, 0.95) };
    if (page.errors.length) throw new Error(page.errors.join('\n'));
    await page.context().close();
  }

  // The summary-table tools in wasm (built aside with the `tools` feature into pkg/tools).
  if (fs.existsSync('pkg/tools/spco_roles.js')) {
    const page = await env.page();
    await page.goto(`${env.base}/tests/fixtures/blank.html`);
    const summary = fs.readFileSync('data/table3-summary.csv', 'utf8');
    results.tools = await page.evaluate(async (text) => {
      const m = await import('/pkg/tools/spco_roles.js');
      await m.default({ module_or_path: '/pkg/tools/spco_roles_bg.wasm' });
      const rec = [];
      for (let seed = 1; seed <= 21; seed++) {
        const a = performance.now();
        const csv = m.reconstruct_summary(text, 'table3-summary.csv', BigInt(seed));
        rec.push(performance.now() - a);
        if (!csv.startsWith('respondent,group')) throw new Error('bad reconstruction');
      }
      const noN = text.split('\n').map((l, i) => (i === 0 || !l ? l : l.split(',').map((c, j) => (j === 2 ? '' : c)).join(','))).join('\n');
      const chk = [];
      for (let i = 0; i < 5; i++) {
        const a = performance.now();
        m.check_summary(noN, 'table3-without-n.csv');
        chk.push(performance.now() - a);
      }
      return { rec, chk };
    }, summary);
    results.tools = { reconstruct_table3_ms: median(results.tools.rec), check_table3_without_n_ms: median(results.tools.chk) };
    await page.context().close();
  }
} finally {
  await env.close();
}

fs.mkdirSync('bench-results', { recursive: true });
fs.writeFileSync('bench-results/browser.json', JSON.stringify(results, null, 2));
const f = (x) => x.toFixed(2).padStart(9);
console.log('\nShipped (pkg/):');
for (const [k, v] of Object.entries(results.bytes)) console.log(`  ${k.padEnd(26)} ${String(v.raw).padStart(8)} B  gzip ${String(v.gzip).padStart(7)}  brotli ${String(v.brotli).padStart(7)}`);
console.log(`\nPage load -> first drawn chart (30 respondents): ${results.first_chart_ms.toFixed(1)} ms (median of 7)`);
console.log('\nrespondents   load+stats ms   redraw median / p95 ms   refilter+redraw median / p95 ms');
for (const [n, r] of Object.entries(results.sizes)) {
  console.log(`${String(n).padStart(11)} ${f(r.import_and_stats_ms)}       ${f(r.redraw_median_ms)} / ${f(r.redraw_p95_ms)}        ${f(r.refilter_median_ms)} / ${f(r.refilter_p95_ms)}`);
}
const hz = results.hierarchy;
console.log(`\nhierarchy: first layout + draw ${hz.first_layout_and_draw_ms.toFixed(1)} ms; redraw during zoom median ${hz.redraw_median_ms.toFixed(2)} / p95 ${hz.redraw_p95_ms.toFixed(2)} ms`);
if (results.tools) console.log(`tools in wasm: reconstruct Table 3 (28 items) ${results.tools.reconstruct_table3_ms.toFixed(1)} ms (median of 21 seeds); check Table 3 without n ${results.tools.check_table3_without_n_ms.toFixed(1)} ms`);
